// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// FailMember: mark a member faulty, refused where the array would lose data.

#include "engine/plan.h"
#include "engine/validator.h"

#include <KLocalizedString>

namespace plexus {

struct ValidFail { ResolvedArray array; ResolvedDevice member; };

struct FailMemberRequest {
    static constexpr OperationInfo info{"FailMember", "fail", kli18nc("plexusctl: what a command does", "mark a member faulty (refused if data would be lost)"), polkitActions::modify};
    using Valid = ValidFail;

    QString array;
    DeviceSpec member;
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(array, arrayArgument());
        v(member, argument("member", "", "MEMBER"));
        common.visit(v);
    }
    QString title() const { return i18nc("an operation's title: %1 a member, %2 an array", "Mark %1 failed in %2", deviceName(member.path), deviceName(array)); }
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const FailMemberRequest &r, ValidFail *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidFail &v);

} // namespace plexus

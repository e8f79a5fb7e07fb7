// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// RemoveMember: take a faulty member or a spare out (a vanished one by its kernel
// name), failing a working one first only when asked, its superblock erased when asked.

#include "engine/plan.h"
#include "engine/validator.h"

#include <KLocalizedString>

namespace plexus {

struct ValidRemove {
    ResolvedArray array;
    ResolvedDevice member;
    bool vanished = false;       // the member's disk is gone: remove it through sysfs
    bool failFirst = false;
    bool zeroSuperblock = false;
};

struct RemoveMemberRequest {
    static constexpr OperationInfo info{"RemoveMember", "remove", kli18nc("plexusctl: what a command does", "remove a faulty member or a spare"), polkitActions::modify};
    using Valid = ValidRemove;

    QString array;
    DeviceSpec member;
    bool fail = false;            // mark it faulty first (it is still working)
    bool zeroSuperblock = false;  // erase its md superblock afterwards
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(array, arrayArgument());
        v(member, argument("member", "", "MEMBER"));
        v(fail, option("fail", kli18nc("plexusctl --help: what an option does", "Mark it faulty first (it is still working).")));
        v(zeroSuperblock, erasing(option("zero_superblock", kli18nc("plexusctl --help: what an option does", "Erase its md superblock afterwards."))));
        common.visit(v);
    }
    QString title() const { return i18nc("an operation's title: %1 a member, %2 an array", "Remove %1 from %2", deviceName(member.path), deviceName(array)); }
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const RemoveMemberRequest &r, ValidRemove *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidRemove &v);

} // namespace plexus

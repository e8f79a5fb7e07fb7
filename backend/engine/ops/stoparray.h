// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// StopArray: stop a running or inactive array; its members keep their data.

#include "engine/plan.h"
#include "engine/validator.h"

#include <KLocalizedString>

namespace plexus {

struct ValidStop { ResolvedArray array; };

struct StopArrayRequest {
    static constexpr OperationInfo info{"StopArray", "stop", kli18nc("plexusctl: what a command does", "stop an array (its members keep their data)"), polkitActions::modify};
    using Valid = ValidStop;

    QString array;
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(array, arrayArgument());
        common.visit(v);
    }
    QString title() const { return i18nc("an operation's title: %1 an array", "Stop %1", deviceName(array)); }
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const StopArrayRequest &r, ValidStop *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidStop &v);

} // namespace plexus

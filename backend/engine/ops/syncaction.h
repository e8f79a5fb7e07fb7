// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// RequestSyncAction: start a check or repair (scrub) of a redundant array, or stop it.

#include "engine/plan.h"
#include "engine/validator.h"

namespace plexus {

struct ValidSyncAction { ResolvedArray array; QString action; };

struct SyncActionRequest {
    static constexpr OperationInfo info{"RequestSyncAction", "scrub", kli18nc("plexusctl: what a command does", "start a check or repair of an array, or stop it"), polkitActions::scrub};
    using Valid = ValidSyncAction;

    QString array;
    QString action;               // check | repair | idle
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(array, arrayArgument());
        v(action, argument("action", "", "check|repair|idle"));
        common.visit(v);
    }
    QString title() const;
    bool changesData() const { return action == QLatin1String("repair"); } // repair rewrites mismatched blocks
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const SyncActionRequest &r, ValidSyncAction *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidSyncAction &v);

} // namespace plexus

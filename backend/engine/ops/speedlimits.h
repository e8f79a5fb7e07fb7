// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// SetSyncSpeedLimits: an array's resync speed limits (KiB/s), or back to the system's;
// with until_idle, only for the sync under way: the plan waits for it to end and
// puts the limits back as they were ("as fast as the disks allow" for one rebuild).

#include "engine/plan.h"
#include "engine/validator.h"

namespace plexus {

struct ValidSpeedLimits {
    ResolvedArray array;
    QString min;
    QString max;
    bool untilIdle = false;
    QString minBefore;    // until_idle: what to put back ("system" or KiB/s) for each limit changed
    QString maxBefore;
};

struct SpeedLimitsRequest {
    static constexpr OperationInfo info{"SetSyncSpeedLimits", "speed", kli18nc("plexusctl: what a command does", "set an array's resync speed limits (KiB/s)"), polkitActions::modify};
    using Valid = ValidSpeedLimits;

    QString array;
    QString min;                  // KiB/s as decimal, "system", or empty = unchanged
    QString max;
    bool untilIdle = false;       // only while md syncs now; then the limits as they were
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(array, arrayArgument());
        v(min, argument("min", "min", "KIB", kli18nc("plexusctl --help: what an argument is", "Minimum resync speed in KiB/s, or 'system'.")));
        v(max, argument("max", "max", "KIB", kli18nc("plexusctl --help: what an argument is", "Maximum resync speed in KiB/s, or 'system'.")));
        v(untilIdle, option("until_idle", kli18nc("plexusctl --help: what an option does", "Only for the sync under way: wait for it to end, then put the limits back as they were.")));
        common.visit(v);
    }
    QString title() const;
    bool changesData() const { return false; }
};

// "As fast as the disks allow": a limit (KiB/s, 10 GB/s) above what any array of
// disks syncs at, so that md never holds back, not even for other work.
inline constexpr char syncSpeedUnlimited[] = "10000000";

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const SpeedLimitsRequest &r, ValidSpeedLimits *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidSpeedLimits &v);

} // namespace plexus

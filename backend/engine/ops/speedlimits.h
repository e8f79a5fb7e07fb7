// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// SetSyncSpeedLimits: an array's resync speed limits (KiB/s), or back to the system's.

#include "engine/plan.h"
#include "engine/validator.h"

namespace plexus {

struct ValidSpeedLimits { ResolvedArray array; QString min; QString max; };

struct SpeedLimitsRequest {
    static constexpr OperationInfo info{"SetSyncSpeedLimits", "speed", "set an array's resync speed limits (KiB/s)", polkitActions::modify};
    using Valid = ValidSpeedLimits;

    QString array;
    QString min;                  // KiB/s as decimal, "system", or empty = unchanged
    QString max;
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(array, arrayArgument());
        v(min, argument("min", "min", "KIB", "Minimum resync speed in KiB/s, or 'system'."));
        v(max, argument("max", "max", "KIB", "Maximum resync speed in KiB/s, or 'system'."));
        common.visit(v);
    }
    QString title() const { return QStringLiteral("Set the sync speed of %1").arg(deviceName(array)); }
    bool changesData() const { return false; }
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const SpeedLimitsRequest &r, ValidSpeedLimits *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidSpeedLimits &v);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// RemoveVolume: a logical volume and everything on it go (lvremove); refused
// while it is mounted, swap or in use.
#include "engine/plan.h"
#include "engine/validator.h"
#include "engine/steps/volumesteps.h"

namespace plexus {

struct ValidRemoveVolume {
    ResolvedDevice volume;
    QString fsType;
};

struct RemoveVolumeRequest {
    static constexpr OperationInfo info{"RemoveVolume", "remove-volume", "remove a logical volume and its data", polkitActions::erase};
    using Valid = ValidRemoveVolume;

    DeviceSpec volume;
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(volume, argument("volume", "", "VOLUME"));
        common.visit(v);
    }
    QString title() const { return QStringLiteral("Remove %1").arg(deviceName(volume.path)); }
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const RemoveVolumeRequest &r, ValidRemoveVolume *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidRemoveVolume &v);

} // namespace plexus

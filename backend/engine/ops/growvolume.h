// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// GrowVolume: a logical volume gets bigger, and its filesystem with it, mounted
// or not (lvextend --resizefs); the data stays where it is.
#include "engine/plan.h"
#include "engine/validator.h"
#include "engine/steps/volumesteps.h"

namespace plexus {

struct ValidGrowVolume {
    ResolvedDevice volume;
    VolumeSize size;         // the new size; 0: all the group's free space added
    QString fsType;          // ext4 / xfs grow with it; empty: nothing on it
    qint64 freeBytes = 0;
};

struct GrowVolumeRequest {
    static constexpr OperationInfo info{"GrowVolume", "grow-volume", kli18nc("plexusctl: what a command does", "grow a logical volume and its filesystem, while mounted"),
                                        polkitActions::volume};
    using Valid = ValidGrowVolume;

    DeviceSpec volume;
    quint64 size = 0;         // the new size in bytes; 0: add all the free space
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(volume, argument("volume", "", "VOLUME"));
        v(size, option("size", kli18nc("plexusctl --help: what an option does", "The new size (20G); all the group's free space when not given."), "SIZE"));
        common.visit(v);
    }
    QString title() const;
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const GrowVolumeRequest &r, ValidGrowVolume *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidGrowVolume &v);

} // namespace plexus

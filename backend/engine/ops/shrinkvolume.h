// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// ShrinkVolume: a logical volume gets smaller, and its filesystem first, where
// the filesystem allows it: ext4 while unmounted (lvreduce --resizefs). xfs
// cannot shrink at all; a mounted ext4 cannot shrink either. A volume without a
// filesystem is cut at the new end: what lies beyond it is lost.
#include "engine/plan.h"
#include "engine/validator.h"
#include "engine/steps/volumesteps.h"

namespace plexus {

struct ValidShrinkVolume {
    ResolvedDevice volume;
    qint64 size = 0;         // the new size in bytes
    QString fsType;          // "ext4", or empty: nothing on it
    qint64 minimumBytes = 0; // what the filesystem needs (resize2fs -P)
};

struct ShrinkVolumeRequest {
    // The erase action: a wrong size, or a filesystem that is not what it seems,
    // destroys data, so it is asked for each time.
    static constexpr OperationInfo info{"ShrinkVolume", "shrink-volume", kli18nc("plexusctl: what a command does", "shrink a logical volume and its ext4 filesystem (unmounted)"),
                                        polkitActions::erase};
    using Valid = ValidShrinkVolume;

    DeviceSpec volume;
    quint64 size = 0;         // the new size in bytes
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(volume, argument("volume", "", "VOLUME"));
        v(size, option("size", kli18nc("plexusctl --help: what an option does", "The new size (2G); at least what its filesystem uses."), "SIZE"));
        common.visit(v);
    }
    QString title() const;
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const ShrinkVolumeRequest &r, ValidShrinkVolume *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidShrinkVolume &v);

} // namespace plexus

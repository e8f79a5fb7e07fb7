// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// MakeFilesystem: a filesystem (ext4, xfs, vfat) or swap space on a partition,
// an array or a logical volume (mkfs); what was there is destroyed, so a device
// that holds something needs overwrite.
#include "engine/plan.h"
#include "engine/validator.h"
#include "engine/steps/volumesteps.h"

namespace plexus {

struct ValidMakeFilesystem {
    ResolvedDevice device;
    QString type;
    QString label;
};

struct MakeFilesystemRequest {
    static constexpr OperationInfo info{"MakeFilesystem", "mkfs", kli18nc("plexusctl: what a command does", "make a filesystem or swap on a partition, array or volume"),
                                        polkitActions::volume};
    using Valid = ValidMakeFilesystem;

    DeviceSpec device;
    QString type;
    QString label;
    bool overwrite = false;   // what the device holds now may be destroyed
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(device, writtenOver(argument("device", "", "DEVICE")));
        v(type, argument("type", "", "TYPE", kli18nc("plexusctl --help: what an argument is", "ext4, xfs, swap or vfat.")));
        v(label, option("label", kli18nc("plexusctl --help: what an option does", "A label (ext4 16, xfs 12, swap 15, vfat 11 characters at most)."), "LABEL"));
        v(overwrite, erasing(option("overwrite", kli18nc("plexusctl --help: what an option does", "What DEVICE holds now may be destroyed."))));
        common.visit(v);
    }
    QString title() const;
};

// A filesystem type Plexus makes, and a label it takes (shared with CreateVolume
// and CreateArray); with a size, also whether the filesystem fits on `device`
// of that size (xfs needs 300 MiB).
Status checkFilesystemChoice(const QString &type, const QString &label, qint64 sizeBytes = -1, const QString &device = {});

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const MakeFilesystemRequest &r, ValidMakeFilesystem *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidMakeFilesystem &v);

} // namespace plexus

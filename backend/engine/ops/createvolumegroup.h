// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// CreateVolumeGroup: an LVM volume group on arrays or partitions (pvcreate on
// each, then vgcreate), ready for volumes.
#include "engine/plan.h"
#include "engine/validator.h"
#include "engine/steps/volumesteps.h"

namespace plexus {

struct ValidCreateVolumeGroup {
    QString name;
    QList<ResolvedDevice> devices;
    QString volume;       // one volume filling the group (vinum's concat); empty: none
    QString filesystem;   // on that volume; empty: none
    QString label;
};

struct CreateVolumeGroupRequest {
    static constexpr OperationInfo info{"CreateVolumeGroup", "create-vg", kli18nc("plexusctl: what a command does", "make arrays or partitions into an LVM volume group"),
                                        polkitActions::volume};
    using Valid = ValidCreateVolumeGroup;

    QString name;
    DeviceSpecList devices;
    bool overwrite = false;   // what the devices hold now may be destroyed
    QString volume;           // a linear volume of all the space: the devices end to end (a concat)
    QString filesystem;
    QString label;
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(name, argument("name", "", "NAME"));
        v(devices, writtenOver(argument("devices", "", "DEVICE")));
        v(overwrite, erasing(option("overwrite", kli18nc("plexusctl --help: what an option does", "What the devices hold now may be destroyed."))));
        v(volume, option("volume", kli18nc("plexusctl --help: what an option does", "Also make one volume of all its space, the devices end to end (a concatenation)."), "NAME"));
        v(filesystem, option("filesystem", kli18nc("plexusctl --help: what an option does", "Make this filesystem on that volume, ready to mount: ext4, xfs, swap or vfat."), "TYPE"));
        v(label, option("label", kli18nc("plexusctl --help: what an option does", "The filesystem's label."), "LABEL"));
        common.visit(v);
    }
    QString title() const;
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const CreateVolumeGroupRequest &r, ValidCreateVolumeGroup *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidCreateVolumeGroup &v);

} // namespace plexus

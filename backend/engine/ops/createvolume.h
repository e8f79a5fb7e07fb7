// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// CreateVolume: a logical volume in a volume group (lvcreate), linear or striped
// across its devices, optionally with a filesystem on it straight away, and
// that filesystem mounted where asked, now and at every start (/etc/fstab).
#include "engine/plan.h"
#include "engine/validator.h"
#include "engine/steps/volumesteps.h"

namespace plexus {

struct ValidCreateVolume {
    QString group;
    QString name;
    VolumeSize size;
    int stripes = 1;
    int stripeKib = 64;
    QString filesystem;   // empty: none
    QString label;
    QString mountPoint;   // empty: not mounted
    qint64 freeBytes = 0; // in the group, before
};

struct CreateVolumeRequest {
    static constexpr OperationInfo info{"CreateVolume", "create-volume", kli18nc("plexusctl: what a command does", "create a logical volume, with a filesystem if asked"),
                                        polkitActions::volume};
    using Valid = ValidCreateVolume;

    QString group;
    QString name;
    quint64 size = 0;         // bytes; 0: all the free space
    int stripes = 1;          // 1: linear (concatenated) across the group's devices
    int stripeKib = 64;
    QString filesystem;
    QString label;
    QString mountPoint;
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(group, argument("group", "", "GROUP"));
        v(name, argument("name", "", "NAME"));
        v(size, option("size", kli18nc("plexusctl --help: what an option does", "Its size (512M, 20G); all the free space when not given."), "SIZE"));
        v(stripes, option("stripes", kli18nc("plexusctl --help: what an option does", "Stripe it across this many devices of the group (1: linear)."), "N"));
        v(stripeKib, option("stripe_kib", kli18nc("plexusctl --help: what an option does", "Stripe size in KiB (a power of two, 4 to 4096)."), "KIB"));
        v(filesystem, option("filesystem", kli18nc("plexusctl --help: what an option does", "Make this filesystem on it: ext4, xfs, swap or vfat."), "TYPE"));
        v(label, option("label", kli18nc("plexusctl --help: what an option does", "The filesystem's label."), "LABEL"));
        v(mountPoint, option("mount_point", kli18nc("plexusctl --help: what an option does", "Mount it here, now and at every start (a line in /etc/fstab); needs a filesystem other than swap."), "PATH"));
        common.visit(v);
    }
    QString title() const;
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const CreateVolumeRequest &r, ValidCreateVolume *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidCreateVolume &v);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// RemoveVolumeGroup: a volume group and its volumes go (vgremove), and its
// devices lose their LVM labels (pvremove), ready for other uses. Its volumes'
// lines in /etc/fstab go with them.
#include "engine/plan.h"
#include "engine/validator.h"
#include "engine/steps/volumesteps.h"
#include "engine/textedits.h"

namespace plexus {

struct ValidRemoveVolumeGroup {
    QString group;
    QStringList volumes;      // what goes with it
    QStringList devices;      // its physical volumes' paths
    QList<FstabEntry> fstab;  // /etc/fstab's lines for its volumes: they go with them
};

struct RemoveVolumeGroupRequest {
    static constexpr OperationInfo info{"RemoveVolumeGroup", "remove-vg", kli18nc("plexusctl: what a command does", "remove a volume group with its volumes and their data"),
                                        polkitActions::erase};
    using Valid = ValidRemoveVolumeGroup;

    QString group;
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(group, argument("group", "", "GROUP"));
        common.visit(v);
    }
    QString title() const;
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const RemoveVolumeGroupRequest &r, ValidRemoveVolumeGroup *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidRemoveVolumeGroup &v);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// ReduceVolumeGroup: an array or partition leaves a volume group (vgreduce,
// pvremove). What the group's volumes keep on it is moved onto its other
// devices first (pvmove, with progress), only when asked (move) and only when
// they have room; the volumes stay in use throughout.
#include "engine/plan.h"
#include "engine/validator.h"
#include "engine/steps/volumesteps.h"

namespace plexus {

struct ValidReduceVolumeGroup {
    QString group;
    ResolvedDevice device;
    qint64 usedBytes = 0;    // of volumes on it, to move
    qint64 roomBytes = 0;    // free on the group's other devices
};

struct ReduceVolumeGroupRequest {
    // Nothing is lost: the data moves before the device leaves.
    static constexpr OperationInfo info{"ReduceVolumeGroup", "reduce-vg", kli18nc("plexusctl: what a command does", "take an array or partition out of a volume group, moving its data off"),
                                        polkitActions::volume};
    using Valid = ValidReduceVolumeGroup;

    QString group;
    DeviceSpec device;
    bool move = false;        // what volumes hold on it may be moved onto the other devices (pvmove)
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(group, argument("group", "", "GROUP"));
        v(device, argument("device", "", "DEVICE"));
        v(move, option("move", kli18nc("plexusctl --help: what an option does", "Move what the group's volumes hold on DEVICE onto its other devices first (pvmove; takes a while).")));
        common.visit(v);
    }
    QString title() const;
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const ReduceVolumeGroupRequest &r, ValidReduceVolumeGroup *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidReduceVolumeGroup &v);

} // namespace plexus

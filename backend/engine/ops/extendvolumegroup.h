// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// ExtendVolumeGroup: more arrays or partitions for a volume group (pvcreate,
// vgextend); its volumes can then grow onto them.
#include "engine/plan.h"
#include "engine/validator.h"
#include "engine/steps/volumesteps.h"

namespace plexus {

struct ValidExtendVolumeGroup {
    QString group;
    QList<ResolvedDevice> devices;
};

struct ExtendVolumeGroupRequest {
    static constexpr OperationInfo info{"ExtendVolumeGroup", "extend-vg", kli18nc("plexusctl: what a command does", "add arrays or partitions to a volume group"),
                                        polkitActions::volume};
    using Valid = ValidExtendVolumeGroup;

    QString group;
    DeviceSpecList devices;
    bool overwrite = false;
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(group, argument("group", "", "GROUP"));
        v(devices, writtenOver(argument("devices", "", "DEVICE")));
        v(overwrite, erasing(option("overwrite", kli18nc("plexusctl --help: what an option does", "What the devices hold now may be destroyed."))));
        common.visit(v);
    }
    QString title() const;
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const ExtendVolumeGroupRequest &r, ValidExtendVolumeGroup *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidExtendVolumeGroup &v);

} // namespace plexus

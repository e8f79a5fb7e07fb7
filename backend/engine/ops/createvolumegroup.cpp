// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "createvolumegroup.h"

#include "engine/checks/refusal.h"
#include "model/describe.h"

namespace plexus {

Status validate(const Validator &checks, const CreateVolumeGroupRequest &r, ValidCreateVolumeGroup *out)
{
    *out = {};
    if (Status s = Validator::checkLvmName(r.name, QStringLiteral("volume group")); !s)
        return s;
    if (checks.snapshot().volumeGroup(r.name))
        return inUse(QStringLiteral("There is already a volume group %1. Choose another name, or add devices to it (extend-vg).").arg(r.name));
    if (Status s = checks.resolvePhysicalVolumes(r.devices, r.overwrite, r.common, &out->devices); !s)
        return s;
    out->name = r.name;
    return {};
}

Plan makePlan(const ValidCreateVolumeGroup &v)
{
    Plan plan;
    QStringList shown;
    const qint64 total = addPhysicalVolumeSteps(v.devices, &plan, &shown);
    plan.steps << createVolumeGroupStep(v.name, v.devices);
    plan.summary = QStringLiteral("Create the volume group %1 on %2.").arg(v.name, shown.join(QStringLiteral(", ")));
    plan.notes << QStringLiteral("%1 holds about %2, less LVM's metadata; volumes are made in it next (create-volume).").arg(v.name, humanSize(total));
    return plan;
}

} // namespace plexus

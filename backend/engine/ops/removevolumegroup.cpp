// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "removevolumegroup.h"

#include "engine/checks/refusal.h"
#include "engine/steps/mountsteps.h"
#include "removevolume.h"
#include "model/describe.h"

namespace plexus {

Status validate(const Validator &checks, const RemoveVolumeGroupRequest &r, ValidRemoveVolumeGroup *out)
{
    *out = {};
    const VolumeGroup *vg = nullptr;
    if (Status s = checks.resolveVolumeGroup(r.group, &vg); !s)
        return s;
    for (const LogicalVolume &lv : vg->logicalVolumes) {
        const QString path = QStringLiteral("/dev/%1/%2").arg(r.group, lv.name);
        if (const QString use = lv.active ? checks.usageOf(lv.device) : QString(); !use.isEmpty())
            return inUse(QStringLiteral("%1 %2, and would go with %3. Stop using it first (unmount, swapoff).").arg(path, use, r.group));
        out->volumes << path;
        out->fstab << fstabLinesFor(checks, r.group, lv);
    }
    for (const PhysicalVolume &pv : vg->physicalVolumes)
        out->devices << QStringLiteral("/dev/") + pv.device;
    out->group = r.group;
    return {};
}

Plan makePlan(const ValidRemoveVolumeGroup &v)
{
    Plan plan;
    plan.summary = QStringLiteral("Remove the volume group %1%2.")
                       .arg(v.group, v.volumes.isEmpty() ? QString() : QStringLiteral(" and its volumes %1").arg(v.volumes.join(QStringLiteral(", "))));
    if (!v.volumes.isEmpty())
        plan.notes << QStringLiteral("Everything on %1 is gone afterwards.").arg(v.volumes.join(QStringLiteral(", ")));
    plan.notes << QStringLiteral("%1 become free for other uses (a filesystem, an array member, another group).").arg(v.devices.join(QStringLiteral(", ")));
    if (!v.fstab.isEmpty()) {
        // First: a line left for a device that is gone stops the next boot in emergency mode.
        plan.notes << QStringLiteral("/etc/fstab uses its volumes %1.").arg(fstabUsesWords(v.fstab));
        plan.steps << removeFstabEntriesStep(v.fstab);
    }
    plan.steps << removeVolumeGroupStep(v.group, !v.volumes.isEmpty());
    for (const QString &d : v.devices)
        plan.steps << removePhysicalVolumeStep(d);
    return plan;
}

} // namespace plexus

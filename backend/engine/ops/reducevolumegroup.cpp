// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "reducevolumegroup.h"

#include "engine/checks/refusal.h"
#include "model/describe.h"

namespace plexus {

Status validate(const Validator &checks, const ReduceVolumeGroupRequest &r, ValidReduceVolumeGroup *out)
{
    *out = {};
    const VolumeGroup *vg = nullptr;
    if (Status s = checks.resolveVolumeGroup(r.group, &vg); !s)
        return s;
    ResolvedDevice dev;
    if (Status s = checks.resolveBlock(r.device, &dev); !s)
        return s;
    const PhysicalVolume *pv = checks.snapshot().physicalVolume(dev.name);
    if (!pv || pv->vgName != r.group)
        return invalid(QStringLiteral("%1 is not a device of %2%3. plexusctl status lists each group's devices.")
                           .arg(dev.path, r.group, pv && !pv->vgName.isEmpty() ? QStringLiteral(" (it belongs to %1)").arg(pv->vgName) : QString()));
    if (vg->physicalVolumes.size() == 1)
        return invalid(QStringLiteral("%1 is the only device of %2, and a group cannot lose its last device. Remove the group instead "
                                      "(remove-vg), or add another device first (extend-vg).").arg(dev.path, r.group));
    if (!pv->freeBytes)
        return notFound(QStringLiteral("How much of %1 the volumes use is unknown (LVM did not say). Try again; plexusctl status shows it.").arg(dev.path));
    const qint64 used = pv->sizeBytes - *pv->freeBytes;
    qint64 room = 0;
    for (const PhysicalVolume &other : vg->physicalVolumes) {
        if (other.device == pv->device)
            continue;
        if (!other.freeBytes)
            return notFound(QStringLiteral("How much space /dev/%1 has free is unknown (LVM did not say). Try again.").arg(other.device));
        room += *other.freeBytes;
    }
    if (used > 0 && !r.move)
        return inUse(QStringLiteral("%1 holds %2 of %3's volumes. Say move to move them onto the group's other devices first (pvmove, "
                                    "while they stay in use), or remove those volumes.").arg(dev.path, humanSize(used), r.group));
    if (used > room)
        return tooSmall(QStringLiteral("Moving what %1 holds off it needs %2 free on %3's other devices, and they have only %4 free. Add "
                                       "an array or partition to %3 first (extend-vg), or shrink or remove volumes.")
                            .arg(dev.path, humanSize(used), r.group, humanSize(room)));
    out->group = r.group;
    out->device = dev;
    out->usedBytes = used;
    out->roomBytes = room;
    return {};
}

Plan makePlan(const ValidReduceVolumeGroup &v)
{
    Plan plan;
    plan.summary = QStringLiteral("Take %1 out of the volume group %2%3.")
                       .arg(v.device.path, v.group, v.usedBytes > 0 ? QStringLiteral(", moving the %1 of volumes on it first").arg(humanSize(v.usedBytes)) : QString());
    if (v.usedBytes > 0) {
        plan.notes << QStringLiteral("The volumes stay in use while pvmove copies them; the group's other devices have %1 free for it.").arg(humanSize(v.roomBytes));
        plan.notes << QStringLiteral("If the machine stops during the move, nothing is lost: pvmove with no arguments carries it on.");
        plan.steps << moveExtentsStep(v.device.path, v.usedBytes);
    }
    plan.notes << QStringLiteral("%1 is free for other uses afterwards.").arg(v.device.path);
    plan.steps << reduceVolumeGroupStep(v.group, v.device.path);
    plan.steps << removePhysicalVolumeStep(v.device.path);
    return plan;
}

} // namespace plexus

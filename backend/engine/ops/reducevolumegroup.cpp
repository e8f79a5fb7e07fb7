// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "reducevolumegroup.h"

#include "engine/checks/refusal.h"
#include "model/describe.h"

#include <KLocalizedString>

namespace plexus {

QString ReduceVolumeGroupRequest::title() const
{
    return i18nc("an operation's title; %1 a device, %2 a volume group", "Take %1 out of %2", deviceName(device.path), group);
}

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
        return invalid(pv && !pv->vgName.isEmpty()
                           ? mi18nc("%1 a device, %2 and %3 volume groups; keep plexusctl status (a command)",
                                   "%1 is not a device of %2 (it belongs to %3). plexusctl status lists each group's devices.", dev.path, r.group, pv->vgName)
                           : mi18nc("%1 a device, %2 a volume group; keep plexusctl status (a command)",
                                   "%1 is not a device of %2. plexusctl status lists each group's devices.", dev.path, r.group));
    if (vg->physicalVolumes.size() == 1)
        return invalid(mi18nc("%1 a device, %2 a volume group; keep remove-vg and extend-vg (commands)",
                             "%1 is the only device of %2, and a group cannot lose its last device. Remove the group instead "
                             "(remove-vg), or add another device first (extend-vg).",
                             dev.path, r.group));
    if (!pv->freeBytes)
        return notFound(mi18nc("%1 a device; keep plexusctl status (a command)",
                              "How much of %1 the volumes use is unknown (LVM did not say). Try again; plexusctl status shows it.", dev.path));
    const qint64 used = pv->sizeBytes - *pv->freeBytes;
    qint64 room = 0;
    for (const PhysicalVolume &other : vg->physicalVolumes) {
        if (other.device == pv->device)
            continue;
        if (!other.freeBytes)
            return notFound(mi18nc("%1 a device name (md1)", "How much space /dev/%1 has free is unknown (LVM did not say). Try again.", other.device));
        room += *other.freeBytes;
    }
    if (used > 0 && !r.move)
        return inUse(mi18nc("%1 a device, %2 a size, %3 a volume group; keep move (an option)",
                           "%1 holds %2 of %3's volumes. Say move to move them onto the group's other devices first (pvmove, "
                           "while they stay in use), or remove those volumes.",
                           dev.path, humanSize(used), r.group));
    if (used > room)
        return tooSmall(mi18nc("%1 a device, %2 and %4 sizes, %3 a volume group; keep extend-vg (a command)",
                              "Moving what %1 holds off it needs %2 free on %3's other devices, and they have only %4 free. Add "
                              "an array or partition to %3 first (extend-vg), or shrink or remove volumes.",
                              dev.path, humanSize(used), r.group, humanSize(room)));
    out->group = r.group;
    out->device = dev;
    out->usedBytes = used;
    out->roomBytes = room;
    return {};
}

Plan makePlan(const ValidReduceVolumeGroup &v)
{
    Plan plan;
    plan.summary = v.usedBytes > 0 ? i18nc("%1 a device, %2 a volume group, %3 a size", "Take %1 out of the volume group %2, moving the %3 of volumes on it first.",
                                           v.device.path, v.group, humanSize(v.usedBytes))
                                   : i18nc("%1 a device, %2 a volume group", "Take %1 out of the volume group %2.", v.device.path, v.group);
    if (v.usedBytes > 0) {
        plan.notes << i18nc("%1 a size", "The volumes stay in use while pvmove copies them; the group's other devices have %1 free for it.", humanSize(v.roomBytes));
        plan.notes << i18n("If the machine stops during the move, nothing is lost: pvmove with no arguments carries it on.");
        plan.steps << moveExtentsStep(v.device.path, v.usedBytes);
    }
    plan.notes << i18nc("%1 a device", "%1 is free for other uses afterwards.", v.device.path);
    plan.steps << reduceVolumeGroupStep(v.group, v.device.path);
    plan.steps << removePhysicalVolumeStep(v.device.path);
    return plan;
}

} // namespace plexus

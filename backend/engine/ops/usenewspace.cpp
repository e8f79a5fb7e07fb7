// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "usenewspace.h"

#include "engine/checks/refusal.h"
#include "engine/steps/mdsteps.h"
#include "model/describe.h"
#include "model/raidlevel.h"

namespace plexus {

namespace {

// Less than one LVM extent (4 MiB by default) of new space is nothing to use.
constexpr qint64 worthGrowing = 4 << 20;
// Where LVM starts a physical volume's data (pe_start, 1 MiB by default).
constexpr qint64 lvmHeader = 1 << 20;

// The size of a disk or partition the snapshot knows; 0 otherwise.
qint64 blockBytes(const Snapshot &snap, const QString &name)
{
    const Disk *disk = snap.diskOf(name);
    if (!disk)
        return 0;
    if (disk->name == name)
        return disk->sizeBytes;
    const Partition *part = disk->partition(name);
    return part ? part->sizeBytes : 0;
}

} // namespace

Status validate(const Validator &checks, const UseNewSpaceRequest &r, ValidUseNewSpace *out)
{
    *out = {};
    ResolvedArray a;
    if (Status s = checks.resolveRunningArray(r.array, r.common, &a); !s)
        return s;
    const QString md = a.array.name;
    const PhysicalVolume *pv = checks.snapshot().physicalVolume(md);
    if (!pv || pv->vgName.isEmpty())
        return invalid(QStringLiteral("%1 is not an LVM physical volume in a volume group, so there are no volumes to grow on it. Grow the "
                                      "array alone (grow %2 --size max), then its filesystem.").arg(a.path, md));
    const VolumeGroup *vg = checks.snapshot().volumeGroup(pv->vgName);
    if (!vg)
        return notFound(QStringLiteral("The volume group %1 of %2 is not in the snapshot. Try again.").arg(pv->vgName, a.path));

    if (!r.volume.isEmpty()) {
        const LogicalVolume *lv = nullptr;
        for (const LogicalVolume &each : vg->logicalVolumes)
            if (each.name == r.volume)
                lv = &each;
        if (!lv)
            return notFound(QStringLiteral("%1 has no volume %2. Give the name of one of its volumes (plexusctl status lists them), or "
                                           "leave volume out to keep the new space free in %1.").arg(vg->name, r.volume));
        if (!lv->active)
            return invalid(QStringLiteral("/dev/%1/%2 is not active, so its filesystem cannot grow. Activate it first (vgchange -ay %1).")
                               .arg(vg->name, lv->name));
        ResolvedDevice dev;
        dev.path = QStringLiteral("/dev/%1/%2").arg(vg->name, lv->name);
        dev.name = lv->device;
        dev.sizeBytes = lv->sizeBytes;
        dev.kind = ResolvedDevice::Volume;
        dev.volumeGroup = vg->name;
        dev.volume = lv->name;
        if (Status s = Validator::checkGrowsInPlace(dev, *lv); !s)
            return s;
        out->volume = dev;
        out->withFilesystem = !lv->fsType.isEmpty();
    }

    // The array: what each working member offers (less md's metadata before the
    // data) against what the array uses of each now.
    const std::optional<qint64> component = checks.system().componentSizeBytes(md);
    qint64 offer = -1;
    for (const Member &m : a.array.members) {
        if (m.faulty || m.spare || m.replacement)
            continue;
        const qint64 size = blockBytes(checks.snapshot(), m.device);
        const qint64 offset = checks.system().dataOffsetBytes(md, m.device).value_or(0);
        if (size <= 0) {
            offer = -1; // a member of unknown size (an array, a mapped device): md decides, not us
            break;
        }
        offer = offer < 0 ? size - offset : qMin(offer, size - offset);
    }
    const RaidLevel *rules = raidLevel(a.array.level.value_or(QString()));
    out->growArray = rules && rules->growSize && component && offer > 0 && offer - *component >= worthGrowing;
    const qint64 arrayBytes = a.array.sizeKib.value_or(0) * 1024;
    const bool pvGrows = out->growArray || arrayBytes - lvmHeader - pv->sizeBytes >= worthGrowing;
    if (!pvGrows)
        return invalid(QStringLiteral("There is no new space on %1: it already uses the whole of its members (%2 of each), and its "
                                      "physical volume fills it. Replace its members with bigger disks or partitions first (replace), "
                                      "then use the new space.").arg(md, humanSize(component.value_or(offer))));
    if (out->growArray)
        if (Status s = checks.checkIdle(a, QStringLiteral("grow it onto its members")); !s)
            return s;

    out->array = a;
    out->componentBytes = component.value_or(0);
    out->memberBytes = offer;
    out->group = vg->name;
    out->pvBytes = pv->sizeBytes;
    return {};
}

Plan makePlan(const ValidUseNewSpace &v)
{
    Plan plan;
    const QString md = v.array.array.name, path = v.array.path;
    QStringList parts;
    if (v.growArray)
        parts << QStringLiteral("grow %1 onto the whole of its members (from %2 to %3 of each)").arg(md, humanSize(v.componentBytes), humanSize(v.memberBytes));
    parts << QStringLiteral("let %1 use all of %2").arg(v.group, md);
    if (v.volume)
        parts << QStringLiteral("grow %1%2 into it").arg(v.volume->path, v.withFilesystem ? QStringLiteral(" and its filesystem") : QString());
    plan.summary = QStringLiteral("Use the new space on %1: %2.").arg(md, listNames(parts));
    if (v.growArray) {
        plan.steps << growToMaxStep(path, md, v.componentBytes);
        plan.notes << QStringLiteral("md then synchronises the new part of %1 in the background; everything stays in use.").arg(md);
    } else {
        plan.notes << QStringLiteral("%1 already uses the whole of its members; its physical volume has yet to follow.").arg(md);
    }
    plan.steps << resizePhysicalVolumeStep(path, v.pvBytes);
    if (v.volume)
        plan.steps << growVolumeStep(*v.volume, VolumeSize{}, v.withFilesystem);
    else
        plan.notes << QStringLiteral("The new space stays free in %1: grow a volume into it later (grow-volume), or make a new one.").arg(v.group);
    return plan;
}

} // namespace plexus

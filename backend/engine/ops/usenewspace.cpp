// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "usenewspace.h"

#include "engine/checks/refusal.h"
#include "engine/steps/mdsteps.h"
#include "model/describe.h"
#include "model/raidlevel.h"

#include <KLocalizedString>

namespace plexus {

QString UseNewSpaceRequest::title() const
{
    return i18nc("an operation's title; %1 an array", "Use the new space on %1", deviceName(array));
}

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

// "Use the new space on md0: grow md0 onto the whole of its members (from 1.00 GiB
// to 2.00 GiB of each), let vg0 use all of md0 and grow /dev/vg0/data and its filesystem into it."
QString summary(const ValidUseNewSpace &v)
{
    const QString md = v.array.array.name, from = humanSize(v.componentBytes), to = humanSize(v.memberBytes);
    if (v.growArray) {
        if (!v.volume)
            return i18nc("%1 an array, %2 and %3 sizes, %4 a volume group",
                         "Use the new space on %1: grow %1 onto the whole of its members (from %2 to %3 of each) and let %4 use all of %1.", md, from, to,
                         v.group);
        if (v.withFilesystem)
            return i18nc("%1 an array, %2 and %3 sizes, %4 a volume group, %5 a volume",
                         "Use the new space on %1: grow %1 onto the whole of its members (from %2 to %3 of each), let %4 use all of %1 and "
                         "grow %5 and its filesystem into it.",
                         md, from, to, v.group, v.volume->path);
        return i18nc("%1 an array, %2 and %3 sizes, %4 a volume group, %5 a volume",
                     "Use the new space on %1: grow %1 onto the whole of its members (from %2 to %3 of each), let %4 use all of %1 and grow %5 into it.",
                     md, from, to, v.group, v.volume->path);
    }
    if (!v.volume)
        return i18nc("%1 an array, %2 a volume group", "Use the new space on %1: let %2 use all of %1.", md, v.group);
    if (v.withFilesystem)
        return i18nc("%1 an array, %2 a volume group, %3 a volume", "Use the new space on %1: let %2 use all of %1 and grow %3 and its filesystem into it.", md,
                     v.group, v.volume->path);
    return i18nc("%1 an array, %2 a volume group, %3 a volume", "Use the new space on %1: let %2 use all of %1 and grow %3 into it.", md, v.group,
                 v.volume->path);
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
        return invalid(mi18nc("%1 an array, %2 its name (md0); keep the command",
                             "%1 is not an LVM physical volume in a volume group, so there are no volumes to grow on it. Grow the "
                             "array alone (grow %2 --size max), then its filesystem.",
                             a.path, md));
    const VolumeGroup *vg = checks.snapshot().volumeGroup(pv->vgName);
    if (!vg)
        return notFound(mi18nc("%1 a volume group, %2 an array", "The volume group %1 of %2 is not in the snapshot. Try again.", pv->vgName, a.path));

    if (!r.volume.isEmpty()) {
        const LogicalVolume *lv = nullptr;
        for (const LogicalVolume &each : vg->logicalVolumes)
            if (each.name == r.volume)
                lv = &each;
        if (!lv)
            return notFound(mi18nc("%1 a volume group, %2 what was given; keep plexusctl status (a command) and volume (an option)",
                                  "%1 has no volume %2. Give the name of one of its volumes (plexusctl status lists them), or "
                                  "leave volume out to keep the new space free in %1.",
                                  vg->name, r.volume));
        if (!lv->active)
            return invalid(mi18nc("%1 a volume group, %2 a volume; keep the command", "/dev/%1/%2 is not active, so its filesystem cannot grow. Activate it first (vgchange -ay %1).",
                                 vg->name, lv->name));
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
        return invalid(mi18nc("%1 an array, %2 a size; keep replace (a command)",
                             "There is no new space on %1: it already uses the whole of its members (%2 of each), and its "
                             "physical volume fills it. Replace its members with bigger disks or partitions first (replace), "
                             "then use the new space.",
                             md, humanSize(component.value_or(offer))));
    if (out->growArray)
        if (Status s = checks.checkIdle(a, mi18nc("completes 'Wait until it finishes, then ...' (an array busy syncing)", "grow it onto its members")); !s)
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
    plan.summary = summary(v);
    if (v.growArray) {
        plan.steps << growToMaxStep(path, md, v.componentBytes);
        plan.notes << i18nc("%1 an array", "md then synchronises the new part of %1 in the background; everything stays in use.", md);
    } else {
        plan.notes << i18nc("%1 an array", "%1 already uses the whole of its members; its physical volume has yet to follow.", md);
    }
    plan.steps << resizePhysicalVolumeStep(path, v.pvBytes);
    if (v.volume)
        plan.steps << growVolumeStep(*v.volume, VolumeSize{}, v.withFilesystem);
    else
        plan.notes << i18nc("%1 a volume group; keep grow-volume (a command)", "The new space stays free in %1: grow a volume into it later (grow-volume), or make a new one.",
                            v.group);
    return plan;
}

} // namespace plexus

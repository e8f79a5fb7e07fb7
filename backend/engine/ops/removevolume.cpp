// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "removevolume.h"

#include "engine/checks/refusal.h"
#include "engine/steps/mountsteps.h"
#include "model/describe.h"

#include <KLocalizedString>

namespace plexus {

QString RemoveVolumeRequest::title() const
{
    return i18nc("an operation's title; %1 a volume", "Remove %1", deviceName(volume.path));
}

namespace {

// Whether no filesystem but the volume's own carries `label`: LABEL= then means it.
bool labelOnlyOn(const Snapshot &snap, const QString &label, const LogicalVolume &own)
{
    int seen = 0;
    for (const Disk &d : snap.disks) {
        seen += d.label == label;
        for (const Partition &p : d.partitions)
            seen += p.label == label;
    }
    for (const VolumeGroup &vg : snap.volumeGroups)
        for (const LogicalVolume &lv : vg.logicalVolumes)
            seen += lv.fsLabel == label && !(lv.vgName == own.vgName && lv.name == own.name);
    return seen == 0;
}

} // namespace

QList<FstabEntry> fstabLinesFor(const Validator &checks, const QString &group, const LogicalVolume &lv)
{
    const QString fstab = checks.system().fstab();
    if (fstab.isEmpty())
        return {};
    const QString uuid = lv.active && !lv.fsType.isEmpty() ? checks.system().filesystemUuid(lv.device) : QString();
    const QString label = lv.fsLabel.isEmpty() || !labelOnlyOn(checks.snapshot(), lv.fsLabel, lv) ? QString() : lv.fsLabel;
    const QStringList names = fstabNamesOf(group, lv.name, uuid, label);
    QList<FstabEntry> found;
    for (const FstabEntry &e : fstabEntries(fstab.toUtf8()))
        if (fstabSourceIsOneOf(e.source, names))
            found << e;
    return found;
}

Status validate(const Validator &checks, const RemoveVolumeRequest &r, ValidRemoveVolume *out)
{
    *out = {};
    ResolvedDevice dev;
    const LogicalVolume *lv = nullptr;
    if (Status s = checks.resolveVolume(r.volume, &dev, &lv); !s)
        return s;
    // Overwrite consent is the point of removing: only "in use" can refuse here.
    if (Status s = checks.checkBlockFree(dev, {.overwrite = true}); !s)
        return s;
    out->volume = dev;
    out->fsType = lv->fsType;
    out->fstab = fstabLinesFor(checks, dev.volumeGroup, *lv);
    return {};
}

Plan makePlan(const ValidRemoveVolume &v)
{
    Plan plan;
    plan.summary = i18nc("%1 a volume, %2 its size", "Remove %1 (%2) and everything on it.", v.volume.path, humanSize(v.volume.sizeBytes));
    if (!v.fsType.isEmpty())
        plan.notes << i18nc("%1 what a volume holds (an ext4 filesystem, swap space)", "It holds %1: that data is gone afterwards.", describeContents(v.fsType, QString()));
    plan.notes << i18nc("%1 a volume group", "Its space returns to %1's free space.", v.volume.volumeGroup);
    if (!v.fstab.isEmpty()) {
        // First: a line left for a device that is gone stops the next boot in emergency mode.
        plan.notes << i18nc("%1 how, and what becomes of the lines: 'on /srv/data: that line goes too, or the next start would stop waiting for it'",
                            "/etc/fstab uses it %1.", fstabUsesWords(v.fstab));
        plan.steps << removeFstabEntriesStep(v.fstab);
    }
    plan.steps << removeVolumeStep(v.volume.volumeGroup, v.volume.volume);
    return plan;
}

} // namespace plexus

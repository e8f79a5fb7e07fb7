// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "createvolume.h"

#include "engine/checks/filesystemchoice.h"
#include "engine/checks/refusal.h"
#include "engine/mountpoint.h"
#include "engine/steps/mountsteps.h"
#include "engine/textedits.h"
#include "model/describe.h"

#include <KLocalizedString>

namespace plexus {

QString CreateVolumeRequest::title() const
{
    return i18nc("an operation's title; %1 a volume group, %2 a volume: keep the slash", "Create the volume %1/%2", group, name);
}

namespace {

// Where the new filesystem is to be mounted: a path that only root controls,
// where nothing is mounted, that /etc/fstab does not already use, and where
// mounting hides nothing.
Status checkMountPoint(const Validator &checks, const CreateVolumeRequest &r)
{
    if (r.filesystem.isEmpty())
        return invalid(mi18nc("keep filesystem (an option)", "Only a filesystem can be mounted: choose one (filesystem), or leave the mount point out."));
    if (r.filesystem == QLatin1String("swap"))
        return invalid(mi18n("Swap space is not mounted on a directory: leave the mount point out, or choose a filesystem such as ext4."));
    if (Status s = checkMountPointWords(r.mountPoint); !s)
        return s;
    for (const Mount &m : checks.snapshot().mounts)
        if (m.mountPoint == r.mountPoint)
            return inUse(mi18nc("%1 a device, %2 a mount point", "%1 is already mounted on %2. Choose another place, or unmount it first.", m.source, r.mountPoint));
    for (const FstabEntry &e : fstabEntries(checks.system().fstab().toUtf8()))
        if (e.mountPoint == r.mountPoint)
            return inUse(mi18nc("%1 a device (as /etc/fstab names it), %2 a mount point",
                               "/etc/fstab already has a line mounting %1 on %2. Choose another place, or take that line out first.", e.source, r.mountPoint));
    return checks.system().mountPointUsable(r.mountPoint);
}

} // namespace

Status validate(const Validator &checks, const CreateVolumeRequest &r, ValidCreateVolume *out)
{
    *out = {};
    const VolumeGroup *vg = nullptr;
    if (Status s = checks.resolveVolumeGroup(r.group, &vg); !s)
        return s;
    if (Status s = Validator::checkLvmName(r.name, i18nc("a kind of name: completes 'is not a usable ... name' and 'Choose another ... name'", "volume")); !s)
        return s;
    for (const LogicalVolume &lv : vg->logicalVolumes)
        if (lv.name == r.name)
            return inUse(mi18nc("%1 a volume group, %2 a volume", "%1 already has a volume %2. Choose another name.", r.group, r.name));
    const qint64 free = vg->freeBytes.value_or(0);
    if (!vg->freeBytes)
        return notFound(mi18nc("%1 a volume group; keep plexusctl status (a command)",
                              "How much space %1 has free is unknown (LVM did not say). Try again; plexusctl status shows it.", r.group));
    if (free == 0)
        return tooSmall(mi18nc("%1 a volume group; keep extend-vg (a command)", "%1 has no free space left. Add an array or partition to it first (extend-vg).", r.group));
    if (r.size > quint64(free))
        return tooSmall(mi18nc("%1 a volume group, %2 and %3 sizes; keep extend-vg (a command)",
                              "%1 has only %2 free, less than the %3 asked for. Ask for at most %2, or add an array or partition "
                              "to %1 first (extend-vg).",
                              r.group, humanSize(free), humanSize(qint64(r.size))));
    const int pvs = int(vg->physicalVolumes.size());
    if (r.stripes < 1 || r.stripes > pvs)
        return invalid(mi18ncp("%2 a volume group, %1 its number of devices, %3 the number of stripes asked for",
                              "%2 has %1 device, so a volume can be striped across 1 to %1 of them, not %3.",
                              "%2 has %1 devices, so a volume can be striped across 1 to %1 of them, not %3.", pvs, r.group, QString::number(r.stripes)));
    if (r.stripes > 1 && (r.stripeKib < 4 || r.stripeKib > 4096 || (r.stripeKib & (r.stripeKib - 1))))
        return invalid(mi18nc("%1 a number of KiB", "The stripe size %1 KiB is not a power of two from 4 to 4096 KiB.", QString::number(r.stripeKib)));
    if (Status s = checkOptionalFilesystem(r.filesystem, r.label); !s)
        return s;
    if (!r.mountPoint.isEmpty())
        if (Status s = checkMountPoint(checks, r); !s)
            return s;
    out->group = r.group;
    out->name = r.name;
    out->size.bytes = r.size;
    out->stripes = r.stripes;
    out->stripeKib = r.stripeKib;
    out->filesystem = r.filesystem;
    out->label = r.label;
    out->mountPoint = r.mountPoint;
    out->freeBytes = free;
    return {};
}

Plan makePlan(const ValidCreateVolume &v)
{
    Plan plan;
    const QString path = QStringLiteral("/dev/%1/%2").arg(v.group, v.name);
    plan.summary = v.filesystem.isEmpty()
        ? i18nc("%1 a volume, %2 its size ('1.00 GiB' or 'all the free space')", "Create the volume %1 (%2).", path, v.size.words())
        : i18nc("%1 a volume, %2 its size ('1.00 GiB' or 'all the free space'), %3 a filesystem type (ext4, swap, ...)", "Create the volume %1 (%2) with %3 on it.",
                path, v.size.words(), v.filesystem);
    plan.notes << i18nc("%1 a volume group, %2 a size", "%1 has %2 free; LVM rounds the size up to whole extents (4 MiB by default).", v.group, humanSize(v.freeBytes));
    if (v.stripes > 1)
        plan.notes << i18np("Striped across %1 device: faster, but losing any one of them loses the volume, unless each is itself a "
                            "mirror or RAID array.",
                            "Striped across %1 devices: faster, but losing any one of them loses the volume, unless each is itself a "
                            "mirror or RAID array.",
                            v.stripes);
    plan.steps << createVolumeStep(v.group, v.name, v.size, v.stripes, v.stripeKib);
    if (!v.filesystem.isEmpty())
        plan.steps << makeFilesystemStep(path, v.filesystem, v.label);
    if (!v.mountPoint.isEmpty()) {
        // By its device-mapper name: stable across boots, as /dev/VG/LV is, and the name mount shows.
        const QString device = mapperPath(v.group, v.name);
        plan.notes << i18nc("%1 a mount point, %2 a line of /etc/fstab", "It is mounted on %1 now and at every start: /etc/fstab gets the line '%2'.",
                            v.mountPoint, QString::fromUtf8(fstabLine(device, v.mountPoint, v.filesystem)));
        plan.steps << makeMountPointStep(v.mountPoint) << addFstabLineStep(device, v.mountPoint, v.filesystem) << mountStep(device, v.mountPoint);
    }
    return plan;
}

} // namespace plexus

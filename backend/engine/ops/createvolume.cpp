// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "createvolume.h"

#include "engine/checks/filesystemchoice.h"
#include "engine/checks/refusal.h"
#include "engine/mountpoint.h"
#include "engine/steps/mountsteps.h"
#include "engine/textedits.h"
#include "model/describe.h"

namespace plexus {

namespace {

// Where the new filesystem is to be mounted: a path that only root controls,
// where nothing is mounted, that /etc/fstab does not already use, and where
// mounting hides nothing.
Status checkMountPoint(const Validator &checks, const CreateVolumeRequest &r)
{
    if (r.filesystem.isEmpty())
        return invalid(QStringLiteral("Only a filesystem can be mounted: choose one (filesystem), or leave the mount point out."));
    if (r.filesystem == QLatin1String("swap"))
        return invalid(QStringLiteral("Swap space is not mounted on a directory: leave the mount point out, or choose a filesystem such as ext4."));
    if (Status s = checkMountPointWords(r.mountPoint); !s)
        return s;
    for (const Mount &m : checks.snapshot().mounts)
        if (m.mountPoint == r.mountPoint)
            return inUse(QStringLiteral("%1 is already mounted on %2. Choose another place, or unmount it first.").arg(m.source, r.mountPoint));
    for (const FstabEntry &e : fstabEntries(checks.system().fstab().toUtf8()))
        if (e.mountPoint == r.mountPoint)
            return inUse(QStringLiteral("/etc/fstab already has a line mounting %1 on %2. Choose another place, or take that line out first.")
                             .arg(e.source, r.mountPoint));
    return checks.system().mountPointUsable(r.mountPoint);
}

} // namespace

Status validate(const Validator &checks, const CreateVolumeRequest &r, ValidCreateVolume *out)
{
    *out = {};
    const VolumeGroup *vg = nullptr;
    if (Status s = checks.resolveVolumeGroup(r.group, &vg); !s)
        return s;
    if (Status s = Validator::checkLvmName(r.name, QStringLiteral("volume")); !s)
        return s;
    for (const LogicalVolume &lv : vg->logicalVolumes)
        if (lv.name == r.name)
            return inUse(QStringLiteral("%1 already has a volume %2. Choose another name.").arg(r.group, r.name));
    const qint64 free = vg->freeBytes.value_or(0);
    if (!vg->freeBytes)
        return notFound(QStringLiteral("How much space %1 has free is unknown (LVM did not say). Try again; plexusctl status shows it.").arg(r.group));
    if (free == 0)
        return tooSmall(QStringLiteral("%1 has no free space left. Add an array or partition to it first (extend-vg).").arg(r.group));
    if (r.size > quint64(free))
        return tooSmall(QStringLiteral("%1 has only %2 free, less than the %3 asked for. Ask for at most %2, or add an array or partition "
                                       "to %1 first (extend-vg).").arg(r.group, humanSize(free), humanSize(qint64(r.size))));
    const int pvs = int(vg->physicalVolumes.size());
    if (r.stripes < 1 || r.stripes > pvs)
        return invalid(QStringLiteral("%1 has %2 device(s), so a volume can be striped across 1 to %2 of them, not %3.").arg(r.group).arg(pvs).arg(r.stripes));
    if (r.stripes > 1 && (r.stripeKib < 4 || r.stripeKib > 4096 || (r.stripeKib & (r.stripeKib - 1))))
        return invalid(QStringLiteral("The stripe size %1 KiB is not a power of two from 4 to 4096 KiB.").arg(r.stripeKib));
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
    plan.summary = QStringLiteral("Create the volume %1 (%2)%3.")
                       .arg(path, v.size.words(), v.filesystem.isEmpty() ? QString() : QStringLiteral(" with %1 on it").arg(v.filesystem));
    plan.notes << QStringLiteral("%1 has %2 free; LVM rounds the size up to whole extents (4 MiB by default).").arg(v.group, humanSize(v.freeBytes));
    if (v.stripes > 1)
        plan.notes << QStringLiteral("Striped across %1 devices: faster, but losing any one of them loses the volume, unless each is itself a "
                                     "mirror or RAID array.").arg(v.stripes);
    plan.steps << createVolumeStep(v.group, v.name, v.size, v.stripes, v.stripeKib);
    if (!v.filesystem.isEmpty())
        plan.steps << makeFilesystemStep(path, v.filesystem, v.label);
    if (!v.mountPoint.isEmpty()) {
        // By its device-mapper name: stable across boots, as /dev/VG/LV is, and the name mount shows.
        const QString device = mapperPath(v.group, v.name);
        plan.notes << QStringLiteral("It is mounted on %1 now and at every start: /etc/fstab gets the line '%2'.")
                          .arg(v.mountPoint, QString::fromUtf8(fstabLine(device, v.mountPoint, v.filesystem)));
        plan.steps << makeMountPointStep(v.mountPoint) << addFstabLineStep(device, v.mountPoint, v.filesystem) << mountStep(device, v.mountPoint);
    }
    return plan;
}

} // namespace plexus

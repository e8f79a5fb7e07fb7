// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "growvolume.h"

#include "engine/checks/refusal.h"
#include "model/describe.h"

#include <KLocalizedString>

namespace plexus {

QString GrowVolumeRequest::title() const
{
    return i18nc("an operation's title; %1 a volume", "Grow %1", deviceName(volume.path));
}

Status validate(const Validator &checks, const GrowVolumeRequest &r, ValidGrowVolume *out)
{
    *out = {};
    ResolvedDevice dev;
    const LogicalVolume *lv = nullptr;
    if (Status s = checks.resolveVolume(r.volume, &dev, &lv); !s)
        return s;
    const VolumeGroup *vg = checks.snapshot().volumeGroup(dev.volumeGroup);
    if (!vg || !vg->freeBytes)
        return notFound(mi18nc("%1 a volume group; keep plexusctl status (a command)",
                              "How much space %1 has free is unknown (LVM did not say). Try again; plexusctl status shows it.", dev.volumeGroup));
    const qint64 free = *vg->freeBytes;
    if (free == 0)
        return tooSmall(mi18nc("%1 a volume group, %2 a volume; keep extend-vg (a command)",
                              "%1 has no free space to grow %2 into. Add an array or partition to %1 first (extend-vg).", dev.volumeGroup, dev.path));
    if (r.size != 0 && qint64(r.size) <= dev.sizeBytes)
        return invalid(mi18nc("%1 a volume, %2 and %3 sizes", "%1 is already %2: growing it to %3 would shrink it. Give a larger size.", dev.path,
                             humanSize(dev.sizeBytes), humanSize(qint64(r.size))));
    if (r.size != 0 && qint64(r.size) - dev.sizeBytes > free)
        return tooSmall(mi18nc("%1 a volume group, %2 a size, %3 a volume, %4 and %5 sizes; keep extend-vg (a command)",
                              "%1 has only %2 free: %3 can grow to at most %4, not %5. Add an array or partition to %1 first (extend-vg).",
                              dev.volumeGroup, humanSize(free), dev.path, humanSize(dev.sizeBytes + free), humanSize(qint64(r.size))));
    if (Status s = Validator::checkGrowsInPlace(dev, *lv); !s)
        return s;
    out->volume = dev;
    out->size.bytes = r.size;
    out->fsType = lv->fsType;
    out->freeBytes = free;
    return {};
}

Plan makePlan(const ValidGrowVolume &v)
{
    Plan plan;
    const qint64 after = v.size.bytes ? qint64(v.size.bytes) : v.volume.sizeBytes + v.freeBytes;
    plan.summary = v.fsType.isEmpty()
        ? i18nc("%1 a volume, %2 and %3 sizes", "Grow %1 from %2 to %3.", v.volume.path, humanSize(v.volume.sizeBytes), humanSize(after))
        : i18nc("%1 a volume, %2 and %3 sizes, %4 a filesystem type (ext4, xfs)", "Grow %1 from %2 to %3, and its %4 filesystem with it.", v.volume.path,
                humanSize(v.volume.sizeBytes), humanSize(after), v.fsType);
    if (!v.fsType.isEmpty())
        plan.notes << i18n("The filesystem grows while it stays mounted and in use; nothing needs to stop.");
    plan.steps << growVolumeStep(v.volume, v.size, !v.fsType.isEmpty());
    return plan;
}

} // namespace plexus

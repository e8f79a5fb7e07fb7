// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "growvolume.h"

#include "engine/checks/refusal.h"
#include "model/describe.h"

namespace plexus {

Status validate(const Validator &checks, const GrowVolumeRequest &r, ValidGrowVolume *out)
{
    *out = {};
    ResolvedDevice dev;
    const LogicalVolume *lv = nullptr;
    if (Status s = checks.resolveVolume(r.volume, &dev, &lv); !s)
        return s;
    const VolumeGroup *vg = checks.snapshot().volumeGroup(dev.volumeGroup);
    if (!vg || !vg->freeBytes)
        return notFound(QStringLiteral("How much space %1 has free is unknown (LVM did not say). Try again; plexusctl status shows it.").arg(dev.volumeGroup));
    const qint64 free = *vg->freeBytes;
    if (free == 0)
        return tooSmall(QStringLiteral("%1 has no free space to grow %2 into. Add an array or partition to %1 first (extend-vg).")
                            .arg(dev.volumeGroup, dev.path));
    if (r.size != 0 && qint64(r.size) <= dev.sizeBytes)
        return invalid(QStringLiteral("%1 is already %2: growing it to %3 would shrink it. Give a larger size.")
                           .arg(dev.path, humanSize(dev.sizeBytes), humanSize(qint64(r.size))));
    if (r.size != 0 && qint64(r.size) - dev.sizeBytes > free)
        return tooSmall(QStringLiteral("%1 has only %2 free: %3 can grow to at most %4, not %5. Add an array or partition to %1 first (extend-vg).")
                            .arg(dev.volumeGroup, humanSize(free), dev.path, humanSize(dev.sizeBytes + free), humanSize(qint64(r.size))));
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
    plan.summary = QStringLiteral("Grow %1 from %2 to %3%4.")
                       .arg(v.volume.path, humanSize(v.volume.sizeBytes), humanSize(after),
                            v.fsType.isEmpty() ? QString() : QStringLiteral(", and its %1 filesystem with it").arg(v.fsType));
    if (!v.fsType.isEmpty())
        plan.notes << QStringLiteral("The filesystem grows while it stays mounted and in use; nothing needs to stop.");
    plan.steps << growVolumeStep(v.volume, v.size, !v.fsType.isEmpty());
    return plan;
}

} // namespace plexus

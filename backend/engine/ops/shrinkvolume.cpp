// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "shrinkvolume.h"

#include "engine/checks/refusal.h"
#include "model/describe.h"

namespace plexus {

Status validate(const Validator &checks, const ShrinkVolumeRequest &r, ValidShrinkVolume *out)
{
    *out = {};
    ResolvedDevice dev;
    const LogicalVolume *lv = nullptr;
    if (Status s = checks.resolveVolume(r.volume, &dev, &lv); !s)
        return s;
    if (r.size == 0)
        return invalid(QStringLiteral("Give the new size of %1 (size), smaller than its %2 now.").arg(dev.path, humanSize(dev.sizeBytes)));
    const qint64 size = qint64(r.size);
    if (size >= dev.sizeBytes)
        return invalid(QStringLiteral("%1 is %2 already: shrinking it to %3 would not make it smaller. Give a smaller size, or use "
                                      "grow-volume to make it bigger.").arg(dev.path, humanSize(dev.sizeBytes), humanSize(size)));
    const QString &fs = lv->fsType;
    if (fs == QLatin1String("xfs"))
        return invalid(QStringLiteral("%1 holds xfs, and xfs cannot shrink: nothing was changed. To make it smaller, copy its files "
                                      "to a new, smaller volume and remove this one.").arg(dev.path));
    if (!fs.isEmpty() && fs != QLatin1String("ext4"))
        return invalid(QStringLiteral("%1 holds %2, which Plexus does not shrink (only ext4, unmounted). %3")
                           .arg(dev.path, describeContents(fs, lv->fsLabel),
                                fs == QLatin1String("swap") ? QStringLiteral("Turn it off, remove it and make a smaller swap volume instead.")
                                                            : QStringLiteral("Copy its files to a smaller volume instead."))
                           .trimmed());
    // ext4 grows mounted, but shrinks only unmounted (resize2fs refuses online shrinking).
    const QString use = checks.usageOf(dev.name);
    if (!fs.isEmpty() && use.startsWith(QLatin1String("is mounted")))
        return inUse(QStringLiteral("%1 %2: ext4 shrinks only while unmounted. Unmount it first (for / or /usr, from a rescue "
                                    "system), then shrink it.").arg(dev.path, use));
    // Shrinking is the point: nothing else may use it (swap, device-mapper, ...).
    if (Status s = checks.checkBlockFree(dev, {.overwrite = true}); !s)
        return s;
    if (!fs.isEmpty()) {
        const std::optional<qint64> minimum = checks.system().ext4MinimumBytes(dev.name);
        if (!minimum)
            return notFound(QStringLiteral("How much of %1's filesystem is in use could not be read (resize2fs -P). Check it with "
                                           "e2fsck -f %1, then try again.").arg(dev.path));
        if (size < *minimum)
            return tooSmall(QStringLiteral("%1's filesystem needs at least %2 for its files, more than the %3 asked for. Give a size of "
                                           "at least %2, or delete files first.").arg(dev.path, humanSize(*minimum), humanSize(size)));
        out->minimumBytes = *minimum;
    }
    out->volume = dev;
    out->size = size;
    out->fsType = fs;
    return {};
}

Plan makePlan(const ValidShrinkVolume &v)
{
    Plan plan;
    plan.summary = QStringLiteral("Shrink %1 from %2 to %3%4.")
                       .arg(v.volume.path, humanSize(v.volume.sizeBytes), humanSize(v.size),
                            v.fsType.isEmpty() ? QString() : QStringLiteral(", its %1 filesystem first").arg(v.fsType));
    if (v.fsType.isEmpty())
        plan.notes << QStringLiteral("%1 holds no filesystem Plexus recognises: whatever lies beyond %2 is lost.").arg(v.volume.path, humanSize(v.size));
    else
        plan.notes << QStringLiteral("Its files need %1; LVM checks the filesystem (e2fsck -f) before shrinking it, and stops without "
                                     "changing anything if it cannot.").arg(humanSize(v.minimumBytes));
    plan.notes << QStringLiteral("The %1 freed return to %2's free space.").arg(humanSize(v.volume.sizeBytes - v.size), v.volume.volumeGroup);
    plan.steps << shrinkVolumeStep(v.volume, v.size, !v.fsType.isEmpty());
    return plan;
}

} // namespace plexus

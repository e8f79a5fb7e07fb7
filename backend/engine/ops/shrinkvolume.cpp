// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "shrinkvolume.h"

#include "engine/checks/refusal.h"
#include "model/describe.h"

#include <KLocalizedString>

namespace plexus {

QString ShrinkVolumeRequest::title() const
{
    return i18nc("an operation's title; %1 a volume", "Shrink %1", deviceName(volume.path));
}

Status validate(const Validator &checks, const ShrinkVolumeRequest &r, ValidShrinkVolume *out)
{
    *out = {};
    ResolvedDevice dev;
    const LogicalVolume *lv = nullptr;
    if (Status s = checks.resolveVolume(r.volume, &dev, &lv); !s)
        return s;
    if (r.size == 0)
        return invalid(mi18nc("%1 a volume, %2 its size; keep size (an option)", "Give the new size of %1 (size), smaller than its %2 now.", dev.path,
                             humanSize(dev.sizeBytes)));
    const qint64 size = qint64(r.size);
    if (size >= dev.sizeBytes)
        return invalid(mi18nc("%1 a volume, %2 and %3 sizes; keep grow-volume (a command)",
                             "%1 is %2 already: shrinking it to %3 would not make it smaller. Give a smaller size, or use "
                             "grow-volume to make it bigger.",
                             dev.path, humanSize(dev.sizeBytes), humanSize(size)));
    const QString &fs = lv->fsType;
    if (fs == QLatin1String("xfs"))
        return invalid(mi18nc("%1 a volume",
                             "%1 holds xfs, and xfs cannot shrink: nothing was changed. To make it smaller, copy its files "
                             "to a new, smaller volume and remove this one.",
                             dev.path));
    if (!fs.isEmpty() && fs != QLatin1String("ext4"))
        return invalid(fs == QLatin1String("swap")
                           ? mi18nc("%1 a volume, %2 what it holds (swap space)",
                                   "%1 holds %2, which Plexus does not shrink (only ext4, unmounted). Turn it off, remove it and make a smaller swap volume instead.",
                                   dev.path, describeContents(fs, lv->fsLabel))
                           : mi18nc("%1 a volume, %2 what it holds (a btrfs filesystem labelled 'data')",
                                   "%1 holds %2, which Plexus does not shrink (only ext4, unmounted). Copy its files to a smaller volume instead.",
                                   dev.path, describeContents(fs, lv->fsLabel)));
    // ext4 grows mounted, but shrinks only unmounted (resize2fs refuses online shrinking).
    if (const auto mounts = checks.snapshot().mountsOf(dev.name); !fs.isEmpty() && !mounts.isEmpty())
        return inUse(mi18nc("%1 a volume, %2 a mount point",
                           "%1 is mounted on %2: ext4 shrinks only while unmounted. Unmount it first (for / or /usr, from a rescue "
                           "system), then shrink it.",
                           dev.path, mounts.first()->mountPoint));
    // Shrinking is the point: nothing else may use it (swap, device-mapper, ...).
    if (Status s = checks.checkBlockFree(dev, {.overwrite = true}); !s)
        return s;
    if (!fs.isEmpty()) {
        const std::optional<qint64> minimum = checks.system().ext4MinimumBytes(dev.name);
        if (!minimum)
            return notFound(mi18nc("%1 a volume",
                                  "How much of %1's filesystem is in use could not be read (resize2fs -P). Check it with "
                                  "e2fsck -f %1, then try again.",
                                  dev.path));
        if (size < *minimum)
            return tooSmall(mi18nc("%1 a volume, %2 and %3 sizes",
                                  "%1's filesystem needs at least %2 for its files, more than the %3 asked for. Give a size of "
                                  "at least %2, or delete files first.",
                                  dev.path, humanSize(*minimum), humanSize(size)));
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
    plan.summary = v.fsType.isEmpty()
        ? i18nc("%1 a volume, %2 and %3 sizes", "Shrink %1 from %2 to %3.", v.volume.path, humanSize(v.volume.sizeBytes), humanSize(v.size))
        : i18nc("%1 a volume, %2 and %3 sizes, %4 a filesystem type (ext4)", "Shrink %1 from %2 to %3, its %4 filesystem first.", v.volume.path,
                humanSize(v.volume.sizeBytes), humanSize(v.size), v.fsType);
    if (v.fsType.isEmpty())
        plan.notes << i18nc("%1 a volume, %2 a size", "%1 holds no filesystem Plexus recognises: whatever lies beyond %2 is lost.", v.volume.path, humanSize(v.size));
    else
        plan.notes << i18nc("%1 a size",
                            "Its files need %1; LVM checks the filesystem (e2fsck -f) before shrinking it, and stops without "
                            "changing anything if it cannot.",
                            humanSize(v.minimumBytes));
    plan.notes << i18nc("%1 a size, %2 a volume group", "The %1 freed return to %2's free space.", humanSize(v.volume.sizeBytes - v.size), v.volume.volumeGroup);
    plan.steps << shrinkVolumeStep(v.volume, v.size, !v.fsType.isEmpty());
    return plan;
}

} // namespace plexus

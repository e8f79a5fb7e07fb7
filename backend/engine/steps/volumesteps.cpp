// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "volumesteps.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>

#include <KLocalizedString>

namespace plexus {

using namespace actions;

namespace {

// A step that runs its own command, lets udev catch up, then checks `check`.
Step toolStep(const QString &description, const QStringList &argv, std::function<Status()> check)
{
    Step s;
    s.description = description;
    s.command = argv;
    s.action = runThenSettle(argv);
    s.check = std::move(check);
    return s;
}

QStringList paths(const QList<ResolvedDevice> &devices)
{
    QStringList list;
    for (const ResolvedDevice &d : devices)
        list << d.path;
    return list;
}

// What a query tool prints; "" when it fails (LVM does not know the object).
QString toolOutput(const QStringList &command)
{
    QuietContext quiet;
    QByteArray out;
    int code = 0;
    run(quiet, command, {}, &out, &code);
    return code == 0 ? QString::fromUtf8(out).trimmed() : QString();
}

std::function<Status()> groupExists(const QString &group, bool exists)
{
    return [group, exists] {
        const bool found = !toolOutput({QStringLiteral("vgs"), QStringLiteral("--noheadings"), QStringLiteral("-o"), QStringLiteral("vg_name"), group}).isEmpty();
        if (found != exists)
            return toolFailed(exists ? mi18nc("%1 a volume group", "LVM does not list the volume group %1.", group)
                                     : mi18nc("%1 a volume group", "LVM still lists the volume group %1.", group));
        return Status();
    };
}

// The check of a resize: the device is now bigger (or smaller) than `before`.
std::function<Status()> sizeChanged(const QString &path, qint64 before, bool grew)
{
    return [path, before, grew] {
        const qint64 now = toolOutput({QStringLiteral("blockdev"), QStringLiteral("--getsize64"), path}).toLongLong();
        if (grew ? now <= before : (now >= before || now == 0))
            return toolFailed(mi18nc("%1 a device, %2 its size", "%1 is still %2 after the step.", path, humanSize(now)));
        return Status();
    };
}

std::function<Status()> holds(const QString &path, const QString &fsType)
{
    return [path, fsType] {
        const QString found = probedContents(path);
        if (found != fsType)
            return toolFailed(mi18nc("%1 a device, %2 what it holds (blkid's word: ext4, LVM2_member, ...), %3 a filesystem type",
                                    "%1 holds '%2' after the step, not %3.", path, found, fsType));
        return Status();
    };
}

} // namespace

QStringList filesystemTypes()
{
    return {QStringLiteral("ext4"), QStringLiteral("xfs"), QStringLiteral("swap"), QStringLiteral("vfat")};
}

int maxLabelLength(const QString &fsType)
{
    if (fsType == QLatin1String("ext4"))
        return 16;
    if (fsType == QLatin1String("xfs"))
        return 12;
    if (fsType == QLatin1String("swap"))
        return 15;
    return 11; // vfat
}

QString probedContents(const QString &path)
{
    return toolOutput({QStringLiteral("blkid"), QStringLiteral("-p"), QStringLiteral("-s"), QStringLiteral("TYPE"), QStringLiteral("-o"),
                      QStringLiteral("value"), path});
}

Step makeFilesystemStep(const QString &path, const QString &fsType, const QString &label, const QString &uuid)
{
    // -F / -f: validation has already asked about what is there (overwrite).
    QStringList argv;
    if (fsType.startsWith(QLatin1String("ext")))
        argv = {QStringLiteral("mkfs.") + fsType, QStringLiteral("-F"), QStringLiteral("-q")};
    else if (fsType == QLatin1String("xfs"))
        argv = {QStringLiteral("mkfs.xfs"), QStringLiteral("-f"), QStringLiteral("-q")};
    else if (fsType == QLatin1String("swap"))
        argv = {QStringLiteral("mkswap"), QStringLiteral("-f")};
    else
        argv = {QStringLiteral("mkfs.vfat")};
    if (!label.isEmpty())
        argv << (fsType == QLatin1String("vfat") ? QStringLiteral("-n") : QStringLiteral("-L")) << label;
    if (!uuid.isEmpty()) {
        if (fsType == QLatin1String("xfs"))
            argv << QStringLiteral("-m") << QStringLiteral("uuid=") + uuid;
        else if (fsType == QLatin1String("vfat"))
            argv << QStringLiteral("-i") << QString(uuid).remove(QLatin1Char('-')); // the volume id: "1A2B-3C4D" -> 1A2B3C4D
        else
            argv << QStringLiteral("-U") << uuid;
    }
    argv << path;
    // "an ext4", "an xfs" (as they are said), "a vfat"
    const bool an = fsType.startsWith(QLatin1Char('e')) || fsType.startsWith(QLatin1Char('x'));
    QString description;
    if (fsType == QLatin1String("swap"))
        description = label.isEmpty() ? i18nc("%1 a device", "Make swap space on %1", path)
                                      : i18nc("%1 a device, %2 a label", "Make swap space on %1 labelled %2", path, label);
    else if (an)
        description = label.isEmpty() ? i18nc("%1 a filesystem type (ext4, xfs), %2 a device", "Make an %1 filesystem on %2", fsType, path)
                                      : i18nc("%1 a filesystem type (ext4, xfs), %2 a device, %3 a label", "Make an %1 filesystem on %2 labelled %3", fsType, path, label);
    else
        description = label.isEmpty() ? i18nc("%1 a filesystem type (vfat), %2 a device", "Make a %1 filesystem on %2", fsType, path)
                                      : i18nc("%1 a filesystem type (vfat), %2 a device, %3 a label", "Make a %1 filesystem on %2 labelled %3", fsType, path, label);
    Step s = toolStep(description, argv, holds(path, fsType));
    s.cannotUndo = i18nc("why a step cannot be undone, after 'cannot be undone: '; %1 a device", "what %1 held before is gone", path);
    return s;
}

Step createPhysicalVolumeStep(const ResolvedDevice &dev)
{
    Step s = toolStep(i18nc("%1 a device", "Make %1 an LVM physical volume", dev.path), {QStringLiteral("pvcreate"), QStringLiteral("-y"), dev.path},
                      holds(dev.path, QStringLiteral("LVM2_member")));
    const QString path = dev.path;
    s.undo = [path] { return QList<Step>{removePhysicalVolumeStep(path)}; };
    s.erases = {{dev.path, dev.name}};
    return s;
}

qint64 addPhysicalVolumeSteps(const QList<ResolvedDevice> &devices, Plan *plan, QStringList *shown)
{
    qint64 total = 0;
    for (const ResolvedDevice &d : devices) {
        plan->steps << createPhysicalVolumeStep(d);
        plan->exclusive << d.path;
        total += d.sizeBytes;
        *shown << d.display();
    }
    return total;
}

Step createVolumeGroupStep(const QString &name, const QList<ResolvedDevice> &devices)
{
    Step s = toolStep(i18nc("%1 a volume group, %2 a list of devices", "Create the volume group %1 on %2", name, paths(devices).join(QStringLiteral(", "))),
                      QStringList{QStringLiteral("vgcreate"), name} + paths(devices), groupExists(name, true));
    // vgremove without -f refuses a group that has volumes: nothing anyone made in it is lost.
    s.undo = [name] { return QList<Step>{removeVolumeGroupStep(name, false)}; };
    return s;
}

Step extendVolumeGroupStep(const QString &name, const QList<ResolvedDevice> &devices)
{
    const QStringList added = paths(devices);
    Step s = toolStep(i18nc("%1 a list of devices, %2 a volume group", "Add %1 to the volume group %2", added.join(QStringLiteral(", ")), name),
                    QStringList{QStringLiteral("vgextend"), name} + added, [name, added] {
                        const QString pvs = toolOutput({QStringLiteral("vgs"), QStringLiteral("--noheadings"), QStringLiteral("-o"), QStringLiteral("pv_name"), name});
                        for (const QString &p : added)
                            if (!pvs.contains(p))
                                return toolFailed(mi18nc("%1 a device, %2 a volume group", "%1 is not in the volume group %2 after the step.", p, name));
                        return Status();
                    });
    s.cannotUndo = i18nc("why a step cannot be undone, after 'cannot be undone: '; %1 a list of devices", "LVM may already have placed data on %1",
                         added.join(QStringLiteral(", ")));
    return s;
}

QStringList VolumeSize::lvmArguments() const
{
    if (bytes == 0)
        return {QStringLiteral("-l"), QStringLiteral("100%FREE")};
    return {QStringLiteral("-L"), QStringLiteral("%1b").arg(bytes)};
}

QString VolumeSize::words() const
{
    return bytes == 0 ? i18nc("the size of a new volume", "all the free space") : humanSize(qint64(bytes));
}

Step createVolumeStep(const QString &group, const QString &name, const VolumeSize &size, int stripes, int stripeKib)
{
    QStringList argv{QStringLiteral("lvcreate"), QStringLiteral("-y"), QStringLiteral("-n"), name};
    argv << size.lvmArguments();
    if (stripes > 1)
        argv << QStringLiteral("-i") << QString::number(stripes) << QStringLiteral("-I") << QStringLiteral("%1k").arg(stripeKib);
    argv << group;
    const QString path = QStringLiteral("/dev/%1/%2").arg(group, name);
    const QString description = stripes > 1
        ? i18ncp("%2 a volume, %3 a volume group, %4 its size ('1.00 GiB' or 'all the free space')", "Create the volume %2 in %3 (%4, striped over %1 device)",
                 "Create the volume %2 in %3 (%4, striped over %1 devices)", stripes, name, group, size.words())
        : i18nc("%1 a volume, %2 a volume group, %3 its size ('1.00 GiB' or 'all the free space')", "Create the volume %1 in %2 (%3)", name, group, size.words());
    Step s = toolStep(description, argv, [path] {
                        if (!QFileInfo::exists(path))
                            return toolFailed(mi18nc("%1 a device", "%1 does not exist after the step.", path));
                        return Status();
                    });
    s.undo = [group, name, path] {
        Step remove = removeVolumeStep(group, name);
        // Only while it is still blank: a filesystem on it means someone used it.
        remove.precondition = [path] {
            const QString found = probedContents(path);
            return found.isEmpty() ? Status()
                                   : Status::failure(ErrorCode::InUse, mi18nc("%1 a volume, %2 what it holds (blkid's word: ext4, xfs, ...)",
                                                                             "%1 now holds %2: it is not removed by a roll back.", path, found));
        };
        return QList<Step>{remove};
    };
    return s;
}

Step growVolumeStep(const ResolvedDevice &volume, const VolumeSize &size, bool withFilesystem)
{
    QStringList argv{QStringLiteral("lvextend")};
    if (withFilesystem)
        argv << QStringLiteral("--resizefs");
    argv << (size.bytes == 0 ? QStringList{QStringLiteral("-l"), QStringLiteral("+100%FREE")} : size.lvmArguments());
    argv << volume.volumeGroup + QLatin1Char('/') + volume.volume;
    const QString description = withFilesystem
        ? i18nc("%1 a volume, %2 its new size ('1.00 GiB' or 'all the free space')", "Grow %1 to %2, and its filesystem with it", volume.path, size.words())
        : i18nc("%1 a volume, %2 its new size ('1.00 GiB' or 'all the free space')", "Grow %1 to %2", volume.path, size.words());
    Step s = toolStep(description, argv, sizeChanged(volume.path, volume.sizeBytes, true));
    s.cannotUndo = i18nc("why a step cannot be undone, after 'cannot be undone: '",
                         "a volume is not shrunk back on its own: whether it can be depends on its filesystem");
    return s;
}

Step shrinkVolumeStep(const ResolvedDevice &volume, qint64 size, bool withFilesystem)
{
    // One command rather than e2fsck -f, resize2fs and lvreduce in turn: LVM
    // shrinks the filesystem to exactly the size it then gives the volume (after
    // rounding to whole extents), so the two cannot disagree and cut off the
    // filesystem's end, which is how shrinking by hand loses data; it runs
    // e2fsck -f first and stops, changing nothing, when resize2fs cannot.
    // --fsmode nochange: a filesystem mounted since validation fails the step
    // instead of being unmounted behind its user's back.
    QStringList argv{QStringLiteral("lvreduce")};
    if (withFilesystem)
        argv << QStringLiteral("--resizefs") << QStringLiteral("--fsmode") << QStringLiteral("nochange");
    else
        argv << QStringLiteral("-y"); // nothing to check: validation has asked (the erase action)
    argv << QStringLiteral("-L") << QStringLiteral("%1b").arg(size) << volume.volumeGroup + QLatin1Char('/') + volume.volume;
    const QString description = withFilesystem ? i18nc("%1 a volume, %2 its new size", "Shrink %1 to %2, its filesystem first", volume.path, humanSize(size))
                                               : i18nc("%1 a volume, %2 its new size", "Shrink %1 to %2", volume.path, humanSize(size));
    return toolStep(description, argv, sizeChanged(volume.path, volume.sizeBytes, false));
}

Step resizePhysicalVolumeStep(const QString &path, qint64 beforeBytes)
{
    return toolStep(i18nc("%1 a device", "Let the physical volume on %1 fill it", path), {QStringLiteral("pvresize"), path}, [path, beforeBytes] {
        const qint64 now = toolOutput({QStringLiteral("pvs"), QStringLiteral("--noheadings"), QStringLiteral("--units"), QStringLiteral("b"),
                                       QStringLiteral("--nosuffix"), QStringLiteral("-o"), QStringLiteral("pv_size"), path}).toLongLong();
        if (now <= beforeBytes)
            return toolFailed(mi18nc("%1 a device, %2 a size", "The physical volume on %1 is still %2 after the step.", path, humanSize(now)));
        return Status();
    });
}

Step removeVolumeStep(const QString &group, const QString &name)
{
    const QString path = QStringLiteral("/dev/%1/%2").arg(group, name);
    return toolStep(i18nc("%1 a volume", "Remove the volume %1 and everything on it", path),
                    {QStringLiteral("lvremove"), QStringLiteral("-y"), group + QLatin1Char('/') + name}, [path] {
                        if (QFileInfo::exists(path))
                            return toolFailed(mi18nc("%1 a volume", "%1 still exists after the step.", path));
                        return Status();
                    });
}

Step removeVolumeGroupStep(const QString &group, bool withVolumes)
{
    QStringList argv{QStringLiteral("vgremove"), QStringLiteral("-y")};
    if (withVolumes)
        argv << QStringLiteral("-f");
    argv << group;
    return toolStep(withVolumes ? i18nc("%1 a volume group", "Remove the volume group %1 with its volumes", group)
                                : i18nc("%1 a volume group", "Remove the volume group %1", group),
                    argv, groupExists(group, false));
}

Step moveExtentsStep(const QString &path, qint64 usedBytes)
{
    // -i 5: a percentage every 5 s, passed on as the step's progress, with the
    // time left at the pace so far in the job's log.
    const QStringList argv{QStringLiteral("pvmove"), QStringLiteral("-i"), QStringLiteral("5"), path};
    Step s;
    s.description = i18nc("%1 a size, %2 a device", "Move the %1 of volumes on %2 onto the group's other devices", humanSize(usedBytes), path);
    s.command = argv;
    s.waitsForKernel = true;
    s.action = [argv, path](StepContext &ctx) {
        static const QRegularExpression moved(QStringLiteral("Moved:\\s*([0-9.]+)%"));
        QElapsedTimer clock;
        clock.start();
        double last = -1;
        const Status st = runReportingLines(ctx, argv, [&](const QString &line) {
            const QRegularExpressionMatch m = moved.match(line);
            if (!m.hasMatch())
                return;
            const double percent = m.captured(1).toDouble();
            if (percent <= last)
                return;
            last = percent;
            ctx.progress(percent);
            const qint64 seconds = percent > 0 ? qint64(clock.elapsed() / 1000.0 * (100.0 - percent) / percent) : -1;
            ctx.log(QStringLiteral("moved %1% of %2%3").arg(percent, 0, 'f', 1).arg(path,
                        seconds >= 0 && percent < 100 ? QStringLiteral(", about %1 s left").arg(seconds) : QString()));
        });
        if (st)
            ctx.progress(100.0);
        return st;
    };
    s.check = [path] {
        const QString used = toolOutput({QStringLiteral("pvs"), QStringLiteral("--noheadings"), QStringLiteral("--units"), QStringLiteral("b"),
                                         QStringLiteral("--nosuffix"), QStringLiteral("-o"), QStringLiteral("pv_used"), path});
        if (used.toLongLong() != 0 || used.isEmpty())
            return toolFailed(used.isEmpty() ? mi18nc("%1 a device", "%1 still holds an unknown number of bytes of volumes after the move.", path)
                                             : mi18nc("%1 a device, %2 a number of bytes", "%1 still holds %2 bytes of volumes after the move.", path, used));
        return Status();
    };
    return s;
}

Step reduceVolumeGroupStep(const QString &group, const QString &path)
{
    return toolStep(i18nc("%1 a device, %2 a volume group", "Take %1 out of the volume group %2", path, group), {QStringLiteral("vgreduce"), group, path}, [group, path] {
        // Asked by the device: LVM may list it under another of its names (/dev/md/1).
        if (toolOutput({QStringLiteral("pvs"), QStringLiteral("--noheadings"), QStringLiteral("-o"), QStringLiteral("vg_name"), path}) == group)
            return toolFailed(mi18nc("%1 a device, %2 a volume group", "%1 is still in the volume group %2 after the step.", path, group));
        return Status();
    });
}

Step removePhysicalVolumeStep(const QString &path)
{
    return toolStep(i18nc("%1 a device", "Erase the LVM label on %1", path), {QStringLiteral("pvremove"), QStringLiteral("-y"), path}, [path] {
        if (probedContents(path) == QLatin1String("LVM2_member"))
            return toolFailed(mi18nc("%1 a device", "%1 still carries an LVM label.", path));
        return Status();
    });
}

} // namespace plexus

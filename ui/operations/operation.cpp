// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "operation.h"
#include "backuplist.h"
#include "engine/engine.h"
#include "model/describe.h"

#include <KLocalizedString>

namespace plexus {

namespace {

QString kernelName(const QString &path)
{
    return path.startsWith(QLatin1String("/dev/")) ? path.mid(5) : path;
}

// What a person would call the contents of a disk, partition, array or volume:
// its signature, and a whole disk's partition table ("gpt") with how many partitions.
QString contentsOf(const Snapshot &s, const QString &name, const QString &fsType, const QString &label, const QString &partitionTable = {},
                   int partitions = 0)
{
    QString signature;
    if (fsType == QLatin1String("linux_raid_member")) {
        const QList<const Array *> arrays = s.arraysUsing(name);
        const Array *copied = copiedArray(s, name);
        signature = !arrays.isEmpty() ? i18nc("what a device holds", "a member of %1", arrays.first()->name)
                    : copied          ? i18nc("what a device holds", "a backup copy of %1", copied->name)
                                      : i18nc("what a device holds", "an old md superblock (no running array)");
    } else if (fsType == QLatin1String("LVM2_member")) {
        const PhysicalVolume *pv = s.physicalVolume(name);
        signature = pv ? i18nc("what a device holds; %1 a volume group", "an LVM physical volume of %1", pv->vgName)
                       : i18nc("what a device holds", "an LVM physical volume");
    } else if (!fsType.isEmpty()) {
        signature = label.isEmpty() ? i18nc("what a device holds; %1 a filesystem type (ext4)", "a %1 filesystem", fsType)
                                    : i18nc("what a device holds; %1 a filesystem type (ext4), %2 its label", "a %1 filesystem “%2”", fsType, label);
    }
    QString table;
    if (!partitionTable.isEmpty())
        table = partitions > 0 ? i18ncp("what a disk holds; %2 a partition table type (GPT)", "a %2 partition table with %1 partition",
                                        "a %2 partition table with %1 partitions", partitions, partitionTable.toUpper())
                               : i18nc("what a disk holds; %1 a partition table type (GPT)", "a %1 partition table", partitionTable.toUpper());
    if (signature.isEmpty() && table.isEmpty())
        return i18nc("what a device holds", "nothing recognisable");
    if (signature.isEmpty() || table.isEmpty())
        return signature + table;
    return i18nc("what a disk holds: a signature and a partition table", "%1 and %2", signature, table);
}

} // namespace

QString ErasedDevice::text() const
{
    // Path, model, size, serial: a list translators may punctuate.
    auto then = [](const QString &list, const QString &more) { return i18nc("a device's details, one after another", "%1, %2", list, more); };
    QString details = path;
    if (!model.isEmpty())
        details = then(details, model);
    details = then(details, humanSize(sizeBytes));
    if (!serial.isEmpty())
        details = then(details, i18nc("a disk's serial number", "serial %1", serial));
    return i18nc("a device that will be erased: %1 its details, %2 what is on it", "%1: now holds %2", details, contents);
}

ErasedDevice describeErased(const Snapshot &s, const QString &path)
{
    ErasedDevice e;
    e.path = path;
    const QString name = kernelName(path);
    const Disk *disk = s.diskOf(name);
    if (const Array *a = disk ? nullptr : s.array(name)) {
        e.model = i18nc("in place of a disk model", "md array");
        e.sizeBytes = a->sizeKib.value_or(0) * 1024;
        e.contents = contentsOf(s, name, a->fsType, a->fsLabel);
        return e;
    }
    if (const LogicalVolume *lv = disk ? nullptr : s.activeVolume(name)) {
        e.model = i18nc("in place of a disk model; %1 a volume group, %2 a volume", "logical volume %1/%2", lv->vgName, lv->name);
        e.sizeBytes = lv->sizeBytes;
        e.contents = contentsOf(s, name, lv->fsType, lv->fsLabel);
        return e;
    }
    if (!disk) {
        e.contents = i18nc("what a device holds", "unknown (not in Plexus's view of the machine)");
        return e;
    }
    e.model = disk->model;
    e.serial = disk->serial.isEmpty() ? disk->wwn : disk->serial;
    if (const Partition *p = disk->partition(name)) {
        e.sizeBytes = p->sizeBytes;
        e.contents = contentsOf(s, name, p->fsType, p->label);
    } else {
        e.sizeBytes = disk->sizeBytes;
        e.contents = contentsOf(s, name, disk->fsType, disk->label, disk->partitionTable, int(disk->partitions.size()));
    }
    return e;
}

QString firstFreeArray(const PlanningContext &ctx)
{
    for (int n = 0;; ++n) {
        const QString name = QStringLiteral("md%1").arg(n);
        if (!ctx.snapshot->array(name) && !(ctx.system && ctx.system->exists(QStringLiteral("/dev/") + name)))
            return QStringLiteral("/dev/") + name;
    }
}

Operation planOperation(const PlanningContext &ctx, const AnyRequest &request)
{
    Operation op;
    op.title = request.title();
    op.request = request;
    op.changesData = request.changesData();
    op.refusal = request.prepare(Engine(ctx.snapshot, *ctx.system), &op.plan);
    for (const DeviceSpec &d : request.writtenOver())
        op.erased << describeErased(*ctx.snapshot, d.path);
    return op;
}

} // namespace plexus

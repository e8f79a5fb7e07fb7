// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "operation.h"
#include "backuplist.h"
#include "engine/engine.h"
#include "model/describe.h"

namespace plexus {

namespace {

QString kernelName(const QString &path)
{
    return path.startsWith(QLatin1String("/dev/")) ? path.mid(5) : path;
}

// What a person would call the contents of a disk, partition, array or volume.
QString contentsOf(const Snapshot &s, const QString &name, const QString &fsType, const QString &label, const QString &partitionTable)
{
    QStringList words;
    if (fsType == QLatin1String("linux_raid_member")) {
        const QList<const Array *> arrays = s.arraysUsing(name);
        const Array *copied = copiedArray(s, name);
        words << (!arrays.isEmpty() ? QStringLiteral("a member of %1").arg(arrays.first()->name)
                  : copied          ? QStringLiteral("a backup copy of %1").arg(copied->name)
                                    : QStringLiteral("an old md superblock (no running array)"));
    } else if (fsType == QLatin1String("LVM2_member")) {
        const PhysicalVolume *pv = s.physicalVolume(name);
        words << (pv ? QStringLiteral("an LVM physical volume of %1").arg(pv->vgName) : QStringLiteral("an LVM physical volume"));
    } else if (!fsType.isEmpty()) {
        words << (label.isEmpty() ? QStringLiteral("a %1 filesystem").arg(fsType) : QStringLiteral("a %1 filesystem “%2”").arg(fsType, label));
    }
    if (!partitionTable.isEmpty())
        words << QStringLiteral("a %1 partition table").arg(partitionTable.toUpper());
    return words.isEmpty() ? QStringLiteral("nothing recognisable") : words.join(QStringLiteral(" and "));
}

} // namespace

QString ErasedDevice::text() const
{
    QStringList parts{path};
    if (!model.isEmpty())
        parts << model;
    parts << humanSize(sizeBytes);
    if (!serial.isEmpty())
        parts << QStringLiteral("serial %1").arg(serial);
    return parts.join(QStringLiteral(", ")) + QStringLiteral(": now holds ") + contents;
}

ErasedDevice describeErased(const Snapshot &s, const QString &path)
{
    ErasedDevice e;
    e.path = path;
    const QString name = kernelName(path);
    const Disk *disk = s.diskOf(name);
    if (const Array *a = disk ? nullptr : s.array(name)) {
        e.model = QStringLiteral("md array");
        e.sizeBytes = a->sizeKib.value_or(0) * 1024;
        e.contents = contentsOf(s, name, a->fsType, a->fsLabel, {});
        return e;
    }
    if (const LogicalVolume *lv = disk ? nullptr : s.activeVolume(name)) {
        e.model = QStringLiteral("logical volume %1/%2").arg(lv->vgName, lv->name);
        e.sizeBytes = lv->sizeBytes;
        e.contents = contentsOf(s, name, lv->fsType, lv->fsLabel, {});
        return e;
    }
    if (!disk) {
        e.contents = QStringLiteral("unknown (not in Plexus's view of the machine)");
        return e;
    }
    e.model = disk->model;
    e.serial = disk->serial.isEmpty() ? disk->wwn : disk->serial;
    if (const Partition *p = disk->partition(name)) {
        e.sizeBytes = p->sizeBytes;
        e.contents = contentsOf(s, name, p->fsType, p->label, {});
    } else {
        e.sizeBytes = disk->sizeBytes;
        QString table = disk->partitionTable;
        if (!disk->partitions.isEmpty())
            table += QStringLiteral(" with %1 partition%2").arg(disk->partitions.size()).arg(disk->partitions.size() == 1 ? "" : "s");
        e.contents = contentsOf(s, name, disk->fsType, disk->label, table);
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

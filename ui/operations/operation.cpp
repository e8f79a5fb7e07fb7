#include "operation.h"
#include "engine/engine.h"
#include "helper1_proxy.h"
#include "model/describe.h"

namespace plexus {

namespace {

QString kernelName(const QString &path)
{
    return path.startsWith(QLatin1String("/dev/")) ? path.mid(5) : path;
}

// What a person would call the contents of a disk or partition.
QString contentsOf(const Snapshot &s, const QString &name, const QString &fsType, const QString &label, const QString &partitionTable)
{
    QStringList words;
    if (fsType == QLatin1String("linux_raid_member")) {
        const QList<const Array *> arrays = s.arraysUsing(name);
        words << (arrays.isEmpty() ? QStringLiteral("an old md superblock (no running array)")
                                   : QStringLiteral("a member of %1").arg(arrays.first()->name));
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

// The devices a plan writes over: every new member, spare or replacement.
QList<ErasedDevice> erasedBy(const Snapshot &s, const DeviceSpecList &devices)
{
    QList<ErasedDevice> erased;
    for (const DeviceSpec &d : devices)
        if (!d.isMissing())
            erased << describeErased(s, d.path);
    return erased;
}

// The steps every factory shares: the helper's option parser, then the engine.
template<typename Request>
Operation planned(const PlanningContext &ctx, Request request, const QVariantMap &options, const QString &title)
{
    Operation op;
    op.title = title;
    if (Status s = parseOptions(options, &request); !s) {
        op.refusal = s;
        return op;
    }
    op.refusal = Engine(ctx.snapshot, *ctx.system).prepare(request, &op.plan);
    return op;
}

QVariantMap merged(QVariantMap options, const QVariantMap &more)
{
    for (auto it = more.begin(); it != more.end(); ++it)
        options.insert(it.key(), it.value());
    return options;
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

Operation createArrayOperation(const PlanningContext &ctx, const QString &array, const QString &level, const DeviceSpecList &members,
                               const DeviceSpecList &spares, const QVariantMap &options)
{
    CreateArrayRequest r;
    r.array = array;
    r.level = level;
    r.members = members;
    r.spares = spares;
    Operation op = planned(ctx, r, options, QStringLiteral("Create %1 %2").arg(levelWords(level).section(QLatin1Char(' '), 0, 0), kernelName(array)));
    op.erased = erasedBy(*ctx.snapshot, members + spares);
    op.call = [=](HelperProxy *p, const QVariantMap &run) { return p->CreateArray(array, level, members, spares, merged(options, run)); };
    return op;
}

Operation stopArrayOperation(const PlanningContext &ctx, const QString &array, const QVariantMap &options)
{
    StopArrayRequest r;
    r.array = array;
    Operation op = planned(ctx, r, options, QStringLiteral("Stop %1").arg(kernelName(array)));
    op.call = [=](HelperProxy *p, const QVariantMap &run) { return p->StopArray(array, merged(options, run)); };
    return op;
}

Operation assembleArrayOperation(const PlanningContext &ctx, const QString &array, const DeviceSpecList &members, const QVariantMap &options)
{
    AssembleArrayRequest r;
    r.array = array;
    r.members = members;
    Operation op = planned(ctx, r, options, QStringLiteral("Start %1").arg(kernelName(array)));
    op.changesData = false;
    op.call = [=](HelperProxy *p, const QVariantMap &run) { return p->AssembleArray(array, members, merged(options, run)); };
    return op;
}

Operation addMemberOperation(const PlanningContext &ctx, const QString &array, const DeviceSpec &device, const QVariantMap &options)
{
    AddDeviceRequest r;
    r.array = array;
    r.device = device;
    Operation op = planned(ctx, r, options, QStringLiteral("Add %1 to %2").arg(kernelName(device.path), kernelName(array)));
    op.erased = erasedBy(*ctx.snapshot, {device});
    op.call = [=](HelperProxy *p, const QVariantMap &run) { return p->AddMember(array, device, merged(options, run)); };
    return op;
}

Operation addSpareOperation(const PlanningContext &ctx, const QString &array, const DeviceSpec &device, const QVariantMap &options)
{
    AddDeviceRequest r;
    r.array = array;
    r.device = device;
    r.spare = true;
    Operation op = planned(ctx, r, options, QStringLiteral("Add %1 to %2 as a spare").arg(kernelName(device.path), kernelName(array)));
    op.erased = erasedBy(*ctx.snapshot, {device});
    op.call = [=](HelperProxy *p, const QVariantMap &run) { return p->AddSpare(array, device, merged(options, run)); };
    return op;
}

Operation failMemberOperation(const PlanningContext &ctx, const QString &array, const DeviceSpec &member, const QVariantMap &options)
{
    FailMemberRequest r;
    r.array = array;
    r.member = member;
    Operation op = planned(ctx, r, options, QStringLiteral("Mark %1 failed in %2").arg(kernelName(member.path), kernelName(array)));
    op.call = [=](HelperProxy *p, const QVariantMap &run) { return p->FailMember(array, member, merged(options, run)); };
    return op;
}

Operation removeMemberOperation(const PlanningContext &ctx, const QString &array, const DeviceSpec &member, const QVariantMap &options)
{
    RemoveMemberRequest r;
    r.array = array;
    r.member = member;
    Operation op = planned(ctx, r, options, QStringLiteral("Remove %1 from %2").arg(kernelName(member.path), kernelName(array)));
    op.call = [=](HelperProxy *p, const QVariantMap &run) { return p->RemoveMember(array, member, merged(options, run)); };
    return op;
}

Operation replaceMemberOperation(const PlanningContext &ctx, const QString &array, const DeviceSpec &oldMember, const DeviceSpec &newDevice,
                                 const QVariantMap &options)
{
    ReplaceMemberRequest r;
    r.array = array;
    r.oldMember = oldMember;
    r.newDevice = newDevice;
    Operation op = planned(ctx, r, options,
                           QStringLiteral("Replace %1 in %2 with %3").arg(kernelName(oldMember.path), kernelName(array), kernelName(newDevice.path)));
    op.erased = erasedBy(*ctx.snapshot, {newDevice});
    op.call = [=](HelperProxy *p, const QVariantMap &run) { return p->ReplaceMember(array, oldMember, newDevice, merged(options, run)); };
    return op;
}

Operation growArrayOperation(const PlanningContext &ctx, const QString &array, int raidDevices, const DeviceSpecList &add,
                             const DeviceSpecList &remove, const QVariantMap &options)
{
    GrowArrayRequest r;
    r.array = array;
    r.raidDevices = raidDevices;
    r.add = add;
    r.remove = remove;
    const QString title = raidDevices > 0 ? QStringLiteral("Grow %1 to %2 devices").arg(kernelName(array)).arg(raidDevices)
                                          : QStringLiteral("Grow %1").arg(kernelName(array));
    Operation op = planned(ctx, r, options, title);
    op.erased = erasedBy(*ctx.snapshot, add);
    op.call = [=](HelperProxy *p, const QVariantMap &run) { return p->GrowArray(array, raidDevices, add, remove, merged(options, run)); };
    return op;
}

Operation syncActionOperation(const PlanningContext &ctx, const QString &array, const QString &action, const QVariantMap &options)
{
    SyncActionRequest r;
    r.array = array;
    r.action = action;
    const QString title = action == QLatin1String("check")    ? QStringLiteral("Check %1").arg(kernelName(array))
                        : action == QLatin1String("repair") ? QStringLiteral("Repair %1").arg(kernelName(array))
                                                            : QStringLiteral("Stop the check of %1").arg(kernelName(array));
    Operation op = planned(ctx, r, options, title);
    op.changesData = action == QLatin1String("repair"); // repair rewrites mismatched blocks
    op.call = [=](HelperProxy *p, const QVariantMap &run) { return p->RequestSyncAction(array, action, merged(options, run)); };
    return op;
}

Operation speedLimitsOperation(const PlanningContext &ctx, const QString &array, const QString &min, const QString &max,
                               const QVariantMap &options)
{
    SpeedLimitsRequest r;
    r.array = array;
    r.min = min;
    r.max = max;
    Operation op = planned(ctx, r, options, QStringLiteral("Set the sync speed of %1").arg(kernelName(array)));
    op.changesData = false;
    op.call = [=](HelperProxy *p, const QVariantMap &run) { return p->SetSyncSpeedLimits(array, min, max, merged(options, run)); };
    return op;
}

} // namespace plexus

#include "dropplanner.h"

namespace plexus {

namespace {

Operation refused(const QString &title, ErrorCode code, const QString &message)
{
    Operation op;
    op.title = title;
    op.refusal = Status::failure(code, message);
    return op;
}

// Another working member of `a` on the disk holding `device`, other than `replaced`.
QString memberOnSameDisk(const Snapshot &s, const Array &a, const QString &device, const QString &replaced)
{
    const Disk *disk = s.diskOf(device);
    if (!disk)
        return {};
    for (const Member &m : a.members) {
        if (m.faulty || m.spare || m.device == replaced || m.device == device)
            continue;
        const Disk *other = s.diskOf(m.device);
        if (other && other->name == disk->name)
            return m.device;
    }
    return {};
}

// A blank disk large enough for `source`'s partitions; one too small joins
// whole instead (the engine then judges its size against the array's).
bool takesLayoutOf(const Disk &blank, const Disk &source)
{
    return blank.partitions.isEmpty() && blank.sizeBytes >= source.layoutBytes();
}

} // namespace

Status checkNewMemberDevice(const Snapshot &snapshot, const QString &array, const QString &device, const QString &replaced)
{
    const Disk *disk = snapshot.disk(device);
    if (disk && !disk->partitions.isEmpty())
        return Status::failure(ErrorCode::InUse, QStringLiteral("%1 has %2 partition(s): using the whole disk would erase them all. Choose one of "
                                                                "its partitions, or a blank disk.").arg(device).arg(disk->partitions.size()));
    const Array *a = snapshot.array(array);
    if (a && a->isRedundant()) {
        const QString neighbour = memberOnSameDisk(snapshot, *a, device, replaced);
        if (!neighbour.isEmpty())
            return Status::failure(ErrorCode::Invalid, QStringLiteral("%1 is on the same disk as %2, another member of %3: if that disk fails, both "
                                                                      "go with it. Choose a device on another disk.").arg(device, neighbour, array));
    }
    return {};
}

QVariantMap joiningOptions(const Snapshot &snapshot, const QString &array, const QString &device)
{
    // The review names what is erased and asks first.
    QVariantMap options{{QStringLiteral("overwrite"), true}};
    const Disk *disk = snapshot.disk(device);
    const Array *a = snapshot.array(array);
    if (!disk || !disk->partitions.isEmpty() || !a)
        return options;
    if (const Member *m = snapshot.partitionMemberToCopy(*a); m && takesLayoutOf(*disk, *snapshot.diskOf(m->device)))
        options.insert(QStringLiteral("partition_like_members"), true);
    return options;
}

QVariantMap replacingOptions(const Snapshot &snapshot, const QString &oldMember, const QString &device)
{
    QVariantMap options{{QStringLiteral("overwrite"), true}}; // the review names what is erased and asks first
    // A blank disk for a member that is a partition: partition it like the
    // old member's disk (the founding documents' sfdisk -d | sfdisk), so
    // boot and swap partitions can be mirrored there too.
    const Disk *newDisk = snapshot.disk(device);
    const Disk *oldDisk = snapshot.diskOf(oldMember);
    if (newDisk && oldDisk && oldDisk->name != oldMember && takesLayoutOf(*newDisk, *oldDisk))
        options.insert(QStringLiteral("partition_like_old"), true);
    // The old member, where it can still be reached, loses its superblock
    // last, so a reboot never assembles it into the array again.
    if (oldDisk)
        options.insert(QStringLiteral("zero_old"), true);
    return options;
}

DeviceSpec specFor(const Snapshot &snapshot, const QString &kernelName)
{
    return deviceSpecFor(snapshot, QStringLiteral("/dev/") + kernelName);
}

Operation planDrop(const PlanningContext &ctx, const QString &device, const QString &array, const MemberSlot &slot)
{
    const Snapshot &s = *ctx.snapshot;
    const QString target = slot.device.isEmpty() ? QStringLiteral("slot %1").arg(slot.slot.value_or(-1)) : slot.device;
    const QString title = QStringLiteral("Put %1 in %2 of %3").arg(device, target, array);
    const Array *a = s.array(array);
    if (!a)
        return refused(title, ErrorCode::NotFound, QStringLiteral("%1 is not running any more.").arg(array));
    if (device == slot.device)
        return refused(title, ErrorCode::Invalid, QStringLiteral("%1 is already this member of %2.").arg(device, array));

    switch (slot.state) {
    case SlotState::Spare:
        return refused(title, ErrorCode::Invalid,
                       QStringLiteral("%1 is a spare of %2: it holds no data to replace. Drop onto a failed, missing or working member; "
                                      "to add another spare, use Add spare\u2026").arg(slot.device, array));
    case SlotState::Journal:
        return refused(title, ErrorCode::Invalid, QStringLiteral("%1 is the write journal of %2; Plexus does not replace journals.").arg(slot.device, array));
    case SlotState::Stopped:
        return refused(title, ErrorCode::Invalid, QStringLiteral("%1 is not running. Start it first.").arg(array));
    case SlotState::Replacement:
        return refused(title, ErrorCode::Busy, QStringLiteral("%1 is already receiving a copy. Wait until it is done.").arg(slot.device));
    default:
        break;
    }

    const QString md = QStringLiteral("/dev/") + array;
    Operation op;
    if (slot.state == SlotState::Missing) {
        op = addMemberOperation(ctx, md, specFor(s, device), joiningOptions(s, array, device));
    } else {
        op = replaceMemberOperation(ctx, md, specFor(s, slot.device), specFor(s, device), replacingOptions(s, slot.device, device));
    }
    if (op.isRefused())
        return op;
    if (Status st = checkNewMemberDevice(s, array, device, slot.device); !st)
        return refused(op.title, st.code(), st.message());
    return op;
}

} // namespace plexus

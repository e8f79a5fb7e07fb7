// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "dropplanner.h"

#include <KLocalizedString>

namespace plexus {

namespace {

Operation refused(const QString &title, ErrorCode code, const QString &message)
{
    Operation op;
    op.title = title;
    op.refusal = Status::failure(code, message);
    return op;
}

// A blank disk large enough for `source`'s partitions; one too small joins
// whole instead (the engine then judges its size against the array's).
bool takesLayoutOf(const Disk &blank, const Disk &source)
{
    return blank.partitions.isEmpty() && blank.sizeBytes >= source.layoutBytes();
}

} // namespace

void chooseJoining(const Snapshot &snapshot, const QString &array, const QString &device, AddDeviceRequest *r)
{
    r->array = QStringLiteral("/dev/") + array;
    r->device = specFor(snapshot, device);
    r->overwrite = true; // the review names what is erased and asks first
    const Disk *disk = snapshot.disk(device);
    const Array *a = snapshot.array(array);
    if (!disk || !disk->partitions.isEmpty() || !a)
        return;
    if (const Member *m = snapshot.partitionMemberToCopy(*a); m && takesLayoutOf(*disk, *snapshot.diskOf(m->device)))
        r->partitionLike = true;
}

ReplaceMemberRequest replacing(const Snapshot &snapshot, const QString &array, const QString &oldMember, const QString &device)
{
    ReplaceMemberRequest r;
    r.array = QStringLiteral("/dev/") + array;
    r.oldMember = specFor(snapshot, oldMember);
    r.newDevice = specFor(snapshot, device);
    r.overwrite = true; // the review names what is erased and asks first
    // A blank disk for a member that is a partition: partition it like the
    // old member's disk (sfdisk -d | sfdisk), so
    // boot and swap partitions can be mirrored there too.
    const Disk *newDisk = snapshot.disk(device);
    const Disk *oldDisk = snapshot.diskOf(oldMember);
    if (newDisk && oldDisk && oldDisk->name != oldMember && takesLayoutOf(*newDisk, *oldDisk))
        r.partitionLike = true;
    // The old member, where it can still be reached, loses its superblock
    // last, so a reboot never assembles it into the array again.
    r.zeroSuperblock = oldDisk != nullptr;
    return r;
}

DeviceSpec specFor(const Snapshot &snapshot, const QString &kernelName)
{
    return deviceSpecFor(snapshot, QStringLiteral("/dev/") + kernelName);
}

Operation planDrop(const PlanningContext &ctx, const QString &device, const QString &array, const MemberSlot &slot)
{
    const Snapshot &s = *ctx.snapshot;
    const QString title = i18nc("%1 a device, %2 a member slot, %3 an array", "Put %1 in %2 of %3", device, slot.name(), array);
    const Array *a = s.array(array);
    if (!a)
        return refused(title, ErrorCode::NotFound, i18n("%1 is not running any more.", array));
    if (device == slot.device)
        return refused(title, ErrorCode::Invalid, i18n("%1 is already this member of %2.", device, array));

    switch (slot.state) {
    case SlotState::Spare:
        return refused(title, ErrorCode::Invalid,
                       i18n("%1 is a spare of %2: it holds no data to replace. Drop onto a failed, missing or working member; "
                            "to add another spare, use Add spare\u2026",
                            slot.device, array));
    case SlotState::Journal:
        return refused(title, ErrorCode::Invalid, i18n("%1 is the write journal of %2; Plexus does not replace journals.", slot.device, array));
    case SlotState::Stopped:
        return refused(title, ErrorCode::Invalid, i18n("%1 is not running. Start it first.", array));
    case SlotState::Replacement:
        return refused(title, ErrorCode::Busy, i18n("%1 is already receiving a copy. Wait until it is done.", slot.device));
    default:
        break;
    }

    if (slot.state == SlotState::Missing) {
        AddMemberRequest r;
        chooseJoining(s, array, device, &r);
        return planOperation(ctx, r);
    }
    return planOperation(ctx, replacing(s, array, slot.device, device));
}

bool runsTheSystem(const Snapshot &snapshot, const QString &disk)
{
    const Disk *d = snapshot.disk(disk);
    for (const Mount &m : snapshot.mounts)
        if (m.mountPoint == QLatin1String("/") && d && d->partition(m.device))
            return true;
    return false;
}

Operation planDiskDrop(const PlanningContext &ctx, const QString &device, const QString &oldDisk)
{
    const Snapshot &s = *ctx.snapshot;
    const QString title = i18nc("%1 the old disk, %2 the new one", "Replace %1 with %2", oldDisk, device);
    if (!s.disk(device))
        return refused(title, ErrorCode::Invalid,
                       i18n("%1 is a partition: drop a whole, blank disk on %2 to put it in %2's place.", device, oldDisk));
    bool inArrays = !s.arraysUsing(oldDisk).isEmpty();
    for (const Partition &p : s.disk(oldDisk) ? s.disk(oldDisk)->partitions : QList<Partition>())
        inArrays = inArrays || !s.arraysUsing(p.name).isEmpty();
    if (!inArrays && runsTheSystem(s, oldDisk)) {
        MirrorSystemRequest mirror;
        mirror.disk = specFor(s, device);
        mirror.overwrite = true; // the review names what is erased and asks first
        return planOperation(ctx, mirror);
    }
    ReplaceDiskRequest r;
    r.oldDisk = specFor(s, oldDisk);
    r.newDisk = specFor(s, device);
    r.overwrite = true;      // the review names what is erased and asks first
    r.zeroSuperblock = true; // the old disk is there (its row was the target): never assembled again by mistake
    return planOperation(ctx, r); // titled "Replace OLD with NEW"
}

} // namespace plexus

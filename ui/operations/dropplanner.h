#pragma once
// What dropping a disk or partition onto a member slot means, decided before
// the drop so the slot can say yes or why not while the pointer is over it:
// a missing slot is filled (AddMember), a faulty member is replaced (removed,
// then the new device added), a working member is swapped out by hot
// replacement (the array never loses redundancy). A blank disk dropped on a
// partition is first partitioned like the old member's disk; the old member's
// superblock is erased once it is out. Never a spare, never a grow:
// those are other actions. Pure: the snapshot and the engine decide.

#include "memberslots.h"
#include "operation.h"

namespace plexus {

// The Operation for dropping `device` (kernel name: "sdf", "sdf1") on `slot`
// of `array`; refused (op.refusal) with the reason when it cannot be done.
Operation planDrop(const PlanningContext &ctx, const QString &device, const QString &array, const MemberSlot &slot);

// What the GUI refuses on top of the engine, for a device joining `array`
// (taking the place of `replaced`, if any): a whole disk that has partitions
// (using it would erase them all; picking the disk instead of its partition is
// the classic slip that destroys data, so it takes a deliberate wipe first,
// never a drag or a click), and a device on the same disk as another working
// member of a redundant array (one disk failing would take both).
Status checkNewMemberDevice(const Snapshot &snapshot, const QString &array, const QString &device, const QString &replaced = {});

// The options for `device` joining `array` as a member or spare: consent to
// erase it (the review asks first), and, for a blank disk where the array's
// members are partitions, partition_like_members (it gets their disk's layout).
QVariantMap joiningOptions(const Snapshot &snapshot, const QString &array, const QString &device);

// The options for `device` replacing `oldMember` (kernel names): consent to
// erase it; partition_like_old for a blank disk taking a partition's place
// (when the old disk's layout fits); zero_old while the old member's disk is there.
QVariantMap replacingOptions(const Snapshot &snapshot, const QString &oldMember, const QString &device);

// "/dev/sdf" for "sdf": requests name devices by path, with what the window shows of them.
DeviceSpec specFor(const Snapshot &snapshot, const QString &kernelName);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What dropping a disk or partition onto a member slot means, decided before
// the drop so the slot can say yes or why not while the pointer is over it:
// a missing slot is filled (AddMember), a faulty member is replaced (removed,
// then the new device added), a working member is swapped out by hot
// replacement (the array never loses redundancy). A blank disk dropped on a
// partition is first partitioned like the old member's disk; the old member's
// superblock is erased once it is out. Never a spare, never a grow:
// those are other actions. Pure: the snapshot and the engine decide, with the
// helper's own rules (a whole disk with partitions, two members on one disk).

#include "memberslots.h"
#include "operation.h"

#include "engine/ops/adddevice.h"
#include "engine/ops/mirrorsystem.h"
#include "engine/ops/replacedisk.h"
#include "engine/ops/replacemember.h"

namespace plexus {

// The Operation for dropping `device` (kernel name: "sdf", "sdf1") on `slot`
// of `array`; refused (op.refusal) with the reason when it cannot be done.
Operation planDrop(const PlanningContext &ctx, const QString &device, const QString &array, const MemberSlot &slot);

// The Operation for dropping the disk `device` on the row of the disk
// `oldDisk` in the disk map: "Replace OLD with NEW" (ReplaceDisk) in every array
// OLD is in, with consent to erase NEW and OLD's superblocks erased last; on
// the disk the running system is on (in no array), "Mirror the running system
// onto NEW" (MirrorSystem, the same layout); or refused with the reason (a
// partition dropped, OLD in no array, ...).
Operation planDiskDrop(const PlanningContext &ctx, const QString &device, const QString &oldDisk);

// Whether / is mounted from a partition of `disk`.
bool runsTheSystem(const Snapshot &snapshot, const QString &disk);

// What the window chooses for `device` joining `array` (kernel names) as a
// member or spare: consent to erase it (the review asks first), and, for a blank
// disk where the array's members are partitions, partition_like (it gets
// their disk's layout).
void chooseJoining(const Snapshot &snapshot, const QString &array, const QString &device, AddDeviceRequest *r);

// The request for `device` replacing `oldMember` of `array` (kernel names):
// consent to erase it; partition_like for a blank disk taking a partition's
// place (when the old disk's layout fits); zero_superblock while the old member's disk is there.
ReplaceMemberRequest replacing(const Snapshot &snapshot, const QString &array, const QString &oldMember, const QString &device);

// "/dev/sdf" for "sdf": requests name devices by path, with what the window shows of them.
DeviceSpec specFor(const Snapshot &snapshot, const QString &kernelName);

} // namespace plexus

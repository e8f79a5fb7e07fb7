// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// One immutable picture of the machine's storage, produced by the probes.
// Views and the monitor compare snapshots; nobody edits one after it is built.

#include "array.h"
#include "blockdevice.h"

#include <QDateTime>
#include <memory>

namespace plexus {

struct Snapshot {
    QList<Disk> disks;
    QList<Array> arrays;
    QList<VolumeGroup> volumeGroups;
    QList<Mount> mounts;
    QStringList swaps;              // kernel names of active swap devices
    QStringList personalities;      // md personalities the kernel has loaded
    QStringList unusedDevices;      // /proc/mdstat "unused devices"
    QDateTime takenAt;

    const Disk *disk(const QString &name) const;
    const Array *array(const QString &name) const;
    const VolumeGroup *volumeGroup(const QString &name) const;
    // The active logical volume whose device is `blockName` ("dm-0"), or null.
    const LogicalVolume *activeVolume(const QString &blockName) const;
    // The disk holding a partition (or the disk itself).
    const Disk *diskOf(const QString &blockName) const;
    // Disks holding a member of `a` (not a failed one: md is done with it) whose
    // drive says it may fail soon: the array is "at risk" before md knows.
    QStringList disksAtRisk(const Array &a) const;
    // Arrays that have `blockName` as a member.
    QList<const Array *> arraysUsing(const QString &blockName) const;
    // The first working member of `a` that is a partition: whose disk's layout a
    // blank disk joining `a` copies (partition_like). Null when all are whole disks.
    const Member *partitionMemberToCopy(const Array &a) const;
    const PhysicalVolume *physicalVolume(const QString &blockName) const;
    QList<const Mount *> mountsOf(const QString &blockName) const;
    bool isSwap(const QString &blockName) const;
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

// Whether `after` differs from `before` only in how far md's work on its arrays
// has got (percent, amount done, speed, time left): md's progress tick. What
// mounted filesystems hold (df's figures) is not looked at.
bool onlyProgressMoved(const Snapshot &before, const Snapshot &after);

} // namespace plexus

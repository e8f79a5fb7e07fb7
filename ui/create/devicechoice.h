// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Which disks and partitions can become members of a new array, and why the
// others cannot, in words a person understands. The engine's validator decides
// (the same checks plexus-helper makes: mounted, swap, in an array, LVM, the
// disk the system runs from, read-only); this adds what only the dialog cares
// about:
//  - a whole disk that has partitions is not offered: use its partitions, or
//    creating would erase its partition table with them (a deliberate choice:
//    the engine would allow it with overwrite, but clicking the disk instead of
//    its partition is the classic slip that destroys data);
//  - a disk without a partition table is fine; an empty table is erased;
//  - extended partitions (containers) are not listed; devices under 64 MiB
//    are listed but not offered (BIOS boot and similar small partitions);
//  - a device that carries a filesystem or other signature is offered, flagged:
//    creating erases it, so the request must say overwrite.

#include "engine/systemview.h"
#include "model/snapshot.h"

namespace plexus {

struct DeviceChoice {
    QString name;            // "vdb1"
    QString path;            // "/dev/vdb1"
    QString diskName;        // "vdb"
    bool wholeDisk = false;
    qint64 sizeBytes = 0;
    QString model;           // of its disk
    QString serial;          // of its disk (else its WWN)
    QString contents;        // what is on it now: "a ext4 filesystem “data”", "nothing recognisable"
    bool usable = false;
    QString reason;          // not usable: one sentence, "/dev/vdb1 is mounted on /home."
    QString detail;          // the validator's whole message, with what to do (tooltips)
    bool erases = false;     // usable, but its contents are destroyed: the request says overwrite
};

constexpr qint64 smallestOffered = 64LL * 1024 * 1024;

// Every disk followed by its partitions, in the snapshot's order.
QList<DeviceChoice> deviceChoices(const Snapshot &snapshot, const SystemView &system);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Who a kernel name is, in terms that survive renaming: what resuming a job
// (engine/unfinished.h) and each destructive step (engine/samedevice.h) compare
// before they act on a name that may have passed to another device meanwhile.

#include <QString>

namespace plexus {

struct Snapshot;

// "disk QM00005", "partition 2 of disk QM00005", "array 3f0c...", "volume
// rootvg/root" (the disk by its serial, else WWN, else model and size); empty
// when the snapshot does not know the name.
QString identityOf(const Snapshot &s, const QString &name);

// A block device as the kernel shows it now (SystemView::identity).
struct DeviceIdentity {
    QString number;      // major:minor from sysfs: "253:16"; empty when there is no such device
    QString who;         // identityOf() for disks and partitions; empty for others (md, dm)
    qint64 sizeBytes = 0;

    bool present() const { return !number.isEmpty(); }
    // "253:16, disk QM00005, 96 MiB"; "no device" when absent.
    QString words() const;
    bool operator==(const DeviceIdentity &) const = default;
};

} // namespace plexus

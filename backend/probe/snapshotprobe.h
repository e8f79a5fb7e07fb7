// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Builds one Snapshot of the machine (or of a fixture tree) from every probe.

#include "model/snapshot.h"

#include <QHash>
#include <QSet>
#include <optional>

namespace plexus {

struct MdstatContents;

class SnapshotProbe
{
public:
    // Full asks UDisks (through Solid) and, as root, LVM's tools: tens to hundreds
    // of milliseconds. Fast reads only sysfs, /proc and the udev database: what the
    // monitor uses to turn a kernel notification into an event within milliseconds.
    enum class Detail { Full, Fast };

    // root "/" is the live machine (Solid and LVM tools are used there);
    // anything else is a fixture tree with sys/, proc/ and run/udev/.
    explicit SnapshotProbe(const QString &root = QStringLiteral("/"), Detail detail = Detail::Full);

    SnapshotPtr take(QStringList *warnings = nullptr) const;
    // `previous` with its arrays read again (/proc/mdstat and md sysfs), and its
    // mounts and swaps (two small files): in a fraction of take()'s time.
    // Disks and volumes are kept; their changes come from udev. With `only`,
    // just those arrays ("md0") are read again (an array gone leaves the
    // snapshot, a new one joins it): what one md notification costs then does
    // not grow with the machine.
    SnapshotPtr takeArrays(const Snapshot &previous, const std::optional<QSet<QString>> &only = std::nullopt,
                           QStringList *warnings = nullptr) const;
    // `previous` with the block devices udev saw come or go read again, by
    // kernel name ("sdb", "sdb1", "md0", "dm-3"): a disk or partition's disk
    // with its partitions; an array, and the disks under it (their holders);
    // volume groups when a physical or logical volume came or went. What a disk
    // arriving costs then does not grow with the machine.
    SnapshotPtr takeDevices(const Snapshot &previous, const QSet<QString> &names, QStringList *warnings = nullptr) const;

    // Drive health to put on the disks instead of asking UDisks (the monitor,
    // which keeps it current from UDisks' signals; probe/drivehealthprobe.h).
    void setDriveHealth(const QHash<QString, DriveHealth> &health) { m_health = health; }

    // A snapshot holding only what an mdstat text says (plexusctl --mdstat).
    static SnapshotPtr fromMdstat(const MdstatContents &contents);

private:
    // The disks ("sdb") that `name` is, sits on or lies under, now or in `previous`.
    QSet<QString> disksOf(const QString &name, const Snapshot &previous) const;
    void readArrays(Snapshot *snap, QStringList *warnings, const std::optional<QSet<QString>> &only = std::nullopt) const;

    QString m_root;
    Detail m_detail;
    std::optional<QHash<QString, DriveHealth>> m_health;
};

// Adds to sysfs's view what only /proc/mdstat tells: the superblock numbers in
// brackets, the kernel's own finish estimate, resync=PENDING, bitmap pages.
void mergeMdstatDetails(Array *fromSysfs, const Array &fromMdstat);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Disks and their partitions, from ROOT/sys/block and the udev database.
// Drive details that only UDisks knows (bus, hot-plug) are added by SolidDrives.

#include "model/blockdevice.h"

#include <QHash>

namespace plexus {

class BlockProbe
{
public:
    explicit BlockProbe(const QString &root = QStringLiteral("/"));
    QList<Disk> disks() const;
    // One disk, by kernel name ("vdb"), with its partitions.
    Disk disk(const QString &name) const { return readDisk(name); }
    // Partitions and disks that are not md or device-mapper, by kernel name.
    static bool isDiskName(const QString &name);

private:
    Disk readDisk(const QString &name) const;
    Partition readPartition(const QString &diskDir, const QString &name) const;
    QString m_root;
};

// "MD_DEVNAME"-style kernel name for a /dev path: "/dev/sda1" -> "sda1",
// "/dev/mapper/vg-lv" -> "dm-3", "/dev/md/home" -> "md127". Empty when unknown.
// FollowLinks::No reads the path as written (never touches the filesystem
// outside sysfs): for strings someone else chose, read by root.
enum class FollowLinks { Yes, No };
QString kernelNameForDevicePath(const QString &root, const QString &devPath, FollowLinks follow = FollowLinks::Yes);

// Every block device's number ("8:17", as in ROOT/sys/block/.../dev) -> its
// kernel name ("sdb1"): disks, partitions, md, dm. Read from sysfs only.
QHash<QString, QString> blockDeviceNumbers(const QString &root);

} // namespace plexus

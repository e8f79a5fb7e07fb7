// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Disks, partitions, mounts and LVM: everything in the model that is not md.

#include "drivehealth.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace plexus {

struct Partition {
    QString name;                   // "sda1"
    int number = 0;
    qint64 startBytes = 0;
    qint64 sizeBytes = 0;
    QString fsType;                 // udev ID_FS_TYPE: ext4, swap, linux_raid_member, LVM2_member
    QString label;
    QString uuid;                   // filesystem / container UUID
    QString partTypeId;             // GPT type GUID or MBR type (0xfd)
    QString partUuid;               // the partition's own GUID (GPT) or disk id and number (MBR): what a UEFI boot entry names
    QStringList holders;            // kernel names using it: "md0", "dm-0"

    bool operator==(const Partition &) const = default;
};

struct Disk {
    QString name;                   // "sda", "vdb", "nvme0n1"
    QString model;
    QString serial;
    QString wwn;
    qint64 sizeBytes = 0;
    QString bus;                    // "ata", "usb", "nvme", "virtio", "scsi", ...
    QString path;                   // where it is plugged in (udev ID_PATH): "pci-0000:00:1f.2-ata-2"
    bool removable = false;
    bool hotpluggable = false;
    bool rotational = false;
    bool readOnly = false;
    QString partitionTable;         // "gpt", "dos", or empty
    QString fsType;                 // whole-disk contents (linux_raid_member when unpartitioned member)
    QString label;
    QString uuid;
    QStringList holders;
    QList<Partition> partitions;
    std::optional<DriveHealth> health; // none when UDisks does not know or the drive has no SMART

    const Partition *partition(const QString &name) const;
    // The identity a person saw: serial, else WWN, else model+size.
    QString identity() const;
    // How large a disk must be to take this disk's partition table: the end
    // of its last partition, and a GPT's backup table (33 sectors) after it.
    qint64 layoutBytes() const;

    bool operator==(const Disk &) const = default;
};

struct Mount {
    QString device;                 // kernel name ("sda1", "md0", "dm-0") from the mount's device number; empty when not a block device
    QString source;                 // as written in /proc/self/mountinfo (chosen by whoever mounted: never trusted)
    QString mountPoint;
    QString fsType;
    // statvfs of the mounted filesystem (live system, block devices only): what
    // `df` shows; unset when unknown (a fixture tree, a mount that did not answer).
    std::optional<qint64> sizeBytes;
    std::optional<qint64> usedBytes;
    std::optional<qint64> availableBytes;
    bool operator==(const Mount &) const = default;
};

// Where a stretch of a logical volume lies: on which physical volume, how much.
// LVM's "segments", vinum's "subdisks".
struct VolumeSegment {
    QString device;                 // the physical volume's kernel name ("md0")
    qint64 sizeBytes = 0;
    bool operator==(const VolumeSegment &) const = default;
};

struct LogicalVolume {
    QString name;
    QString vgName;
    QString device;                 // kernel name when active ("dm-0")
    qint64 sizeBytes = 0;
    QString segmentType;            // linear, striped, raid1, ... (empty when unknown without root)
    bool active = false;
    QString fsType;                 // what it holds (udev, when active): "ext4", "swap", ...
    QString fsLabel;
    QList<VolumeSegment> segments;  // in order; empty when unknown (LVM's tools tell only root)
    bool operator==(const LogicalVolume &) const = default;
};

struct PhysicalVolume {
    QString device;                 // kernel name ("md0", "sdb1")
    QString vgName;
    qint64 sizeBytes = 0;
    std::optional<qint64> freeBytes;
    bool operator==(const PhysicalVolume &) const = default;
};

struct VolumeGroup {
    QString name;
    QString uuid;
    std::optional<qint64> sizeBytes; // known from libblockdev (root); else the sum of PVs
    std::optional<qint64> freeBytes;
    QList<PhysicalVolume> physicalVolumes;
    QList<LogicalVolume> logicalVolumes;
    bool operator==(const VolumeGroup &) const = default;
};

} // namespace plexus

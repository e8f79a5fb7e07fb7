// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Fixture trees for the UI tests and the start-up benchmark: a machine's
// sys/block, run/udev/data and proc/{mdstat,self/mountinfo,swaps}, written from
// a short description (or copied from tests/fixtures), then changed in place
// the way the kernel would: a member turns faulty, a resync advances, a disk
// arrives.

#include <QList>
#include <QString>

class MachineTree
{
public:
    struct Partition {
        QString name;               // "sda1"
        qint64 startMiB = 1;
        qint64 sizeMiB = 0;
        QString fsType;             // udev ID_FS_TYPE: linux_raid_member, ext4, swap, ...
        QString holder;             // "md0" when an md member
        QString uuid;               // udev ID_FS_UUID (an md member: its array's UUID)
        QString type;               // udev ID_PART_ENTRY_TYPE (an md member: Linux RAID's)
    };
    struct Disk {
        QString name;               // "sda"
        qint64 sizeGiB = 0;
        QString model = QStringLiteral("QEMU HARDDISK");
        QString serial;
        QString bus = QStringLiteral("ata");
        bool removable = false;
        bool rotational = true;
        QString table = QStringLiteral("gpt"); // empty: unpartitioned
        QString fsType;             // whole-disk contents
        QString holder;             // whole-disk md member
        QList<Partition> partitions;
    };
    struct Member {
        QString device;
        QString state = QStringLiteral("in_sync");
        QString slot;               // "0", "none"
        int index = 0;              // mdstat's bracketed number
    };
    struct Array {
        QString name;               // "md0"
        QString level;              // "raid1", "raid5", ...
        int raidDisks = 2;
        qint64 sizeKiB = 0;
        int chunkKiB = 0;
        QString arrayState = QStringLiteral("clean");
        int degraded = 0;
        QString syncAction = QStringLiteral("idle");
        qint64 syncDoneKiB = -1;    // -1: no sync running ("none")
        qint64 syncTotalKiB = 0;
        qint64 syncSpeedKiB = 0;
        QList<Member> members;
    };

    explicit MachineTree(const QString &root);

    // A disk with these partitions; with none, a blank disk without a partition table.
    static Disk disk(const QString &name, qint64 sizeGiB, const QList<Partition> &partitions, const QString &serial = {});

    QString root() const { return m_root; }
    // Copies a committed fixture tree (tests/fixtures/...) below root.
    bool copyFrom(const QString &fixture);
    // Writes the whole description below root (disks, arrays, mdstat, mounts).
    void build(const QList<Disk> &disks, const QList<Array> &arrays);
    void addMount(const QString &device, const QString &mountPoint, const QString &fsType);

    // In-place changes, as the kernel makes them (files keep their inodes).
    void failMember(const QString &array, const QString &device);
    void startSync(const QString &array, const QString &action, qint64 doneKiB, qint64 totalKiB, qint64 speedKiB);
    void advanceSync(const QString &array, qint64 doneKiB);
    void finishSync(const QString &array);
    void addDisk(const Disk &disk);
    void addMember(const QString &array, const Member &member);
    void removeMemberDir(const QString &array, const QString &device);

    void write(const QString &path, const QByteArray &content) const;
    QByteArray read(const QString &path) const;
    bool remove(const QString &path) const;

    // A machine of `disks` disks, each with two partitions, and `arrays`
    // arrays over them (raid1, raid5, raid6, raid10 in turn).
    static void describeLargeMachine(int disks, int arrays, QList<Disk> *diskList, QList<Array> *arrayList);

private:
    void writeDisk(const Disk &disk, int index);
    void writeDeviceNumber(const QString &dir, const QString &number) const; // DIR: "sys/block/sda/sda1/"
    void writeArray(const Array &array, int number);
    void writeMdstat();
    QByteArray deviceNumber(const QString &name) const; // "259:3", from the tree's sys/block
    Array *array(const QString &name);

    QString m_root;
    QList<Disk> m_disks;
    QList<Array> m_arrays;
    QStringList m_mounts;
};

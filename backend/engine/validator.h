// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The checks the operations (ops/*.cpp) share: validation of requests against the machine NOW: a fresh snapshot plus the
// device nodes themselves, never the client's word. Each refusal says what is
// wrong and what to do, e.g. "/dev/sdb1 is mounted on /home. Unmount it first, or
// choose another partition."
//
// Rules (documented for users in plexusctl --help):
//  - devices: a path under /dev without "..", which (after resolving symlinks)
//    is a block device under /dev that the snapshot knows as a disk or partition,
//    on the disk with the identity (serial/WWN) the user saw, with the size the user saw;
//  - a device that will be written is not mounted, not active swap, not a member of
//    an array, not an LVM physical volume, not held by device-mapper, not on the
//    disk the running system uses (/, /boot, /boot/efi, /usr) unless
//    allow_system_disk, and carries no data signature or partition table unless
//    overwrite; the helper then opens it O_EXCL until the first step runs;
//  - levels and device counts, and which missing slots a level survives, come
//    from model/raidlevel (the one place that knows);
//  - chunk: a power of two from 4 KiB to 256 MiB, striped levels only;
//    bitmap none|internal (internal only for redundant levels; the default there);
//    metadata 1.2, 1.1, 1.0 or 0.90; names a letter or digit, then [A-Za-z0-9_.-], up to 32;
//    array devices /dev/mdN or /dev/md/NAME.

#include "devicespec.h"
#include "ops/field.h"
#include "status.h"
#include "systemview.h"

#include "model/snapshot.h"

#include <QSet>

#include <optional>

namespace plexus {

struct ResolvedDevice {
    QString path;        // canonical: "/dev/vdb1"
    QString name;        // kernel name: "vdb1"
    QString diskName;    // the disk holding it: "vdb"
    qint64 sizeBytes = 0;
    bool wholeDisk = false;
    bool missing = false; // a "missing" slot in CreateArray
    // Volumes (resolveBlock) also take a running md array or a logical volume:
    enum Kind { DiskOrPartition, Array, Volume } kind = DiskOrPartition;
    QString volumeGroup;  // a logical volume: its group ("rootvg"); path is then /dev/rootvg/root
    QString volume;       // and its name ("root")

    QString display() const; // "/dev/vdb1 (256 MiB)"
};

struct ResolvedArray {
    QString path;        // "/dev/md0" (the kernel's node, whatever the request said)
    QString requested;   // as the request named it: "/dev/md/home"
    Array array;         // from the snapshot
};

struct ValidCopyTable;

// One array slot that a disk holds (resolveDiskSlots): what replacing the disk
// or taking it out does there depends on how the member is.
struct DiskSlot {
    enum Kind {
        Working,  // in service: copied (hot replacement) or failed and removed
        Spare,    // holds no data
        Faulty,   // md marked it faulty; its node is still there
        Vanished, // faulty, and its disk is gone: md lists it by kernel name only
        Empty,    // a missing slot (md has dropped the gone disk's member)
    };
    ResolvedArray array;
    ResolvedDevice member;  // the disk's member (path and name only when vanished; none when empty)
    Kind kind = Working;
};

struct DiskSlots {
    ResolvedDevice disk;    // resolved when present; otherwise path and name as the request gave them
    bool present = false;   // the disk is still in the machine
    QList<DiskSlot> slots;  // by array name
};

class Validator
{
public:
    Validator(const Snapshot &snapshot, const SystemView &system, const QString &stamp = {});

    const Snapshot &snapshot() const { return m_snap; }
    const SystemView &system() const { return m_sys; }
    // When the request is made, for names of backups: "20261203-183301".
    QString stamp() const { return m_stamp; }


    // Building blocks, public for tests and for the GUI's early hints.
    // The node is a disk or partition, and it is the one the user chose.
    Status resolve(const DeviceSpec &spec, ResolvedDevice *out) const;
    struct Consent {
        bool overwrite = false;        // data and signatures on it may be destroyed
        bool allowSystemDisk = false;
        QString ownArrayUuid;          // an md superblock of this array is fine (re-adding)
        bool expectMdSuperblock = false; // assembling / zeroing: the superblock is the point
    };
    // Nothing uses the device, and the request consents to what writing destroys.
    Status checkFree(const ResolvedDevice &dev, const Consent &consent) const;
    // Disks the running system lives on, each with the reason ("holds /boot").
    QMap<QString, QString> systemDisks() const;
    static QString normaliseLevel(const QString &level); // "1", "mirror" -> "raid1"; empty if unknown
    static bool validName(const QString &name);

    // The checks the operations share (ops/*.cpp).
    Status resolveExistingArray(const QString &path, const CommonOptions &common, ResolvedArray *out) const;
    Status requireActive(const ResolvedArray &a) const;
    // resolveExistingArray, then requireActive; and requireRedundant with
    // `unlessRedundant` (why a level without copies cannot) when it is given.
    Status resolveRunningArray(const QString &path, const CommonOptions &common, ResolvedArray *out, const QString &unlessRedundant = {}) const;
    // resolve(), refusing a device the request already named (`seen` keeps the kernel names).
    Status resolveOnce(const DeviceSpec &spec, QSet<QString> *seen, ResolvedDevice *out) const;
    Status requireRedundant(const ResolvedArray &a, const QString &what) const;
    Status resolveMember(const ResolvedArray &a, const DeviceSpec &spec, ResolvedDevice *out, const Member **member) const;
    // resolveRunningArray (redundant, else `unlessRedundant`), then resolveMember.
    Status resolveRunningMember(const QString &array, const DeviceSpec &spec, const CommonOptions &common, const QString &unlessRedundant,
                                ResolvedArray *a, ResolvedDevice *out, const Member **member) const;
    Status checkNewArrayPath(const QString &path) const;
    Status checkNewMemberSize(const ResolvedArray &a, const ResolvedDevice &dev) const;
    Status checkCanLose(const ResolvedArray &a, const QStringList &members, const QString &verb) const;
    Status checkIdle(const ResolvedArray &a, const Message &what) const;
    Status checkNotInArray(const ResolvedArray &a, const ResolvedDevice &dev) const;
    // A device joining `a` (in place of `replaced`, if any): not a whole disk that
    // has partitions (using it erases them all: picking the disk for its partition
    // is the classic slip, so it takes a deliberate wipe first, whatever
    // overwrite says), and, unless allowSameDisk, not on the disk of another
    // working member of a redundant array (one disk failing would take both);
    // and large enough (checkNewMemberSize).
    Status checkJoining(const ResolvedArray &a, const ResolvedDevice &dev, const QString &replaced, bool allowSameDisk) const;
    // The classic `sfdisk -d LIKE's disk | sfdisk NEW`: `blank` (a
    // whole disk without partitions, as `blankSpec` names it) is to get the
    // partitions of `like`'s disk; `*member` becomes the partition matching `like`.
    Status partitionLike(const ResolvedDevice &like, const DeviceSpec &blankSpec, ResolvedDevice *member, bool overwrite,
                         const CommonOptions &common, ValidCopyTable *table) const;
    // ---- disks (checks/diskchecks.cpp) ----
    // Every array slot `spec`'s disk holds. A disk that is present is resolved as
    // usual (a whole disk). A disk that has gone (unplugged, dead) is named by the
    // kernel name it had ("/dev/sdb"), as long as md still lists its members
    // (faulty, without a node); "missing" names the disk that left the degraded
    // arrays: the empty (or vanished) slot of every running redundant array that
    // lacks a member whose disk has gone. Arrays that are inactive are refused (start or stop them first).
    Status resolveDiskSlots(const DeviceSpec &spec, DiskSlots *out) const;
    // ---- volumes (checks/volumechecks.cpp) ----
    // A device that can hold a filesystem or an LVM physical volume: a disk or
    // partition (resolve), a running md array, or an active logical volume
    // (/dev/VG/LV), each the one the user saw (array UUID, "VG/LV", size).
    Status resolveBlock(const DeviceSpec &spec, ResolvedDevice *out) const;
    // checkFree for disks and partitions; for arrays and logical volumes: not
    // mounted, not swap, not in use, and blank unless overwrite.
    Status checkBlockFree(const ResolvedDevice &dev, const Consent &consent) const;
    // Devices to become LVM physical volumes: each once, arrays or partitions
    // (not logical volumes), free, blank unless overwrite.
    Status resolvePhysicalVolumes(const DeviceSpecList &specs, bool overwrite, const CommonOptions &common, QList<ResolvedDevice> *out) const;
    // An existing volume group, by its name.
    Status resolveVolumeGroup(const QString &name, const VolumeGroup **out) const;
    // An active logical volume, /dev/VG/LV as the user saw it.
    Status resolveVolume(const DeviceSpec &spec, ResolvedDevice *out, const LogicalVolume **lv) const;
    // What `lv` holds grows with it in place, mounted or not: ext4, xfs or nothing.
    static Status checkGrowsInPlace(const ResolvedDevice &dev, const LogicalVolume &lv);
    // A name LVM accepts and that cannot be mistaken for an option or LVM's own.
    static Status checkLvmName(const QString &name, const QString &what);

    Message usageOf(const QString &blockName) const; // empty when unused, else a sentence start
    void underlyingDisks(const QString &blockName, QStringList *out, int depth = 0) const;
    QString suggestFreeArray() const;
    // Partition `number` of `disk`, still to be made, as the kernel will name it
    // (vdd -> vdd2, nvme0n1 -> nvme0n1p2), with the size it will have.
    static ResolvedDevice futurePartition(const QString &disk, int number, qint64 sizeBytes);
    // Plexus writes partition tables only onto disks without partitions.
    static Status requireNoPartitions(const Disk *disk, const QString &path, const QString &instead);

private:
    // A path under /dev without '.' or '..' that leads to a block device under /dev.
    Status resolveNode(const QString &path, NodeInfo *out) const;
    // resolve() and resolveVolume() on a node already resolved (resolveBlock
    // follows the caller's path once, not once per kind it tries).
    Status resolveAt(const DeviceSpec &spec, const NodeInfo &node, ResolvedDevice *out) const;
    Status volumeAt(const DeviceSpec &spec, const NodeInfo &node, ResolvedDevice *out, const LogicalVolume **lv) const;

    const Snapshot &m_snap;
    const SystemView &m_sys;
    QString m_stamp;
};

} // namespace plexus

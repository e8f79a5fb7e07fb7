#pragma once
// The operations the helper offers, as plain values: what a D-Bus call (or a
// plexusctl command line, or the GUI) asks for, before anything is checked.
// Options arrive as a{sv}; parseOptions() refuses unknown keys and wrong types.

#include "devicespec.h"
#include "status.h"

#include <QVariantMap>

namespace plexus {

// Options every request may carry.
struct CommonOptions {
    bool allowSystemDisk = false; // "allow_system_disk": the request may use the disk the system runs from
    QString tag;                  // "tag": echoed in JobStarted so a client can recognise its job
    QString arrayUuid;            // "array_uuid": the array must still be this one (as the user saw it)
};

struct CreateArrayRequest {
    QString array;                // "/dev/md0" or "/dev/md/NAME"
    QString level;                // linear raid0 raid1 raid4 raid5 raid6 raid10
    DeviceSpecList members;       // in slot order; path "missing" leaves a slot empty
    DeviceSpecList spares;
    int chunkKib = 0;             // "chunk_kib": 0 = mdadm's default (512 KiB)
    QString bitmap;               // "bitmap": none | internal; empty = internal for redundant levels
    QString metadata;             // "metadata": 1.2 (default), 1.1, 1.0, 0.90
    QString name;                 // "name": the array's name in its superblock
    bool forceSingle = false;     // "force_single": allow a RAID-1 of one device
    bool overwrite = false;       // "overwrite": devices may carry data/signatures, which is destroyed
    bool allowSameDisk = false;   // "allow_same_disk": two members of a redundant array on one disk
    CommonOptions common;
    bool partitionDisks = false;  // "partition_disks": whole blank disks get one RAID partition each, which becomes the member
};

struct StopArrayRequest {
    QString array;
    CommonOptions common;
};

struct AssembleArrayRequest {
    QString array;
    DeviceSpecList members;
    bool runDegraded = false;     // "run_degraded": start even if members are missing
    CommonOptions common;
};

// AddMember (fill a missing slot) and AddSpare.
struct AddDeviceRequest {
    QString array;
    DeviceSpec device;
    bool spare = false;
    bool overwrite = false;       // "overwrite"
    CommonOptions common;
    // "partition_like_members": the device is a blank disk; give it the partitions
    // of a working member's disk first and add the partition matching that member.
    bool partitionLikeMembers = false;
};

struct FailMemberRequest {
    QString array;
    DeviceSpec member;
    CommonOptions common;
};

struct RemoveMemberRequest {
    QString array;
    DeviceSpec member;
    bool fail = false;            // "fail": mark it faulty first (it is still working)
    bool zeroSuperblock = false;  // "zero_superblock": erase its md superblock afterwards
    CommonOptions common;
};

struct ReplaceMemberRequest {
    QString array;
    DeviceSpec oldMember;
    DeviceSpec newDevice;
    bool wait = true;             // "wait": wait for the copy, then remove the old member
    bool overwrite = false;       // "overwrite"
    CommonOptions common;
    // "partition_like_old": the new device is a blank disk; give it the old
    // member's disk's partitions first and use the partition matching the old one.
    bool partitionLikeOld = false;
    bool zeroOld = false;         // "zero_old": erase the old member's superblock once it is out
};

struct GrowArrayRequest {
    QString array;
    int raidDevices = 0;          // 0 = unchanged
    DeviceSpecList add;           // new members
    DeviceSpecList remove;        // members to drop (shrinking a mirror)
    QString size;                 // "size": "max" grows onto the members' whole size; empty = unchanged
    bool forceSingle = false;     // "force_single": allow shrinking a mirror to one device
    bool overwrite = false;       // "overwrite"
    CommonOptions common;
};

struct SyncActionRequest {
    QString array;
    QString action;               // check | repair | idle
    CommonOptions common;
};

struct SpeedLimitsRequest {
    QString array;
    QString min;                  // KiB/s as decimal, "system", or empty = unchanged
    QString max;
    CommonOptions common;
};

struct ZeroSuperblockRequest {
    DeviceSpec device;
    CommonOptions common;
};

struct CopyPartitionTableRequest {
    DeviceSpec source;
    DeviceSpec target;
    bool overwrite = false;       // "overwrite": the target's partition table/signatures may go
    CommonOptions common;
};

struct WriteMdadmConfRequest {
    CommonOptions common;
};

// Reads `options` into the request. Unknown keys and wrong types are refused
// (Invalid), naming the key. Integers may come as any D-Bus integer type.
Status parseOptions(const QVariantMap &options, CreateArrayRequest *r);
Status parseOptions(const QVariantMap &options, StopArrayRequest *r);
Status parseOptions(const QVariantMap &options, AssembleArrayRequest *r);
Status parseOptions(const QVariantMap &options, AddDeviceRequest *r);
Status parseOptions(const QVariantMap &options, FailMemberRequest *r);
Status parseOptions(const QVariantMap &options, RemoveMemberRequest *r);
Status parseOptions(const QVariantMap &options, ReplaceMemberRequest *r);
Status parseOptions(const QVariantMap &options, GrowArrayRequest *r);
Status parseOptions(const QVariantMap &options, SyncActionRequest *r);
Status parseOptions(const QVariantMap &options, SpeedLimitsRequest *r);
Status parseOptions(const QVariantMap &options, ZeroSuperblockRequest *r);
Status parseOptions(const QVariantMap &options, CopyPartitionTableRequest *r);
Status parseOptions(const QVariantMap &options, WriteMdadmConfRequest *r);

} // namespace plexus

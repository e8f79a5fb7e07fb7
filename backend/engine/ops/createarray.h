// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// CreateArray: a new md array from disks and partitions (mdadm --create); whole
// blank disks may first get one Linux RAID partition each (partition_disks).

#include "engine/plan.h"
#include "engine/validator.h"

namespace plexus {

struct ValidCreate {
    QString arrayPath;           // as it will be created: "/dev/md0" or "/dev/md/home"
    QString level;               // normalised: "raid1"
    QList<ResolvedDevice> members;
    QList<ResolvedDevice> spares;
    int chunkKib = 0;
    QString bitmap;              // "internal", "none", or empty (not applicable)
    QString metadata;            // "1.2"
    QString name;
    bool force = false;          // mdadm --force (single-device mirror)
    qint64 memberDataBytes = 0;  // the smallest member's size: it decides the array's size
    QString smallest;            // that member's path
    QList<ResolvedDevice> partitionDisks; // whole disks to partition first; members/spares name their partitions
    QString filesystem;          // made on the new array; empty: none
    QString label;
};

struct CreateArrayRequest {
    static constexpr OperationInfo info{"CreateArray", "create", kli18nc("plexusctl: what a command does", "create an array (e.g. create /dev/md0 --level 1 /dev/sdb1 missing)"),
                                        polkitActions::create,
                                        kli18nc("plexusctl COMMAND --help: more about what it does", "Levels: raid0, raid1, raid4, raid5, raid6, raid10 (md linear only where the kernel has it; "
                                        "Debian 13's has not). Minimum devices: raid0 2, raid1 2 (1 with --force-single), raid4/5 3, "
                                        "raid6 4, raid10 2. 'missing' leaves a slot empty where the level keeps the data. Redundant "
                                        "levels get an internal write-intent bitmap unless --bitmap none.")};
    using Valid = ValidCreate;

    QString array;                // "/dev/md0" or "/dev/md/NAME"
    QString level;                // raid0 raid1 raid4 raid5 raid6 raid10 (linear where the kernel has it)
    DeviceSpecList members;       // in slot order; path "missing" leaves a slot empty
    DeviceSpecList spares;
    int chunkKib = 0;             // 0 = mdadm's default (512 KiB)
    QString bitmap;               // none | internal; empty = internal for redundant levels
    QString metadata;             // 1.2 (default), 1.1, 1.0, 0.90
    QString name;                 // the array's name in its superblock
    bool forceSingle = false;     // allow a RAID-1 of one device
    bool overwrite = false;       // devices may carry data/signatures, which is destroyed
    bool allowSameDisk = false;   // two members of a redundant array on one disk
    CommonOptions common;
    bool partitionDisks = false;  // whole blank disks get one RAID partition each, which becomes the member
    QString filesystem;           // ext4, xfs, swap or vfat on the new array (ready to mount); empty: none
    QString label;

    template<class V> void visit(V &v)
    {
        v(array, argument("array", "", "ARRAY"));
        v(level, argument("level", "level", "LEVEL", kli18nc("plexusctl --help: what an argument is", "RAID level.")));
        v(members, writtenOver(argument("members", "", "DEVICE|missing...")));
        v(spares, writtenOver(argument("spares", "spare", "DEVICE", kli18nc("plexusctl --help: what an argument is", "Add DEVICE as a spare (repeatable)."))));
        v(chunkKib, option("chunk_kib", kli18nc("plexusctl --help: what an option does", "Chunk size in KiB: a power of two, 4 to 262144."), "KIB", "chunk"));
        v(bitmap, option("bitmap", kli18nc("plexusctl --help: what an option does", "Write-intent bitmap: none or internal."), "KIND"));
        v(metadata, option("metadata", kli18nc("plexusctl --help: what an option does", "Superblock version: 1.2 (default), 1.1, 1.0, 0.90."), "VERSION"));
        v(name, option("name", kli18nc("plexusctl --help: what an option does", "The array's name (a letter or digit, then [A-Za-z0-9_.-], up to 32)."), "NAME"));
        v(forceSingle, option("force_single", kli18nc("plexusctl --help: what an option does", "Allow a RAID-1 of one device.")));
        v(overwrite, erasing(option("overwrite", kli18nc("plexusctl --help: what an option does", "The devices' data and signatures may be destroyed."))));
        v(allowSameDisk, option("allow_same_disk", kli18nc("plexusctl --help: what an option does", "Allow two members of a redundant array on one disk.")));
        v(partitionDisks, erasing(option("partition_disks", kli18nc("plexusctl --help: what an option does", "Give each whole blank disk one Linux RAID partition first; the partitions become the members."))));
        v(filesystem, option("filesystem", kli18nc("plexusctl --help: what an option does", "Make this filesystem on the new array, ready to mount: ext4, xfs, swap or vfat."), "TYPE"));
        v(label, option("label", kli18nc("plexusctl --help: what an option does", "The filesystem's label."), "LABEL"));
        common.visit(v);
    }
    QString title() const;
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const CreateArrayRequest &r, ValidCreate *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidCreate &v);

} // namespace plexus

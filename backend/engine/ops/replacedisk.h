// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// ReplaceDisk: put a new disk in place of an old one in every array the old one
// is in: the new disk gets the partitions once, then each array's member is
// replaced by the matching new partition (hot where the old one still works,
// rebuilt into the freed slot where it failed or is gone), one array after the
// other; the old partitions' superblocks erased last when asked.

#include "engine/plan.h"
#include "engine/validator.h"
#include "copypartitiontable.h"

#include <optional>

namespace plexus {

struct ValidReplaceDisk {
    DiskSlots old;                           // the old disk and the slots it holds
    ResolvedDevice newDisk;
    QList<ResolvedDevice> newMembers;        // for each of old.slots, what takes its place
    std::optional<ValidCopyTable> table;     // the partitions the new disk gets (none: whole-disk members)
    bool zeroSuperblock = false;
};

struct ReplaceDiskRequest {
    static constexpr OperationInfo info{"ReplaceDisk", "replace-disk",
                                        kli18nc("plexusctl: what a command does", "put disk NEW in place of disk OLD in every array OLD is in (OLD may be gone: name it missing)"),
                                        polkitActions::modify, {}, polkitActions::erase};
    using Valid = ValidReplaceDisk;

    // The old disk as the user saw it; when it has gone, the kernel name it had
    // while md still lists its members, or "missing": the disk that left the
    // degraded arrays (whose members md has dropped).
    DeviceSpec oldDisk;
    DeviceSpec newDisk;
    bool overwrite = false;       // NEW's data and signatures may be destroyed
    bool zeroSuperblock = false;  // erase the md superblocks of OLD's partitions once they are out
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(oldDisk, argument("old_disk", "", "OLD"));
        v(newDisk, writtenOver(argument("new_disk", "", "NEW")));
        v(overwrite, erasing(option("overwrite", kli18nc("plexusctl --help: what an option does", "NEW's data and signatures may be destroyed."))));
        v(zeroSuperblock, erasing(option("zero_superblock", kli18nc("plexusctl --help: what an option does", "Erase the md superblocks of OLD's partitions once they are out of the arrays."))));
        common.visit(v);
    }
    QString title() const;
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const ReplaceDiskRequest &r, ValidReplaceDisk *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidReplaceDisk &v);

} // namespace plexus

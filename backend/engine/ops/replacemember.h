// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// ReplaceMember: copy a member onto a new device while the array stays redundant
// (md's want_replacement), or rebuild a failed one onto it; a blank disk may first
// get the old member's disk's partitions; the old superblock erased last.

#include "engine/plan.h"
#include "engine/validator.h"
#include "copypartitiontable.h"

#include <KLocalizedString>

#include <optional>

namespace plexus {

struct ValidReplace {
    ResolvedArray array;
    ResolvedDevice oldMember;
    ResolvedDevice newDevice;    // with partitionLike: the partition it will have
    bool hot = true;             // old member still works: copy it, never degrade
    bool wait = true;
    bool zeroSuperblock = false; // of the old member, once it is out
    std::optional<ValidCopyTable> partitionLike; // the old member's disk's table onto the new disk
};

struct ReplaceMemberRequest {
    static constexpr OperationInfo info{"ReplaceMember", "replace", kli18nc("plexusctl: what a command does", "replace a member, hot (the array never loses redundancy)"), polkitActions::modify};
    using Valid = ValidReplace;

    QString array;
    DeviceSpec oldMember;
    DeviceSpec newDevice;
    bool wait = true;             // wait for the copy, then remove the old member
    bool overwrite = false;       // the new device's data and signatures may be destroyed
    CommonOptions common;
    // The new device is a blank disk: give it the old member's disk's partitions
    // first and use the partition matching the old one.
    bool partitionLike = false;
    bool zeroSuperblock = false;  // erase the old member's superblock once it is out
    bool allowSameDisk = false;   // the new device may share a disk with another working member

    template<class V> void visit(V &v)
    {
        v(array, arrayArgument());
        v(oldMember, argument("old_member", "", "OLD"));
        v(newDevice, writtenOver(argument("new_device", "", "NEW")));
        v(wait, option("wait", kli18nc("plexusctl --help: what an option does", "Return once the copy has started; remove OLD yourself later.")));
        v(overwrite, erasing(option("overwrite", kli18nc("plexusctl --help: what an option does", "NEW's data and signatures may be destroyed."))));
        v(partitionLike, erasing(formerly(option("partition_like", kli18nc("plexusctl --help: what an option does", "NEW is a blank disk: give it OLD's disk's partitions first, and use the partition matching OLD.")),
                                          "partition_like_old")));
        v(zeroSuperblock, erasing(formerly(option("zero_superblock", kli18nc("plexusctl --help: what an option does", "Erase OLD's md superblock once it is out of the array.")), "zero_old")));
        v(allowSameDisk, option("allow_same_disk", kli18nc("plexusctl --help: what an option does", "Allow NEW on the same disk as another working member.")));
        common.visit(v);
    }
    QString title() const
    {
        return i18nc("an operation's title: %1 a member, %2 an array, %3 the new device", "Replace %1 in %2 with %3", deviceName(oldMember.path),
                     deviceName(array), deviceName(newDevice.path));
    }
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const ReplaceMemberRequest &r, ValidReplace *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidReplace &v);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// AddMember (into a degraded array's missing slot) and AddSpare: one request,
// two D-Bus methods. A blank disk may first get the members' partitions
// (partition_like), and the matching partition joins.

#include "engine/plan.h"
#include "engine/validator.h"
#include "copypartitiontable.h"

#include <optional>

namespace plexus {

// With partitionLike, `device` is the partition the new disk will have.
struct ValidAdd { ResolvedArray array; ResolvedDevice device; bool spare = false; std::optional<ValidCopyTable> partitionLike; };

struct AddDeviceRequest {
    using Valid = ValidAdd;

    QString array;
    DeviceSpec device;
    bool spare = false;           // which method: AddSpare or AddMember
    bool overwrite = false;       // the device's data and signatures may be destroyed
    CommonOptions common;
    // The device is a blank disk: give it the partitions of a working member's
    // disk first and add the partition matching that member.
    bool partitionLike = false;
    bool allowSameDisk = false;   // it may share a disk with another working member

    template<class V> void visit(V &v)
    {
        v(array, arrayArgument());
        v(device, writtenOver(argument("device", "", "DEVICE")));
        v(overwrite, erasing(option("overwrite", kli18nc("plexusctl --help: what an option does", "The device's data and signatures may be destroyed."))));
        v(partitionLike, erasing(formerly(option("partition_like", kli18nc("plexusctl --help: what an option does", "DEVICE is a blank disk: give it a member's disk's partitions first, and add the matching partition.")),
                                          "partition_like_members")));
        v(allowSameDisk, option("allow_same_disk", kli18nc("plexusctl --help: what an option does", "Allow DEVICE on the same disk as another working member.")));
        common.visit(v);
    }
    QString title() const;
};

struct AddMemberRequest : AddDeviceRequest {
    static constexpr OperationInfo info{"AddMember", "add", kli18nc("plexusctl: what a command does", "add a member into a degraded array's missing slot"), polkitActions::modify};
};

struct AddSpareRequest : AddDeviceRequest {
    static constexpr OperationInfo info{"AddSpare", "add-spare", kli18nc("plexusctl: what a command does", "add a spare to a redundant array"), polkitActions::modify};
    AddSpareRequest() { spare = true; }
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const AddDeviceRequest &r, ValidAdd *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidAdd &v);

} // namespace plexus

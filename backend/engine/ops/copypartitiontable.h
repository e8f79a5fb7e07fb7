// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// CopyPartitionTable: give a disk another disk's partitions (sfdisk -d SOURCE | sfdisk TARGET), new identifiers.

#include "engine/plan.h"
#include "engine/validator.h"

namespace plexus {

struct ValidCopyTable {
    ResolvedDevice source;
    ResolvedDevice target;
    QString sourceTable;        // "gpt", "dos"
    int sourcePartitions = 0;
    bool targetHadTable = false;
    QList<int> raidNumbers;     // partitions typed Linux RAID in the copy (MirrorSystem); others keep their type
};

struct CopyPartitionTableRequest {
    static constexpr OperationInfo info{"CopyPartitionTable", "copy-table", kli18nc("plexusctl: what a command does", "give disk TARGET the partitions of disk SOURCE (new identifiers)"), polkitActions::erase};
    using Valid = ValidCopyTable;

    DeviceSpec source;
    DeviceSpec target;
    bool overwrite = false;       // the target's partition table and signatures may go
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(source, argument("source", "", "SOURCE"));
        v(target, writtenOver(argument("target", "", "TARGET")));
        v(overwrite, erasing(option("overwrite", kli18nc("plexusctl --help: what an option does", "TARGET's partition table and signatures may go."))));
        common.visit(v);
    }
    QString title() const;
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const CopyPartitionTableRequest &r, ValidCopyTable *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidCopyTable &v);

} // namespace plexus

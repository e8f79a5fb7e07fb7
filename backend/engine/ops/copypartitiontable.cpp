// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "copypartitiontable.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/partitionsteps.h"

namespace plexus {

using namespace actions;

Status validate(const Validator &checks, const CopyPartitionTableRequest &r, ValidCopyTable *out)
{
    *out = {};
    ResolvedDevice src, dst;
    if (Status s = checks.resolve(r.source, &src); !s)
        return s;
    if (Status s = checks.resolve(r.target, &dst); !s)
        return s;
    if (!src.wholeDisk)
        return invalid(QStringLiteral("%1 is a partition: give the whole disk whose partition table is to be copied (for example /dev/%2).").arg(src.path, src.diskName));
    if (!dst.wholeDisk)
        return invalid(QStringLiteral("%1 is a partition: give the whole disk to copy the partition table to (for example /dev/%2).").arg(dst.path, dst.diskName));
    if (src.name == dst.name)
        return invalid(QStringLiteral("The source and the target are the same disk (%1).").arg(src.path));
    const Disk *s = checks.snapshot().disk(src.diskName);
    const Disk *t = checks.snapshot().disk(dst.diskName);
    if (s->partitionTable.isEmpty() && s->partitions.isEmpty())
        return invalid(QStringLiteral("%1 has no partition table to copy.").arg(src.path));
    const qint64 needed = s->layoutBytes();
    if (t->sizeBytes < needed)
        return tooSmall(QStringLiteral("%1 (%2) is too small for %3's partitions, which need %4. Choose a disk of at least %4.")
                            .arg(dst.path, humanSize(t->sizeBytes), src.path, humanSize(needed)));
    if (Status st = checks.checkFree(dst, {r.overwrite, r.common.allowSystemDisk}); !st)
        return st;
    out->source = src;
    out->target = dst;
    out->sourceTable = s->partitionTable;
    out->sourcePartitions = int(s->partitions.size());
    out->targetHadTable = !t->partitionTable.isEmpty() || !t->partitions.isEmpty();
    return {};
}

Plan makePlan(const ValidCopyTable &v)
{
    Plan plan;
    plan.summary = QStringLiteral("Copy %1's partition table (%2, %3 partition(s)) to %4.").arg(v.source.path, v.sourceTable).arg(v.sourcePartitions).arg(v.target.path);
    plan.exclusive = {v.target.path};
    plan.steps = copyTableSteps(v);
    plan.notes << QStringLiteral("Each new partition on %1 has the same start, size and type as on %2; identifiers are new.").arg(v.target.path, v.source.path);
    return plan;
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "copypartitiontable.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/partitionsteps.h"

#include <KLocalizedString>

namespace plexus {

using namespace actions;

QString CopyPartitionTableRequest::title() const
{
    return i18nc("@title %1 and %2 disks", "Copy %1's partitions to %2", deviceName(source.path), deviceName(target.path));
}

Status validate(const Validator &checks, const CopyPartitionTableRequest &r, ValidCopyTable *out)
{
    *out = {};
    ResolvedDevice src, dst;
    if (Status s = checks.resolve(r.source, &src); !s)
        return s;
    if (Status s = checks.resolve(r.target, &dst); !s)
        return s;
    if (!src.wholeDisk)
        return invalid(mi18nc("@info %1 a partition, %2 its disk's kernel name",
                             "%1 is a partition: give the whole disk whose partition table is to be copied (for example /dev/%2).", src.path,
                             src.diskName));
    if (!dst.wholeDisk)
        return invalid(mi18nc("@info %1 a partition, %2 its disk's kernel name",
                             "%1 is a partition: give the whole disk to copy the partition table to (for example /dev/%2).", dst.path,
                             dst.diskName));
    if (src.name == dst.name)
        return invalid(mi18nc("@info %1 a disk", "The source and the target are the same disk (%1).", src.path));
    const Disk *s = checks.snapshot().disk(src.diskName);
    const Disk *t = checks.snapshot().disk(dst.diskName);
    if (s->partitionTable.isEmpty() && s->partitions.isEmpty())
        return invalid(mi18nc("@info %1 a disk", "%1 has no partition table to copy.", src.path));
    const qint64 needed = s->layoutBytes();
    if (t->sizeBytes < needed)
        return tooSmall(mi18nc("@info %1 a disk, %2 its size, %3 another disk, %4 a size",
                              "%1 (%2) is too small for %3's partitions, which need %4. Choose a disk of at least %4.", dst.path,
                              humanSize(t->sizeBytes), src.path, humanSize(needed)));
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
    plan.summary = i18ncp("@info %1 how many partitions, %2 a disk, %3 its partition table's type (gpt, dos), %4 another disk",
                          "Copy %2's partition table (%3, %1 partition) to %4.", "Copy %2's partition table (%3, %1 partitions) to %4.",
                          v.sourcePartitions, v.source.path, v.sourceTable, v.target.path);
    plan.exclusive = {v.target.path};
    plan.steps = copyTableSteps(v);
    plan.notes << i18nc("@info %1 and %2 disks", "Each new partition on %1 has the same start, size and type as on %2; identifiers are new.",
                        v.target.path, v.source.path);
    return plan;
}

} // namespace plexus

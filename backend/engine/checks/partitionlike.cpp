// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "engine/validator.h"

#include "engine/ops/copypartitiontable.h"
#include "refusal.h"

#include <KLocalizedString>

namespace plexus {

ResolvedDevice Validator::futurePartition(const QString &disk, int number, qint64 sizeBytes)
{
    ResolvedDevice p;
    p.name = disk + (disk.back().isDigit() ? QStringLiteral("p") : QString()) + QString::number(number);
    p.path = QStringLiteral("/dev/") + p.name;
    p.diskName = disk;
    p.sizeBytes = sizeBytes;
    return p;
}

Status Validator::requireNoPartitions(const Disk *disk, const QString &path, const QString &instead)
{
    if (disk && !disk->partitions.isEmpty())
        return inUse(mi18ncp("%2 a disk, %3 a sentence saying what to do instead",
                            "%2 already has %1 partition: Plexus partitions only blank disks. %3",
                            "%2 already has %1 partitions: Plexus partitions only blank disks. %3", int(disk->partitions.size()), path, instead));
    return {};
}

Status Validator::partitionLike(const ResolvedDevice &like, const DeviceSpec &blankSpec, ResolvedDevice *member, bool overwrite,
                                const CommonOptions &common, ValidCopyTable *table) const
{
    const ResolvedDevice blank = *member;
    if (!blank.wholeDisk)
        return invalid(mi18nc("%1 a partition, %2 a disk", "%1 is a partition: give the whole, blank disk that is to get %2's partitions.", blank.path, like.diskName));
    if (Status s = requireNoPartitions(m_snap.disk(blank.name), blank.path, i18n("Choose a blank disk, or one of its partitions.")); !s)
        return s;
    CopyPartitionTableRequest copy;
    copy.source = deviceSpecFor(m_snap, QStringLiteral("/dev/") + like.diskName);
    copy.target = blankSpec;
    copy.overwrite = overwrite;
    copy.common = common;
    if (Status s = validate(*this, copy, table); !s)
        return s;
    const Disk *likeDisk = m_snap.disk(like.diskName);
    const Partition *likePart = likeDisk ? likeDisk->partition(like.name) : nullptr;
    if (!likePart)
        return notFound(mi18nc("%1 a partition, %2 a disk", "%1 is not among %2's partitions any more.", like.path, like.diskName));
    *member = futurePartition(blank.name, likePart->number, likePart->sizeBytes);
    return {};
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "blockdevice.h"

namespace plexus {

const Partition *Disk::partition(const QString &partName) const
{
    for (const Partition &p : partitions)
        if (p.name == partName)
            return &p;
    return nullptr;
}

qint64 Disk::layoutBytes() const
{
    qint64 end = 0;
    for (const Partition &p : partitions)
        end = qMax(end, p.startBytes + p.sizeBytes);
    return end + (partitionTable == QLatin1String("gpt") ? 33 * 512 : 0);
}

QString Disk::identity() const
{
    if (!serial.isEmpty())
        return serial;
    if (!wwn.isEmpty())
        return wwn;
    return QStringLiteral("%1/%2").arg(model).arg(sizeBytes);
}

} // namespace plexus

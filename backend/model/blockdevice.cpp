#include "blockdevice.h"

namespace plexus {

const Partition *Disk::partition(const QString &partName) const
{
    for (const Partition &p : partitions)
        if (p.name == partName)
            return &p;
    return nullptr;
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

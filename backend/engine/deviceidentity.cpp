// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "deviceidentity.h"

#include "model/describe.h"
#include "model/snapshot.h"

namespace plexus {

QString identityOf(const Snapshot &s, const QString &name)
{
    if (const Array *a = s.array(name))
        return QStringLiteral("array %1").arg(a->uuid);
    if (const LogicalVolume *lv = s.activeVolume(name))
        return QStringLiteral("volume %1/%2").arg(lv->vgName, lv->name);
    const Disk *d = s.diskOf(name);
    if (!d)
        return {};
    if (d->name == name)
        return QStringLiteral("disk %1").arg(d->identity());
    const Partition *p = d->partition(name);
    return p ? QStringLiteral("partition %1 of disk %2").arg(p->number).arg(d->identity()) : QString();
}

QString DeviceIdentity::words() const
{
    if (!present())
        return QStringLiteral("no device");
    QString w = number;
    if (!who.isEmpty())
        w += QStringLiteral(", ") + who;
    return w + QStringLiteral(", ") + humanSize(sizeBytes);
}

} // namespace plexus

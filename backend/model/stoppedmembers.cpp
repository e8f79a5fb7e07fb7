// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "stoppedmembers.h"

namespace plexus {

namespace {

bool carriesSuperblock(const QString &fsType, const QString &uuid)
{
    return fsType == QLatin1String("linux_raid_member") && !uuid.isEmpty();
}

} // namespace

QStringList stoppedMembers(const Snapshot &s)
{
    QStringList names;
    auto add = [&](const QString &name, const QString &fsType, const QString &uuid) {
        if (carriesSuperblock(fsType, uuid) && s.arraysUsing(name).isEmpty())
            names << name;
    };
    for (const Disk &d : s.disks) {
        add(d.name, d.fsType, d.uuid);
        for (const Partition &p : d.partitions)
            add(p.name, p.fsType, p.uuid);
    }
    return names;
}

QString stoppedMemberUuid(const Snapshot &s, const QString &device)
{
    const Disk *disk = s.diskOf(device);
    if (!disk)
        return {};
    const Partition *p = disk->partition(device);
    if (!p && disk->name != device)
        return {};
    const QString fsType = p ? p->fsType : disk->fsType;
    const QString uuid = p ? p->uuid : disk->uuid;
    return carriesSuperblock(fsType, uuid) ? uuid : QString();
}

QStringList stoppedMembersWith(const Snapshot &s, const QString &device)
{
    const QString uuid = stoppedMemberUuid(s, device);
    if (uuid.isEmpty() || !s.arraysUsing(device).isEmpty())
        return {};
    QStringList names{device};
    for (const QString &other : stoppedMembers(s))
        if (other != device && stoppedMemberUuid(s, other) == uuid)
            names << other;
    return names;
}

} // namespace plexus

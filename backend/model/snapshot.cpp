// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "snapshot.h"

namespace plexus {

template<typename T, typename F>
static const T *findIn(const QList<T> &list, F pred)
{
    for (const T &item : list)
        if (pred(item))
            return &item;
    return nullptr;
}

const Disk *Snapshot::disk(const QString &name) const
{
    return findIn(disks, [&](const Disk &d) { return d.name == name; });
}

const Array *Snapshot::array(const QString &name) const
{
    return findIn(arrays, [&](const Array &a) { return a.name == name; });
}

const VolumeGroup *Snapshot::volumeGroup(const QString &name) const
{
    return findIn(volumeGroups, [&](const VolumeGroup &v) { return v.name == name; });
}

const LogicalVolume *Snapshot::activeVolume(const QString &blockName) const
{
    for (const VolumeGroup &vg : volumeGroups)
        if (const LogicalVolume *lv = findIn(vg.logicalVolumes, [&](const LogicalVolume &v) { return v.active && v.device == blockName; }))
            return lv;
    return nullptr;
}

const Disk *Snapshot::diskOf(const QString &blockName) const
{
    return findIn(disks, [&](const Disk &d) { return d.name == blockName || d.partition(blockName); });
}

const Member *Snapshot::partitionMemberToCopy(const Array &a) const
{
    for (const Member &m : a.members)
        if (!m.faulty && !m.spare)
            if (const Disk *d = diskOf(m.device); d && d->name != m.device)
                return &m;
    return nullptr;
}

QStringList Snapshot::disksAtRisk(const Array &a) const
{
    QStringList out;
    for (const Member &m : a.members) {
        const Disk *d = m.faulty ? nullptr : diskOf(m.device);
        if (d && d->health && d->health->atRisk() && !out.contains(d->name))
            out << d->name;
    }
    return out;
}

QList<const Array *> Snapshot::arraysUsing(const QString &blockName) const
{
    QList<const Array *> result;
    for (const Array &a : arrays)
        if (a.member(blockName))
            result.append(&a);
    return result;
}

const PhysicalVolume *Snapshot::physicalVolume(const QString &blockName) const
{
    for (const VolumeGroup &vg : volumeGroups)
        if (auto pv = findIn(vg.physicalVolumes, [&](const PhysicalVolume &p) { return p.device == blockName; }))
            return pv;
    return nullptr;
}

QList<const Mount *> Snapshot::mountsOf(const QString &blockName) const
{
    QList<const Mount *> result;
    for (const Mount &m : mounts)
        if (m.device == blockName)
            result.append(&m);
    return result;
}

bool Snapshot::isSwap(const QString &blockName) const
{
    return swaps.contains(blockName);
}

} // namespace plexus

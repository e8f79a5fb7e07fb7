// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "snapshot.h"

#include <algorithm>

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

namespace {
Array withoutProgress(Array a)
{
    if (a.sync)
        a.sync = SyncProgress{a.sync->action, a.sync->status, {}, {}, a.sync->totalKib, {}, {}};
    return a;
}
bool sameMounts(const QList<Mount> &a, const QList<Mount> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Mount &x, const Mount &y) {
        return x.device == y.device && x.source == y.source && x.mountPoint == y.mountPoint && x.fsType == y.fsType;
    });
}
} // namespace

bool onlyProgressMoved(const Snapshot &before, const Snapshot &after)
{
    if (before.arrays.size() != after.arrays.size() || before.swaps != after.swaps || !sameMounts(before.mounts, after.mounts)
        || before.disks != after.disks || before.volumeGroups != after.volumeGroups || before.personalities != after.personalities
        || before.unusedDevices != after.unusedDevices)
        return false;
    for (qsizetype i = 0; i < after.arrays.size(); ++i)
        if (after.arrays[i] != before.arrays[i] && withoutProgress(after.arrays[i]) != withoutProgress(before.arrays[i]))
            return false;
    return true;
}

} // namespace plexus

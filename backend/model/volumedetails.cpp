// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "volumedetails.h"

namespace plexus {

namespace {

template<class T, class Key>
T &findOrAdd(QList<T> &list, Key key, const T &blank)
{
    for (T &item : list)
        if (key(item))
            return item;
    list.append(blank);
    return list.last();
}

LogicalVolume &volumeNamed(VolumeGroup &group, const QString &name)
{
    LogicalVolume blank;
    blank.name = name;
    blank.vgName = group.name;
    return findOrAdd(group.logicalVolumes, [&](const LogicalVolume &lv) { return lv.name == name; }, blank);
}

PhysicalVolume &deviceNamed(VolumeGroup &group, const QString &device)
{
    return findOrAdd(group.physicalVolumes, [&](const PhysicalVolume &pv) { return pv.device == device; },
                     PhysicalVolume{device, group.name, 0, std::nullopt});
}

std::optional<qint64> optionalBytes(const QVariantMap &row, const char *key)
{
    const QVariant v = row.value(QLatin1String(key));
    return v.isValid() ? std::optional<qint64>(v.toLongLong()) : std::nullopt;
}

} // namespace

VolumeGroup &volumeGroupNamed(QList<VolumeGroup> &groups, const QString &name)
{
    VolumeGroup blank;
    blank.name = name;
    return findOrAdd(groups, [&](const VolumeGroup &g) { return g.name == name; }, blank);
}

void mergeVolumeDetails(QList<VolumeGroup> *shown, const QList<VolumeGroup> &fromTools)
{
    for (const VolumeGroup &tools : fromTools) {
        VolumeGroup &group = volumeGroupNamed(*shown, tools.name);
        group.uuid = tools.uuid;
        if (tools.sizeBytes)
            group.sizeBytes = tools.sizeBytes;
        group.freeBytes = tools.freeBytes;
        for (const PhysicalVolume &pv : tools.physicalVolumes) {
            PhysicalVolume &into = deviceNamed(group, pv.device);
            into.sizeBytes = pv.sizeBytes;
            into.freeBytes = pv.freeBytes;
        }
        for (const LogicalVolume &lv : tools.logicalVolumes) {
            LogicalVolume &into = volumeNamed(group, lv.name);
            into.sizeBytes = lv.sizeBytes;
            into.segmentType = lv.segmentType;
            into.segments = lv.segments;
        }
    }
}

SnapshotPtr withVolumeDetails(const SnapshotPtr &probed, const QList<VolumeGroup> &fromTools)
{
    auto merged = std::make_shared<Snapshot>(*probed);
    mergeVolumeDetails(&merged->volumeGroups, fromTools);
    return merged;
}

namespace {

// Kernel names of the devices udev says hold an LVM label.
QStringList lvmMembers(const Snapshot &s)
{
    const QString lvm = QStringLiteral("LVM2_member");
    QStringList names;
    for (const Disk &d : s.disks) {
        if (d.fsType == lvm)
            names << d.name;
        for (const Partition &p : d.partitions)
            if (p.fsType == lvm)
                names << p.name;
    }
    for (const Array &a : s.arrays)
        if (a.fsType == lvm)
            names << a.name;
    return names;
}

} // namespace

bool holdsLvm(const Snapshot &s)
{
    return !s.volumeGroups.isEmpty() || !lvmMembers(s).isEmpty();
}

QString lvmShape(const Snapshot &s)
{
    QStringList parts = lvmMembers(s);
    for (const VolumeGroup &g : s.volumeGroups) {
        parts << QLatin1Char('[') + g.name;
        for (const PhysicalVolume &pv : g.physicalVolumes)
            parts << QStringLiteral("%1=%2").arg(pv.device).arg(pv.sizeBytes);
        for (const LogicalVolume &lv : g.logicalVolumes)
            parts << QStringLiteral("%1:%2:%3").arg(lv.name).arg(lv.sizeBytes).arg(lv.active);
    }
    return parts.join(QLatin1Char(' '));
}

QList<QVariantMap> volumeRows(const QList<VolumeGroup> &groups)
{
    QList<QVariantMap> rows;
    for (const VolumeGroup &g : groups) {
        QVariantMap group{{QStringLiteral("kind"), QStringLiteral("group")}, {QStringLiteral("group"), g.name}, {QStringLiteral("uuid"), g.uuid}};
        if (g.sizeBytes)
            group.insert(QStringLiteral("size_bytes"), *g.sizeBytes);
        if (g.freeBytes)
            group.insert(QStringLiteral("free_bytes"), *g.freeBytes);
        rows << group;
        for (const PhysicalVolume &pv : g.physicalVolumes) {
            QVariantMap device{{QStringLiteral("kind"), QStringLiteral("device")}, {QStringLiteral("group"), g.name},
                               {QStringLiteral("name"), pv.device}, {QStringLiteral("size_bytes"), pv.sizeBytes}};
            if (pv.freeBytes)
                device.insert(QStringLiteral("free_bytes"), *pv.freeBytes);
            rows << device;
        }
        for (const LogicalVolume &lv : g.logicalVolumes) {
            rows << QVariantMap{{QStringLiteral("kind"), QStringLiteral("volume")}, {QStringLiteral("group"), g.name},
                                {QStringLiteral("name"), lv.name}, {QStringLiteral("size_bytes"), lv.sizeBytes},
                                {QStringLiteral("segment_type"), lv.segmentType}};
            for (const VolumeSegment &seg : lv.segments)
                rows << QVariantMap{{QStringLiteral("kind"), QStringLiteral("segment")}, {QStringLiteral("group"), g.name},
                                    {QStringLiteral("volume"), lv.name}, {QStringLiteral("name"), seg.device},
                                    {QStringLiteral("size_bytes"), seg.sizeBytes}};
        }
    }
    return rows;
}

QList<VolumeGroup> volumeGroupsFromRows(const QList<QVariantMap> &rows)
{
    QList<VolumeGroup> groups;
    for (const QVariantMap &row : rows) {
        const QString groupName = row.value(QStringLiteral("group")).toString();
        const QString kind = row.value(QStringLiteral("kind")).toString();
        const QString name = row.value(QStringLiteral("name")).toString();
        if (groupName.isEmpty())
            continue;
        const qint64 size = row.value(QStringLiteral("size_bytes")).toLongLong();
        if (kind == QLatin1String("group")) {
            VolumeGroup &g = volumeGroupNamed(groups, groupName);
            g.uuid = row.value(QStringLiteral("uuid")).toString();
            g.sizeBytes = optionalBytes(row, "size_bytes");
            g.freeBytes = optionalBytes(row, "free_bytes");
        } else if (kind == QLatin1String("device") && !name.isEmpty()) {
            PhysicalVolume &pv = deviceNamed(volumeGroupNamed(groups, groupName), name);
            pv.sizeBytes = size;
            pv.freeBytes = optionalBytes(row, "free_bytes");
        } else if (kind == QLatin1String("volume") && !name.isEmpty()) {
            LogicalVolume &lv = volumeNamed(volumeGroupNamed(groups, groupName), name);
            lv.sizeBytes = size;
            lv.segmentType = row.value(QStringLiteral("segment_type")).toString();
        } else if (kind == QLatin1String("segment") && !name.isEmpty()) {
            const QString volume = row.value(QStringLiteral("volume")).toString();
            if (!volume.isEmpty())
                volumeNamed(volumeGroupNamed(groups, groupName), volume).segments << VolumeSegment{name, size};
        }
    }
    return groups;
}

} // namespace plexus

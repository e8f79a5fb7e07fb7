// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "disksegments.h"
#include "backuplist.h"
#include "engine/checks/refusal.h"
#include "memberslots.h"
#include "model/describe.h"

#include <KLocalizedString>

#include <algorithm>
#include <cmath>

namespace plexus {

namespace {

// Smaller gaps are alignment (the first MiB) or the GPT backup at the end.
constexpr qint64 smallestFreeGap = 32LL * 1024 * 1024;

} // namespace

std::optional<QSet<QString>> devicesAffected(const Snapshot &before, const Snapshot &after)
{
    if (before.mounts != after.mounts || before.swaps != after.swaps || before.volumeGroups != after.volumeGroups)
        return std::nullopt;
    QSet<QString> devices, uuids;
    const auto changed = [&](const Array &a) {
        for (const Member &m : a.members)
            devices.insert(m.device);
        if (const QString uuid = hexOnly(a.uuid); !uuid.isEmpty())
            uuids.insert(uuid);
    };
    for (const Array &a : after.arrays)
        if (const Array *was = before.array(a.name); !was || *was != a) {
            changed(a);
            if (was)
                changed(*was);
        }
    for (const Array &a : before.arrays)
        if (!after.array(a.name))
            changed(a);
    if (uuids.isEmpty())
        return devices;
    const QLatin1String member("linux_raid_member");
    for (const Disk &d : after.disks) {
        if (d.fsType == member && uuids.contains(hexOnly(d.uuid)))
            devices.insert(d.name);
        for (const Partition &p : d.partitions)
            if (p.fsType == member && uuids.contains(hexOnly(p.uuid)))
                devices.insert(p.name);
    }
    return devices;
}

DiskSegment blockDeviceRole(const QString &device, const QString &fsType, const QString &label, const Snapshot &s)
{
    DiskSegment seg;
    seg.device = device;
    const QList<const Array *> arrays = s.arraysUsing(device);
    if (!arrays.isEmpty()) {
        const Array &a = *arrays.first();
        MemberSlot slot;
        slot.state = slotStateOf(*a.member(device), a);
        seg.role = SegmentRole::ArrayMember;
        seg.array = a.name;
        seg.state = slot.tone();
        const bool working = slot.state == SlotState::InSync || slot.state == SlotState::Active;
        seg.roleText = working ? i18nc("a disk area's role: member of md array %1", "%1 member", a.name)
                               : i18nc("a disk area's role: member of md array %1, in state %2", "%1 member, %2", a.name,
                                       slotStateWord(slot.state));
        seg.shortText = a.name;
        return seg;
    }
    if (const PhysicalVolume *pv = s.physicalVolume(device)) {
        seg.role = SegmentRole::PhysicalVolume;
        seg.roleText = i18nc("LVM physical volume of volume group %1", "PV of %1", pv->vgName);
        seg.shortText = pv->vgName;
        return seg;
    }
    if (s.isSwap(device) || fsType == QLatin1String("swap")) {
        seg.role = SegmentRole::Swap;
        seg.roleText = s.isSwap(device) ? i18nc("a disk area used as swap space", "swap")
                                        : i18nc("a disk area set up as swap space, not in use", "swap, off");
        seg.shortText = i18nc("a disk area used as swap space", "swap");
        return seg;
    }
    const QList<const Mount *> mounts = s.mountsOf(device);
    if (!mounts.isEmpty()) {
        seg.role = SegmentRole::Filesystem;
        seg.roleText = i18nc("filesystem type %1 mounted on %2", "%1 on %2", mounts.first()->fsType, mounts.first()->mountPoint);
        seg.shortText = mounts.first()->mountPoint;
        return seg;
    }
    if (const Array *copied = fsType == QLatin1String("linux_raid_member") ? copiedArray(s, device) : nullptr) {
        // Cut off a running mirror: a backup copy of it, not a stray member.
        seg.role = SegmentRole::ArrayMember;
        seg.roleText = i18nc("a disk area holding a backup copy of md array %1", "backup copy of %1", copied->name);
        seg.shortText = i18nc("short: a backup copy of md array %1", "%1 copy", copied->name);
        seg.array = copied->name;
        seg.state = Tone::Neutral;
    } else if (fsType == QLatin1String("linux_raid_member")) {
        seg.role = SegmentRole::ArrayMember;
        seg.roleText = label.isEmpty() ? i18n("md member, not running")
                                       : i18nc("%1 is the label recorded on the member", "md member \u201c%1\u201d, not running", label);
        seg.shortText = QStringLiteral("md");
        seg.state = Tone::Neutral;
    } else if (fsType == QLatin1String("LVM2_member")) {
        seg.role = SegmentRole::PhysicalVolume;
        seg.roleText = i18n("LVM PV, not active");
        seg.shortText = QStringLiteral("PV");
    } else if (fsType == QLatin1String("crypto_LUKS")) {
        seg.roleText = i18n("encrypted (LUKS)");
        seg.shortText = QStringLiteral("LUKS");
    } else if (!fsType.isEmpty()) {
        seg.role = SegmentRole::Filesystem;
        seg.roleText = label.isEmpty() ? i18nc("filesystem type %1", "%1, not mounted", fsType)
                                       : i18nc("filesystem type %1 with label %2", "%1 \u201c%2\u201d, not mounted", fsType, label);
        seg.shortText = fsType;
    } else {
        seg.roleText = i18nc("a disk area", "no filesystem");
        seg.shortText = i18nc("a disk area with no filesystem", "empty");
    }
    return seg;
}

namespace {

DiskSegment freeSpace(qint64 start, qint64 size)
{
    DiskSegment seg;
    seg.role = SegmentRole::Free;
    seg.startBytes = start;
    seg.sizeBytes = size;
    seg.roleText = i18nc("free disk space", "unallocated");
    seg.shortText = humanSize(size);
    return seg;
}

} // namespace

QList<DiskSegment> diskSegments(const Disk &disk, const Snapshot &snapshot)
{
    QList<DiskSegment> segments;
    if (disk.partitions.isEmpty()) {
        DiskSegment whole = blockDeviceRole(disk.name, disk.fsType, disk.label, snapshot);
        whole.sizeBytes = disk.sizeBytes;
        // "no filesystem": nothing else claims it and it has no signature.
        if (whole.role == SegmentRole::Other && disk.fsType.isEmpty()) {
            whole.role = SegmentRole::Free;
            whole.roleText = disk.partitionTable.isEmpty()
                ? i18nc("a whole disk", "empty, no partition table")
                : i18nc("a whole disk; %1 is the partition table type (GPT, MBR)", "empty %1 partition table", disk.partitionTable);
        }
        segments << whole;
        return segments;
    }
    QList<Partition> parts = disk.partitions;
    std::sort(parts.begin(), parts.end(), [](const Partition &a, const Partition &b) { return a.startBytes < b.startBytes; });
    qint64 cursor = 0;
    for (const Partition &p : parts) {
        if (p.startBytes - cursor >= smallestFreeGap)
            segments << freeSpace(cursor, p.startBytes - cursor);
        DiskSegment seg = blockDeviceRole(p.name, p.fsType, p.label, snapshot);
        seg.startBytes = p.startBytes;
        seg.sizeBytes = p.sizeBytes;
        segments << seg;
        cursor = qMax(cursor, p.startBytes + p.sizeBytes);
    }
    if (disk.sizeBytes - cursor >= smallestFreeGap)
        segments << freeSpace(cursor, disk.sizeBytes - cursor);
    return segments;
}

QList<int> segmentWidths(const QList<qint64> &sizes, int total, int minimum)
{
    const int n = int(sizes.size());
    QList<int> widths(n, 0);
    if (n == 0 || total <= 0)
        return widths;
    QList<double> exact(n, 0.0);
    if (qint64(minimum) * n >= total) {
        exact.fill(double(total) / n);
    } else {
        // Pin the too-small ones to the minimum until the rest, scaled, all fit.
        QList<bool> pinned(n, false);
        for (bool changed = true; changed;) {
            changed = false;
            int pinnedCount = 0;
            double rest = 0;
            for (int i = 0; i < n; ++i) {
                pinnedCount += pinned[i];
                rest += pinned[i] ? 0.0 : double(qMax<qint64>(0, sizes[i]));
            }
            const double space = total - double(minimum) * pinnedCount;
            for (int i = 0; i < n; ++i) {
                if (pinned[i]) {
                    exact[i] = minimum;
                    continue;
                }
                exact[i] = rest > 0 ? space * double(qMax<qint64>(0, sizes[i])) / rest : space / (n - pinnedCount);
                if (exact[i] < minimum) {
                    pinned[i] = true;
                    changed = true;
                }
            }
        }
    }
    // Round the running sum so the widths add up to exactly `total`.
    double sum = 0;
    int previous = 0;
    for (int i = 0; i < n; ++i) {
        sum += exact[i];
        const int edge = i == n - 1 ? total : int(std::lround(sum));
        widths[i] = edge - previous;
        previous = edge;
    }
    return widths;
}

QColor roleColor(SegmentRole role, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (role) {
    case SegmentRole::ArrayMember: return dark ? QColor(0x7f, 0x8c, 0xff) : QColor(0x4a, 0x5b, 0xd4);
    case SegmentRole::PhysicalVolume: return dark ? QColor(0xc0, 0x84, 0xfc) : QColor(0x8e, 0x44, 0xad);
    case SegmentRole::Filesystem: return dark ? QColor(0x3d, 0xc1, 0xd3) : QColor(0x0e, 0x7c, 0x8c);
    case SegmentRole::Swap: return dark ? QColor(0xf4, 0x8f, 0xb1) : QColor(0xc2, 0x18, 0x5b);
    case SegmentRole::Free:
    case SegmentRole::Other: return mix(palette.color(QPalette::WindowText), palette.color(QPalette::Window), 0.5);
    }
    return palette.color(QPalette::Mid);
}

} // namespace plexus

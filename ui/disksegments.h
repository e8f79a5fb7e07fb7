// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A disk as the strip of areas the disk map draws: partitions in disk order,
// free gaps between them, or the whole disk when it has no partition table;
// each with the role it plays (md member, LVM PV, filesystem, swap, free).

#include "model/snapshot.h"
#include "tone.h"

#include <QColor>
#include <QSet>

#include <optional>

namespace plexus {

enum class SegmentRole { ArrayMember, PhysicalVolume, Filesystem, Swap, Free, Other };

struct DiskSegment {
    QString device;                 // "sda1", the disk itself when unpartitioned, empty for free space
    qint64 startBytes = 0;
    qint64 sizeBytes = 0;
    SegmentRole role = SegmentRole::Other;
    QString roleText;               // "md1 member", "PV of vg0", "ext4 on /boot", "swap", "unallocated"
    QString shortText;              // for narrow segments: "md1", "vg0", "/boot", "swap", "free"
    QString array;                  // the md array it belongs to, if any
    std::optional<Tone> state;      // member state of an md member: green, amber, red, grey

    bool isFree() const { return role == SegmentRole::Free; }
    bool operator==(const DiskSegment &) const = default;
};

QList<DiskSegment> diskSegments(const Disk &disk, const Snapshot &snapshot);
// The role of any block device (a partition, a whole disk, an md array).
DiskSegment blockDeviceRole(const QString &device, const QString &fsType, const QString &label, const Snapshot &snapshot);
// The devices whose segments may differ from `before` to `after` other than
// through their own disk's record: the members, then and now, of each array
// that changed, and md members with its UUID (a copy cut off it names it).
// nullopt when mounts, swaps or volume groups changed: any segment may then.
std::optional<QSet<QString>> devicesAffected(const Snapshot &before, const Snapshot &after);
// Pixel widths for `sizes` filling `total`, none narrower than `minimum`
// (unless even that does not fit), the rest to scale.
QList<int> segmentWidths(const QList<qint64> &sizes, int total, int minimum);
QColor roleColor(SegmentRole role, const QPalette &palette);

} // namespace plexus

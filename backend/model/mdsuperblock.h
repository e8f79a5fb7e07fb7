// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What one member's md superblock says about its array's history (mdadm
// --examine, metadata 1.x), and split brain: a mirror whose halves each ran
// without the other and were written. Assembled together, md would take the
// half with more events and silently drop every write the other half had.

#include <QList>
#include <QString>
#include <optional>

namespace plexus {

struct MdSuperblock {
    QString device;               // "/dev/vda"
    QString arrayUuid;            // "3f0c1a2b:..." as mdadm prints it
    qint64 events = 0;
    QString updateTime;           // as mdadm prints it: "Fri Dec  4 06:05:00 2026"
    std::optional<int> slot;      // "Active device N" (or a replacement for slot N); none for a spare
    QString arrayState;           // one character per slot: 'A' active, 'R' replacing, '.' missing
    QString deviceUuid;           // this member's own identity ("Device UUID"): stays with the disk under any name
    qint64 dataOffsetBytes = 0;   // where the array's data starts on this member ("Data Offset")
    qint64 arraySizeBytes = 0;    // the array's size ("Array Size", KiB): for a mirror, the data on each member

    // Whether this member's superblock counts `slot` as working.
    bool seesActive(int otherSlot) const;
    // "/dev/vda: last written Fri Dec  4 06:05:00 2026, 120 events, ran without slot 1"
    QString history() const;
};

// Reads `mdadm --examine DEVICE` output; nothing for 0.90 metadata (another
// layout) or text that is not an examine of an md member.
std::optional<MdSuperblock> parseExamine(const QString &device, const QString &text);

// The member with the most events (the array as it last ran); null for none.
const MdSuperblock *newestOf(const QList<MdSuperblock> &members);

// Slot numbers for a sentence: "1, 2".
QString slotNumbers(const QList<int> &slots);

// The slots the newest of `members` (most events: the array as it last ran)
// saw working and none of `members` fills: assembled from them alone, the
// array would run without those (degraded), which mdadm does only with --run.
QList<int> slotsLeftOut(const QList<MdSuperblock> &members);

// The members whose histories diverged from `a`'s: each marks the other's slot
// missing, so each ran (and may have been written) without the other.
QList<MdSuperblock> divergedFrom(const MdSuperblock &a, const QList<MdSuperblock> &members);

} // namespace plexus

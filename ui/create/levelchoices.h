// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What each md level would make of the devices the user chose, before anything
// is asked of the engine: whether the level is possible (and if not, why, in
// words), about how much space it gives, how many disks may fail, and how fast
// it reads and writes compared with one disk. Pure arithmetic, no widgets; the
// engine still validates the request the dialog finally builds.
//
// What each level needs and survives comes from model/raidlevel; here it is
// applied to the dialog's input:
//  - every level except linear uses the smallest member's size on every slot;
//    "about": md keeps a few MiB per member for its superblock and bitmap;
//  - a raid1 of one slot is allowed ("add the second later");
//  - missing slots sit where slotOrder() puts them, and the level must survive
//    exactly those slots missing;
//  - spares only for redundant levels.

#include <QList>
#include <QString>
#include <QStringList>

namespace plexus {

struct LevelInput {
    QList<qint64> memberSizes; // the chosen member devices (not spares), bytes
    int missing = 0;           // slots left empty, to fill later
    int spares = 0;
    int slots() const { return int(memberSizes.size()) + missing; }
};

struct LevelChoice {
    QString level;             // "raid5"
    bool allowed = false;
    QString reason;            // why not, when not allowed: "RAID-5 needs at least 3 devices."
    qint64 capacityBytes = 0;  // usable, about (md's metadata not subtracted)
    int failuresTolerated = 0; // disks that may fail now without losing data
    QString failuresText;      // "any 1 disk", "none", "1 per mirror pair", "all but one"
    double readSpeed = 1;      // relative to one disk, once every slot has a member
    double writeSpeed = 1;
    QString speedText;         // "about 2× read, 2× write (slower for small writes)"
    QString description;       // one line: what the level does
    QString note;              // extra: "Starts degraded: add the missing disk later ..."
    int minimumSlots = 2;      // fewest slots the level is made of
};

// Every level md creates, in the order the dialog lists them.
const QStringList &creatableLevels();

LevelChoice levelChoice(const QString &level, const LevelInput &input);
QList<LevelChoice> levelChoices(const LevelInput &input);

// What the dialog selects first: raid1 for one or two slots, raid5 for three or
// four, raid6 from five (a second parity is worth it once rebuilds read that many
// disks); when missing slots rule that out, the most redundant level allowed;
// empty when none is.
QString recommendedLevel(const LevelInput &input);

// Slot order for `members` and `missing` empty slots: the empty slots go last,
// except for raid10, where they take every other slot so each mirror pair keeps
// one copy. Empty strings mark the missing slots.
QStringList slotOrder(const QString &level, const QStringList &members, int missing);

// "about 2.0 GiB"
QString aboutSize(qint64 bytes);

} // namespace plexus

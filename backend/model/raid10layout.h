// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Where md's raid10 keeps the copies of each chunk (drivers/md/raid10.c,
// __raid10_find_phys), as sets of slots: the data is lost when every slot of
// one set is missing. Only raidlevel.cpp needs this.

#include <QList>
#include <QString>

namespace plexus {

struct Raid10Geometry {
    int nearCopies = 2;  // copies on neighbouring slots
    int farCopies = 1;   // further copies (far or offset), each shifted by nearCopies slots
    int farSetSize = 0;  // "N devices per set": far copies rotate within sets of N slots; 0: all slots

    int copies() const { return nearCopies * farCopies; }
};

// "2 near-copies", "2 far-copies 2 devices per set", "2 near-copies 2 far-copies"
// (mdstat, our sysfs probe) or "near=2", "offset=2" (mdadm --detail). Empty or
// unreadable: md's default, 2 near copies.
Raid10Geometry raid10Geometry(const QString &layout);

// Every set of slots that holds all copies of some chunk, ordered by its first slot.
QList<QList<int>> raid10CopySets(int devices, const Raid10Geometry &g);

} // namespace plexus

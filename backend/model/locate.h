// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// "Locate": how to find a disk in the machine, for the person about to pull one.
// Pulling the wrong disk of a degraded mirror loses it all, and kernel names
// (sdb) say nothing about which bay: what is printed on the drive does.

#include "blockdevice.h"

namespace plexus {

struct LocateLine {
    QString label;  // "Serial number"
    QString value;  // "WD-WCC4N1234567"
    QString where;  // "printed on the drive's label"
};

// What to look for, most telling first; empty values left out.
QList<LocateLine> locateLines(const Disk &d);
// Why Plexus cannot blink the bay, and what can.
QString bayLightNote(const Disk &d);
// All of it as plain text (plexusctl locate, the window's dialog).
QString locateText(const Disk &d);

} // namespace plexus

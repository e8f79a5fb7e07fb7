// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What only UDisks knows about a drive (through KDE Solid): its bus as the user
// thinks of it (SATA, USB, ...), and whether it can be unplugged while running.

#include "model/blockdevice.h"

namespace plexus {

// True when UDisks answers on the system bus (Solid needs it for block devices).
bool solidAvailable();
// Fills bus, removable and hotpluggable of `disks` from Solid; disks Solid doesn't
// know keep what sysfs said.
void enrichWithSolid(QList<Disk> *disks);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What stands on an md array: its partitions, logical volumes on it, and the
// filesystems mounted from any of them. Read from one snapshot; depth-limited,
// since a loop must not hang the helper.

#include "snapshot.h"

namespace plexus {

// The arrays a block device stands on: itself, the array of an md partition
// ("md0p1"), the physical volumes under a logical volume.
void arraysUnder(const Snapshot &s, const QString &device, QStringList *out, int depth = 0);
// Kernel names of the block devices whose data lives on array `md`: md itself,
// its partitions, active logical volumes on it ("md0", "md0p1", "dm-2").
QStringList devicesOn(const Snapshot &s, const QString &md);

} // namespace plexus

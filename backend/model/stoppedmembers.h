// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Block devices that carry an md superblock (udev says linux_raid_member) and
// that no array holds: members of arrays that are not running (stopped, or
// each half of a split brain) and backup copies cut off a mirror.

#include "snapshot.h"

#include <QStringList>

namespace plexus {

// Kernel names, disks before their partitions, in the snapshot's order.
QStringList stoppedMembers(const Snapshot &s);
// The array UUID udev read from `device`'s superblock; empty when it has none.
QString stoppedMemberUuid(const Snapshot &s, const QString &device);
// `device` and the other stopped members of its array (the same array UUID).
QStringList stoppedMembersWith(const Snapshot &s, const QString &device);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Cross-check between the two views of an array: sysfs and /proc/mdstat.
// Used by tests (unit and VM) and by `plexusctl status --cross-check`.

#include "model/array.h"

namespace plexus {

// Lists, in words, every field both sources know about on which they differ
// (level, state, raid_disks, active_disks, degraded, size, metadata, chunk,
// member set and each member's faulty/spare/write-mostly/replacement/journal
// flags, sync action and status). Empty when they agree.
QStringList disagreements(const Array &fromSysfs, const Array &fromMdstat);

} // namespace plexus

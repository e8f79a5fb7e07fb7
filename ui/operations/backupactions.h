// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Split-mirror backups from the window (ops/backup.h): "Back up to a disk…" on
// a running mirror, and on a copy cut off one (its line on the card, its disk
// or partition in the disk map) Refresh, Copy all of it again, Open and Close.
// The window has no root, so it cannot read the copy's md superblock, which is
// what the engine decides a refresh and an open by: those two are then planned
// by the helper when they run (it reads the superblock, and refuses in the
// engine's words a copy that changed), and the review says so.

#include "memberactions.h"

namespace plexus {

// "Back up to a disk…" for `a`: disabled with `why` unless it is empty.
ArrayAction backUpAction(const PlanningContext &ctx, const Array &a, const QString &why);
// The actions on the disk or partition `device` when it holds a copy cut off a
// running mirror; none otherwise.
QList<ArrayAction> backupCopyActions(const PlanningContext &ctx, const QString &device);

} // namespace plexus

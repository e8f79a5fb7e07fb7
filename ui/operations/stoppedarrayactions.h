// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Starting an array that is not running, from one of its members in the disk
// map (model/stoppedmembers.h): assembled from every member found, degraded
// only when the review says which slot is missing; and a split brain (each
// half ran without the other) resolved by the half the user keeps. The
// members' histories come from their superblocks, which the window reads
// through plexus-helper's MdSuperblocks() (only root may read the devices);
// without them the helper decides when the plan runs.

#include "memberactions.h"

namespace plexus {

// The actions on the disk or partition `device` when it carries an md
// superblock that no array holds and is not a backup copy; none otherwise.
QList<ArrayAction> stoppedArrayActions(const PlanningContext &ctx, const QString &device);

} // namespace plexus

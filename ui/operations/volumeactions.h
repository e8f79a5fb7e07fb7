// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What can be done to volumes from the window: an array becomes a volume group
// or gets a filesystem; a volume grows into its group's free space or goes; a
// group goes with its volumes. Each action plans the helper's own request, so
// the window refuses exactly what the helper would, in its words.

#include "memberactions.h"

namespace plexus {

// The volume actions for an array, a volume group or a logical volume; none for anything else.
QList<ArrayAction> volumeActions(const PlanningContext &ctx, const Selectable &item);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The gate before a step that destroys a device's contents (Step::erases).
// Validation saw the device when the plan was made; the step may run hours
// later (after a hot replacement's copy), and by then the kernel name may lead
// to another disk (one unplugged, another plugged in and given its name), or
// something may have taken the device (a mount, an array). So, right before
// the step: the node still leads to the same kernel device, with the same
// number, size and disk serial or WWN, and it can be claimed O_EXCL.

#include "plan.h"
#include "systemview.h"

namespace plexus {

// Each erasure's identity as `system` shows it now: called as the plan is made,
// so that the journal records it with the machine (and a resumed plan compares
// with the machine the plan was first made for).
void noteIdentities(Plan *plan, const SystemView &system);

// The device at e.path is still the one e.then describes (an erasure without
// one, a device an earlier step made: it is there). NotFound in words otherwise.
Status checkSameDevice(const Erasure &e, const SystemView &now);

// checkSameDevice for each device `step` erases, then each claimed O_EXCL and
// let go again (the step's own tool opens it next).
Status checkErasures(const Step &step, const SystemView &now);

} // namespace plexus

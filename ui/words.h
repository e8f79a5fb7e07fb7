// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The words the window uses for levels, buses and array health, so every
// view names things the same way. Numbers and health sentences shared with
// the CLI come from model/describe.h.

#include "model/array.h"
#include "model/describe.h"
#include "tone.h"

namespace plexus {

QString levelTitle(const std::optional<QString> &level);        // "RAID-5", "Linear", "Unknown level"
QString levelOrganisation(const std::optional<QString> &level); // "striped with parity", "mirror", ...
QString busTitle(const QString &bus);                           // "SATA", "USB", "NVMe", ...
// mdadm's name of a raid4/5/6 layout number ("left-symmetric"); empty when unknown.
QString parityLayoutName(int layout);

// Redundancy gone: more slots lost than the level survives, or the kernel says broken.
bool arrayFailed(const Array &a);
// arrayHealthText, except that an array beyond repair says so.
QString arrayHealth(const Array &a);
// What is lost in an array beyond repair: "2 of 3 members missing".
QString failureCause(const Array &a);
Tone arrayTone(const Array &a);
// Lower first: failed, degraded or rebuilding, stopped, busy, healthy.
int arrayUrgency(const Array &a);

} // namespace plexus

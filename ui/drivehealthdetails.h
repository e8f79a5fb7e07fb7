// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A drive's health in the details pane and in tooltips: the verdict first,
// then the figures people look for (bad sectors, temperature, age, self-test).

#include "details.h"

namespace plexus {

// "At risk: the drive reports it is failing" or "Healthy (SMART)".
QString healthSummary(const DriveHealth &h);
// "2 years 41 days (18,500 hours)".
QString powerOnText(qint64 hours);
DetailSection healthSection(const DriveHealth &h);

} // namespace plexus

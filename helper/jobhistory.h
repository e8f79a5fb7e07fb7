// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Every job the helper carried out, in the system journal beside the monitor's
// events (monitor/journalentry.h): "Done for alice: Create /dev/md1: ...", with
// PLEXUS_JOB_ID and PLEXUS_OPERATION, so that `plexusctl history` and the
// window tell who changed what and when. Refusals change nothing and are not
// entered; a machine without journald simply has no such history.

#include "engine/jobrunner.h"

namespace plexus {

// `summary`: the plan's, as JobStarted said it; `status`: how the job ended.
void journalJob(const Job &job, const QString &summary, const Status &status);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Plans that go on after the computer restarts (mirroring the running system
// boots from the new array before the old disk joins it). A restart step ends
// this boot's part of the plan: the journal records that the plan waits, with
// this boot's id. Plexus never restarts the computer itself: the person does,
// when ready (Plexus says so and why and never reboots by itself).
// When plexus-helper next starts in another boot (its unit starts it at boot;
// or the bus, on the first call from the window or plexusctl), it resumes each
// waiting plan like any unfinished one: made again from its journal, every
// device checked to be the same, each remaining step checking its precondition.
// Until the restart, such a plan can be rolled back or dropped, not resumed.

#include "journal.h"
#include "plan.h"

namespace plexus {

// This boot's id (/proc/sys/kernel/random/boot_id); "unknown" if unreadable.
QString currentBootId();

// "Restart the computer": `why` says what the restart is for ("to start the
// system from the new array").
Step restartStep(const QString &why);

// The waiting jobs whose restart has happened, oldest first.
QStringList jobsToPickUp(const QList<JournalSummary> &unfinished, const QString &bootId);

// Refused while `job` waits for a restart that has not happened yet.
Status checkRestarted(const JournalSummary &job, const QString &bootId);

// What the job waits for, in words ("Restart the computer when you are ready:
// after it starts again, Plexus goes on by itself with step 5 of 9 (...).").
QString restartWords(const JournalSummary &job);
QString restartWords(int next, int total, const QString &nextDescription);

} // namespace plexus

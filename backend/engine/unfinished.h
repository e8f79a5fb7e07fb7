// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A plan that did not end well, taken up again: resumed from where it stopped,
// or rolled back. Nothing of the plan is trusted from memory: it is rebuilt from
// its journal exactly as it was made (the same request validated against the
// same snapshot, the same answers from the machine, the same stamp), and the
// rebuilt steps must read as the journal says or nothing runs. The machine as
// it is now is then checked: every device the plan was made for is still the
// same device, and each step still to run checks its own precondition as usual.
// A step that was running when the plan stopped is first checked for whether it
// took effect: if it did, it is not run again.

#include "journal.h"
#include "plan.h"

#include "model/snapshot.h"

namespace plexus {

struct UnfinishedPlan {
    JournalSummary journal;    // with its request and machine
    Plan plan;                 // rebuilt
    SnapshotPtr then;          // the machine when the plan was made
    QJsonObject answers;       // what the machine said then (recordedsystem.h)
    QStringList actions;       // the polkit actions the plan's request needs
};

class RecordingSystem;

// What a plan is made from, for its journal: the snapshot, the machine's answers
// and the stamp. loadUnfinished() makes the plan again from it.
QJsonObject recordMachine(const Snapshot &snapshot, const RecordingSystem &answers, const QString &stamp);

// The operation a roll back is journaled as, with the request {"job": JOB}.
inline constexpr char rollBackOperation[] = "RollBack";

// Reads JOB's journal and rebuilds its plan. Refused, in words, when the job is
// not unfinished, or its plan cannot be rebuilt exactly.
Status loadUnfinished(const QString &job, const QString &directory, UnfinishedPlan *out);

// Each disk, partition, array and volume the plan was made for is still the same
// one under the same name (a disk renamed by a reboot is refused, not guessed).
Status checkSameDevices(const UnfinishedPlan &u, const Snapshot &now);

// The plan from its first step that is not done (Plan::startAt), with what the
// done steps passed on.
Plan resumePlan(const UnfinishedPlan &u);

// The plan that undoes what JOB did, last step first, journaled as job `by`.
// Refused, naming the step, when a step that was done cannot be undone.
Status rollBackPlan(const UnfinishedPlan &u, const QString &by, const QString &directory, Plan *out);

} // namespace plexus

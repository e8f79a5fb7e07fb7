// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "unfinishedjobs.h"

#include <QCoreApplication>

#include <KLocalizedString>

#include "engine.h"
#include "ops/field.h"
#include "restart.h"
#include "unfinished.h"

namespace plexus {

namespace {

// The polkit actions the unfinished plan needed; when its journal cannot be read,
// the caller must still be allowed to modify arrays before hearing why.
QStringList actionsOf(const QString &job, const QString &directory)
{
    UnfinishedPlan u;
    if (loadUnfinished(job, directory, &u) && !u.actions.isEmpty())
        return u.actions;
    return {QLatin1String(polkitActions::modify)};
}

// A roll back of `job` that has not finished stands in the way of anything else done to it.
Status checkNoRollBack(const UnfinishedPlan &u, const QString &directory, const QString &except = {})
{
    const QString by = u.journal.rollingBackBy;
    JournalSummary r;
    if (by.isEmpty() || by == except || !Journal::find(by, &r, false, directory) || !r.unfinished())
        return {};
    return Status::failure(ErrorCode::Busy, mi18nc("%1 and %2 job ids",
                                                  "Job %1 is being rolled back by job %2, which did not finish. Resume or drop "
                                                  "job %2 first.",
                                                  u.journal.job, by));
}

} // namespace

Job resumeJob(const QString &job, const Caller &caller, const QString &directory)
{
    Job j;
    j.id = job;
    j.operation = QStringLiteral("ResumeJob");
    j.caller = caller;
    j.resumes = true;
    j.actions = actionsOf(job, directory);
    j.prepare = [job, directory](const Engine &engine, Plan *plan) {
        if (JournalSummary waiting; Journal::find(job, &waiting, false, directory))
            if (Status s = checkRestarted(waiting, currentBootId()); !s)
                return s;
        UnfinishedPlan u;
        if (Status s = loadUnfinished(job, directory, &u); !s)
            return s;
        if (Status s = checkNoRollBack(u, directory, u.journal.operation == QLatin1String(rollBackOperation) ? job : QString()); !s)
            return s;
        if (Status s = checkSameDevices(u, engine.snapshot()); !s)
            return s;
        *plan = resumePlan(u);
        return Status();
    };
    return j;
}

Job rollBackJob(const QString &job, const QString &newId, const Caller &caller, const QString &directory)
{
    Job j;
    j.id = newId;
    j.operation = QLatin1String(rollBackOperation);
    j.caller = caller;
    j.request = {{QStringLiteral("job"), job}};
    j.actions = actionsOf(job, directory);
    if (!j.actions.contains(QLatin1String(polkitActions::erase)))
        j.actions << QLatin1String(polkitActions::erase);
    j.prepare = [job, newId, directory](const Engine &engine, Plan *plan) {
        UnfinishedPlan u;
        if (Status s = loadUnfinished(job, directory, &u); !s)
            return s;
        if (Status s = checkNoRollBack(u, directory); !s)
            return s;
        if (Status s = checkSameDevices(u, engine.snapshot()); !s)
            return s;
        return rollBackPlan(u, newId, directory, plan);
    };
    return j;
}

void pickUpAfterRestart(JobRunner &runner, const ObserverFor &observe, const std::function<void(const PickedUp &)> &ended,
                        const QString &directory)
{
    const Caller helper{QStringLiteral("plexus-helper, after the restart"), 0, QCoreApplication::applicationPid()};
    for (const QString &job : jobsToPickUp(Journal::unfinishedPlans(directory), currentBootId())) {
        // Not asked of polkit (the runner never asks): it was authorized when it
        // was asked for, restart included (the journal, root's only, says by
        // whom), and nobody is on the bus to ask now.
        const std::unique_ptr<JobObserver> observer = observe ? observe(job) : nullptr;
        ended(PickedUp{job, runner.run(resumeJob(job, helper, directory), observer.get())});
    }
}

} // namespace plexus

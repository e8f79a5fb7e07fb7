// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "unfinished.h"

#include <KLocalizedString>

#include "deviceidentity.h"
#include "engine.h"
#include "checks/refusal.h"
#include "ops/anyrequest.h"
#include "recordedsystem.h"

#include "model/snapshotrecord.h"

namespace plexus {

namespace {

QString nameWithIdentity(const Snapshot &s, const QString &identity)
{
    for (const Disk &d : s.disks) {
        if (identityOf(s, d.name) == identity)
            return d.name;
        for (const Partition &p : d.partitions)
            if (identityOf(s, p.name) == identity)
                return p.name;
    }
    for (const Array &a : s.arrays)
        if (identityOf(s, a.name) == identity)
            return a.name;
    return {};
}

Status rebuild(const JournalSummary &j, const QString &directory, UnfinishedPlan *out)
{
    if (j.operation == QLatin1String(rollBackOperation)) {
        // A roll back is rebuilt from the job it rolls back, as it was made.
        UnfinishedPlan rolled;
        if (Status s = loadUnfinished(j.request.value(QStringLiteral("job")).toString(), directory, &rolled); !s)
            return s;
        out->then = rolled.then;
        out->answers = rolled.answers;
        out->actions = rolled.actions;
        return rollBackPlan(rolled, j.job, directory, &out->plan);
    }
    AnyRequest request;
    if (Status s = AnyRequest::fromJson(j.operation, j.request, &request); !s)
        return s;
    out->then = std::make_shared<const Snapshot>(restoreSnapshot(j.machine.value(QStringLiteral("snapshot")).toObject()));
    out->answers = j.machine.value(QStringLiteral("answers")).toObject();
    out->actions = request.actions();
    const ReplayedSystem system(out->answers);
    Engine engine(out->then, system);
    engine.setStamp(j.machine.value(QStringLiteral("stamp")).toString());
    if (Status s = request.prepare(engine, &out->plan); !s)
        return invalid(mi18nc("%1 a job id, %2 why (a refusal)", "The plan of job %1 cannot be made again from its journal: %2", j.job, s.message()));
    if (system.missedAny())
        return invalid(mi18nc("%1 a job id",
                             "The plan of job %1 cannot be made again from its journal: it would need to ask the machine "
                             "things the journal did not record.",
                             j.job));
    return {};
}

// Runs `original` unless it already took effect before the plan stopped.
Step unlessDone(const Step &original, int index)
{
    Step s = original;
    s.precondition = {};
    s.action = [original, index](StepContext &ctx) {
        if (original.check().ok()) {
            ctx.log(QStringLiteral("step %1 took effect before the plan stopped: it is not run again").arg(index + 1));
            return Status();
        }
        if (original.precondition)
            if (Status p = original.precondition(); !p)
                return p;
        return original.action ? original.action(ctx) : Status();
    };
    return s;
}

Step journalStep(const QString &description, std::function<Status()> write)
{
    Step s;
    s.description = description;
    s.action = [write](StepContext &) { return write(); };
    return s;
}

} // namespace

QJsonObject recordMachine(const Snapshot &snapshot, const RecordingSystem &answers, const QString &stamp)
{
    return {{QStringLiteral("snapshot"), recordSnapshot(snapshot)}, {QStringLiteral("answers"), answers.record()}, {QStringLiteral("stamp"), stamp}};
}

Status loadUnfinished(const QString &job, const QString &directory, UnfinishedPlan *out)
{
    *out = {};
    if (Status s = Journal::find(job, &out->journal, true, directory); !s)
        return s;
    const JournalSummary &j = out->journal;
    if (!j.unfinished())
        return invalid(mi18nc("%1 a job id, %2 its summary, %3 why it is not unfinished", "Job %1 (%2) is not unfinished: %3.", job, j.summary,
                             j.whyNotUnfinished()));
    if (j.machine.isEmpty() && j.operation != QLatin1String(rollBackOperation))
        return invalid(mi18nc("%1 a job id",
                             "Job %1 was journaled by an older Plexus, without the machine it was planned for, so its plan "
                             "cannot be made again. Finish or undo it by hand (plexusctl journal shows its steps), then drop it.",
                             job));
    if (Status s = rebuild(j, directory, out); !s)
        return s;
    if (out->plan.descriptions() != j.steps || out->plan.previews() != j.commands)
        return invalid(mi18nc("%1 a job id",
                             "The plan of job %1 comes out differently from its journal (this Plexus makes it in other steps), so "
                             "it is not taken up. Finish or undo it by hand (plexusctl journal shows its steps), then drop it.",
                             job));
    return {};
}

Status checkSameDevices(const UnfinishedPlan &u, const Snapshot &now)
{
    for (const QString &name : recordedKernelNames(u.answers)) {
        const QString then = identityOf(*u.then, name);
        const QString nowIs = identityOf(now, name);
        // Gone (a failed disk unplugged) is for the steps to judge; another device under the name is not.
        if (then.isEmpty() || nowIs.isEmpty() || then == nowIs)
            continue;
        const QString moved = nameWithIdentity(now, then);
        if (moved.isEmpty())
            return Status::failure(ErrorCode::NotFound,
                                   mi18nc("%1 a kernel device name, %2 a job id, %3 and %4 device identities",
                                         "/dev/%1 is not the device job %2 was planned for: then it was %3, now it is %4. "
                                         "Devices can be renamed when they are plugged or found in another order. Nothing was run. "
                                         "Drop the job and plan again from what the machine shows now.",
                                         name, u.journal.job, then, nowIs));
        return Status::failure(ErrorCode::NotFound,
                               mi18nc("%1 a kernel device name, %2 a job id, %3 and %4 device identities, %5 the kernel name the device "
                                     "identified by %3 has now",
                                     "/dev/%1 is not the device job %2 was planned for: then it was %3, now it is %4 (%3 is now /dev/%5). "
                                     "Devices can be renamed when they are plugged or found in another order. Nothing was run. "
                                     "Drop the job and plan again from what the machine shows now.",
                                     name, u.journal.job, then, nowIs, moved));
    }
    return {};
}

Plan resumePlan(const UnfinishedPlan &u)
{
    Plan p = u.plan;
    const QList<StepState> &states = u.journal.states;
    const int from = u.journal.firstNotDone();
    p.startAt = from;
    p.carried = u.journal.data;
    p.exclusive.clear(); // held until the first step only; the first step is long past
    if (from < p.steps.size() && states[from] != StepState::NotRun && p.steps[from].check)
        p.steps[from] = unlessDone(p.steps[from], from);
    p.summary = i18nc("%1 a job id, %2 a step number, %3 the number of steps, %4 the job's summary", "Resume job %1 from step %2 of %3: %4",
                      u.journal.job, QString::number(from + 1), QString::number(p.steps.size()), u.plan.summary);
    return p;
}

Status rollBackPlan(const UnfinishedPlan &u, const QString &by, const QString &directory, Plan *out)
{
    const QString job = u.journal.job;
    const QList<StepState> &states = u.journal.states;
    Plan p;
    p.operation = QLatin1String(rollBackOperation);
    p.keptFrom = job;
    p.summary = i18nc("%1 a job id, %2 its summary", "Roll back job %1: %2", job, u.plan.summary);
    QList<Step> undo;
    for (int i = int(states.size()) - 1; i >= 0; --i) {
        if (states[i] == StepState::NotRun)
            continue;
        const Step &step = u.plan.steps[i];
        const bool done = states[i] == StepState::Done;
        if (!step.undo) {
            if (done || !step.check)
                return invalid(done ? mi18nc("%1 a job id, %2 a step number, %3 the step's description, %4 why it cannot be undone "
                                            "(kept in English: 'cannot be undone: ...')",
                                            "Job %1 cannot be rolled back: step %2 (%3) was done and %4. Resume it instead, or drop it and "
                                            "put things right by hand.",
                                            job, QString::number(i + 1), step.description, step.undoWords())
                                    : mi18nc("%1 a job id, %2 a step number, %3 the step's description, %4 why it cannot be undone "
                                            "(kept in English: 'cannot be undone: ...')",
                                            "Job %1 cannot be rolled back: step %2 (%3) may have taken effect and %4. Resume it instead, or "
                                            "drop it and put things right by hand.",
                                            job, QString::number(i + 1), step.description, step.undoWords()));
            // It was running when the plan stopped: undoable only if it had not taken effect.
            Step notDone;
            notDone.description = i18nc("a plan's step; %1 a step number, %2 its description",
                                        "Check that step %1 (%2) did not take effect: it cannot be undone", QString::number(i + 1),
                                        step.description);
            const auto check = step.check;
            const int n = i + 1;
            notDone.action = [check, n](StepContext &) {
                return check().ok() ? Status::failure(ErrorCode::Invalid, mi18nc("%1 a step number", "Step %1 took effect, and it cannot be undone.", QString::number(n))) : Status();
            };
            p.steps.prepend(notDone.changesNothing());
            continue;
        }
        for (Step s : step.undo()) {
            if (!done && step.check) {
                // Undo only what took effect.
                const Step original = s;
                const auto tookEffect = step.check;
                const int n = i + 1;
                s.precondition = {};
                s.check = {};
                s.action = [original, tookEffect, n](StepContext &ctx) {
                    if (!tookEffect().ok()) {
                        ctx.log(QStringLiteral("step %1 had not taken effect: nothing to undo").arg(n));
                        return Status();
                    }
                    Status st = original.precondition ? original.precondition() : Status();
                    if (st)
                        st = original.action ? original.action(ctx) : Status();
                    if (st && original.check)
                        st = original.check();
                    return st;
                };
            }
            undo << s;
        }
    }
    const QString dir = directory;
    p.steps << journalStep(i18nc("a plan's step; %1 a job id", "Write in job %1's journal that this job is rolling it back", job),
                           [job, by, dir] { return Journal::markRollingBack(job, by, dir); });
    p.steps << undo;
    p.steps << journalStep(i18nc("a plan's step; %1 a job id", "Write in job %1's journal that it was rolled back", job),
                           [job, by, dir] { return Journal::markRolledBack(job, by, dir); });
    *out = p;
    return {};
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "unfinished.h"

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
        return invalid(QStringLiteral("The plan of job %1 cannot be made again from its journal: %2").arg(j.job, s.message()));
    if (system.missedAny())
        return invalid(QStringLiteral("The plan of job %1 cannot be made again from its journal: it would need to ask the machine "
                                      "things the journal did not record.").arg(j.job));
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
        return invalid(QStringLiteral("Job %1 (%2) is not unfinished: %3.").arg(job, j.summary, j.whyNotUnfinished()));
    if (j.machine.isEmpty() && j.operation != QLatin1String(rollBackOperation))
        return invalid(QStringLiteral("Job %1 was journaled by an older Plexus, without the machine it was planned for, so its plan "
                                      "cannot be made again. Finish or undo it by hand (plexusctl journal shows its steps), then drop it.").arg(job));
    if (Status s = rebuild(j, directory, out); !s)
        return s;
    if (out->plan.descriptions() != j.steps || out->plan.previews() != j.commands)
        return invalid(QStringLiteral("The plan of job %1 comes out differently from its journal (this Plexus makes it in other steps), so "
                                      "it is not taken up. Finish or undo it by hand (plexusctl journal shows its steps), then drop it.").arg(job));
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
        return Status::failure(ErrorCode::NotFound,
                               QStringLiteral("/dev/%1 is not the device job %2 was planned for: then it was %3, now it is %4%5. "
                                              "Devices can be renamed when they are plugged or found in another order. Nothing was run. "
                                              "Drop the job and plan again from what the machine shows now.")
                                   .arg(name, u.journal.job, then, nowIs,
                                        moved.isEmpty() ? QString() : QStringLiteral(" (%1 is now /dev/%2)").arg(then, moved)));
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
    p.summary = QStringLiteral("Resume job %1 from step %2 of %3: %4").arg(u.journal.job).arg(from + 1).arg(p.steps.size()).arg(u.plan.summary);
    return p;
}

Status rollBackPlan(const UnfinishedPlan &u, const QString &by, const QString &directory, Plan *out)
{
    const QString job = u.journal.job;
    const QList<StepState> &states = u.journal.states;
    Plan p;
    p.operation = QLatin1String(rollBackOperation);
    p.keptFrom = job;
    p.summary = QStringLiteral("Roll back job %1: %2").arg(job, u.plan.summary);
    QList<Step> undo;
    for (int i = int(states.size()) - 1; i >= 0; --i) {
        if (states[i] == StepState::NotRun)
            continue;
        const Step &step = u.plan.steps[i];
        const bool done = states[i] == StepState::Done;
        if (!step.undo) {
            if (done || !step.check)
                return invalid(QStringLiteral("Job %1 cannot be rolled back: step %2 (%3) %4 and %5. Resume it instead, or drop it and "
                                              "put things right by hand.")
                                   .arg(job).arg(i + 1).arg(step.description, done ? QStringLiteral("was done") : QStringLiteral("may have taken effect"),
                                                            step.undoWords()));
            // It was running when the plan stopped: undoable only if it had not taken effect.
            Step notDone;
            notDone.description = QStringLiteral("Check that step %1 (%2) did not take effect: it cannot be undone").arg(i + 1).arg(step.description);
            const auto check = step.check;
            const int n = i + 1;
            notDone.action = [check, n](StepContext &) {
                return check().ok() ? Status::failure(ErrorCode::Invalid, QStringLiteral("Step %1 took effect, and it cannot be undone.").arg(n)) : Status();
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
    p.steps << journalStep(QStringLiteral("Write in job %1's journal that this job is rolling it back").arg(job),
                           [job, by, dir] { return Journal::markRollingBack(job, by, dir); });
    p.steps << undo;
    p.steps << journalStep(QStringLiteral("Write in job %1's journal that it was rolled back").arg(job),
                           [job, by, dir] { return Journal::markRolledBack(job, by, dir); });
    *out = p;
    return {};
}

} // namespace plexus

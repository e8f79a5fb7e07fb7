// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// One authorized request's way to the reply, without D-Bus (polkit is asked
// before, asynchronously: engine/authorization.h): take one job slot (a second
// caller meanwhile is told Busy), look at the machine now, validate and plan,
// claim the devices O_EXCL, journal the plan with what it was made from (the
// snapshot, the machine's answers, the stamp: engine/unfinished.h), run it. plexus-helper wraps this
// in its D-Bus methods; the unit tests drive it directly.

#include "executor.h"
#include "journal.h"
#include "plan.h"
#include "status.h"
#include "systemview.h"

#include "model/snapshot.h"

#include <QJsonObject>
#include <QMutex>
#include <QStringList>
#include <functional>

namespace plexus {

class Engine;

// A job as the runner sees it: what was authorized, what to journal, and how to
// turn the machine's state into a plan (ops: AnyRequest::prepare).
struct Job {
    QString id;            // "20261203-183301-123-beef"
    QString operation;     // "CreateArray"
    Caller caller;         // bus name, uid and pid (journaled)
    QString tag;           // the caller's mark, echoed in JobStarted
    QStringList actions;   // polkit actions, all required (asked before the runner runs it)
    QJsonObject request;   // for the journal
    std::function<Status(const Engine &, Plan *)> prepare;
    bool resumes = false;  // continues the journal of job `id` (engine/unfinished.h) instead of starting one
};

// Told what happens, in order, from the runner's thread.
class JobObserver : public ExecutionObserver
{
public:
    virtual void jobStarted(const Job &job, const Plan &plan) { Q_UNUSED(job); Q_UNUSED(plan); }
};

class JobRunner
{
public:
    using SnapshotSource = std::function<SnapshotPtr()>;
    JobRunner(SnapshotSource snapshotNow, const SystemView &system, QString journalDirectory = Journal::defaultDirectory());

    struct Result {
        Status status;
        bool ran = false;      // the plan started: refusals have ran == false and changed nothing
        QStringList timings;   // "polkit 3 ms", "snapshot 40 ms", ... for the log
    };
    // Runs the authorized job to its end (any thread). Refused before anything
    // runs: another job running (Busy), invalid for the machine now.
    Result run(const Job &job, JobObserver *observer);
    // "JOB, OPERATION" while a job runs; empty otherwise.
    QString running() const;
    // The id of the job that runs now, or "".
    QString runningJob() const;

private:
    SnapshotSource m_snapshotNow;
    const SystemView &m_system;
    QString m_journalDirectory;
    QMutex m_execution;         // one plan at a time
    mutable QMutex m_runningLock;
    QString m_runningJob;
    QString m_runningOperation;
};

} // namespace plexus

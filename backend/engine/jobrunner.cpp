// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "jobrunner.h"

#include "engine.h"
#include "recordedsystem.h"
#include "unfinished.h"

#include <KLocalizedString>

#include <QElapsedTimer>

namespace plexus {

JobRunner::JobRunner(SnapshotSource snapshotNow, const SystemView &system, QString journalDirectory)
    : m_snapshotNow(std::move(snapshotNow)), m_system(system), m_journalDirectory(std::move(journalDirectory))
{
}

QString JobRunner::running() const
{
    QMutexLocker lock(&m_runningLock);
    return m_runningJob.isEmpty() ? QString() : QStringLiteral("%1, %2").arg(m_runningJob, m_runningOperation);
}

QString JobRunner::runningJob() const
{
    QMutexLocker lock(&m_runningLock);
    return m_runningJob;
}

JobRunner::Result JobRunner::run(const Job &job, JobObserver *observer)
{
    Result result;
    QElapsedTimer clock;
    clock.start();
    auto lap = [&](const char *what) { result.timings << QStringLiteral("%1 %2 ms").arg(QLatin1String(what)).arg(clock.restart()); };

    if (!m_execution.tryLock()) {
        result.status = Status::failure(ErrorCode::Busy, mi18nc("%1 the running job: its id and operation", "Another Plexus job is running (%1). Wait until it has finished, then try again.", running()));
        return result;
    }
    {
        QMutexLocker lock(&m_runningLock);
        m_runningJob = job.id;
        m_runningOperation = job.operation;
    }
    const RecordingSystem system(m_system);
    Engine engine(m_snapshotNow(), system);
    engine.setStamp(engine.stamp());
    lap("snapshot");
    Plan plan;
    result.status = job.prepare(engine, &plan);
    lap("validation");
    ExclusiveClaims claims;
    if (result.status)
        result.status = claims.claimAll(plan.exclusive);
    Journal journal(m_journalDirectory);
    journal.readKeptFrom(plan.keptFrom);
    if (result.status && job.resumes) {
        result.status = journal.resume(job.id, job.caller);
    } else if (result.status) {
        result.status = journal.begin(job.id, plan, job.caller, job.request, recordMachine(engine.snapshot(), system, engine.stamp()));
    }
    if (result.status) {
        result.ran = true;
        if (observer)
            observer->jobStarted(job, plan);
        result.status = execute(plan, &journal, &claims, observer, &m_system);
        lap("execution");
        Journal::prune(200, m_journalDirectory);
    }
    {
        QMutexLocker lock(&m_runningLock);
        m_runningJob.clear();
        m_runningOperation.clear();
    }
    m_execution.unlock();
    return result;
}

} // namespace plexus

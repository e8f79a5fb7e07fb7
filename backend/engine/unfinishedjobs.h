// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The jobs that take up an unfinished one (engine/unfinished.h), for the job
// runner: resuming it under its own id and journal, or rolling it back as a new
// job. Each is authorized on what the unfinished plan's request needed (a roll
// back may also erase: it stops arrays and restores partition tables), then
// validated when it runs against the machine as it is then.

#include "jobrunner.h"

#include <functional>
#include <memory>

namespace plexus {

Job resumeJob(const QString &job, const Caller &caller, const QString &directory = Journal::defaultDirectory());
Job rollBackJob(const QString &job, const QString &newId, const Caller &caller, const QString &directory = Journal::defaultDirectory());

// Resumes, one after the other, the jobs that waited for a restart that has
// now happened (engine/restart.h); plexus-helper calls it when it starts.
// observe(job) reports a job's progress (it may give null); ended() hears of
// each as soon as it has ended.
struct PickedUp {
    QString job;
    JobRunner::Result result;
};
using ObserverFor = std::function<std::unique_ptr<JobObserver>(const QString &job)>;
void pickUpAfterRestart(JobRunner &runner, const ObserverFor &observe, const std::function<void(const PickedUp &)> &ended,
                        const QString &directory = Journal::defaultDirectory());

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "restart.h"

#include <KLocalizedString>

#include <QFile>

namespace plexus {

namespace {

const QString unknownBoot = QStringLiteral("unknown");

} // namespace

QString currentBootId()
{
    QFile f(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    const QString id = f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).trimmed() : QString();
    return id.isEmpty() ? unknownBoot : id;
}

Step restartStep(const QString &why)
{
    Step s;
    s.description = i18nc("a plan's step; %1 what the restart is for, e.g. 'from the new disk /dev/sdb, to check that it starts'",
                          "Restart the computer %1 (you do it, when you are ready: Plexus never restarts it by itself; "
                          "the steps after this one run once it has started again)",
                          why);
    s.command = {QStringLiteral("systemctl"), QStringLiteral("reboot")};
    s.commandNote = QStringLiteral("# by you");
    s.waitsForRestart = true;
    s.action = [](StepContext &ctx) {
        ctx.log(QStringLiteral("waiting for the computer to restart (this boot: %1)").arg(currentBootId()));
        return Status();
    };
    return s.changesNothing();
}

QStringList jobsToPickUp(const QList<JournalSummary> &unfinished, const QString &bootId)
{
    QStringList jobs;
    for (const JournalSummary &j : unfinished)
        if (j.unfinished() && j.waitsForRestart() && j.waitingBoot != bootId && j.waitingBoot != unknownBoot && bootId != unknownBoot)
            jobs << j.job;
    return jobs;
}

Status checkRestarted(const JournalSummary &job, const QString &bootId)
{
    if (!job.waitsForRestart() || job.waitingBoot != bootId || bootId == unknownBoot)
        return {};
    return Status::failure(ErrorCode::Busy, mi18nc("%1 a job id, %2 a sentence saying when the job goes on",
                                                  "Job %1 waits for a restart. %2 To give it up instead, roll it back or drop it.", job.job,
                                                  restartWords(job)));
}

QString restartWords(const JournalSummary &job)
{
    const int next = job.firstNotDone();
    return restartWords(next, int(job.steps.size()), job.steps.value(next));
}

QString restartWords(int next, int total, const QString &nextDescription)
{
    return i18nc("%1 a step number, %2 the number of steps, %3 the step's description",
                 "Restart the computer when you are ready: after it starts again, Plexus goes on by itself with step %1 of %2 (%3).",
                 QString::number(next + 1), QString::number(total), nextDescription);
}

} // namespace plexus

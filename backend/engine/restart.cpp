// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "restart.h"

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
    s.description = QStringLiteral("Restart the computer %1 (you do it, when you are ready: Plexus never restarts it by itself; "
                                   "the steps after this one run once it has started again)").arg(why);
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
    return Status::failure(ErrorCode::Busy, QStringLiteral("Job %1 waits for a restart. %2 To give it up instead, roll it back or drop it.")
                                                .arg(job.job, restartWords(job)));
}

QString restartWords(const JournalSummary &job)
{
    const int next = job.firstNotDone();
    return restartWords(next, int(job.steps.size()), job.steps.value(next));
}

QString restartWords(int next, int total, const QString &nextDescription)
{
    return QStringLiteral("Restart the computer when you are ready: after it starts again, Plexus goes on by itself with step %1 of %2 (%3).")
        .arg(next + 1).arg(total).arg(nextDescription);
}

} // namespace plexus

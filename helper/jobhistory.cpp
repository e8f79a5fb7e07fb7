// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "jobhistory.h"

#include "engine/ops/field.h"
#include "monitor/journalentry.h"

#include <QDateTime>
#include <QJsonValue>

#include <pwd.h>
#include <unistd.h>

namespace plexus {

namespace {

// The account's name as the password database has it (a number from the bus,
// never a path), else "uid N".
QString userName(qint64 uid)
{
    passwd entry{};
    passwd *found = nullptr;
    char buffer[1024];
    if (uid >= 0 && getpwuid_r(uid_t(uid), &entry, buffer, sizeof buffer, &found) == 0 && found)
        return QString::fromLocal8Bit(found->pw_name);
    return QStringLiteral("uid %1").arg(uid);
}

} // namespace

void journalJob(const Job &job, const QString &summary, const Status &status)
{
    Event e{status ? EventKind::JobDone : EventKind::JobFailed, {}, {}, {}, {}, {}, QDateTime::currentDateTimeUtc(), {}, {}, {}};
    // The array it was about, where the request names one ("/dev/md1").
    e.array = deviceName(job.request.value(QStringLiteral("array")).toString());
    e.job = summary.endsWith(QLatin1Char('.')) ? summary.chopped(1) : summary;
    if (!status)
        e.job += QStringLiteral(" (%1)").arg(status.message());
    e.user = userName(job.caller.uid);
    QList<JournalField> fields = journalFields(e);
    fields.append({"PLEXUS_JOB_ID", job.id.toUtf8()});
    fields.append({"PLEXUS_OPERATION", job.operation.toUtf8()});
    writeJournalEntry(fields); // without journald, nothing to keep it in: not an error
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "backuprecord.h"

#include "journal.h"
#include "model/describe.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <KLocalizedString>
#include <algorithm>

namespace plexus {

QJsonObject BackupRecord::toJson() const
{
    return {{QStringLiteral("array_uuid"), arrayUuid},
            {QStringLiteral("array"), array},
            {QStringLiteral("device_uuid"), deviceUuid},
            {QStringLiteral("device"), device},
            {QStringLiteral("size_bytes"), sizeBytes},
            {QStringLiteral("events"), events},
            {QStringLiteral("content_stamp"), contentStamp},
            {QStringLiteral("cut_at"), cutAt.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("copied_bytes"), copiedBytes},
            {QStringLiteral("incremental"), incremental},
            {QStringLiteral("job"), job}};
}

std::optional<BackupRecord> BackupRecord::fromJson(const QJsonObject &o)
{
    BackupRecord r;
    r.arrayUuid = o.value(QStringLiteral("array_uuid")).toString();
    r.array = o.value(QStringLiteral("array")).toString();
    r.deviceUuid = o.value(QStringLiteral("device_uuid")).toString();
    r.device = o.value(QStringLiteral("device")).toString();
    r.sizeBytes = o.value(QStringLiteral("size_bytes")).toInteger();
    r.events = o.value(QStringLiteral("events")).toInteger(-1);
    r.contentStamp = o.value(QStringLiteral("content_stamp")).toString();
    r.cutAt = QDateTime::fromString(o.value(QStringLiteral("cut_at")).toString(), Qt::ISODate);
    r.copiedBytes = o.value(QStringLiteral("copied_bytes")).toInteger();
    r.incremental = o.value(QStringLiteral("incremental")).toBool();
    r.job = o.value(QStringLiteral("job")).toString();
    if (r.arrayUuid.isEmpty() || r.deviceUuid.isEmpty() || r.events < 0 || !r.cutAt.isValid())
        return std::nullopt;
    return r;
}

QString BackupRecord::words() const
{
    const QString when = cutAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    if (incremental)
        return i18nc("a backup; %1 an array, %2 a date and time, %3 md's event count, %4 and %5 sizes",
                     "a copy of %1 as of %2 (event %3): %4 copied of %5, only what had changed", array, when, QString::number(events),
                     humanSize(copiedBytes), humanSize(sizeBytes));
    return i18nc("a backup; %1 an array, %2 a date and time, %3 md's event count, %4 and %5 sizes",
                 "a copy of %1 as of %2 (event %3): %4 copied of %5, all of it", array, when, QString::number(events), humanSize(copiedBytes),
                 humanSize(sizeBytes));
}

QString backupRecordDirectory(const QString &journalDirectory)
{
    return journalDirectory + QStringLiteral("/backups");
}

QString backupRecordFileName(const QString &deviceUuid)
{
    QString name = deviceUuid;
    name.replace(QLatin1Char(':'), QLatin1Char('-'));
    return name + QStringLiteral(".json");
}

Status writeBackupRecord(const BackupRecord &record, const QString &directory)
{
    return Journal::writePrivateFile(directory, backupRecordFileName(record.deviceUuid), QJsonDocument(record.toJson()).toJson());
}

void removeBackupRecord(const QString &deviceUuid, const QString &directory)
{
    QFile::remove(directory + QLatin1Char('/') + backupRecordFileName(deviceUuid));
}

QList<BackupRecord> readBackupRecords(const QString &directory)
{
    QList<BackupRecord> result;
    const QStringList files = QDir(directory).entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &file : files) {
        QByteArray bytes;
        if (!Journal::readPrivateFile(directory, file, &bytes))
            continue;
        if (auto r = BackupRecord::fromJson(QJsonDocument::fromJson(bytes).object()))
            result << *r;
    }
    std::sort(result.begin(), result.end(), [](const BackupRecord &a, const BackupRecord &b) { return a.cutAt > b.cutAt; });
    return result;
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "plannedfailures.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <sys/stat.h>

namespace plexus {

namespace {

constexpr qint64 validSeconds = 600;

QString directory(const QString &root)
{
    return QDir::cleanPath(root + QStringLiteral("/run/plexus/planned"));
}

QString fileOf(const QString &md, const QString &member, const QString &root)
{
    return directory(root) + QLatin1Char('/') + md + QLatin1Char('.') + member;
}

} // namespace

void announcePlannedFailure(const QString &md, const QString &member, const QString &why, const QString &root)
{
    // Readable by every user (the monitor runs in their sessions); written by root only.
    const QString dir = directory(root);
    QDir().mkpath(dir);
    ::chmod(QFile::encodeName(dir).constData(), 0755);
    QSaveFile f(fileOf(md, member, root));
    if (!f.open(QIODevice::WriteOnly))
        return; // the alarm sounds as for any failure: nothing is lost
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("why"), why}, {QStringLiteral("at"), QDateTime::currentSecsSinceEpoch()}}).toJson());
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    f.commit();
}

QString plannedFailure(const QString &md, const QString &member, const QString &root)
{
    QFile f(fileOf(md, member, root));
    if (md.contains(QLatin1Char('/')) || member.contains(QLatin1Char('/')) || !f.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject o = QJsonDocument::fromJson(f.read(4096)).object();
    const qint64 age = QDateTime::currentSecsSinceEpoch() - o.value(QStringLiteral("at")).toInteger();
    return age >= 0 && age <= validSeconds ? o.value(QStringLiteral("why")).toString() : QString();
}

void markPlanned(QList<Event> *events, const QString &root)
{
    QSet<QString> unplanned; // arrays with a member failing that nobody planned
    for (Event &e : *events) {
        if (e.kind != EventKind::MemberFailed)
            continue;
        e.planned = plannedFailure(e.array, e.device, root);
        if (e.planned.isEmpty())
            unplanned.insert(e.array);
    }
    for (Event &e : *events) {
        if (e.kind != EventKind::ArrayDegraded || unplanned.contains(e.array))
            continue;
        for (const Event &f : *events)
            if (f.kind == EventKind::MemberFailed && f.array == e.array && !f.planned.isEmpty())
                e.planned = f.planned;
    }
}

} // namespace plexus

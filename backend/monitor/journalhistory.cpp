// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "journalhistory.h"
#include "journalentry.h"

#include <KLocalizedString>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

namespace plexus {

QStringList journalctlArguments(const HistoryQuery &query)
{
    // Not --quiet: journalctl's hint that the reader sees only part of the
    // journal (not in adm or systemd-journal) is worth passing on.
    QStringList args{QStringLiteral("--no-pager"), QStringLiteral("--output=json"),
                     QStringLiteral("--lines=%1").arg(query.newest), QStringLiteral("SYSLOG_IDENTIFIER=plexus")};
    if (!query.since.isEmpty())
        args << QStringLiteral("--since=") + query.since;
    // Matches on different fields are ANDed; the values come as separate words,
    // so nothing in them is read as an option.
    if (!query.array.isEmpty())
        args << QStringLiteral("PLEXUS_ARRAY=") + query.array;
    if (!query.device.isEmpty())
        args << QStringLiteral("PLEXUS_DEVICE=") + query.device;
    return args;
}

bool isPlainDeviceName(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._:/-]*$"));
    return plain.match(name).hasMatch();
}

QList<Event> parseJournalHistory(const QByteArray &output, QString *error)
{
    QList<Event> events;
    error->clear();
    int number = 0;
    for (const QByteArray &line : output.split('\n')) {
        ++number;
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonObject o = QJsonDocument::fromJson(line, &parseError).object();
        if (parseError.error != QJsonParseError::NoError) {
            *error = i18nc("@info %1 a line number, %2 why (Qt's words)", "journalctl's output, line %1, is not JSON: %2", number, parseError.errorString());
            return {};
        }
        // journalctl gives fields that are not valid UTF-8 as arrays of bytes:
        // no field Plexus writes is such, so those entries are not ours.
        const auto text = [&o](const char *name) { return o.value(QLatin1String(name)).toString(); };
        const std::optional<EventKind> kind = eventKindFromString(text("PLEXUS_EVENT"));
        if (!kind || text("MESSAGE_ID").toLatin1() != journalMessageId(*kind))
            continue;
        Event e{*kind, text("PLEXUS_ARRAY"), text("PLEXUS_DEVICE"), {}, {}, {}, {}, text("PLEXUS_PLANNED"), text("PLEXUS_JOB"), text("PLEXUS_USER"), text("PLEXUS_HEALTH")};
        if (const QString action = text("PLEXUS_ACTION"); !action.isEmpty())
            e.action = syncActionFromKernelWord(action);
        bool ok = false;
        if (const qint64 n = text("PLEXUS_MISMATCHES").toLongLong(&ok); ok)
            e.mismatches = n;
        const qint64 usec = text("__REALTIME_TIMESTAMP").toLongLong(&ok);
        e.time = ok ? QDateTime::fromMSecsSinceEpoch(usec / 1000, QTimeZone::UTC) : QDateTime();
        events << e;
    }
    return events;
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mdadmalerts.h"

#include <QRegularExpression>

#include <algorithm>

namespace plexus {

namespace {

// mdadm matches a keyword by any prefix of three letters or more.
bool isKeyword(const QString &word, QLatin1StringView keyword)
{
    return word.size() >= 3 && keyword.startsWith(word, Qt::CaseInsensitive);
}

struct Line {
    int number;
    QStringList words;
};

// Comments gone, continuation lines joined to the line they continue.
QList<Line> logicalLines(const QString &text)
{
    QList<Line> lines;
    const QStringList physical = text.split(QLatin1Char('\n'));
    for (int i = 0; i < physical.size(); ++i) {
        QString line = physical.at(i);
        if (const qsizetype hash = line.indexOf(QLatin1Char('#')); hash >= 0)
            line.truncate(hash);
        const QStringList words = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        if (line.at(0).isSpace() && !lines.isEmpty())
            lines.last().words += words;
        else
            lines.append({i + 1, words});
    }
    return lines;
}

} // namespace

bool isPlainMailAddress(const QString &address)
{
    // Commas stay: "root,admin" is a list sendmail -t delivers to both, as
    // existing mdadm setups use it (mdadm itself takes one word).
    return !address.isEmpty() && std::none_of(address.begin(), address.end(), [](QChar c) {
        return c.isSpace() || c.category() == QChar::Other_Control || c == QLatin1Char('<') || c == QLatin1Char('>')
            || c == QLatin1Char('"');
    });
}

MdadmAlerts parseMdadmAlerts(const QString &text, QString *error)
{
    MdadmAlerts alerts;
    error->clear();
    for (const Line &line : logicalLines(text)) {
        const QString keyword = line.words.first();
        const QStringList values = line.words.mid(1);
        const auto complain = [&](const QString &what) {
            *error = QStringLiteral("line %1: %2").arg(line.number).arg(what);
        };
        if (isKeyword(keyword, QLatin1StringView("MAILADDR"))) {
            if (values.isEmpty())
                return complain(QStringLiteral("MAILADDR names no address")), MdadmAlerts{};
            for (const QString &address : values) {
                if (!isPlainMailAddress(address))
                    return complain(QStringLiteral("'%1' is not a mail address").arg(address)), MdadmAlerts{};
            }
            alerts.mailTo += values;
        } else if (isKeyword(keyword, QLatin1StringView("MAILFROM"))) {
            if (values.isEmpty())
                return complain(QStringLiteral("MAILFROM names no sender")), MdadmAlerts{};
            const QString from = values.join(QLatin1Char(' '));
            if (std::any_of(from.begin(), from.end(), [](QChar c) { return c.category() == QChar::Other_Control; }))
                return complain(QStringLiteral("MAILFROM holds control characters")), MdadmAlerts{};
            alerts.mailFrom = from;
        } else if (isKeyword(keyword, QLatin1StringView("PROGRAM"))) {
            if (values.isEmpty())
                return complain(QStringLiteral("PROGRAM names no program")), MdadmAlerts{};
            alerts.program = values.first();
        }
    }
    return alerts;
}

QString mdadmEventName(const Event &e)
{
    switch (e.kind) {
    case EventKind::MemberFailed: return QStringLiteral("Fail");
    case EventKind::ArrayDegraded: return QStringLiteral("DegradedArray");
    case EventKind::SpareActivated: return QStringLiteral("SpareActive");
    // mdadm's "rebuild" covers every sync action: resync, recovery, reshape, check, repair.
    case EventKind::SyncStarted: return QStringLiteral("RebuildStarted");
    case EventKind::SyncFinished: return QStringLiteral("RebuildFinished");
    case EventKind::ArrayStarted: return QStringLiteral("NewArray");
    case EventKind::ArrayStopped: return QStringLiteral("DeviceDisappeared");
    default: return {};
    }
}

} // namespace plexus

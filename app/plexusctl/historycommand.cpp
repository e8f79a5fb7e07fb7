// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "historycommand.h"
#include "commandoptions.h"

#include "engine/ops/field.h"
#include "monitor/journalhistory.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTextStream>

namespace plexus {

int runHistoryCommand(const QStringList &args)
{
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The storage events the system journal kept, oldest first: what\n"
        "plexus-monitor.service (plexusctl monitor --journal) saw. Reading all of it\n"
        "takes root or membership of adm or systemd-journal."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("history"), QStringLiteral("Show past storage events."));
    const QCommandLineOption array(QStringLiteral("array"), QStringLiteral("Only the events of array NAME (md0)."), QStringLiteral("NAME"));
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("Only the events about member or disk NAME (sdb)."), QStringLiteral("NAME"));
    const QCommandLineOption since(QStringLiteral("since"), QStringLiteral("Only events since WHEN, as journalctl reads it (2026-12-01, yesterday, -2h)."), QStringLiteral("WHEN"));
    const QCommandLineOption lines(QStringLiteral("lines"), QStringLiteral("At most N events, the newest (default 1000)."), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("One JSON object per line, as plexusctl monitor --json prints them."));
    parser.addOptions({array, device, since, lines, json});
    if (const std::optional<int> done = parseCommandOptions(parser, args))
        return *done;

    HistoryQuery query;
    query.array = deviceName(parser.value(array));
    query.device = deviceName(parser.value(device));
    query.since = parser.value(since);
    for (const QString &name : {query.array, query.device}) {
        if (!name.isEmpty() && !isPlainDeviceName(name)) {
            err << "plexusctl: '" << name << "' is not an array or device name like md0 or sdb\n";
            return 2;
        }
    }
    bool ok = false;
    query.newest = parser.value(lines).toInt(&ok);
    if (!ok || query.newest < 1) {
        err << "plexusctl: --lines takes a number of events, 1 or more, not '" << parser.value(lines) << "'\n";
        return 2;
    }

    QProcess journalctl;
    journalctl.start(QStringLiteral("journalctl"), journalctlArguments(query));
    if (!journalctl.waitForStarted()) {
        err << "plexusctl: cannot run journalctl (" << journalctl.errorString() << "): the history lives in the systemd journal\n";
        return 1;
    }
    journalctl.waitForFinished(-1);
    const QByteArray output = journalctl.readAllStandardOutput();
    const QString complaints = QString::fromLocal8Bit(journalctl.readAllStandardError()).trimmed();
    if (journalctl.exitStatus() != QProcess::NormalExit || journalctl.exitCode() != 0) {
        err << "plexusctl: journalctl failed" << (complaints.isEmpty() ? QString() : QStringLiteral(": ") + complaints) << "\n";
        return 1;
    }
    if (!complaints.isEmpty())
        err << complaints << "\n";  // such as: only your own journal is readable
    QString error;
    const QList<Event> events = parseJournalHistory(output, &error);
    if (!error.isEmpty()) {
        err << "plexusctl: " << error << "\n";
        return 1;
    }
    QTextStream out(stdout);
    for (const Event &e : events) {
        if (parser.isSet(json))
            out << QJsonDocument(eventToJson(e)).toJson(QJsonDocument::Compact) << "\n";
        else
            out << eventLine(e) << "\n";
    }
    if (events.isEmpty() && !parser.isSet(json))
        out << "no storage events in the journal" << (query.array.isEmpty() && query.device.isEmpty() && query.since.isEmpty() ? "" : " that match") << "\n";
    return 0;
}

} // namespace plexus

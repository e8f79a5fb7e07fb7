// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "historycommand.h"
#include "commandoptions.h"

#include "engine/ops/field.h"
#include "monitor/journalhistory.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTextStream>

#include <KLocalizedString>

namespace plexus {

int runHistoryCommand(const QStringList &args)
{
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(i18nc("keep plexus-monitor.service, plexusctl monitor --journal, adm and systemd-journal",
        "The storage events the system journal kept, oldest first: what\n"
        "plexus-monitor.service (plexusctl monitor --journal) saw. Reading all of it\n"
        "takes root or membership of adm or systemd-journal."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("history"), i18nc("plexusctl history", "Show past storage events."));
    const QCommandLineOption array(QStringLiteral("array"), i18nc("keep NAME: the option's placeholder", "Only the events of array NAME (md0)."), QStringLiteral("NAME"));
    const QCommandLineOption device(QStringLiteral("device"), i18nc("keep NAME: the option's placeholder", "Only the events about member or disk NAME (sdb)."), QStringLiteral("NAME"));
    const QCommandLineOption since(QStringLiteral("since"), i18nc("keep WHEN: the option's placeholder; the examples are journalctl's syntax, keep them", "Only events since WHEN, as journalctl reads it (2026-12-01, yesterday, -2h)."), QStringLiteral("WHEN"));
    const QCommandLineOption lines(QStringLiteral("lines"), i18nc("keep N: the option's placeholder", "At most N events, the newest (default 1000)."), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption json(QStringLiteral("json"), i18nc("keep plexusctl monitor --json", "One JSON object per line, as plexusctl monitor --json prints them."));
    parser.addOptions({array, device, since, lines, json});
    if (const std::optional<int> done = parseCommandOptions(parser, args))
        return *done;

    HistoryQuery query;
    query.array = deviceName(parser.value(array));
    query.device = deviceName(parser.value(device));
    query.since = parser.value(since);
    for (const QString &name : {query.array, query.device}) {
        if (!name.isEmpty() && !isPlainDeviceName(name)) {
            err << i18nc("%1 is what was given", "plexusctl: '%1' is not an array or device name like md0 or sdb", name) << "\n";
            return 2;
        }
    }
    bool ok = false;
    query.newest = parser.value(lines).toInt(&ok);
    if (!ok || query.newest < 1) {
        err << i18nc("keep --lines; %1 is what was given", "plexusctl: --lines takes a number of events, 1 or more, not '%1'", parser.value(lines)) << "\n";
        return 2;
    }

    QProcess journalctl;
    journalctl.start(QStringLiteral("journalctl"), journalctlArguments(query));
    if (!journalctl.waitForStarted()) {
        err << i18nc("%1 says why journalctl did not start", "plexusctl: cannot run journalctl (%1): the history lives in the systemd journal",
                     journalctl.errorString())
            << "\n";
        return 1;
    }
    journalctl.waitForFinished(-1);
    const QByteArray output = journalctl.readAllStandardOutput();
    const QString complaints = QString::fromLocal8Bit(journalctl.readAllStandardError()).trimmed();
    if (journalctl.exitStatus() != QProcess::NormalExit || journalctl.exitCode() != 0) {
        err << (complaints.isEmpty() ? i18n("plexusctl: journalctl failed") : i18nc("%1 is what journalctl said", "plexusctl: journalctl failed: %1", complaints))
            << "\n";
        return 1;
    }
    if (!complaints.isEmpty())
        err << complaints << "\n";  // such as: only your own journal is readable
    QString error;
    const QList<Event> events = parseJournalHistory(output, &error);
    if (!error.isEmpty()) {
        err << i18nc("an error message of plexusctl", "plexusctl: %1", error) << "\n";
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
        out << (query.array.isEmpty() && query.device.isEmpty() && query.since.isEmpty() ? i18n("no storage events in the journal")
                                                                                          : i18n("no storage events in the journal that match"))
            << "\n";
    return 0;
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "monitorcommand.h"

#include "monitor/storagemonitor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QProcess>
#include <QTextStream>


namespace plexus {

namespace {

// Like mdadm's PROGRAM: PROGRAM EVENT ARRAY [DEVICE], plus the details in the
// environment. Run detached so a slow hook never delays the next event.
void runHook(const QString &program, const Event &e)
{
    QProcess p;
    p.setProgram(program);
    QStringList args{toString(e.kind), e.array.isEmpty() ? QStringLiteral("-") : e.array};
    if (!e.device.isEmpty())
        args << e.device;
    p.setArguments(args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PLEXUS_EVENT"), toString(e.kind));
    env.insert(QStringLiteral("PLEXUS_ARRAY"), e.array);
    env.insert(QStringLiteral("PLEXUS_DEVICE"), e.device);
    env.insert(QStringLiteral("PLEXUS_SUMMARY"), e.summary());
    env.insert(QStringLiteral("PLEXUS_JSON"), QString::fromUtf8(QJsonDocument(eventToJson(e)).toJson(QJsonDocument::Compact)));
    p.setProcessEnvironment(env);
    if (!p.startDetached())
        QTextStream(stderr) << "plexusctl: could not run " << program << ": " << p.errorString() << "\n";
}

} // namespace

int runMonitorCommand(const QStringList &args)
{
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Print storage events as they happen (member failed, array degraded, rebuild\n"
        "progress and end, check mismatches, disks added and removed), one per line.\n"
        "Event driven: it sleeps while nothing happens."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("monitor"), QStringLiteral("Follow storage events."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("One JSON object per line."));
    const QCommandLineOption exec(QStringLiteral("exec"), QStringLiteral("Run PROGRAM EVENT ARRAY [DEVICE] for each event (details in PLEXUS_* variables)."), QStringLiteral("PROGRAM"));
    const QCommandLineOption noProgress(QStringLiteral("no-progress"), QStringLiteral("Leave out sync progress events."));
    const QCommandLineOption root(QStringLiteral("root"), QStringLiteral("Watch a captured tree under DIR instead of /."), QStringLiteral("DIR"), QStringLiteral("/"));
    parser.addOptions({json, exec, noProgress, root});
    if (!parser.parse(args)) {
        err << "plexusctl: " << parser.errorText() << "\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }

    StorageMonitor monitor(parser.value(root));
    QTextStream out(stdout);
    const bool asJson = parser.isSet(json);
    const bool withProgress = !parser.isSet(noProgress);
    const QString hook = parser.value(exec);
    QObject::connect(&monitor, &StorageMonitor::eventsOccurred, [&](const QList<Event> &events) {
        for (const Event &e : events) {
            if (e.kind == EventKind::SyncProgress && !withProgress)
                continue;
            if (asJson)
                out << QJsonDocument(eventToJson(e)).toJson(QJsonDocument::Compact) << "\n";
            else
                out << e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) << "  " << toString(e.kind) << "  " << e.summary() << "\n";
            out.flush(); // scripts read line by line
            if (!hook.isEmpty())
                runHook(hook, e);
        }
    });
    if (!asJson) {
        out << "watching " << monitor.snapshot()->arrays.size() << " array(s) and " << monitor.snapshot()->disks.size() << " disk(s); Ctrl-C ends\n";
        out.flush();
    }
    return QCoreApplication::exec();
}

} // namespace plexus

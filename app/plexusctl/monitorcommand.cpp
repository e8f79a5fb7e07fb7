// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "monitorcommand.h"
#include "commandoptions.h"
#include "monitoralerts.h"

#include "monitor/journalentry.h"
#include "monitor/mdadmalerts.h"
#include "monitor/storagemonitor.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <KLocalizedString>

namespace plexus {

namespace {

// The first of the files that exists (Debian keeps mdadm.conf in /etc/mdadm,
// Fedora in /etc); its MAILADDR, MAILFROM and PROGRAM fill in what the options
// left out. None existing is fine: there is nothing to keep working.
bool readMdadmConf(const QStringList &paths, MonitorAlerts *alerts, QString *error)
{
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.exists())
            continue;
        if (!file.open(QIODevice::ReadOnly)) {
            *error = i18nc("%1 is a file, %2 why it cannot be read", "cannot read %1: %2", path, file.errorString());
            return false;
        }
        const MdadmAlerts conf = parseMdadmAlerts(QString::fromUtf8(file.readAll()), error);
        if (!error->isEmpty()) {
            *error = i18nc("a file, what is wrong in it (line 2: ...)", "%1, %2", path, *error);
            return false;
        }
        if (alerts->mailTo.isEmpty())
            alerts->mailTo = conf.mailTo;
        if (alerts->mailFrom.isEmpty())
            alerts->mailFrom = conf.mailFrom;
        alerts->mdadmProgram = conf.program;
        return true;
    }
    return true;
}

} // namespace

int runMonitorCommand(const QStringList &args)
{
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(i18nc("keep plexus-monitor.service, --journal and mdadm.conf",
        "Print storage events as they happen (member failed, array degraded, rebuild\n"
        "progress and end, check mismatches, disks added and removed), one per line.\n"
        "Event driven: it sleeps while nothing happens. On a server, the systemd unit\n"
        "plexus-monitor.service runs it with --journal and mdadm.conf's mail settings."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("monitor"), i18nc("plexusctl monitor", "Follow storage events."));
    const QCommandLineOption json(QStringLiteral("json"), i18n("One JSON object per line."));
    const QCommandLineOption exec(QStringLiteral("exec"), i18nc("keep PROGRAM EVENT ARRAY [DEVICE] and PLEXUS_*", "Run PROGRAM EVENT ARRAY [DEVICE] for each event (details in PLEXUS_* variables)."), QStringLiteral("PROGRAM"));
    const QCommandLineOption noProgress(QStringLiteral("no-progress"), i18n("Leave out sync progress events."));
    const QCommandLineOption journal(QStringLiteral("journal"), i18nc("keep the journal field names", "Write each event to the system journal (fields PLEXUS_EVENT, PLEXUS_ARRAY, PLEXUS_DEVICE; a MESSAGE_ID per kind of event)."));
    const QCommandLineOption mail(QStringLiteral("mail"), i18nc("keep ADDRESS: the option's placeholder", "Mail failures, degraded arrays and mismatches to ADDRESS (repeatable), through sendmail."), QStringLiteral("ADDRESS"));
    const QCommandLineOption mailFrom(QStringLiteral("mail-from"), i18nc("plexusctl monitor --mail-from", "The sender of those mails."), QStringLiteral("ADDRESS"));
    const QCommandLineOption mdadmConf(QStringLiteral("mdadm-conf"), i18nc("keep MAILADDR, MAILFROM, PROGRAM (mdadm.conf's words) and mdadm --monitor",
                                                   "Take MAILADDR, MAILFROM and PROGRAM (run as mdadm --monitor runs it) from the first of these files that exists (repeatable)."), QStringLiteral("FILE"));
    const QCommandLineOption root(QStringLiteral("root"), i18nc("keep DIR: the option's placeholder", "Watch a captured tree under DIR instead of /."), QStringLiteral("DIR"), QStringLiteral("/"));
    parser.addOptions({json, exec, noProgress, journal, mail, mailFrom, mdadmConf, root});
    if (const std::optional<int> done = parseCommandOptions(parser, args))
        return *done;

    MonitorAlerts alerts;
    alerts.journal = parser.isSet(journal);
    alerts.mailTo = parser.values(mail);
    alerts.mailFrom = parser.value(mailFrom);
    alerts.exec = parser.value(exec);
    alerts.root = parser.value(root);
    for (const QString &address : alerts.mailTo + QStringList{alerts.mailFrom}) {
        if (!address.isEmpty() && !isPlainMailAddress(address)) {
            err << i18nc("%1 is what was given", "plexusctl: '%1' is not a mail address (one word, like root or admin@example.org)", address) << "\n";
            return 2;
        }
    }
    if (QString error; !readMdadmConf(parser.values(mdadmConf), &alerts, &error)) {
        err << i18nc("an error message of plexusctl", "plexusctl: %1", error) << "\n";
        return 2;
    }
    if (alerts.journal && !QFile::exists(QLatin1String(journalSocket))) {
        err << i18nc("%1 is the journal's socket; keep --journal", "plexusctl: no system journal on this machine (%1 is missing); leave out --journal",
                     QString::fromLatin1(journalSocket))
            << "\n";
        return 2;
    }

    StorageMonitor monitor(alerts.root);
    monitor.watchDriveHealth();
    QTextStream out(stdout);
    const bool asJson = parser.isSet(json);
    const bool withProgress = !parser.isSet(noProgress);
    QObject::connect(&monitor, &StorageMonitor::eventsOccurred, [&](QList<Event> events) {
        if (!withProgress)
            events.removeIf([](const Event &e) { return e.kind == EventKind::SyncProgress; });
        for (const Event &e : events) {
            if (asJson)
                out << QJsonDocument(eventToJson(e)).toJson(QJsonDocument::Compact) << "\n";
            else
                out << eventLine(e) << "\n";
        }
        out.flush(); // scripts read line by line
        alerts.handle(events);
    });
    if (!asJson) {
        const int arrays = int(monitor.snapshot()->arrays.size());
        const int disks = int(monitor.snapshot()->disks.size());
        out << i18nc("%1 is a number of arrays (2 arrays), %2 of disks (3 disks)", "watching %1 and %2; Ctrl-C ends",
                     i18np("%1 array", "%1 arrays", arrays), i18np("%1 disk", "%1 disks", disks))
            << "\n";
        if (const QString where = alerts.describe(); !where.isEmpty())
            out << where << "\n";
        out.flush();
    }
    return QCoreApplication::exec();
}

} // namespace plexus

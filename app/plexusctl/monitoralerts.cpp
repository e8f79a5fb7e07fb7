// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "monitoralerts.h"

#include "monitor/journalentry.h"
#include "monitor/mailalert.h"
#include "monitor/mdadmalerts.h"

#include <algorithm>
#include <iterator>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSysInfo>
#include <QTextStream>

#include "model/describe.h"

#include <KLocalizedString>

namespace plexus {

namespace {

// Detached, so that a slow program never delays the next event.
void runDetached(const QString &program, const QStringList &args, const Event &e)
{
    QProcess p;
    p.setProgram(program);
    p.setArguments(args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PLEXUS_EVENT"), toString(e.kind));
    env.insert(QStringLiteral("PLEXUS_ARRAY"), e.array);
    env.insert(QStringLiteral("PLEXUS_DEVICE"), e.device);
    env.insert(QStringLiteral("PLEXUS_SUMMARY"), e.englishSummary());
    env.insert(QStringLiteral("PLEXUS_JSON"), QString::fromUtf8(QJsonDocument(eventToJson(e)).toJson(QJsonDocument::Compact)));
    p.setProcessEnvironment(env);
    if (!p.startDetached())
        QTextStream(stderr) << i18nc("%1 is a program, %2 why it did not start", "plexusctl: could not run %1: %2", program, p.errorString()) << "\n";
}

// Handed to sendmail without waiting for it; what goes wrong is said on stderr
// (the service's log).
void sendMail(const QByteArray &message)
{
    auto *sendmail = new QProcess(QCoreApplication::instance());
    sendmail->setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(sendmail, &QProcess::errorOccurred, sendmail, [sendmail](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            QTextStream(stderr) << i18nc("%1 is sendmail's path, %2 why it did not start", "plexusctl: no mail sent: cannot run %1 (%2); is a mail system installed?",
                                         QString::fromLatin1(sendmailProgram), sendmail->errorString())
                                << "\n";
            sendmail->deleteLater();
        }
    });
    QObject::connect(sendmail, &QProcess::finished, sendmail, [sendmail](int code, QProcess::ExitStatus status) {
        if (status != QProcess::NormalExit || code != 0)
            QTextStream(stderr) << i18nc("%1 is sendmail's path, %2 its exit status, %3 what it said", "plexusctl: %1 refused the mail (exit %2): %3",
                                         QString::fromLatin1(sendmailProgram), QString::number(code), QString::fromLocal8Bit(sendmail->readAll()).trimmed())
                                << "\n";
        sendmail->deleteLater();
    });
    sendmail->start(QString::fromLatin1(sendmailProgram), {QStringLiteral("-t")});
    sendmail->write(message);
    sendmail->closeWriteChannel();
}

} // namespace

QString MonitorAlerts::describe() const
{
    QStringList parts;
    if (journal)
        parts << i18nc("where alerts go", "the system journal");
    if (!mailTo.isEmpty())
        parts << i18nc("where alerts go: %1 lists mail addresses", "mail to %1", joinedList(mailTo, ki18nc("mail addresses so far; one more", "%1, %2")));
    if (!exec.isEmpty())
        parts << i18nc("where alerts go: a program, run with Plexus's event names", "%1 (Plexus's event names)", exec);
    if (!mdadmProgram.isEmpty())
        parts << i18nc("where alerts go: a program, run with mdadm's event names", "%1 (mdadm's event names)", mdadmProgram);
    return parts.isEmpty() ? QString() : i18nc("%1 lists where alerts go", "alerts go to %1", joinedList(parts, ki18nc("where alerts go, so far; one more", "%1; %2")));
}

void MonitorAlerts::handle(const QList<Event> &events) const
{
    // The mail first: it is what wakes someone, and sendmail starts slowest.
    QList<Event> alerts;
    std::copy_if(events.begin(), events.end(), std::back_inserter(alerts), isAlert);
    if (!mailTo.isEmpty() && !alerts.isEmpty()) {
        QFile mdstat(QDir(root).filePath(QStringLiteral("proc/mdstat")));
        AlertMail mail{mailTo, mailFrom, QSysInfo::machineHostName(), {}};
        if (mdstat.open(QIODevice::ReadOnly))
            mail.mdstat = mdstat.readAll();
        sendMail(alertMessage(alerts, mail));
    }
    for (const Event &e : events) {
        if (journal) {
            if (const QString error = writeJournalEntry(journalFields(e)); !error.isEmpty())
                QTextStream(stderr) << i18nc("an error message of plexusctl", "plexusctl: %1", error) << "\n";
        }
        if (!exec.isEmpty()) {
            QStringList args{toString(e.kind), e.array.isEmpty() ? QStringLiteral("-") : e.array};
            if (!e.device.isEmpty())
                args << e.device;
            runDetached(exec, args, e);
        }
        if (const QString name = mdadmEventName(e); !mdadmProgram.isEmpty() && !name.isEmpty() && !e.array.isEmpty()) {
            QStringList args{name, QStringLiteral("/dev/") + e.array};
            if (!e.device.isEmpty())
                args << QStringLiteral("/dev/") + e.device;
            runDetached(mdadmProgram, args, e);
        }
    }
}

} // namespace plexus

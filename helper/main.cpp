// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// plexus-helper: the privileged half of Plexus. The system bus starts it (as root)
// on the first call to org.plexus.Helper1; it exits after 60 s without work.
#include "polkitauthority.h"
#include "helper1_adaptor.h"
#include "helperservice.h"

#include "engine/devicespec.h"

#include <QCommandLineParser>
#include <KLocalizedString>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>

#include <cstdio>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>

namespace {

void logMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    const QByteArray text = message.toLocal8Bit();
    int priority = LOG_INFO;
    switch (type) {
    case QtDebugMsg: priority = LOG_DEBUG; break;
    case QtInfoMsg: priority = LOG_INFO; break;
    case QtWarningMsg: priority = LOG_WARNING; break;
    case QtCriticalMsg: priority = LOG_ERR; break;
    case QtFatalMsg: priority = LOG_CRIT; break;
    }
    syslog(priority, "%s", text.constData());
    fprintf(stderr, "plexus-helper: %s\n", text.constData());
    fflush(stderr);
}

} // namespace

int main(int argc, char **argv)
{
    // Tools run with a known locale and PATH, whatever the bus gave us.
    setenv("LC_ALL", "C.UTF-8", 1);
    setenv("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", 1);
    umask(022);
    openlog("plexus-helper", LOG_PID, LOG_DAEMON);
    qInstallMessageHandler(logMessage);

    QCoreApplication app(argc, argv);
    // The journal and the D-Bus error messages are English, for scripts and
    // whoever reads the journal; the window says the same in its user's language.
    KLocalizedString::setLanguages({QStringLiteral("en_US")});
    QCoreApplication::setApplicationName(QStringLiteral("plexus-helper"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLEXUS_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plexus's privileged helper on the D-Bus system bus (org.plexus.Helper1)."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption idle(QStringLiteral("idle-timeout"), QStringLiteral("Exit after SECONDS without work (0: never)."),
                            QStringLiteral("SECONDS"), QStringLiteral("60"));
    parser.addOption(idle);
    parser.process(app);
    bool ok = false;
    const int idleSeconds = parser.value(idle).toInt(&ok);
    if (!ok || idleSeconds < 0) {
        qCritical("--idle-timeout wants a number of seconds, not '%s'", qPrintable(parser.value(idle)));
        return 2;
    }
    if (geteuid() != 0) {
        qCritical("must run as root: the system bus starts it so (see org.plexus.Helper1.service)");
        return 1;
    }

    plexus::registerDBusTypes();
    plexus::HelperService service(idleSeconds);
    new Helper1Adaptor(&service);
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        qCritical("cannot connect to the system bus: %s", qPrintable(bus.lastError().message()));
        return 1;
    }
    if (!bus.registerObject(QStringLiteral("/org/plexus/Helper1"), &service)) {
        qCritical("cannot register /org/plexus/Helper1: %s", qPrintable(bus.lastError().message()));
        return 1;
    }
    if (!bus.registerService(QStringLiteral("org.plexus.Helper1"))) {
        qCritical("cannot own org.plexus.Helper1 (another helper running, or the bus policy forbids it): %s",
                  qPrintable(bus.lastError().message()));
        return 1;
    }
    qInfo("ready on the system bus as org.plexus.Helper1 (idle timeout %d s)", idleSeconds);
    service.reportUnfinishedJobs();
    service.pickUpAfterRestart();
    return app.exec();
}

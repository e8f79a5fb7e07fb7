// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// plexus-test-notifications [--log FILE]: a fake desktop notification daemon on
// the session bus ($DBUS_SESSION_BUS_ADDRESS) for the VM tests and the monitor
// benchmark. Each Notify is one JSON line in FILE (stdout without --log) with
// its CLOCK_REALTIME receive time "t_ms"; see fakenotificationserver.h.
#include "fakenotificationserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A fake org.freedesktop.Notifications that logs every Notify as JSON."));
    parser.addHelpOption();
    const QCommandLineOption log(QStringLiteral("log"), QStringLiteral("Append one JSON line per Notify to FILE."), QStringLiteral("FILE"));
    const QCommandLineOption ready(QStringLiteral("ready-file"), QStringLiteral("Create FILE once the name is owned."), QStringLiteral("FILE"));
    parser.addOptions({log, ready});
    parser.process(app);

    plexus::test::FakeNotificationServer server(QDBusConnection::sessionBus(),
                                                parser.isSet(log) ? parser.value(log) : QStringLiteral("/dev/stdout"));
    QString error;
    if (!server.start(&error)) {
        QTextStream(stderr) << "plexus-test-notifications: " << error << "\n";
        return 1;
    }
    if (parser.isSet(ready)) {
        QFile f(parser.value(ready));
        if (!f.open(QIODevice::WriteOnly))
            return 1;
    }
    return app.exec();
}

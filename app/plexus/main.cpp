// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// plexus: the window that shows disks, partitions, md arrays and LVM volumes,
// live. --root shows a fixture tree instead of this machine; --monitor runs
// windowless in the session (tray icon, desktop notifications).
#include "mainwindow.h"
#include "operations/actionlauncher.h"
#include "monitormode/monitormode.h"
#include "startupbenchmark.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QScreen>
#include <QTimer>

int main(int argc, char **argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("plexus"));
    QApplication::setApplicationDisplayName(QStringLiteral("Plexus"));
    QApplication::setApplicationVersion(QStringLiteral(PLEXUS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(PLEXUS_APP_ID)); // data/PLEXUS_APP_ID.desktop

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("See and manage Linux software RAID and volumes."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption rootOption(QStringLiteral("root"),
                                        QStringLiteral("Show the tree in DIR (with sys/, proc/, run/udev/) instead of this machine."),
                                        QStringLiteral("DIR"), QStringLiteral("/"));
    const QCommandLineOption benchmarkOption(QStringLiteral("benchmark-startup"),
                                             QStringLiteral("Print the time from start to the window populated and shown, then quit."));
    const QCommandLineOption monitorOption(QStringLiteral("monitor"),
                                           QStringLiteral("Run in the background with a tray icon, and notify the desktop when an array needs attention."));
    const QCommandLineOption selectOption(QStringLiteral("select"),
                                          QStringLiteral("Open on ITEM: an array (md0) or one of its members (md0/sdb)."),
                                          QStringLiteral("ITEM"));
    parser.addOption(rootOption);
    parser.addOption(benchmarkOption);
    parser.addOption(monitorOption);
    const QCommandLineOption replaceOption(QStringLiteral("replace"),
                                           QStringLiteral("With --select on a member: start replacing it (choose the new device)."));
    parser.addOption(selectOption);
    parser.addOption(replaceOption);
    parser.process(app);

    QString root = parser.value(rootOption);
    if (root != QLatin1String("/")) {
        if (!QDir(root).exists()) {
            qCritical("plexus: %s: no such directory", qPrintable(root));
            return 2;
        }
        root = QDir(root).absolutePath();
    }

    // Before any window exists: the monitor never builds one.
    if (parser.isSet(monitorOption))
        return plexus::runMonitorMode(root);

    plexus::MainWindow window(root);
    const QSize available = window.screen()->availableSize();
    window.resize(available.boundedTo(QSize(1440, 900)) * 0.92);
    window.show();
    if (parser.isSet(selectOption)) {
        // A notification may be older than the state: a member since removed opens its array.
        const QString item = parser.value(selectOption);
        if (window.select(item)) {
            // After show(): the device picker is a child of a visible window.
            if (parser.isSet(replaceOption))
                QTimer::singleShot(0, &window, [&window] {
                    if (!window.actions()->trigger(window.selection()->current(), QStringLiteral("replace")))
                        qWarning("plexus: --replace: %s cannot be replaced now", qPrintable(window.selection()->current().name));
                });
        } else if (!window.select(item.section(QLatin1Char('/'), 0, 0))) {
            qWarning("plexus: --select %s: no such array or member", qPrintable(item));
        }
    }

    if (parser.isSet(benchmarkOption))
        return plexus::reportStartup(window, sinceMain);
    return app.exec();
}

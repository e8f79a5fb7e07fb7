// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// plexus: the window that shows disks, partitions, md arrays and LVM volumes,
// live. --root shows a fixture tree instead of this machine; --monitor runs
// windowless in the session (tray icon, desktop notifications).
#include "aboutplexus.h"
#include "commandline.h"
#include "mainwindow.h"
#include "monitormode/monitormode.h"
#include "startupbenchmark.h"
#include "windowstate.h"

#include <KDBusService>
#include <KLocalizedString>
#include <KSharedConfig>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QScreen>

#include <optional>

int main(int argc, char **argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();

    QApplication app(argc, argv);
    // The catalogue every i18n() here looks in (TRANSLATION_DOMAIN), and the
    // application's for KDE Frameworks: set before anything is translated.
    KLocalizedString::setApplicationDomain(QByteArrayLiteral("plexus"));
    KAboutData::setApplicationData(plexus::plexusAboutData()); // name, version, desktop file, organisation

    plexus::CommandLine options;
    QCommandLineParser &parser = options.parser;
    parser.process(app);

    QString root = parser.value(options.root);
    if (root != QLatin1String("/")) {
        if (!QDir(root).exists()) {
            qCritical("plexus: %s: no such directory", qPrintable(root));
            return 2;
        }
        root = QDir(root).absolutePath();
    }

    // Before any window exists: the monitor never builds one.
    if (parser.isSet(options.monitor))
        return plexus::runMonitorMode(root);

    // One window on this machine per session: a second start (the menu entry
    // again, a notification's "Replace vdb") hands its command line to the
    // running window and exits with its answer (KDBusService does not return
    // then). Trees given with --root and the benchmark each get a window of
    // their own; without a session bus the window just runs.
    // It alone also remembers its size and dividers (a fixture tree's window
    // always starts the same).
    const bool thisMachine = root == QLatin1String("/") && !parser.isSet(options.benchmark);
    std::optional<KDBusService> service;
    if (thisMachine)
        service.emplace(KDBusService::Unique | KDBusService::NoExitOnFailure);

    plexus::MainWindow window(root);
    const QSize available = window.screen()->availableSize();
    window.resize(available.boundedTo(QSize(1440, 900)) * 0.92); // the first time
    if (thisMachine)
        plexus::rememberWindowState(&window, KSharedConfig::openStateConfig()->group(QStringLiteral("MainWindow")));
    window.show();
    if (parser.isSet(options.select))
        plexus::openOn(window, parser.value(options.select), parser.isSet(options.replace));
    if (service) {
        QObject::connect(&*service, &KDBusService::activateRequested, &window, [&](const QStringList &arguments, const QString &) {
            window.show();
            window.raise();
            window.activateWindow(); // KDBusService passed on the caller's activation token
            plexus::CommandLine forwarded;
            bool ok = forwarded.parser.parse(arguments);
            if (ok && forwarded.parser.isSet(forwarded.select))
                ok = plexus::openOn(window, forwarded.parser.value(forwarded.select), forwarded.parser.isSet(forwarded.replace));
            service->setExitValue(ok ? 0 : 1);
        });
    }

    if (parser.isSet(options.benchmark))
        return plexus::reportStartup(window, sinceMain);
    return app.exec();
}

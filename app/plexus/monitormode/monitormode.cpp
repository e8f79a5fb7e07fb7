// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "monitormode.h"
#include "desktopnotifications.h"
#include "monitor/storagemonitor.h"
#include "notifier.h"
#include "plasmadisks.h"
#include "trayicon.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QProcess>

namespace plexus {

namespace {
Q_LOGGING_CATEGORY(lcMonitor, "plexus.monitor", QtInfoMsg) // QT_LOGGING_RULES=plexus.monitor.debug=true
}

MonitorMode::MonitorMode(const QString &root, QObject *parent)
    : QObject(parent)
    , m_root(root)
    , m_storage(new StorageMonitor(root, this))
    , m_server(new DesktopNotifications(this))
    , m_notifier(new Notifier(m_server, this))
    , m_tray(new TrayIcon(this))
{
    if (DesktopNotifications::notifyrcPath().isEmpty())
        qCWarning(lcMonitor, "knotifications6/%s.notifyrc is in none of $XDG_DATA_DIRS: no notification can be shown",
                  plexusComponent);
    m_storage->watchDriveHealth();
    m_before = m_current = m_storage->snapshot();
    m_notifier->setDriveWarningsToldElsewhere([] { return plasmaDisksWatchesDrives(QDBusConnection::sessionBus()); });
    // snapshotChanged comes just before the events derived from it.
    connect(m_storage, &StorageMonitor::snapshotChanged, this, [this](const SnapshotPtr &now) {
        m_before = std::exchange(m_current, now);
        m_tray->setSnapshot(*now);
    });
    connect(m_storage, &StorageMonitor::eventsOccurred, this, [this](const QList<Event> &events) {
        qCDebug(lcMonitor, "%d event(s), %lld ms after the snapshot began", int(events.size()),
                m_current->takenAt.msecsTo(QDateTime::currentDateTimeUtc()));
        m_notifier->add(events, *m_before, *m_current);
    });
    connect(m_notifier, &Notifier::notified, this, [](const Notification &n) {
        qCDebug(lcMonitor, "notify %s: %s", qPrintable(n.key), qPrintable(n.summary));
    });
    connect(m_notifier, &Notifier::openRequested, this, &MonitorMode::openPlexus);
    connect(m_tray, &TrayIcon::openRequested, this, [this](const QString &token) { openPlexus({}, {}, token); });
    connect(m_tray, &TrayIcon::quitRequested, qApp, &QCoreApplication::quit);
    m_tray->setSnapshot(*m_current);
}

MonitorMode::~MonitorMode() = default;

void MonitorMode::openPlexus(const QString &array, const QString &device, const QString &activationToken) const
{
    QStringList args;
    if (!array.isEmpty())
        args << QStringLiteral("--select") << (device.isEmpty() ? array : array + QLatin1Char('/') + device);
    if (!device.isEmpty())
        args << QStringLiteral("--replace"); // "Replace vdb": straight to choosing the new device
    if (m_root != QLatin1String("/"))
        args << QStringLiteral("--root") << m_root;
    qCDebug(lcMonitor, "opening plexus %s", qPrintable(args.join(QLatin1Char(' '))));
    QProcess plexus;
    plexus.setProgram(QCoreApplication::applicationFilePath());
    plexus.setArguments(args);
    if (!activationToken.isEmpty()) {
        // Where Qt (Wayland) and KDBusService (to the running window) look for it.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_ACTIVATION_TOKEN"), activationToken);
        plexus.setProcessEnvironment(environment);
    }
    if (!plexus.startDetached())
        qCWarning(lcMonitor, "could not start %s", qPrintable(QCoreApplication::applicationFilePath()));
}

int runMonitorMode(const QString &root)
{
    QApplication::setQuitOnLastWindowClosed(false); // the tray menu is a window
    MonitorMode monitor(root);
    return QCoreApplication::exec();
}

} // namespace plexus

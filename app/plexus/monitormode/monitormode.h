// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// `plexus --monitor`: runs in the user's session (autostart) with no window.
// It follows the storage with StorageMonitor, keeps the tray icon's colour
// current and sends desktop notifications for what needs the user. Costs
// nothing while nothing happens: no timer runs then, only fds are waited on.

#include "model/snapshot.h"

#include <QObject>

namespace plexus {

class DesktopNotifications;
class Notifier;
class StorageMonitor;
class TrayIcon;

class MonitorMode : public QObject
{
    Q_OBJECT
public:
    explicit MonitorMode(const QString &root, QObject *parent = nullptr);
    ~MonitorMode() override;

    StorageMonitor *storage() const { return m_storage; }
    Notifier *notifier() const { return m_notifier; }
    TrayIcon *tray() const { return m_tray; }

private:
    // Starts `plexus --select ARRAY[/DEVICE]`, which raises the running window
    // or opens one; with the click's activation token, so that it gets the focus.
    void openPlexus(const QString &array, const QString &device, const QString &activationToken) const;

    QString m_root;
    StorageMonitor *m_storage;
    DesktopNotifications *m_server;
    Notifier *m_notifier;
    TrayIcon *m_tray;
    SnapshotPtr m_before;     // the latest events tell how m_before became m_current
    SnapshotPtr m_current;
};

// The whole of `plexus --monitor`: returns the exit status.
int runMonitorMode(const QString &root);

} // namespace plexus

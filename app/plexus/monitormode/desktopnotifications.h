// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// org.freedesktop.Notifications on the session bus (Desktop Notifications
// Specification 1.2): Notify with the urgency hint, the ActionInvoked and
// NotificationClosed signals. Calls are asynchronous: a slow or missing
// notification daemon never holds up the monitor.

#include "notificationserver.h"

#include <QDBusConnection>

namespace plexus {

class DesktopNotifications : public NotificationServer
{
    Q_OBJECT
public:
    explicit DesktopNotifications(const QDBusConnection &bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);

    void notify(const Notification &n, uint replacesId, std::function<void(uint id)> shown) override;

private Q_SLOTS:
    // Connected by name (QtDBus has no functor connect for bus signals).
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    QDBusConnection m_bus;
    bool m_complained = false;
};

} // namespace plexus

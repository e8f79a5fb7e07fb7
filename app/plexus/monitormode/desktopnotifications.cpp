// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "desktopnotifications.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QTextStream>

namespace plexus {

namespace {

const QString service = QStringLiteral("org.freedesktop.Notifications");
const QString path = QStringLiteral("/org/freedesktop/Notifications");
const QString interface = QStringLiteral("org.freedesktop.Notifications");

QString iconFor(Urgency u)
{
    return u == Urgency::Critical ? QStringLiteral("dialog-error") : QStringLiteral("dialog-information");
}

} // namespace

DesktopNotifications::DesktopNotifications(const QDBusConnection &bus, QObject *parent)
    : NotificationServer(parent), m_bus(bus)
{
    m_bus.connect(service, path, interface, QStringLiteral("ActionInvoked"), this, SLOT(onActionInvoked(uint,QString)));
    m_bus.connect(service, path, interface, QStringLiteral("NotificationClosed"), this, SLOT(onClosed(uint,uint)));
}

void DesktopNotifications::notify(const Notification &n, uint replacesId, std::function<void(uint id)> shown)
{
    QDBusMessage call = QDBusMessage::createMethodCall(service, path, interface, QStringLiteral("Notify"));
    const QVariantMap hints{
        {QStringLiteral("urgency"), QVariant::fromValue(uchar(n.urgency))}, // a byte: 0 low, 1 normal, 2 critical
        {QStringLiteral("desktop-entry"), QStringLiteral(PLEXUS_APP_ID)},
    };
    call << QStringLiteral("Plexus") << replacesId << iconFor(n.urgency) << n.summary << n.body << n.actions << hints
         << int(-1); // the server's default; critical ones stay until dismissed
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, shown = std::move(shown)](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError() && !m_complained) {
            m_complained = true; // once: the daemon may come later, or never
            QTextStream(stderr) << "plexus: cannot show notifications: " << reply.error().message() << "\n";
        }
        shown(reply.isError() ? 0 : reply.value());
    });
}

void DesktopNotifications::onActionInvoked(uint id, const QString &action)
{
    Q_EMIT actionInvoked(id, action);
}

void DesktopNotifications::onClosed(uint id, uint reason)
{
    Q_EMIT closed(id, reason);
}

} // namespace plexus

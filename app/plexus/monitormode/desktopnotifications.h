// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The desktop's notifications through KNotification: each notification is an
// event of plexus.notifyrc (named by the event kind that leads it), so users
// choose per kind what they want (a popup, a sound, nothing). KNotification
// speaks org.freedesktop.Notifications on the session bus (or the portal in a
// sandbox) and hands over the activation token the server gives with a click.

#include "aboutplexus.h"
#include "notificationserver.h"

#include <QHash>
#include <QPointer>

class KNotification;

namespace plexus {

class DesktopNotifications : public NotificationServer
{
    Q_OBJECT
public:
    explicit DesktopNotifications(QObject *parent = nullptr);
    ~DesktopNotifications() override;

    void notify(const Notification &n, uint replacesId, std::function<void(uint id)> shown) override;

    // Where KNotification finds plexus.notifyrc; empty when it is not installed
    // in any of $XDG_DATA_DIRS (then no notification can be shown).
    static QString notifyrcPath();

private:
    KNotification *create(uint id);
    void setActions(KNotification *k, uint id, const QStringList &actions);

    QHash<uint, QPointer<KNotification>> m_live; // by our id, until closed
    uint m_lastId = 0;
};

} // namespace plexus

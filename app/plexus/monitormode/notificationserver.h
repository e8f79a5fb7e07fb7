// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Where notifications are shown: the desktop's, through KNotification
// (DesktopNotifications), or a fake in tests.

#include "incident.h"

#include <QObject>

#include <functional>

namespace plexus {

class NotificationServer : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Shows `n`, in place of notification `replacesId` when that is not 0; then
    // calls `shown` with the server's id for it (0 when it could not be shown).
    virtual void notify(const Notification &n, uint replacesId, std::function<void(uint id)> shown) = 0;

Q_SIGNALS:
    // A click on `action` of notification `id`; `activationToken` lets the
    // window it opens take the focus (xdg-activation), empty when none came.
    void actionInvoked(uint id, const QString &action, const QString &activationToken);
    void closed(uint id);
};

} // namespace plexus

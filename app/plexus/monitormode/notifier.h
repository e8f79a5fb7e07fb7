// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Turns storage events into desktop notifications at once, without storms.
// An array's first bad news is told the moment it arrives (good news after one
// window); what follows within coalesceMs is gathered and told once the
// window closes, replacing
// (replaces_id) the notification on screen rather than stacking another.
// Nothing runs while nothing happens: the only timer is the window, started by
// an event and stopped when a window passes without news.

#include "notificationserver.h"

#include <QHash>
#include <functional>
#include <QTimer>

namespace plexus {

class Notifier : public QObject
{
    Q_OBJECT
public:
    static constexpr int coalesceMs = 100;

    explicit Notifier(NotificationServer *server, QObject *parent = nullptr);

    // Events of the change from `before` to `after` (StorageMonitor's).
    void add(const QList<Event> &events, const Snapshot &before, const Snapshot &after);
    // Who else tells of a drive at risk (plasmadisks.h): asked when one starts to
    // warn; while it answers true, Plexus sends no notification of its own for it.
    void setDriveWarningsToldElsewhere(std::function<bool()> toldElsewhere) { m_driveToldElsewhere = std::move(toldElsewhere); }
    // True while an array's coalescing window is open.
    bool isWaiting() const { return m_windowTimer.isActive(); }

Q_SIGNALS:
    // The user asked, from a notification, to see `array`: "open" and a click on
    // the bubble ("default") give no device; "replace" gives the failed member.
    // `activationToken` is the server's, for the window to take the focus.
    void openRequested(const QString &array, const QString &device, const QString &activationToken);
    // A notification went to the server (for logs and tests).
    void notified(const plexus::Notification &n);

private:
    struct Shown {
        uint id = 0;                       // on screen now, 0 for none
        bool awaitingId = false;           // Notify sent, its id not back yet
        std::optional<Notification> last;  // what went out last (shown, or about to be)
        std::optional<Notification> next;  // to send once the id is back
    };
    // An incident being told: its events so far, and whether news came after
    // the last notification.
    struct Window {
        QList<Event> events;
        bool hasNews = false;
    };

    void closeWindows();
    // The incident whose notification on screen names a failed member on `disk`.
    std::optional<QString> shownFailureOn(const QString &disk) const;
    void tell(const QString &key, const QList<Event> &events);
    void send(const Notification &n);    // unless it adds nothing to what is shown
    void deliver(const Notification &n); // to the server, replacing what is shown
    void onActionInvoked(uint id, const QString &action, const QString &activationToken);
    void onClosed(uint id);

    NotificationServer *m_server;
    QTimer m_windowTimer;
    QStringList m_order;                   // open windows in order of arrival
    QHash<QString, Window> m_windows;      // by incident key
    QHash<QString, Shown> m_shown;         // by incident key
    QHash<uint, Notification> m_byId;
    std::function<bool()> m_driveToldElsewhere;
};

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "notifier.h"

#include <QPointer>

#include <algorithm>
#include <utility>

namespace plexus {

namespace {
// Low-urgency news (a member removed after it failed) can leave the words unchanged.
bool saysTheSame(const Notification &a, const Notification &b)
{
    return a.urgency == b.urgency && a.summary == b.summary && a.body == b.body && a.actions == b.actions;
}
} // namespace

Notifier::Notifier(NotificationServer *server, QObject *parent) : QObject(parent), m_server(server)
{
    m_windowTimer.setSingleShot(true);
    m_windowTimer.setInterval(coalesceMs);
    m_windowTimer.setTimerType(Qt::PreciseTimer); // it is the follow-up's delay
    connect(&m_windowTimer, &QTimer::timeout, this, &Notifier::closeWindows);
    connect(server, &NotificationServer::actionInvoked, this, &Notifier::onActionInvoked);
    connect(server, &NotificationServer::closed, this, &Notifier::onClosed);
}

void Notifier::add(const QList<Event> &events, const Snapshot &before, const Snapshot &after)
{
    QStringList keys;
    QHash<QString, QList<Event>> byKey;
    const bool driveToldElsewhere = m_driveToldElsewhere
        && std::any_of(events.begin(), events.end(), [](const Event &e) { return e.kind == EventKind::DriveAtRisk; })
        && m_driveToldElsewhere();
    for (const Event &e : events) {
        if (e.kind == EventKind::DriveAtRisk && driveToldElsewhere)
            continue;
        QString key = incidentKey(e, before, after);
        // udev's `mdadm -If` may take the member out before the disk's removal
        // is seen: the snapshots no longer tie the disk to its array, the
        // failure on screen still does.
        if (e.kind == EventKind::DiskRemoved && key.startsWith(QLatin1String("disk ")))
            key = shownFailureOn(e.device).value_or(key);
        if (!byKey.contains(key))
            keys << key;
        byKey[key] << e;
    }
    for (const QString &key : std::as_const(keys)) {
        const QList<Event> &group = byKey[key];
        if (const auto open = m_windows.find(key); open != m_windows.end()) {
            open->events << group;
            open->hasNews = true;
            continue;
        }
        // Low-urgency events are never told alone, nor worth waking the timer
        // for; they only add to an incident that is being told.
        const bool worthTelling = std::any_of(group.begin(), group.end(), [](const Event &e) { return e.urgency() != Urgency::Low; });
        if (!worthTelling)
            continue;
        m_order << key;
        // Bad news goes out now: that is the latency that counts. Good news
        // waits one window for what follows it: md tells a rebuild's end and
        // the array's being whole again in two notifications, a few ms apart.
        const bool urgent = std::any_of(group.begin(), group.end(), [](const Event &e) { return e.urgency() == Urgency::Critical; });
        m_windows.insert(key, Window{group, !urgent});
        if (urgent)
            tell(key, group);
    }
    if (!m_windows.isEmpty() && !m_windowTimer.isActive())
        m_windowTimer.start();
}

std::optional<QString> Notifier::shownFailureOn(const QString &disk) const
{
    for (auto it = m_shown.begin(); it != m_shown.end(); ++it) {
        const Shown &shown = it.value();
        if (shown.last && (shown.id != 0 || shown.awaitingId) && !shown.last->failedDevice.isEmpty()
            && isOnDisk(shown.last->failedDevice, disk))
            return it.key();
    }
    return std::nullopt;
}

void Notifier::closeWindows()
{
    // Tell what came during the window, and keep it open one more window so
    // a burst yields at most one update per coalesceMs; a quiet one closes.
    const QStringList order = std::exchange(m_order, {});
    for (const QString &key : order) {
        Window &window = m_windows[key];
        if (!window.hasNews) {
            m_windows.remove(key);
            continue;
        }
        window.hasNews = false;
        m_order << key;
        tell(key, window.events);
    }
    if (!m_windows.isEmpty())
        m_windowTimer.start();
}

void Notifier::tell(const QString &key, const QList<Event> &events)
{
    if (const std::optional<Notification> n = composeNotification(key, events))
        send(*n);
}

void Notifier::send(const Notification &n)
{
    Shown &shown = m_shown[n.key];
    // `last` is what the user sees, or will once the waiting one goes out.
    const bool onScreen = shown.last && (shown.id != 0 || shown.awaitingId);
    if (onScreen && (addsNothing(n, *shown.last) || saysTheSame(n, *shown.last)))
        return;
    shown.last = n;
    if (shown.awaitingId)
        shown.next = n; // the newest wins; it goes as soon as we can replace the last
    else
        deliver(n);
}

void Notifier::deliver(const Notification &n)
{
    Shown &shown = m_shown[n.key];
    shown.awaitingId = true;
    Q_EMIT notified(n);
    m_server->notify(n, shown.id, [self = QPointer<Notifier>(this), n](uint id) {
        if (!self)
            return;
        Shown &s = self->m_shown[n.key];
        if (s.id != 0 && s.id != id)
            self->m_byId.remove(s.id);
        s.id = id;
        s.awaitingId = false;
        if (id != 0)
            self->m_byId.insert(id, n);
        if (std::optional<Notification> next = std::exchange(s.next, std::nullopt))
            self->deliver(*next);
    });
}

void Notifier::onActionInvoked(uint id, const QString &action, const QString &activationToken)
{
    const auto it = m_byId.constFind(id);
    if (it == m_byId.constEnd())
        return; // another program's notification
    if (action == QLatin1String("replace"))
        Q_EMIT openRequested(it->array, it->failedDevice, activationToken);
    else if (action == QLatin1String("open") || action == QLatin1String("default"))
        Q_EMIT openRequested(it->array, QString(), activationToken);
}

void Notifier::onClosed(uint id)
{
    const auto it = m_byId.constFind(id);
    if (it == m_byId.constEnd())
        return;
    // Gone from the screen: the array's next notification is a new one.
    Shown &shown = m_shown[it->key];
    if (shown.id == id)
        shown.id = 0;
    m_byId.erase(it);
}

} // namespace plexus

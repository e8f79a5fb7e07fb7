// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "desktopnotifications.h"

#include <KNotification>
#include <KNotifyConfig>
#include <QStandardPaths>

namespace plexus {

namespace {

KNotification::Urgency urgencyOf(Urgency u)
{
    switch (u) {
    case Urgency::Low: return KNotification::LowUrgency;
    case Urgency::Normal: return KNotification::NormalUrgency;
    case Urgency::Critical: return KNotification::CriticalUrgency;
    }
    return KNotification::DefaultUrgency;
}

} // namespace

DesktopNotifications::DesktopNotifications(QObject *parent) : NotificationServer(parent)
{
    // Read plexus.notifyrc now, not when the first failure is to be told: that
    // one pays KNotification's first use (here 3.5 ms instead of 0.3 ms; ten
    // and more times that in the VM tier's emulated machine), of which this is a third.
    KNotifyConfig(QLatin1String(plexusComponent), toString(EventKind::MemberFailed)).readEntry(QStringLiteral("Action"));
}

DesktopNotifications::~DesktopNotifications() = default;

QString DesktopNotifications::notifyrcPath()
{
    return QStandardPaths::locate(QStandardPaths::GenericDataLocation,
                                  QStringLiteral("knotifications6/%1.notifyrc").arg(QLatin1String(plexusComponent)));
}

void DesktopNotifications::notify(const Notification &n, uint replacesId, std::function<void(uint id)> shown)
{
    uint id = replacesId;
    KNotification *k = m_live.value(replacesId);
    const bool fresh = !k;
    if (fresh) {
        id = ++m_lastId;
        k = create(id);
    }
    // Other news of the same array (recovered after failed) replaces the bubble
    // on screen, whose words must not stay behind the truth; it is then told as
    // the event that leads it now (its icon).
    k->setEventId(toString(n.lead));
    k->setTitle(n.summary);
    k->setText(n.body);
    k->setUrgency(urgencyOf(n.urgency));
    // KNotification sends the urgency as an int; the specification (and dunst,
    // which reads nothing else) wants a byte. Hints given here win.
    k->setHint(QStringLiteral("urgency"), QVariant::fromValue(uchar(n.urgency)));
    setActions(k, id, n.actions);
    if (fresh)
        k->sendEvent();
    // else KNotification sends the change itself, replacing the one on screen.
    shown(id);
}

KNotification *DesktopNotifications::create(uint id)
{
    auto *k = new KNotification(QString(), KNotification::CloseOnTimeout, this);
    k->setComponentName(QLatin1String(plexusComponent)); // plexus.notifyrc, whatever argv[0] is
    // KNotification would take it from the application's desktop file name,
    // which a test (or a program that embeds the monitor) may not have set.
    k->setHint(QStringLiteral("desktop-entry"), QStringLiteral(PLEXUS_APP_ID));
    m_live.insert(id, k);
    // Expired, dismissed, clicked or replaced: gone from the screen.
    connect(k, &KNotification::closed, this, [this, id] {
        m_live.remove(id);
        Q_EMIT closed(id);
    });
    return k;
}

void DesktopNotifications::setActions(KNotification *k, uint id, const QStringList &actions)
{
    k->clearActions();
    for (qsizetype i = 0; i + 1 < actions.size(); i += 2) {
        const QString key = actions[i], label = actions[i + 1];
        KNotificationAction *action = key == QLatin1String("default") ? k->addDefaultAction(label) : k->addAction(label);
        // The server sends the token (ActivationToken) before the click itself.
        connect(action, &KNotificationAction::activated, this, [this, id, key, k = QPointer<KNotification>(k)] {
            Q_EMIT actionInvoked(id, key, k ? k->xdgActivationToken() : QString());
        });
    }
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "shutdowninhibitor.h"

#include "monitor/shutdownhold.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace plexus {

ShutdownInhibitor::ShutdownInhibitor(QObject *parent)
    : QObject(parent)
{
    connect(&m_monitor, &StorageMonitor::snapshotChanged, this, &ShutdownInhibitor::update);
    update(m_monitor.snapshot());
}

void ShutdownInhibitor::update(const SnapshotPtr &snapshot)
{
    const bool following = snapshot && mdIsWorking(*snapshot);
    if (following != m_following) {
        m_following = following;
        Q_EMIT followingChanged(following);
    }
    const QString why = snapshot ? shutdownHoldReason(workHoldingShutdown(*snapshot)) : QString();
    if (why == m_wanted)
        return;
    m_wanted = why;
    if (m_wanted.isEmpty()) {
        if (m_fd.isValid())
            qInfo("shutdown no longer held off (it was: %s)", qPrintable(m_held));
        m_fd = {};    // closing it releases the inhibitor
        m_held.clear();
        return;
    }
    ask();
}

void ShutdownInhibitor::ask()
{
    if (m_asking)
        return;    // granted() asks again if the reason changed meanwhile
    m_asking = true;
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.login1"), QStringLiteral("/org/freedesktop/login1"),
                                                       QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("Inhibit"));
    const QString why = m_wanted;
    call << QStringLiteral("shutdown") << QLatin1String(shutdownHoldWho) << why << QStringLiteral("block");
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::systemBus().asyncCall(call, 10000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, why](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        m_asking = false;
        const QDBusPendingReply<QDBusUnixFileDescriptor> reply = *w;
        if (reply.isError()) {
            if (!m_toldNoLogind)
                qWarning("cannot hold off shutdown (%s): systemd-logind said %s: %s", qPrintable(why), qPrintable(reply.error().name()),
                         qPrintable(reply.error().message()));
            m_toldNoLogind = true;
            return;
        }
        granted(reply.value(), why);
    });
}

void ShutdownInhibitor::granted(const QDBusUnixFileDescriptor &fd, const QString &why)
{
    if (m_wanted.isEmpty())
        return;    // the work ended while logind answered: dropping fd releases it
    // The new inhibitor is taken before the old one is closed: shutdown is never
    // left unheld in between.
    if (m_held.isEmpty())
        qInfo("shutdown held off: %s", qPrintable(why));
    m_fd = fd;
    m_held = why;
    if (m_wanted != m_held)
        ask();
}

} // namespace plexus

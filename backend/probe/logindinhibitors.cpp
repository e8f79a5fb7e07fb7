// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "logindinhibitors.h"

#include "monitor/shutdownhold.h"

#include <QDBusArgument>
#include <QDBusConnection>

namespace plexus {

QDBusMessage listInhibitorsCall()
{
    return QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.login1"), QStringLiteral("/org/freedesktop/login1"),
                                          QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("ListInhibitors"));
}

QString plexusShutdownHold(const QDBusMessage &reply)
{
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty() || reply.signature() != QLatin1String("a(ssssuu)"))
        return {};
    const QDBusArgument list = reply.arguments().constFirst().value<QDBusArgument>();
    QString held;
    list.beginArray();
    while (!list.atEnd()) {
        QString what, who, why, mode;
        uint uid = 0, pid = 0;
        list.beginStructure();
        list >> what >> who >> why >> mode >> uid >> pid;
        list.endStructure();
        // Only root's: any user may take an inhibitor and call itself "Plexus".
        if (who == QLatin1String(shutdownHoldWho) && uid == 0 && what.split(QLatin1Char(':')).contains(QLatin1String("shutdown")))
            held = why;
    }
    list.endArray();
    return held;
}

QString readPlexusShutdownHold(int timeoutMs)
{
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected())
        return {};
    return plexusShutdownHold(bus.call(listInhibitorsCall(), QDBus::Block, timeoutMs));
}

} // namespace plexus

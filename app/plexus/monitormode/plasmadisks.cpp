// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "plasmadisks.h"

#include <QDBusMessage>

namespace plexus {

bool plasmaDisksWatchesDrives(const QDBusConnection &session)
{
    if (!session.isConnected())
        return false;
    const QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.kde.kded6"), QStringLiteral("/kded"),
                                                             QStringLiteral("org.kde.kded6"), QStringLiteral("loadedModules"));
    // Asked only when a drive starts to warn: rare, and a slow kded must not hold the monitor long.
    const QDBusMessage reply = QDBusConnection(session).call(call, QDBus::Block, 1000);
    return reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
        && reply.arguments().constFirst().toStringList().contains(QStringLiteral("smart"));
}

} // namespace plexus

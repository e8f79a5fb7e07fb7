// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "dbusstatus.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace plexus {

QString catalogueEntry(const Status &status)
{
    const Message &m = status.structuredMessage();
    return m.isCatalogued() ? QString::fromUtf8(QJsonDocument(m.toJson().toObject()).toJson(QJsonDocument::Compact)) : QString();
}

void sendRefusal(const QDBusConnection &bus, const QDBusMessage &call, const Status &status)
{
    if (const QString entry = catalogueEntry(status); !entry.isEmpty()) {
        // To the caller only, on the path and interface it called.
        QDBusMessage signal = QDBusMessage::createTargetedSignal(call.service(), call.path(),
                                                                 call.interface().isEmpty() ? QStringLiteral("org.plexus.Helper1") : call.interface(),
                                                                 QStringLiteral("Refusal"));
        signal << status.message() << entry;
        bus.send(signal);
    }
    bus.send(call.createErrorReply(status.name(), status.message()));
}

QString sayRefusal(const QString &english, const QString &signalledEnglish, const QString &entry)
{
    if (entry.isEmpty() || english != signalledEnglish)
        return english;
    const QJsonDocument json = QJsonDocument::fromJson(entry.toUtf8());
    const std::optional<Message> m = json.isObject() ? Message::fromJson(json.object()) : std::nullopt;
    const QString said = m ? m->toString() : QString();
    return said.isEmpty() ? english : said;
}

} // namespace plexus

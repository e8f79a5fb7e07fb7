// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "polkitauthority.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>

namespace plexus {

namespace {

QDBusMessage polkitCall(const char *method)
{
    return QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.PolicyKit1"), QStringLiteral("/org/freedesktop/PolicyKit1/Authority"),
                                          QStringLiteral("org.freedesktop.PolicyKit1.Authority"), QLatin1String(method));
}

// The subject (sa{sv}): the caller's unique bus name.
QDBusArgument systemBusName(const QString &busName)
{
    QDBusArgument subject;
    subject.beginStructure();
    subject << QStringLiteral("system-bus-name");
    subject.beginMap(QMetaType::fromType<QString>(), QMetaType::fromType<QDBusVariant>());
    subject.beginMapEntry();
    subject << QStringLiteral("name") << QDBusVariant(busName);
    subject.endMapEntry();
    subject.endMap();
    subject.endStructure();
    return subject;
}

QDBusArgument noDetails() // a{ss}
{
    QDBusArgument details;
    details.beginMap(QMetaType::fromType<QString>(), QMetaType::fromType<QString>());
    details.endMap();
    return details;
}

} // namespace

void PolkitAuthority::ask(const QString &action, const QString &busName, bool interactive, const QString &cancelId,
                          std::function<void(const Answer &)> answered)
{
    constexpr uint allowUserInteraction = 1; // polkit's CheckAuthorizationFlags
    QDBusMessage call = polkitCall("CheckAuthorization");
    call << QVariant::fromValue(systemBusName(busName)) << action << QVariant::fromValue(noDetails())
         << (interactive ? allowUserInteraction : 0u) << cancelId;
    // A little longer than the check's own limit, which cancels it first.
    const int timeout = int(m_timeLimit.count()) + 5000;
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::systemBus().asyncCall(call, timeout));
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, watcher, [watcher, answered = std::move(answered)] {
        watcher->deleteLater();
        const QDBusMessage reply = watcher->reply();
        Answer answer;
        if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 1) {
            answer.error = reply.errorMessage().isEmpty() ? reply.errorName() : reply.errorMessage();
            if (answer.error.isEmpty())
                answer.error = QStringLiteral("no reply");
        } else {
            // (bba{ss}): is_authorized, is_challenge, details
            const QDBusArgument result = reply.arguments().first().value<QDBusArgument>();
            QMap<QString, QString> details;
            result.beginStructure();
            result >> answer.authorized >> answer.challenge >> details;
            result.endStructure();
        }
        answered(answer);
    });
}

void PolkitAuthority::cancel(const QString &cancelId)
{
    QDBusMessage call = polkitCall("CancelCheckAuthorization");
    call << cancelId;
    QDBusConnection::systemBus().send(call); // its reply (or error: already answered) does not matter
}

} // namespace plexus

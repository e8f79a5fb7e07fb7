// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "authorizer.h"

#include <PolkitQt1/Authority>
#include <PolkitQt1/Subject>

namespace plexus {

void Authorizer::initialize()
{
    PolkitQt1::Authority::instance();
}

Status Authorizer::check(const QString &actionId, const QString &busName)
{
    QMutexLocker lock(&m_mutex);
    using PolkitQt1::Authority;
    Authority *authority = Authority::instance();
    const PolkitQt1::SystemBusNameSubject subject(busName);

    auto ask = [&](Authority::AuthorizationFlags flags, QString *error) {
        authority->clearError(); // errors are sticky until cleared
        const Authority::Result r = authority->checkAuthorizationSync(actionId, subject, flags);
        if (authority->hasError()) {
            *error = authority->errorDetails();
            authority->clearError();
            return Authority::Unknown;
        }
        return r;
    };

    QString error;
    const Authority::Result result = ask(Authority::AllowUserInteraction, &error);
    if (result == Authority::Yes)
        return {};
    if (!error.isEmpty())
        return Status::failure(ErrorCode::NotAuthorized, QStringLiteral("Could not ask polkit whether you may do this (%1): %2").arg(actionId, error));
    if (result == Authority::Challenge)
        return Status::failure(ErrorCode::Dismissed, QStringLiteral("This needs authentication (%1), but no authentication agent answered. "
                                                                     "Run it from a desktop session, or start pkttyagent in your terminal.").arg(actionId));
    // No: either the policy says no, or authentication was offered and not given.
    // Asking again without interaction tells them apart.
    QString ignored;
    if (ask(Authority::None, &ignored) == Authority::Challenge)
        return Status::failure(ErrorCode::Dismissed, QStringLiteral("Authentication for %1 was dismissed or failed. Nothing was changed.").arg(actionId));
    return Status::failure(ErrorCode::NotAuthorized, QStringLiteral("You are not allowed to do this (polkit action %1). Nothing was changed; "
                                                                     "ask an administrator, or see polkit(8) to allow it.").arg(actionId));
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "errorwords.h"
#include "helperclient.h"

namespace plexus {

QString leadSentence(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InUse: return QStringLiteral("That device is in use.");
    case ErrorCode::TooSmall: return QStringLiteral("That device is too small for it.");
    case ErrorCode::NotFound: return QStringLiteral("It is not there any more, or it is not the disk you chose.");
    case ErrorCode::Invalid: return QStringLiteral("That cannot be done this way.");
    case ErrorCode::Busy: return QStringLiteral("md is busy with this array right now; try later.");
    case ErrorCode::NotAuthorized: return QStringLiteral("You are not allowed to change the disks of this computer.");
    case ErrorCode::Dismissed: return QStringLiteral("Authentication was cancelled, so nothing was changed.");
    case ErrorCode::ToolFailed: return QStringLiteral("The system refused to do it.");
    }
    return {};
}

QString shortCause(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InUse: return QStringLiteral("in use");
    case ErrorCode::TooSmall: return QStringLiteral("too small");
    case ErrorCode::NotFound: return QStringLiteral("not there");
    case ErrorCode::Invalid: return QStringLiteral("not possible");
    case ErrorCode::Busy: return QStringLiteral("busy");
    case ErrorCode::NotAuthorized: return QStringLiteral("not allowed");
    case ErrorCode::Dismissed: return QStringLiteral("cancelled");
    case ErrorCode::ToolFailed: return QStringLiteral("refused");
    }
    return {};
}

QString leadSentence(const HelperResult &result)
{
    if (result.code)
        return leadSentence(*result.code);
    const QString &name = result.errorName;
    // The bus could not start the service: not installed, or its activation failed.
    if (name == QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown") || name == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner")
        || name.startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn")) || name == QLatin1String("org.freedesktop.DBus.Error.NoServer")
        || name == QLatin1String("org.freedesktop.DBus.Error.Disconnected"))
        return QStringLiteral("plexus-helper cannot be started, so nothing was changed.");
    if (name == QLatin1String("org.freedesktop.DBus.Error.NoReply") || name == QLatin1String("org.freedesktop.DBus.Error.Timeout"))
        return QStringLiteral("plexus-helper stopped answering; the job may have ended half-way. Look at the arrays before trying again.");
    if (name == QLatin1String("org.freedesktop.DBus.Error.AccessDenied"))
        return QStringLiteral("You are not allowed to change the disks of this computer.");
    return QStringLiteral("plexus-helper could not do it.");
}

} // namespace plexus

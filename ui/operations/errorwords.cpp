// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "errorwords.h"
#include "helperclient.h"

#include <KLocalizedString>

namespace plexus {

QString leadSentence(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InUse: return i18n("That device is in use.");
    case ErrorCode::TooSmall: return i18n("That device is too small for it.");
    case ErrorCode::NotFound: return i18n("It is not there any more, or it is not the disk you chose.");
    case ErrorCode::Invalid: return i18n("That cannot be done this way.");
    case ErrorCode::Busy: return i18n("md is busy with this array right now; try later.");
    case ErrorCode::NotAuthorized: return i18n("You are not allowed to change the disks of this computer.");
    case ErrorCode::Dismissed: return i18n("Authentication was cancelled, so nothing was changed.");
    case ErrorCode::ToolFailed: return i18n("The system refused to do it.");
    }
    return {};
}

QString shortCause(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InUse: return i18nc("why a device cannot be used, in two or three words on a slot tile", "in use");
    case ErrorCode::TooSmall: return i18nc("why a device cannot be used, in two or three words on a slot tile", "too small");
    case ErrorCode::NotFound: return i18nc("why a device cannot be used, in two or three words on a slot tile", "not there");
    case ErrorCode::Invalid: return i18nc("why a device cannot be used, in two or three words on a slot tile", "not possible");
    case ErrorCode::Busy: return i18nc("why a device cannot be used, in two or three words on a slot tile", "busy");
    case ErrorCode::NotAuthorized: return i18nc("why a device cannot be used, in two or three words on a slot tile", "not allowed");
    case ErrorCode::Dismissed: return i18nc("why a device cannot be used, in two or three words on a slot tile", "cancelled");
    case ErrorCode::ToolFailed: return i18nc("why a device cannot be used, in two or three words on a slot tile", "refused");
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
        return i18n("plexus-helper cannot be started, so nothing was changed.");
    if (name == QLatin1String("org.freedesktop.DBus.Error.NoReply") || name == QLatin1String("org.freedesktop.DBus.Error.Timeout"))
        return i18n("plexus-helper stopped answering; the job may have ended half-way. Look at the arrays before trying again.");
    if (name == QLatin1String("org.freedesktop.DBus.Error.AccessDenied"))
        return i18n("You are not allowed to change the disks of this computer.");
    return i18n("plexus-helper could not do it.");
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "status.h"

namespace plexus {

namespace {
struct Entry {
    ErrorCode code;
    const char *name;
};
constexpr Entry entries[] = {
    {ErrorCode::NotAuthorized, "NotAuthorized"}, {ErrorCode::Dismissed, "Dismissed"},
    {ErrorCode::InUse, "InUse"},                 {ErrorCode::TooSmall, "TooSmall"},
    {ErrorCode::NotFound, "NotFound"},           {ErrorCode::Invalid, "Invalid"},
    {ErrorCode::Busy, "Busy"},                   {ErrorCode::ToolFailed, "ToolFailed"},
};
const QLatin1String prefix("org.plexus.Error.");
} // namespace

QString errorShortName(ErrorCode code)
{
    for (const Entry &e : entries)
        if (e.code == code)
            return QString::fromLatin1(e.name);
    return QStringLiteral("Invalid");
}

QString errorName(ErrorCode code)
{
    return prefix + errorShortName(code);
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
    if (!name.startsWith(prefix))
        return std::nullopt;
    const QString shortName = name.mid(prefix.size());
    for (const Entry &e : entries)
        if (shortName == QLatin1String(e.name))
            return e.code;
    return std::nullopt;
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "textfile.h"

#include <QDir>
#include <QFile>

namespace plexus {

std::optional<QString> readTrimmed(const QString &path)
{
    QFile f(path);
    // sysfs files report size 4096 and may be unseekable: read what is there.
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return QString::fromUtf8(f.readAll()).trimmed();
}

std::optional<qint64> readNumber(const QString &path)
{
    const auto text = readTrimmed(path);
    if (!text)
        return std::nullopt;
    const QString first = text->section(QLatin1Char(' '), 0, 0);
    bool ok = false;
    const qint64 value = first.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

QStringList listDir(const QString &path)
{
    return QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System, QDir::Name);
}

} // namespace plexus

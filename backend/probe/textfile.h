// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Small readers for kernel text files (sysfs attributes, /proc tables).

#include <QString>
#include <QStringList>
#include <optional>

namespace plexus {

// The whole file, trailing newline and spaces removed; nullopt when it can't be read.
std::optional<QString> readTrimmed(const QString &path);
// readTrimmed parsed as an integer (the first word, so "1000 (system)" gives 1000).
std::optional<qint64> readNumber(const QString &path);
// Names of the entries of a directory (no . and ..), sorted; empty when absent.
QStringList listDir(const QString &path);

} // namespace plexus

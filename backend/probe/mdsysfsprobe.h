// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Reads md arrays from sysfs: ROOT/sys/block/md*/md/... . ROOT is "/" on a real
// machine and a fixture tree in tests. Every file in there is world-readable, so
// no root is needed.

#include "model/array.h"

namespace plexus {

class MdSysfsProbe
{
public:
    explicit MdSysfsProbe(const QString &root = QStringLiteral("/"));

    // Every md device under sys/block, sorted by name. Files that cannot be read
    // leave the matching field empty and add a line to `warnings` (if given).
    QList<Array> arrays(QStringList *warnings = nullptr) const;
    // One array by kernel name ("md0"); nullopt when it does not exist.
    std::optional<Array> array(const QString &name, QStringList *warnings = nullptr) const;

    QString mdDir(const QString &name) const; // ROOT/sys/block/NAME/md
    // The order arrays() returns: md2 before md10, md127 last.
    static bool nameLess(const QString &a, const QString &b);

private:
    QString m_root;
};

} // namespace plexus

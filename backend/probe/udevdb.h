// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The udev database (ROOT/run/udev/data/bMAJ:MIN): serial, WWN, bus, filesystem
// type, partition table type. World-readable, so the GUI needs no root for it.

#include <QHash>
#include <QString>

namespace plexus {

// Properties ("E:KEY=VALUE" lines) of the block device whose sysfs dir is `sysBlockDir`
// (it holds the "dev" file with MAJ:MIN). Empty when udev knows nothing.
QHash<QString, QString> udevProperties(const QString &root, const QString &sysBlockDir);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Mounted filesystems (ROOT/proc/self/mountinfo) and active swap (ROOT/proc/swaps).

#include "model/blockdevice.h"

namespace plexus {

QList<Mount> readMounts(const QString &root);
QStringList readSwaps(const QString &root); // kernel names
// Fills each block-device mount's size, used and available bytes (statvfs: what
// df shows) on the live system. As root, only where no one but root could have
// changed the way to the mount point (each directory on it root's, writable by
// root alone, no symbolic links): a path others control is never followed as root.
void readUsage(QList<Mount> *mounts);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Mounted filesystems (ROOT/proc/self/mountinfo) and active swap (ROOT/proc/swaps).

#include "model/blockdevice.h"

namespace plexus {

QList<Mount> readMounts(const QString &root);
QStringList readSwaps(const QString &root); // kernel names

} // namespace plexus

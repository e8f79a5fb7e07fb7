// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// `plexusctl status` as text: the physical tree (disks > partitions > what uses
// them) and the logical tree (arrays > members, progress > volume groups > volumes).

#include "model/snapshot.h"

#include <QTextStream>

namespace plexus {

void printStatusTree(const Snapshot &s, QTextStream &out);

} // namespace plexus

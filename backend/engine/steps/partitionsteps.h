// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Steps that write partition tables, shared by the plans that partition a new disk
// first (create, add, replace) and by CopyPartitionTable.

#include "engine/ops/copypartitiontable.h"
#include "engine/plan.h"

namespace plexus {

// A new GPT on `disk` with one Linux RAID partition, `partition`, filling it.
Step partitionWholeDiskStep(const ResolvedDevice &disk, const QString &partition);
// sfdisk DISK < SCRIPT (the old table saved first when it had one), then the
// kernel reads it and shows `partitions` ("sdb1", ...). `what` says what they are.
QList<Step> writeTableSteps(const ResolvedDevice &disk, bool hadTable, const QByteArray &script, const QString &what, const QStringList &partitions);
// sfdisk --dump SOURCE | sfdisk TARGET (the old table saved first), then the kernel reads it.
QList<Step> copyTableSteps(const ValidCopyTable &v);

} // namespace plexus

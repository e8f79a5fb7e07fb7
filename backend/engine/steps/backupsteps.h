// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The steps of a split-mirror backup (ops/backup.h) that no other plan has:
// note how much a device has been written, take a copy back in incrementally,
// cut the copy off at one instant with its filesystems frozen, and record it.

#include "engine/plan.h"
#include "engine/validator.h"

namespace plexus {

// Remembers how many bytes the kernel has written to DEV so far
// (/sys/class/block/NAME/stat), for recordBackupStep to tell what the copy cost.
Step noteWrittenStep(const ResolvedDevice &dev);
// mdadm ARRAY --re-add DEV: the copy takes back its old slot and md copies
// only the regions its write-intent bitmap marked since the copy left.
Step reAddStep(const QString &arrayPath, const QString &md, const ResolvedDevice &dev);
// Freezes every filesystem mounted from `stacked` (the array, its partitions,
// its logical volumes: model/stacking.h), marks DEV faulty, thaws them: DEV
// then holds the array as it was at that instant, clean.
Step cutCopyStep(const QString &arrayPath, const QString &md, const ResolvedDevice &dev, const QStringList &stacked);
// Writes the record of the copy on DEV (engine/backuprecord.h), forgetting the
// copy it overwrote (`overwritten`: that copy's Device UUID, if any).
struct BackupRecord;
Step recordBackupStep(const BackupRecord &planned, const ResolvedDevice &dev, const QString &journalDirectory, const QString &overwritten);

} // namespace plexus

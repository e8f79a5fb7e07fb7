// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Words and numbers for people: sizes, durations, array health. Shared by the
// CLI, the GUI and notifications so they all say the same thing.

#include "array.h"

#include <KLocalizedString>

#include <optional>

namespace plexus {

// Items joined one step at a time by `step`, a message such as "%1, %2" (the
// items so far, the next one), so that translators choose the separator.
QString joinedList(const QStringList &items, const KLocalizedString &step);
QString humanSize(qint64 bytes);             // "1.5 GiB", "512 MiB", "0 B"
// A size as people type it, in binary units as LVM and mdadm read them (1G is
// 1024 MiB): "512M", "20G", "1.5T", "20 GiB", "4096"; empty if it is none.
std::optional<quint64> parseSize(const QString &text);
QString humanDuration(double minutes);       // "1 h 28 min", "12 min", "under a minute"
QString humanRate(qint64 kibPerSec);         // "198 MB/s"
// An md level as people write it: "RAID-5", "linear (concatenated)"; unknown ones as given.
QString levelWords(const QString &level);
// One word per member state: faulty, spare, journal, replacement, rebuilding,
// in_sync, or active (working, sync state not known: mdstat alone doesn't say).
QString memberStateWord(const Member &m);
// "Healthy", "Degraded: 1 of 4 members missing", "Rebuilding sdb1, 46.0% - 1 h 28 min
// left at 198 MB/s", "Inactive", "Failed: ..." .
QString arrayHealthText(const Array &a);
// "resync 46.0% (123/456 KiB), 1 h 28 min left at 198 MB/s", or "resync delayed".
QString syncText(const SyncProgress &s);
// md's own word for a sync action ("recovery"), for people to read; "sync" when
// not known. Unfinished, so that records can say it in English.
KLocalizedString syncActionWord(const std::optional<SyncAction> &action);

} // namespace plexus

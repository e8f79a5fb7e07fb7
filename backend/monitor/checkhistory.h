// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// An array's last check (or repair), from its events: the system journal's
// history (journalhistory.h) and what was seen since. md itself keeps only the
// last mismatch count, not when the check ran or how long it took.

#include "events.h"

namespace plexus {

struct CheckRecord {
    SyncAction action = SyncAction::Check;  // Check or Repair
    QDateTime finished;
    std::optional<qint64> seconds;          // how long it ran, when its start is in the events
    std::optional<qint64> mismatches;       // sectors that differed, when known
};

// The last check or repair of `array` that finished, in `events` (oldest first).
std::optional<CheckRecord> lastCheck(const QList<Event> &events, const QString &array);

} // namespace plexus

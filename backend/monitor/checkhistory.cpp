// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "checkhistory.h"

namespace plexus {

std::optional<CheckRecord> lastCheck(const QList<Event> &events, const QString &array)
{
    const auto isScrub = [](const Event &e) { return e.action == SyncAction::Check || e.action == SyncAction::Repair; };
    std::optional<CheckRecord> last;
    QDateTime started;
    for (const Event &e : events) {
        if (e.array != array)
            continue;
        if (e.kind == EventKind::SyncStarted) {
            started = isScrub(e) ? e.time : QDateTime();
        } else if (e.kind == EventKind::SyncFinished && isScrub(e)) {
            CheckRecord record{*e.action, e.time, {}, e.mismatches};
            if (started.isValid() && started <= e.time)
                record.seconds = started.secsTo(e.time);
            last = record;
            started = {};
        } else if (e.kind == EventKind::MismatchFound && last && !last->mismatches) {
            last->mismatches = e.mismatches;  // a history written before finishes carried the count
        }
    }
    return last;
}

} // namespace plexus

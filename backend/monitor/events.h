// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Typed storage events, derived by comparing two snapshots. The monitor, the
// window's history, notifications and `plexusctl monitor` all speak these.

#include "model/snapshot.h"

#include <QDateTime>
#include <QJsonObject>

namespace plexus {

enum class EventKind {
    MemberFailed,      // a member turned faulty
    ArrayDegraded,     // an array lost redundancy (fewer working members than slots)
    ArrayFailed,       // more members lost than the level survives: data unavailable
    ArrayRecovered,    // a degraded array is whole again
    SpareActivated,    // a spare took a slot and is being rebuilt into it
    MemberAdded,
    MemberRemoved,
    SyncStarted,       // resync, recovery, reshape, check or repair began
    SyncProgress,      // progress moved by at least a whole percent
    SyncFinished,
    MismatchFound,     // a check or repair ended with mismatch_cnt > 0
    DiskAdded,
    DiskRemoved,
    ArrayStarted,
    ArrayStopped,
    DriveAtRisk,       // a drive's own health check (SMART, NVMe) warns it may fail: its arrays are at risk
    JobDone,           // plexus-helper carried out a job (from the journal: the monitor never derives these)
    JobFailed,         // plexus-helper's job stopped at a failed step
};
inline constexpr EventKind lastEventKind = EventKind::JobFailed;

enum class Urgency { Low, Normal, Critical }; // the freedesktop notification levels

struct Event {
    EventKind kind;
    QString array;                 // "md0", empty for disk events
    QString device;                // member or disk, when the event is about one
    std::optional<SyncAction> action;
    std::optional<double> percent;
    std::optional<qint64> mismatches;
    QDateTime time;
    // Plexus did it on purpose (probe/plannedfailures.h): why, in words. Such a
    // failure is news, not an alarm.
    QString planned;
    // A helper job's: what it did, in words (its plan's summary), and for whom.
    QString job;
    QString user;
    // A drive at risk: why, in words ("the drive reports it is failing; 8 sectors reallocated").
    QString health;

    Urgency urgency() const;
    // In the user's language, for people: notifications, the window's history.
    QString summary() const;       // "md0 is degraded"
    QString body() const;          // one or two sentences with what to do
    // The same in English whatever the user's language, for what is kept or
    // read by programs: the journal's MESSAGE, JSON, plexusctl's event lines,
    // mail. (planned, job and health are kept as they came.)
    QString englishSummary() const;
    QString englishBody() const;
};

QString toString(EventKind kind);  // "member-failed", "array-degraded", ...
std::optional<EventKind> eventKindFromString(const QString &word);
QJsonObject eventToJson(const Event &e);
// plexusctl's line for an event: "2026-12-04 20:25:29.123  member-failed  vdb failed in md0".
QString eventLine(const Event &e);

// Events that explain how `before` became `after` (both taken by the probe),
// stamped with `after.takenAt`.
QList<Event> deriveEvents(const Snapshot &before, const Snapshot &after);

// How many members, whichever they are, an array of this level, width and
// layout can lose and keep its data (model/raidlevel).
int failuresSurvivable(const Array &a);

} // namespace plexus

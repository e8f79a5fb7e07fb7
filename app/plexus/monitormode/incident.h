// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What one desktop notification says. Events of one array that arrive together
// (a member failing and the array degrading) are one incident and become one
// notification, led by the worst of them; the rest is told in its body.

#include "monitor/events.h"

#include <optional>

namespace plexus {

struct Notification {
    QString key;              // the incident's array, or "disk vdX" for a disk in no array
    Urgency urgency = Urgency::Normal;
    QString summary;
    QString body;
    EventKind lead = EventKind::ArrayDegraded; // the event the summary tells
    QString device;           // the lead event's member or disk
    QString array;            // where "open" goes; empty for a lone disk
    QString failedDevice;     // where "replace" goes: a member that failed, if any
    QStringList actions;      // freedesktop pairs: id, label
};

// The incident an event belongs to: its array. A removed disk that served an
// array joins that array's incident: md notices the loss only on the next I/O.
QString incidentKey(const Event &e, const Snapshot &before, const Snapshot &after);

// Whether `member` ("sdb1", "nvme0n1p2", "vdb") is `disk` or one of its partitions.
bool isOnDisk(const QString &member, const QString &disk);

// The notification for one incident's events; nullopt when none of them is worth
// interrupting the user for (low urgency: progress, disks added, arrays started).
// Low-urgency events still inform it: a member removed as the array degrades.
std::optional<Notification> composeNotification(const QString &key, const QList<Event> &events);

// True when `next` would only repeat, less urgently, what `last` (still on
// screen) said: the disk whose member failure it reported has gone from udev.
bool addsNothing(const Notification &next, const Notification &last);

} // namespace plexus

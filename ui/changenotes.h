// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The change log's lines are the backend's typed events (monitor/events.h), in
// the words notifications and `plexusctl monitor` use, coloured by urgency:
// red critical, amber (green for good news) normal, grey low.

#include "monitor/events.h"
#include "tone.h"

namespace plexus {

struct ChangeNote {
    QString text;
    Tone tone = Tone::Neutral;
    // What the change is about, for showing one array's or one disk's changes.
    QString array;
    QString device;
    bool operator==(const ChangeNote &) const = default;
};

Tone eventTone(const Event &e);

// A line per event, except progress ticks (the card shows those). A disk's
// line names its model and size, looked up in the snapshot that has the disk.
QList<ChangeNote> eventNotes(const QList<Event> &events, const Snapshot &before, const Snapshot &after);

struct ChangeLogEntry;
// Past events (the journal's) as the log's lines, each at its own time; disks
// are looked up in `now`.
QList<ChangeLogEntry> pastEntries(const QList<Event> &events, const Snapshot &now);

} // namespace plexus

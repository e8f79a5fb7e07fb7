// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "changenotes.h"
#include "changelogmodel.h"
#include "model/describe.h"
#include "words.h"

namespace plexus {

namespace {

QString diskFacts(const Disk &d, bool withSize)
{
    QStringList facts{d.model};
    if (withSize) {
        facts << humanSize(d.sizeBytes);
        if (!d.bus.isEmpty())
            facts << busTitle(d.bus);
    }
    facts.removeAll(QString());
    return facts.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(facts.join(QStringLiteral(", ")));
}

} // namespace

Tone eventTone(const Event &e)
{
    switch (e.urgency()) {
    case Urgency::Critical:
        return Tone::Bad;
    case Urgency::Normal:
        return e.kind == EventKind::ArrayRecovered || e.kind == EventKind::SyncFinished ? Tone::Good : Tone::Warning;
    case Urgency::Low:
        break;
    }
    return e.kind == EventKind::SyncStarted ? Tone::Busy : Tone::Neutral;
}

QList<ChangeNote> eventNotes(const QList<Event> &events, const Snapshot &before, const Snapshot &after)
{
    QList<ChangeNote> notes;
    for (const Event &e : events) {
        if (e.kind == EventKind::SyncProgress)
            continue;
        QString text = e.summary();
        if (e.kind == EventKind::DiskAdded)
            if (const Disk *d = after.disk(e.device))
                text += diskFacts(*d, true);
        if (e.kind == EventKind::DiskRemoved)
            if (const Disk *d = before.disk(e.device))
                text += diskFacts(*d, false);
        if (e.kind == EventKind::DriveAtRisk && !e.health.isEmpty())
            text += QStringLiteral(": ") + e.health;
        notes << ChangeNote{text, eventTone(e), e.array, e.device};
    }
    return notes;
}

QList<ChangeLogEntry> pastEntries(const QList<Event> &events, const Snapshot &now)
{
    QList<ChangeLogEntry> entries;
    for (const Event &e : events) {
        for (const ChangeNote &note : eventNotes({e}, now, now))
            entries << ChangeLogEntry{e.time, note};
    }
    return entries;
}

} // namespace plexus

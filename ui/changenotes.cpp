// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "changenotes.h"
#include "changelogmodel.h"
#include "model/describe.h"
#include "words.h"

#include <KLocalizedString>

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
    return facts.join(i18nc("separator between facts about a disk", ", "));
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
        const Disk *disk = e.kind == EventKind::DiskAdded ? after.disk(e.device) : e.kind == EventKind::DiskRemoved ? before.disk(e.device) : nullptr;
        if (const QString facts = disk ? diskFacts(*disk, e.kind == EventKind::DiskAdded) : QString(); !facts.isEmpty())
            text = i18nc("a disk added or removed, then facts about it: \"Disk sdd added (Ultra Fit, 29.8 GiB, USB)\"", "%1 (%2)", text, facts);
        if (e.kind == EventKind::DriveAtRisk && !e.health.isEmpty())
            text = i18nc("a drive at risk, then why", "%1: %2", text, e.health);
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

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "events.h"
#include "model/describe.h"
#include "model/raidlevel.h"

#include <KLocalizedString>

#include <QHash>

#include <algorithm>
#include <cmath>

namespace plexus {

QString toString(EventKind kind)
{
    switch (kind) {
    case EventKind::MemberFailed: return QStringLiteral("member-failed");
    case EventKind::ArrayDegraded: return QStringLiteral("array-degraded");
    case EventKind::ArrayFailed: return QStringLiteral("array-failed");
    case EventKind::ArrayRecovered: return QStringLiteral("array-recovered");
    case EventKind::SpareActivated: return QStringLiteral("spare-activated");
    case EventKind::MemberAdded: return QStringLiteral("member-added");
    case EventKind::MemberRemoved: return QStringLiteral("member-removed");
    case EventKind::SyncStarted: return QStringLiteral("sync-started");
    case EventKind::SyncProgress: return QStringLiteral("sync-progress");
    case EventKind::SyncFinished: return QStringLiteral("sync-finished");
    case EventKind::MismatchFound: return QStringLiteral("mismatch-found");
    case EventKind::DiskAdded: return QStringLiteral("disk-added");
    case EventKind::DiskRemoved: return QStringLiteral("disk-removed");
    case EventKind::ArrayStarted: return QStringLiteral("array-started");
    case EventKind::ArrayStopped: return QStringLiteral("array-stopped");
    case EventKind::DriveAtRisk: return QStringLiteral("drive-at-risk");
    case EventKind::JobDone: return QStringLiteral("job-done");
    case EventKind::JobFailed: return QStringLiteral("job-failed");
    }
    return {};
}

std::optional<EventKind> eventKindFromString(const QString &word)
{
    for (int k = int(EventKind::MemberFailed); k <= int(lastEventKind); ++k) {
        if (toString(EventKind(k)) == word)
            return EventKind(k);
    }
    return std::nullopt;
}

int failuresSurvivable(const Array &a)
{
    const RaidLevel *rules = a.level ? raidLevel(*a.level) : nullptr;
    return rules ? rules->failuresAlwaysSurvived(a.raidDisks.value_or(0), a.raid10Layout) : 0;
}

Urgency Event::urgency() const
{
    if (!planned.isEmpty())
        return Urgency::Low;
    switch (kind) {
    case EventKind::MemberFailed:
    case EventKind::ArrayDegraded:
    case EventKind::ArrayFailed:
    case EventKind::DriveAtRisk:
        return Urgency::Critical;
    case EventKind::MismatchFound:
    case EventKind::ArrayRecovered:
    case EventKind::SyncFinished:
    case EventKind::SpareActivated:
    case EventKind::DiskRemoved:
    case EventKind::JobFailed:
        return Urgency::Normal;
    default:
        return Urgency::Low;
    }
}

namespace {

// The summary, to be said in the user's language (notifications, the window)
// or in English (the journal, JSON, plexusctl's lines, mail). KI18n writes
// numbers as the locale does ("47,5", "1,234"); records keep them as digits
// and a point, as they always were.
KLocalizedString summaryMessage(const Event &e, bool forRecords = false)
{
    const KLocalizedString act = syncActionWord(e.action);
    if (!e.planned.isEmpty() && e.kind == EventKind::MemberFailed)
        return ki18nc("@title an event: Plexus took a member out of an array on purpose", "Plexus took %1 out of %2").subs(e.device).subs(e.array);
    if (!e.planned.isEmpty() && e.kind == EventKind::ArrayDegraded)
        return ki18nc("@title an event: an array", "%1 runs without a member for now").subs(e.array);
    switch (e.kind) {
    case EventKind::MemberFailed: return ki18nc("@title an event: a member, an array", "%1 failed in %2").subs(e.device).subs(e.array);
    case EventKind::ArrayDegraded: return ki18nc("@title an event: an array", "%1 is degraded").subs(e.array);
    case EventKind::ArrayFailed: return ki18nc("@title an event: an array", "%1 has failed").subs(e.array);
    case EventKind::ArrayRecovered: return ki18nc("@title an event: an array", "%1 is healthy again").subs(e.array);
    case EventKind::SpareActivated: return ki18nc("@title an event: a spare device, an array", "Spare %1 is rebuilding %2").subs(e.device).subs(e.array);
    case EventKind::MemberAdded: return ki18nc("@title an event: a device, an array", "%1 added to %2").subs(e.device).subs(e.array);
    case EventKind::MemberRemoved: return ki18nc("@title an event: a device, an array", "%1 removed from %2").subs(e.device).subs(e.array);
    case EventKind::SyncStarted: return ki18nc("@title an event: an array, md's sync action", "%1: %2 started").subs(e.array).subs(act);
    case EventKind::SyncProgress: {
        const KLocalizedString m = ki18nc("@title an event: an array, md's sync action, a percentage", "%1: %2 at %3%").subs(e.array).subs(act);
        const double percent = e.percent.value_or(0);
        return forRecords ? m.subs(QString::number(percent, 'f', 1)) : m.subs(percent, 0, 'f', 1);
    }
    case EventKind::SyncFinished: return ki18nc("@title an event: an array, md's sync action", "%1: %2 finished").subs(e.array).subs(act);
    case EventKind::MismatchFound:
        return ki18ncp("@title an event: %2 an array, %3 md's sync action (check or repair), %1 a count of sectors",
                       "%2: %3 found %1 mismatched sector", "%2: %3 found %1 mismatched sectors")
            .subs(qlonglong(e.mismatches.value_or(0)))
            .subs(e.array)
            .subs(act);
    case EventKind::DiskAdded: return ki18nc("@title an event: a disk", "Disk %1 added").subs(e.device);
    case EventKind::DiskRemoved: return ki18nc("@title an event: a disk", "Disk %1 removed").subs(e.device);
    case EventKind::ArrayStarted: return ki18nc("@title an event: an array", "%1 started").subs(e.array);
    case EventKind::ArrayStopped: return ki18nc("@title an event: an array", "%1 stopped").subs(e.array);
    case EventKind::DriveAtRisk: return ki18nc("@title an event: a drive", "%1 may fail soon").subs(e.device);
    case EventKind::JobDone: return ki18nc("@title an event: a user, what Plexus did for them", "Done for %1: %2").subs(e.user).subs(e.job);
    case EventKind::JobFailed: return ki18nc("@title an event: a user, what Plexus failed to do for them", "Failed for %1: %2").subs(e.user).subs(e.job);
    }
    return KLocalizedString(); // no such kind
}

KLocalizedString bodyMessage(const Event &e, bool forRecords = false)
{
    // Plexus's own words for why, as the journal keeps them (Event::body()
    // gives them as they are when they end a sentence already).
    if (!e.planned.isEmpty())
        return ki18nc("@info why Plexus did it, as a sentence", "%1.").subs(e.planned);
    switch (e.kind) {
    case EventKind::MemberFailed:
        return ki18nc("@info a member, an array",
                      "The md driver took %1 out of %2. Replace it: drag a healthy disk onto the failed member in Plexus.")
            .subs(e.device)
            .subs(e.array);
    case EventKind::ArrayDegraded:
        return ki18nc("@info an array", "%1 keeps working but has no redundancy left to lose. Add or replace a disk soon.").subs(e.array);
    case EventKind::ArrayFailed:
        return ki18nc("@info an array",
                      "%1 lost more members than it can survive; its data is unavailable. Do not write to the remaining disks; open "
                      "Plexus before doing anything else.")
            .subs(e.array);
    case EventKind::DriveAtRisk:
        if (e.array.isEmpty())
            return ki18nc("@info %1 a drive, %2 why it may fail", "%1 warns of its own health: %2. Copy what it holds elsewhere.").subs(e.device).subs(e.health);
        return ki18nc("@info %1 a drive, %2 why it may fail, %3 an array it serves",
                      "%1 warns of its own health: %2. %3 still has all its copies: replace %1 now, while it does "
                      "(drag a healthy disk onto %1 in Plexus).")
            .subs(e.device)
            .subs(e.health)
            .subs(e.array);
    case EventKind::MismatchFound:
        return ki18nc("@info an array", "Some copies or parity of %1 did not match. Run a repair, and check the disks' health.").subs(e.array);
    default:
        return ki18nc("@info an event's summary, as a sentence", "%1.").subs(summaryMessage(e, forRecords));
    }
}

// The code's own language: what programs and the journal keep, whatever the user's.
const QStringList &english()
{
    static const QStringList languages{QStringLiteral("en_US")};
    return languages;
}

} // namespace

QString Event::summary() const
{
    return summaryMessage(*this).toString();
}

QString Event::body() const
{
    if (planned.endsWith(QLatin1Char('.')))
        return planned;
    return bodyMessage(*this).toString();
}

QString Event::englishSummary() const
{
    // The count as digits, whatever the locale, and in the words records
    // always had ("1 mismatched sectors" too).
    if (kind == EventKind::MismatchFound)
        return QStringLiteral("%1: %2 found %3 mismatched sectors")
            .arg(array, action ? toString(*action) : QStringLiteral("sync"))
            .arg(mismatches.value_or(0));
    return summaryMessage(*this, true).toString(english());
}

QString Event::englishBody() const
{
    if (planned.endsWith(QLatin1Char('.')))
        return planned;
    return bodyMessage(*this, true).toString(english());
}

QJsonObject eventToJson(const Event &e)
{
    QJsonObject o{{QStringLiteral("event"), toString(e.kind)},
                  {QStringLiteral("time"), e.time.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("summary"), e.englishSummary()}};
    if (!e.array.isEmpty()) o.insert(QStringLiteral("array"), e.array);
    if (!e.device.isEmpty()) o.insert(QStringLiteral("device"), e.device);
    if (e.action) o.insert(QStringLiteral("action"), toString(*e.action));
    if (e.percent) o.insert(QStringLiteral("percent"), *e.percent);
    if (e.mismatches) o.insert(QStringLiteral("mismatches"), double(*e.mismatches));
    if (!e.planned.isEmpty()) o.insert(QStringLiteral("planned"), e.planned);
    if (!e.job.isEmpty()) o.insert(QStringLiteral("job"), e.job);
    if (!e.user.isEmpty()) o.insert(QStringLiteral("user"), e.user);
    if (!e.health.isEmpty()) o.insert(QStringLiteral("health"), e.health);
    static const char *urgencies[] = {"low", "normal", "critical"};
    o.insert(QStringLiteral("urgency"), QLatin1String(urgencies[int(e.urgency())]));
    return o;
}

QString eventLine(const Event &e)
{
    return e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + QStringLiteral("  ") + toString(e.kind)
        + QStringLiteral("  ") + e.englishSummary();
}

namespace {

bool isLost(const Array &a)
{
    if (a.state == ArrayState::Broken)
        return true;
    return a.isRedundant() && a.state != ArrayState::Inactive && a.dataLost();
}

bool isWorking(const Member &m) { return !m.faulty && !m.spare && !m.journal; }

class Deriver
{
public:
    Deriver(const Snapshot &before, const Snapshot &after) : m_before(before), m_after(after) {}

    QList<Event> run()
    {
        // Most changes leave the disks as they were (the same list, shared): then
        // none came, went or began to warn. Otherwise by name, not by a search
        // per disk, which on hundreds of disks costs a millisecond.
        if (m_before.disks != m_after.disks) {
            const QHash<QString, const Disk *> before = byName(m_before.disks), after = byName(m_after.disks);
            for (const Disk &d : m_after.disks)
                if (!before.contains(d.name))
                    add(EventKind::DiskAdded, {}, d.name);
            for (const Disk &d : m_before.disks)
                if (!after.contains(d.name))
                    add(EventKind::DiskRemoved, {}, d.name);
            for (const Disk &d : m_after.disks)
                compareHealth(before.value(d.name), d);
        }
        for (const Array &a : m_after.arrays)
            compareArray(m_before.array(a.name), a);
        for (const Array &b : m_before.arrays)
            if (!m_after.array(b.name) && b.state != ArrayState::Inactive)
                add(EventKind::ArrayStopped, b.name);
        return m_events;
    }

private:
    static QHash<QString, const Disk *> byName(const QList<Disk> &disks)
    {
        QHash<QString, const Disk *> index;
        index.reserve(disks.size());
        for (const Disk &d : disks)
            index.insert(d.name, &d);
        return index;
    }

    Event &add(EventKind kind, const QString &array, const QString &device = {})
    {
        m_events.append(Event{kind, array, device, std::nullopt, std::nullopt, std::nullopt, m_after.takenAt});
        return m_events.last();
    }

    // Told once, when a drive starts to warn (not again while it goes on warning).
    void compareHealth(const Disk *before, const Disk &d)
    {
        const bool wasAtRisk = before && before->health && before->health->atRisk();
        if (!d.health || !d.health->atRisk() || wasAtRisk)
            return;
        QString array;
        for (const Array &a : m_after.arrays)
            if (m_after.disksAtRisk(a).contains(d.name)) {
                array = a.name;
                break;
            }
        add(EventKind::DriveAtRisk, array, d.name).health = d.health->risks().join(QStringLiteral("; "));
    }

    void compareArray(const Array *before, const Array &a)
    {
        const bool wasRunning = before && before->state != ArrayState::Inactive;
        if (a.state == ArrayState::Inactive) {
            // mdadm --stop: md may be seen inactive a moment before the array
            // vanishes, and its vanishing wakes nobody; the stop is this.
            if (wasRunning)
                add(EventKind::ArrayStopped, a.name);
            return;
        }
        if (!wasRunning)
            add(EventKind::ArrayStarted, a.name);
        compareMembers(before, a);
        const bool wasLost = wasRunning && isLost(*before);
        if (isLost(a) && !wasLost)
            add(EventKind::ArrayFailed, a.name);
        else if (a.degraded && (!wasRunning || !before->degraded))
            add(EventKind::ArrayDegraded, a.name);
        else if (!a.degraded && wasRunning && before->degraded)
            add(EventKind::ArrayRecovered, a.name);
        compareSync(wasRunning ? before : nullptr, a);
    }

    void compareMembers(const Array *before, const Array &a)
    {
        for (const Member &m : a.members) {
            const Member *old = before ? before->member(m.device) : nullptr;
            if (!old) {
                if (before)
                    add(EventKind::MemberAdded, a.name, m.device);
                if (m.faulty && before)
                    add(EventKind::MemberFailed, a.name, m.device);
                continue;
            }
            if (m.faulty && !old->faulty)
                add(EventKind::MemberFailed, a.name, m.device);
            else if (old->spare && isWorking(m))
                add(EventKind::SpareActivated, a.name, m.device);
        }
        if (!before)
            return;
        for (const Member &old : before->members)
            if (!a.member(old.device))
                add(EventKind::MemberRemoved, a.name, old.device);
    }

    void compareSync(const Array *before, const Array &a)
    {
        const std::optional<SyncProgress> &was = before ? before->sync : std::optional<SyncProgress>();
        const auto running = [](const std::optional<SyncProgress> &s) { return s && s->status == SyncStatus::Running; };
        if (running(a.sync) && (!running(was) || was->action != a.sync->action)) {
            if (running(was))
                finish(*before, a, *was);
            add(EventKind::SyncStarted, a.name).action = a.sync->action;
            m_events.last().percent = a.sync->percent;
        } else if (running(a.sync) && a.sync->percent && was->percent
                   && std::floor(*a.sync->percent) > std::floor(*was->percent)) {
            Event &e = add(EventKind::SyncProgress, a.name);
            e.action = a.sync->action;
            e.percent = a.sync->percent;
        } else if (!running(a.sync) && running(was)) {
            finish(*before, a, *was);
        }
    }

    static int inSyncCount(const Array &a)
    {
        return int(std::count_if(a.members.begin(), a.members.end(), [](const Member &m) { return m.inSync && !m.faulty; }));
    }

    void finish(const Array &before, const Array &a, const SyncProgress &was)
    {
        // md sets "recovery" for a moment when a member fails, looks for a
        // spare, finds none and stops: nothing was rebuilt, the array is as
        // degraded as before. Telling "recovery finished" then would be false.
        if (was.action == SyncAction::Recovery && a.degraded && inSyncCount(a) <= inSyncCount(before))
            return;
        Event &finished = add(EventKind::SyncFinished, a.name);
        finished.action = was.action;
        const bool scrub = was.action == SyncAction::Check || was.action == SyncAction::Repair;
        // What a check found, none included, goes into the history with its end.
        if (scrub)
            finished.mismatches = a.mismatchCount;
        if (scrub && a.mismatchCount.value_or(0) > 0) {
            Event &e = add(EventKind::MismatchFound, a.name);
            e.action = was.action;
            e.mismatches = a.mismatchCount;
        }
    }

    const Snapshot &m_before;
    const Snapshot &m_after;
    QList<Event> m_events;
};

} // namespace

QList<Event> deriveEvents(const Snapshot &before, const Snapshot &after)
{
    return Deriver(before, after).run();
}

} // namespace plexus

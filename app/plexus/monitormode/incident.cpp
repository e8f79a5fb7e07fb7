// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "incident.h"

#include <KLocalizedString>

#include <algorithm>

namespace plexus {

namespace {

// Which event leads a notification when several arrive together: the worst
// news first; good news only when there is nothing else to say.
int leadRank(EventKind kind)
{
    switch (kind) {
    case EventKind::ArrayFailed: return 0;
    case EventKind::MemberFailed: return 1;
    case EventKind::DriveAtRisk: return 2;
    case EventKind::ArrayDegraded: return 2;
    case EventKind::DiskRemoved: return 3;
    case EventKind::MismatchFound: return 4;
    case EventKind::SyncFinished: return 5;
    case EventKind::ArrayRecovered: return 6;
    case EventKind::SpareActivated: return 7;
    default: return 8;
    }
}

QString arrayServedBy(const QString &disk, const Snapshot &snapshot)
{
    for (const Array &a : snapshot.arrays)
        for (const Member &m : a.members)
            if (isOnDisk(m.device, disk))
                return a.name;
    return {};
}

} // namespace

bool isOnDisk(const QString &member, const QString &disk)
{
    if (member == disk)
        return true;
    if (!member.startsWith(disk) || member.size() == disk.size())
        return false;
    QStringView rest = QStringView(member).mid(disk.size());
    if (disk.back().isDigit()) { // nvme0n1 -> nvme0n1p2, mmcblk0 -> mmcblk0p1
        if (!rest.startsWith(u'p'))
            return false;
        rest = rest.mid(1);
    }
    return !rest.isEmpty() && std::all_of(rest.begin(), rest.end(), [](QChar c) { return c.isDigit(); });
}

QString incidentKey(const Event &e, const Snapshot &before, const Snapshot &after)
{
    if (!e.array.isEmpty())
        return e.array;
    if (e.kind == EventKind::DiskRemoved) {
        QString array = arrayServedBy(e.device, after);
        if (array.isEmpty())
            array = arrayServedBy(e.device, before);
        if (!array.isEmpty())
            return array;
    }
    return QStringLiteral("disk ") + e.device;
}

namespace {

bool has(const QList<Event> &events, EventKind kind)
{
    return std::any_of(events.begin(), events.end(), [kind](const Event &e) { return e.kind == kind; });
}

// A disk pulled out of a running array: udev's `mdadm -If` fails and removes
// the member at once, so a snapshot may see it gone without ever seeing it
// faulty. A member removed as its array loses redundancy was a working one
// that failed: say so, as if the failure had been seen.
QList<Event> withRemovalsAsFailures(QList<Event> events)
{
    if (has(events, EventKind::MemberFailed) || !(has(events, EventKind::ArrayDegraded) || has(events, EventKind::ArrayFailed)))
        return events;
    for (const Event &e : std::as_const(events))
        if (e.kind == EventKind::MemberRemoved) {
            Event failed = e;
            failed.kind = EventKind::MemberFailed;
            events << failed;
        }
    return events;
}

} // namespace

bool addsNothing(const Notification &next, const Notification &last)
{
    return next.lead == EventKind::DiskRemoved && last.urgency == Urgency::Critical && !last.failedDevice.isEmpty()
        && isOnDisk(last.failedDevice, next.device);
}

std::optional<Notification> composeNotification(const QString &key, const QList<Event> &events)
{
    QList<Event> told;
    for (const Event &e : withRemovalsAsFailures(events))
        if (e.urgency() != Urgency::Low)
            told << e;
    if (told.isEmpty())
        return std::nullopt;
    std::stable_sort(told.begin(), told.end(), [](const Event &a, const Event &b) {
        if (a.urgency() != b.urgency())
            return a.urgency() > b.urgency();
        return leadRank(a.kind) < leadRank(b.kind);
    });

    const Event &lead = told.first();
    Notification n;
    n.key = key;
    n.urgency = lead.urgency();
    n.summary = lead.summary();
    n.lead = lead.kind;
    n.device = lead.device;
    n.array = key.startsWith(QLatin1String("disk ")) ? QString() : key;
    QStringList body{lead.body()};
    QStringList said{lead.summary()};
    for (const Event &e : told.mid(1)) {
        if (said.contains(e.summary()))
            continue;
        said << e.summary();
        body << i18nc("@info an event's summary, as a sentence", "%1.", e.summary());
    }
    for (const Event &e : told)
        if (e.kind == EventKind::MemberFailed) {
            n.failedDevice = e.device;
            break;
        }
    if (!n.array.isEmpty())
        n.actions << QStringLiteral("default") << i18nc("@action:button a notification's", "Open Plexus");
    if (n.urgency == Urgency::Critical && !n.array.isEmpty()) {
        n.actions << QStringLiteral("open") << i18nc("@action:button a notification's", "Open Plexus");
        if (!n.failedDevice.isEmpty())
            n.actions << QStringLiteral("replace") << i18nc("@action:button a notification's: %1 a failed member", "Replace %1", n.failedDevice);
    }
    n.body = body.join(QLatin1Char('\n'));
    return n;
}

} // namespace plexus

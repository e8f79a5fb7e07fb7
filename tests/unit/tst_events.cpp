// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Typed events from two snapshots: what the monitor tells the user.
#include "monitor/events.h"
#include "probe/plannedfailures.h"

#include <QTemporaryDir>
#include <QTest>

using namespace plexus;

namespace {

Member member(const QString &dev, int slot, bool inSync = true)
{
    Member m;
    m.device = dev;
    m.index = slot;
    m.slot = slot;
    m.inSync = inSync;
    return m;
}

Array raid(const QString &level, int disks)
{
    Array a;
    a.name = QStringLiteral("md0");
    a.level = level;
    a.raidDisks = disks;
    a.activeDisks = disks;
    a.degradedCount = 0;
    for (int i = 0; i < disks; ++i)
        a.members.append(member(QStringLiteral("vd%1").arg(QChar(u'a' + i)), i));
    return a;
}

void failMember(Array &a, int i)
{
    a.members[i].faulty = true;
    a.members[i].inSync = false;
    a.members[i].slot.reset();
    a.activeDisks = *a.activeDisks - 1;
    a.degradedCount = *a.degradedCount + 1;
    a.degraded = true;
}

Snapshot with(const Array &a)
{
    Snapshot s;
    s.arrays = {a};
    s.takenAt = QDateTime::currentDateTimeUtc();
    return s;
}

QStringList kinds(const QList<Event> &events)
{
    QStringList out;
    for (const Event &e : events)
        out << toString(e.kind) + (e.device.isEmpty() ? QString() : QLatin1Char(':') + e.device);
    return out;
}

} // namespace

class TestEvents : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nothingChangedNothingSaid()
    {
        const Array a = raid(QStringLiteral("raid5"), 4);
        QVERIFY(deriveEvents(with(a), with(a)).isEmpty());
    }

    void memberFailureDegradesTheArray()
    {
        const Array before = raid(QStringLiteral("raid5"), 4);
        Array after = before;
        failMember(after, 2);
        const QList<Event> events = deriveEvents(with(before), with(after));
        QCOMPARE(kinds(events), (QStringList{QStringLiteral("member-failed:vdc"), QStringLiteral("array-degraded")}));
        QCOMPARE(events[0].urgency(), Urgency::Critical);
        QCOMPARE(events[0].summary(), QStringLiteral("vdc failed in md0"));
        QVERIFY(events[0].body().contains(QStringLiteral("Replace it")));
        QCOMPARE(events[1].summary(), QStringLiteral("md0 is degraded"));
    }

    // A member Plexus failed on purpose (a backup cut off) is news, not an
    // alarm; another member failing at the same time still is.
    void plannedFailuresAreNotAlarms()
    {
        QTemporaryDir root;
        const Array before = raid(QStringLiteral("raid1"), 3);
        Array after = before;
        failMember(after, 1);
        announcePlannedFailure(QStringLiteral("md0"), QStringLiteral("vdb"), QStringLiteral("The backup on /dev/vdb was cut off"), root.path());
        QList<Event> events = deriveEvents(with(before), with(after));
        markPlanned(&events, root.path());
        QCOMPARE(kinds(events), (QStringList{QStringLiteral("member-failed:vdb"), QStringLiteral("array-degraded")}));
        QCOMPARE(events[0].urgency(), Urgency::Low);
        QCOMPARE(events[0].summary(), QStringLiteral("Plexus took vdb out of md0"));
        QCOMPARE(events[0].body(), QStringLiteral("The backup on /dev/vdb was cut off."));
        QCOMPARE(events[1].urgency(), Urgency::Low);
        QCOMPARE(eventToJson(events[0]).value(QStringLiteral("planned")).toString(), QStringLiteral("The backup on /dev/vdb was cut off"));

        failMember(after, 2);
        events = deriveEvents(with(before), with(after));
        markPlanned(&events, root.path());
        QCOMPARE(events[0].urgency(), Urgency::Low);
        QCOMPARE(events[1].urgency(), Urgency::Critical); // vdc: nobody planned it
        QCOMPARE(events[1].summary(), QStringLiteral("vdc failed in md0"));
        QVERIFY(events[2].kind == EventKind::ArrayDegraded);
        QCOMPARE(events[2].urgency(), Urgency::Critical);

        // Another root, or none written: the alarm as ever.
        QTemporaryDir other;
        events = deriveEvents(with(before), with(after));
        markPlanned(&events, other.path());
        QCOMPARE(events[0].urgency(), Urgency::Critical);
    }

    void secondFailureOfRaid5IsAFailedArray()
    {
        Array before = raid(QStringLiteral("raid5"), 4);
        failMember(before, 0);
        Array after = before;
        failMember(after, 1);
        QCOMPARE(kinds(deriveEvents(with(before), with(after))),
                 (QStringList{QStringLiteral("member-failed:vdb"), QStringLiteral("array-failed")}));
    }

    void raid6SurvivesTwo()
    {
        Array before = raid(QStringLiteral("raid6"), 5);
        failMember(before, 0);
        Array after = before;
        failMember(after, 1);
        // Still degraded (already said), not failed.
        QCOMPARE(kinds(deriveEvents(with(before), with(after))), QStringList{QStringLiteral("member-failed:vdb")});
        QCOMPARE(failuresSurvivable(after), 2);
    }

    // RAID-10 near-2 of four: mirror pairs (0,1) and (2,3). Which members fail
    // decides, not how many.
    void raid10FailsOnlyWhenAPairIsGone()
    {
        Array before = raid(QStringLiteral("raid10"), 4);
        before.raid10Layout = QStringLiteral("2 near-copies");
        failMember(before, 1);
        Array otherPair = before, samePair = before;
        failMember(otherPair, 2);
        failMember(samePair, 0);
        QCOMPARE(kinds(deriveEvents(with(before), with(otherPair))), QStringList{QStringLiteral("member-failed:vdc")});
        QCOMPARE(kinds(deriveEvents(with(before), with(samePair))),
                 (QStringList{QStringLiteral("member-failed:vda"), QStringLiteral("array-failed")}));
        QCOMPARE(failuresSurvivable(samePair), 1);
    }

    void rebuildStartsProgressesFinishes()
    {
        Array degraded = raid(QStringLiteral("raid1"), 2);
        failMember(degraded, 1);
        degraded.members.removeLast();
        Array rebuilding = degraded;
        rebuilding.members.append(member(QStringLiteral("vdc"), 1, false));
        rebuilding.sync = SyncProgress{SyncAction::Recovery, SyncStatus::Running, 3.2, 100, 1000, 2.0, 5000};
        QCOMPARE(kinds(deriveEvents(with(degraded), with(rebuilding))),
                 (QStringList{QStringLiteral("member-added:vdc"), QStringLiteral("sync-started")}));

        Array further = rebuilding;
        further.sync->percent = 3.9; // same whole percent: nothing to say
        QVERIFY(deriveEvents(with(rebuilding), with(further)).isEmpty());
        further.sync->percent = 47.5;
        const QList<Event> progress = deriveEvents(with(rebuilding), with(further));
        QCOMPARE(kinds(progress), QStringList{QStringLiteral("sync-progress")});
        QCOMPARE(progress[0].summary(), QStringLiteral("md0: recovery at 47.5%"));

        Array done = raid(QStringLiteral("raid1"), 2);
        done.members[1].device = QStringLiteral("vdc");
        const QList<Event> finished = deriveEvents(with(further), with(done));
        QCOMPARE(kinds(finished), (QStringList{QStringLiteral("array-recovered"), QStringLiteral("sync-finished")}));
        QCOMPARE(finished[1].urgency(), Urgency::Normal);
    }

    // mdadm --fail with no spare: md runs "recovery" for a moment, finds
    // nothing to rebuild onto and stops. No "recovery finished" for that.
    void recoveryThatRebuiltNothingIsNotNews()
    {
        Array degraded = raid(QStringLiteral("raid1"), 2);
        failMember(degraded, 1);
        Array looking = degraded;
        looking.sync = SyncProgress{SyncAction::Recovery, SyncStatus::Running, 0.0, 0, 1000, std::nullopt, std::nullopt};
        QCOMPARE(kinds(deriveEvents(with(degraded), with(looking))), QStringList{QStringLiteral("sync-started")});
        QVERIFY(deriveEvents(with(looking), with(degraded)).isEmpty());
    }

    void spareTakesOver()
    {
        Array before = raid(QStringLiteral("raid5"), 3);
        Member spare = member(QStringLiteral("vdd"), -1, false);
        spare.slot.reset();
        spare.spare = true;
        before.members.append(spare);
        Array after = before;
        failMember(after, 0);
        after.members[3].spare = false;
        after.members[3].slot = 0;
        const QStringList got = kinds(deriveEvents(with(before), with(after)));
        QVERIFY2(got.contains(QStringLiteral("member-failed:vda")), qPrintable(got.join(u',')));
        QVERIFY(got.contains(QStringLiteral("spare-activated:vdd")));
    }

    void checkWithMismatches()
    {
        Array before = raid(QStringLiteral("raid6"), 4);
        before.sync = SyncProgress{SyncAction::Check, SyncStatus::Running, 99.0, 990, 1000, 0.1, 5000};
        Array after = raid(QStringLiteral("raid6"), 4);
        after.mismatchCount = 128;
        const QList<Event> events = deriveEvents(with(before), with(after));
        QCOMPARE(kinds(events), (QStringList{QStringLiteral("sync-finished"), QStringLiteral("mismatch-found")}));
        QCOMPARE(events[1].summary(), QStringLiteral("md0: check found 128 mismatched sectors"));
        QCOMPARE(events[1].urgency(), Urgency::Normal);
    }

    void disksAndArraysComeAndGo()
    {
        Snapshot before = with(raid(QStringLiteral("raid1"), 2));
        Disk sda;
        sda.name = QStringLiteral("sda");
        before.disks = {sda};
        Snapshot after;
        Disk sdb;
        sdb.name = QStringLiteral("sdb");
        after.disks = {sdb};
        Array md1 = raid(QStringLiteral("raid0"), 2);
        md1.name = QStringLiteral("md1");
        after.arrays = {md1};
        QCOMPARE(kinds(deriveEvents(before, after)),
                 (QStringList{QStringLiteral("disk-added:sdb"), QStringLiteral("disk-removed:sda"),
                              QStringLiteral("array-started"), QStringLiteral("array-stopped")}));
    }

    // mdadm --stop seen in two steps (inactive, then gone): one stop, at the first.
    void stopSeenInactiveFirst()
    {
        const Array running = raid(QStringLiteral("raid1"), 2);
        Array inactive = running;
        inactive.state = ArrayState::Inactive;
        inactive.members.clear();
        const Snapshot gone;
        QCOMPARE(kinds(deriveEvents(with(running), with(inactive))), QStringList{QStringLiteral("array-stopped")});
        QVERIFY(deriveEvents(with(inactive), gone).isEmpty());
        // Assembled inactive (members still arriving) and then gone: it never ran.
        QVERIFY(deriveEvents(Snapshot(), with(inactive)).isEmpty());
    }

    void jsonForScripts()
    {
        const Array before = raid(QStringLiteral("raid1"), 2);
        Array after = before;
        failMember(after, 0);
        const QJsonObject o = eventToJson(deriveEvents(with(before), with(after)).first());
        QCOMPARE(o.value(QStringLiteral("event")).toString(), QStringLiteral("member-failed"));
        QCOMPARE(o.value(QStringLiteral("array")).toString(), QStringLiteral("md0"));
        QCOMPARE(o.value(QStringLiteral("device")).toString(), QStringLiteral("vda"));
        QCOMPARE(o.value(QStringLiteral("urgency")).toString(), QStringLiteral("critical"));
    }
};

QTEST_GUILESS_MAIN(TestEvents)
#include "tst_events.moc"

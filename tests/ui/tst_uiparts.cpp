// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The pieces under the widgets, without a window: scaling partitions with a
// minimum width, an array's slots (missing, faulty, spare, replacement), the
// change log's lines, the urgency order of cards, and the level pictures.
#include "arraycard.h"
#include "changenotes.h"
#include "details.h"
#include "diskrow.h"
#include "disksegments.h"
#include "levelpicture.h"
#include "memberslots.h"
#include "words.h"

#include <QLabel>
#include <QTest>

using namespace plexus;

namespace {

Member member(const QString &device, std::optional<int> slot, QStringList state)
{
    Member m;
    m.device = device;
    m.slot = slot;
    m.rawState = state;
    m.inSync = state.contains(QStringLiteral("in_sync"));
    m.faulty = state.contains(QStringLiteral("faulty"));
    m.replacement = state.contains(QStringLiteral("replacement"));
    m.writeMostly = state.contains(QStringLiteral("write_mostly"));
    m.wantReplacement = state.contains(QStringLiteral("want_replacement"));
    m.spare = !m.faulty && !slot;
    return m;
}

Array raid5()
{
    Array a;
    a.name = QStringLiteral("md1");
    a.level = QStringLiteral("raid5");
    a.raidDisks = 4;
    a.degradedCount = 0;
    for (int i = 0; i < 4; ++i)
        a.members << member(QStringLiteral("sd") + QChar(u'a' + i) + QStringLiteral("1"), i, {QStringLiteral("in_sync")});
    return a;
}

QStringList texts(const QList<MemberSlot> &slots)
{
    QStringList result;
    for (const MemberSlot &s : slots)
        result << QStringLiteral("%1 %2 %3").arg(s.slot ? QString::number(*s.slot) : QStringLiteral("-"),
                                                 s.device.isEmpty() ? QStringLiteral("-") : s.device, s.stateText());
    return result;
}

// The change log's notes for the events between two snapshots.
QList<ChangeNote> notes(const Snapshot &before, const Snapshot &after)
{
    return eventNotes(deriveEvents(before, after), before, after);
}

QStringList noteTexts(const QList<ChangeNote> &notes)
{
    QStringList result;
    for (const ChangeNote &n : notes)
        result << n.text;
    return result;
}

} // namespace

class TestUiParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void widthsKeepTinyPartitionsVisible()
    {
        // 512 MiB next to 931 GiB in 600 px with 30 px minimum.
        const QList<int> w = segmentWidths({Q_INT64_C(512) << 20, Q_INT64_C(931) << 30}, 600, 30);
        QCOMPARE(w, (QList<int>{30, 570}));
        const QList<int> scaled = segmentWidths({100, 300, 600}, 1000, 10);
        QCOMPARE(scaled, (QList<int>{100, 300, 600}));
        const QList<int> crowded = segmentWidths({1, 1, 1, 1000000}, 100, 30); // minimums don't fit
        QCOMPARE(crowded, (QList<int>{25, 25, 25, 25}));
        int sum = 0;
        for (int x : segmentWidths({7, 13, 1, 1, 5000}, 777, 40))
            sum += x;
        QCOMPARE(sum, 777);
    }

    void slotsShowMissingFaultyAndSpare()
    {
        Array a = raid5();
        a.members[2] = member(QStringLiteral("sdc1"), std::nullopt, {QStringLiteral("faulty")});
        a.members << member(QStringLiteral("sde1"), std::nullopt, {QStringLiteral("spare")});
        a.degradedCount = 1;
        a.degraded = true;
        QCOMPARE(texts(memberSlots(a)), (QStringList{QStringLiteral("0 sda1 in sync"), QStringLiteral("1 sdb1 in sync"),
                                                     QStringLiteral("2 - missing"), QStringLiteral("3 sdd1 in sync"),
                                                     QStringLiteral("- sdc1 faulty"), QStringLiteral("- sde1 spare")}));
        QCOMPARE(arrayHealth(a), QStringLiteral("Degraded: 1 of 4 members missing"));
        QCOMPARE(arrayTone(a), Tone::Warning);
    }

    void slotsShowReplacementAndWriteMostly()
    {
        Array a;
        a.name = QStringLiteral("md0");
        a.level = QStringLiteral("raid1");
        a.raidDisks = 2;
        a.members = {member(QStringLiteral("sda1"), 0, {QStringLiteral("in_sync"), QStringLiteral("write_mostly")}),
                     member(QStringLiteral("sdc1"), 1, {QStringLiteral("replacement")}),
                     member(QStringLiteral("sdb1"), 1, {QStringLiteral("in_sync"), QStringLiteral("want_replacement")})};
        QCOMPARE(texts(memberSlots(a)), (QStringList{QStringLiteral("0 sda1 in sync, write-mostly"),
                                                     QStringLiteral("1 sdb1 in sync, replacement requested"),
                                                     QStringLiteral("1 sdc1 replacement")}));
        QCOMPARE(memberSlots(a)[1].tone(), Tone::Warning);
    }

    void failedWhenRedundancyIsGone()
    {
        Array a = raid5();
        a.degraded = true;
        a.degradedCount = 2;
        QVERIFY(arrayFailed(a));
        QCOMPARE(arrayHealth(a), QStringLiteral("Failed: 2 of 4 members missing"));
        a.level = QStringLiteral("raid6");
        QVERIFY(!arrayFailed(a));
    }

    // RAID-10 near-2 of four keeps its data while each mirror pair keeps a member.
    void raid10FailedByWhichMembersAreMissing()
    {
        Array a = raid5();
        a.level = QStringLiteral("raid10");
        a.degraded = true;
        a.degradedCount = 2;
        a.memberStatus = QStringLiteral("U__U");
        QVERIFY(!arrayFailed(a));
        a.memberStatus = QStringLiteral("UU__");
        QVERIFY(arrayFailed(a));
        QCOMPARE(arrayHealth(a), QStringLiteral("Failed: 2 of 4 members missing"));
    }

    void urgentArraysFirst()
    {
        Array healthy = raid5(), degraded = raid5(), failed = raid5(), checking = raid5();
        degraded.degraded = true;
        degraded.degradedCount = 1;
        failed.state = ArrayState::Broken;
        checking.sync = SyncProgress{SyncAction::Check, SyncStatus::Running, 10.0, {}, {}, {}, {}};
        QVERIFY(arrayUrgency(failed) < arrayUrgency(degraded));
        QVERIFY(arrayUrgency(degraded) < arrayUrgency(checking));
        QVERIFY(arrayUrgency(checking) < arrayUrgency(healthy));
    }

    void changeNotes()
    {
        Snapshot before, after;
        before.arrays << raid5();
        after.arrays << raid5();
        Array &now = after.arrays[0];
        now.members[1] = member(QStringLiteral("sdb1"), std::nullopt, {QStringLiteral("faulty")});
        now.degraded = true;
        now.degradedCount = 1;
        QCOMPARE(noteTexts(notes(before, after)),
                 (QStringList{QStringLiteral("sdb1 failed in md1"), QStringLiteral("md1 is degraded")}));
        QCOMPARE(notes(before, after).first().tone, Tone::Bad);

        Snapshot syncing = after;
        syncing.arrays[0].sync = SyncProgress{SyncAction::Resync, SyncStatus::Running, 50.0, {}, {}, {}, {}};
        QCOMPARE(noteTexts(notes(after, syncing)), QStringList{QStringLiteral("md1: resync started")});
        QCOMPARE(notes(after, syncing).first().tone, Tone::Busy);
        QCOMPARE(noteTexts(notes(syncing, after)), QStringList{QStringLiteral("md1: resync finished")});
        QCOMPARE(notes(syncing, after).first().tone, Tone::Good);
        Snapshot further = syncing;
        further.arrays[0].sync->percent = 75.0;
        QVERIFY(notes(syncing, further).isEmpty()); // progress shows on the card, not in the log

        Snapshot plugged = before;
        Disk usb;
        usb.name = QStringLiteral("sdf");
        usb.model = QStringLiteral("Ultra Fit");
        usb.sizeBytes = Q_INT64_C(32) << 30;
        usb.bus = QStringLiteral("usb");
        plugged.disks << usb;
        QCOMPARE(noteTexts(notes(before, plugged)), QStringList{QStringLiteral("Disk sdf added (Ultra Fit, 32.0 GiB, USB)")});
        QCOMPARE(noteTexts(notes(plugged, before)), QStringList{QStringLiteral("Disk sdf removed (Ultra Fit)")});
        QCOMPARE(notes(plugged, before).first().tone, Tone::Warning);
        QVERIFY(notes(before, before).isEmpty());
    }

    void levelPictures()
    {
        using Block = LevelPicture::Block;
        // Mirror: every drive the same chunk.
        QCOMPARE(LevelPicture::blockAt(QStringLiteral("raid1"), 2, 1, 0).chunk, LevelPicture::blockAt(QStringLiteral("raid1"), 2, 1, 1).chunk);
        // Stripe: consecutive chunks across drives.
        QCOMPARE(LevelPicture::blockAt(QStringLiteral("raid0"), 3, 1, 2).chunk, 5);
        // Concat: the first drive fills first.
        QCOMPARE(LevelPicture::blockAt(QStringLiteral("linear"), 2, 3, 0).chunk, 3);
        QCOMPARE(LevelPicture::blockAt(QStringLiteral("linear"), 2, 0, 1).chunk, 4);
        // RAID-5 left-symmetric: parity walks from the last drive to the first.
        for (int row = 0; row < 4; ++row)
            QCOMPARE(LevelPicture::blockAt(QStringLiteral("raid5"), 4, row, 3 - row).kind, Block::Parity);
        QCOMPARE(LevelPicture::blockAt(QStringLiteral("raid5"), 4, 1, 3).chunk, 3); // D3 follows the parity
        // RAID-6: P and Q side by side.
        QCOMPARE(LevelPicture::blockAt(QStringLiteral("raid6"), 4, 0, 3).kind, Block::Parity);
        QCOMPARE(LevelPicture::blockAt(QStringLiteral("raid6"), 4, 0, 0).kind, Block::SecondParity);
        // RAID-10 near-2: neighbours mirror, pairs stripe.
        QCOMPARE(LevelPicture::blockAt(QStringLiteral("raid10"), 4, 0, 1).chunk, 0);
        QCOMPARE(LevelPicture::blockAt(QStringLiteral("raid10"), 4, 0, 2).chunk, 1);
    }

    // A member's drive warns (SMART, NVMe): the disk map's badge, the card and
    // the details say so, with md's own view unchanged.
    void driveHealthDrawnAndExplained()
    {
        Snapshot s;
        Array md1 = raid5();
        s.arrays = {md1};
        for (int i = 0; i < 4; ++i) {
            Disk d;
            d.name = QStringLiteral("sd") + QChar(u'a' + i);
            d.sizeBytes = Q_INT64_C(1) << 40;
            d.partitions << Partition{d.name + QStringLiteral("1"), 1, 1 << 20, (Q_INT64_C(1) << 40) - (2 << 20)};
            d.health = DriveHealth{};
            d.health->temperatureC = 36.4;
            d.health->powerOnHours = 9000;
            d.health->reallocatedSectors = 0;
            d.health->pendingSectors = 0;
            s.disks << d;
        }
        s.disks[1].health->failing = true;
        s.disks[1].health->reallocatedSectors = 8;
        SelectionModel selection;
        selection.setSnapshot(std::make_shared<Snapshot>(s));

        DiskRow sda(QStringLiteral("sda"), &selection);
        sda.setDisk(s.disks[0], s);
        QCOMPARE(sda.badges(), QStringList{QStringLiteral("healthy")});
        DiskRow sdb(QStringLiteral("sdb"), &selection);
        sdb.setDisk(s.disks[1], s);
        QCOMPARE(sdb.badges(), QStringList{QStringLiteral("failing")});
        QVERIFY2(sdb.accessibleName().endsWith(QStringLiteral("At risk: the drive reports it is failing; 8 sectors reallocated, 36 \u00b0C")),
                 qPrintable(sdb.accessibleName()));

        ArrayCard card(QStringLiteral("md1"), &selection);
        card.setArray(md1, s);
        QCOMPARE(card.findChild<QLabel *>(QStringLiteral("health"))->text(), QStringLiteral("At risk: sdb warns it may fail"));

        const Details array = detailsFor(Selectable::array(QStringLiteral("md1")), s);
        QVERIFY(array.row(QStringLiteral("At risk")));
        QCOMPARE(array.row(QStringLiteral("At risk"))->value,
                 QStringLiteral("sdb warns it may fail: the drive reports it is failing; 8 sectors reallocated"));
        const Details disk = detailsFor(Selectable::disk(QStringLiteral("sdb")), s);
        QCOMPARE(disk.row(QStringLiteral("Verdict"))->value, QStringLiteral("At risk: the drive reports it is failing; 8 sectors reallocated"));
        QCOMPARE(disk.row(QStringLiteral("Bad sectors"))->value, QStringLiteral("8 reallocated, 0 waiting"));
        QCOMPARE(disk.row(QStringLiteral("Temperature"))->value, QStringLiteral("36 \u00b0C"));
        QCOMPARE(disk.row(QStringLiteral("Powered on"))->value, QStringLiteral("1 year 10 days (9,000 hours)"));
        const Details member = detailsFor(Selectable::member(QStringLiteral("md1"), QStringLiteral("sdb1"), 1), s);
        QCOMPARE(member.row(QStringLiteral("Health"))->raw, QStringLiteral("failing"));
        // A healthy drive's card and member say nothing of it.
        const Details healthy = detailsFor(Selectable::disk(QStringLiteral("sda")), s);
        QCOMPARE(healthy.row(QStringLiteral("Verdict"))->value, QStringLiteral("Healthy (SMART)"));
        s.disks[1].health.reset();
        card.setArray(md1, s);
        QCOMPARE(card.findChild<QLabel *>(QStringLiteral("health"))->text(), QStringLiteral("Healthy"));
    }
};

QTEST_MAIN(TestUiParts)
#include "tst_uiparts.moc"

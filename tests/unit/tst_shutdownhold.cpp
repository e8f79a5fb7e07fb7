// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// When Plexus holds off shutdown, and the reason logind shows for it.
#include "monitor/shutdownhold.h"

#include <QTest>

using namespace plexus;

namespace {

Array syncing(const QString &name, SyncAction action, std::optional<double> minutes = 12.0, SyncStatus status = SyncStatus::Running)
{
    Array a;
    a.name = name;
    a.level = QStringLiteral("raid1");
    SyncProgress p;
    p.action = action;
    p.status = status;
    p.finishMinutes = minutes;
    a.sync = p;
    return a;
}

Mount mount(const QString &device, const QString &point)
{
    return Mount{device, QStringLiteral("/dev/") + device, point, QStringLiteral("ext4")};
}

} // namespace

class TestShutdownHold : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mountedArrayBeingRebuiltHoldsShutdown()
    {
        Snapshot s;
        s.arrays = {syncing(QStringLiteral("md0"), SyncAction::Recovery, 4.2)};
        s.mounts = {mount(QStringLiteral("md0"), QStringLiteral("/home"))};
        const auto work = workHoldingShutdown(s);
        QCOMPARE(work.size(), 1);
        QCOMPARE(work[0].uses, QStringList{QStringLiteral("/home")});
        QCOMPARE(shutdownHoldReason(work), QStringLiteral("md0 is being rebuilt for /home (about 5 min left)"));
    }

    void runningSystemThroughPartitionAndVolumeIsNamedSo()
    {
        Snapshot s;
        s.arrays = {syncing(QStringLiteral("md1"), SyncAction::Reshape, 95.0), syncing(QStringLiteral("md2"), SyncAction::Resync, std::nullopt)};
        VolumeGroup vg;
        vg.name = QStringLiteral("sys");
        vg.physicalVolumes = {PhysicalVolume{QStringLiteral("md1p2"), QStringLiteral("sys"), 1 << 30, {}}};
        LogicalVolume root;
        root.name = QStringLiteral("root");
        root.vgName = QStringLiteral("sys");
        root.device = QStringLiteral("dm-0");
        root.active = true;
        vg.logicalVolumes = {root};
        s.volumeGroups = {vg};
        s.mounts = {mount(QStringLiteral("dm-0"), QStringLiteral("/")), mount(QStringLiteral("dm-0"), QStringLiteral("/var/log"))};
        s.swaps = {QStringLiteral("md2")};
        const auto work = workHoldingShutdown(s);
        QCOMPARE(work.size(), 2);
        QCOMPARE(work[0].uses, (QStringList{QStringLiteral("/"), QStringLiteral("/var/log")}));
        QCOMPARE(shutdownHoldReason(work), QStringLiteral("md1 is being reshaped for the running system (about 1.5 h left); "
                                                          "md2 is being synchronized for swap"));
    }

    void nothingHeldForIdleUnusedOrScrubbingArrays()
    {
        Snapshot s;
        Array idle;
        idle.name = QStringLiteral("md0");
        s.arrays = {idle,
                    syncing(QStringLiteral("md1"), SyncAction::Recovery),              // not mounted
                    syncing(QStringLiteral("md2"), SyncAction::Check),                 // a scrub
                    syncing(QStringLiteral("md3"), SyncAction::Repair),
                    syncing(QStringLiteral("md4"), SyncAction::Resync, 3.0, SyncStatus::Delayed),   // not running
                    syncing(QStringLiteral("md5"), SyncAction::Resync, 3.0, SyncStatus::Pending)};
        for (const QString &n : {QStringLiteral("md0"), QStringLiteral("md2"), QStringLiteral("md3"), QStringLiteral("md4"), QStringLiteral("md5")})
            s.mounts << mount(n, QStringLiteral("/srv/") + n);
        QVERIFY(workHoldingShutdown(s).isEmpty());
        QCOMPARE(shutdownHoldReason({}), QString());
        // md1's rebuild keeps the helper watching: a filesystem may be mounted on it yet.
        QVERIFY(mdIsWorking(s));
        s.arrays.removeAt(1);
        QVERIFY(!mdIsWorking(s));
    }

    void timesAreRoundedSoTheReasonChangesSeldom()
    {
        auto reasonAt = [](double minutes) {
            return shutdownHoldReason({HeldWork{QStringLiteral("md0"), SyncAction::Recovery, {QStringLiteral("/srv")}, minutes}});
        };
        QVERIFY(reasonAt(0.4).endsWith(QStringLiteral("(under a minute left)")));
        QCOMPARE(reasonAt(21.0), reasonAt(24.9));
        QVERIFY(reasonAt(21.0).endsWith(QStringLiteral("(about 25 min left)")));
        QVERIFY(reasonAt(130.0).endsWith(QStringLiteral("(about 2 h left)")));
        QVERIFY(reasonAt(140.0).endsWith(QStringLiteral("(about 2.5 h left)")));
        QCOMPARE(shutdownHoldText(reasonAt(3.0)), QStringLiteral("Shutdown is held off: md0 is being rebuilt for /srv (about 3 min left)."));
    }
};

QTEST_GUILESS_MAIN(TestShutdownHold)
#include "tst_shutdownhold.moc"

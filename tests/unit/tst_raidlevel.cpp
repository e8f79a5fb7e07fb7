// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// model/raidlevel: what each md level needs, holds and survives.
#include "model/raidlevel.h"

#include <QTest>

using namespace plexus;

namespace {

constexpr qint64 GiB = qint64(1) << 30;

const RaidLevel &levelNamed(const char *name)
{
    const RaidLevel *l = raidLevel(QLatin1String(name));
    if (!l)
        qFatal("no level %s", name);
    return *l;
}

QSet<int> lostSlots(std::initializer_list<int> s) { return QSet<int>(s); }

// The validator's near-2 partner rule (engine/validator.cpp checkCanLose).
int validatorPartner(int slot, int devices)
{
    return devices % 2 == 0 ? (slot ^ 1) : (slot + 1) % devices;
}

} // namespace

class TestRaidLevel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("minDevices");
        QTest::addColumn<bool>("redundant");
        QTest::addColumn<bool>("striped");
        QTest::addColumn<bool>("creatable");
        QTest::addColumn<bool>("slotStatus");
        QTest::addColumn<int>("parities");
        QTest::newRow("linear") << "linear" << 2 << false << false << true << false << 0;
        QTest::newRow("raid0") << "raid0" << 2 << false << true << true << false << 0;
        QTest::newRow("raid1") << "raid1" << 2 << true << false << true << true << 0;
        QTest::newRow("raid4") << "raid4" << 3 << true << true << true << true << 1;
        QTest::newRow("raid5") << "raid5" << 3 << true << true << true << true << 1;
        QTest::newRow("raid6") << "raid6" << 4 << true << true << true << true << 2;
        QTest::newRow("raid10") << "raid10" << 2 << true << true << true << true << 0;
        QTest::newRow("multipath") << "multipath" << 1 << false << false << false << true << 0;
    }

    void rules()
    {
        QFETCH(QString, name);
        const RaidLevel *l = raidLevel(name);
        QVERIFY(l);
        QCOMPARE(l->name, name);
        QTEST(l->minDevices, "minDevices");
        QTEST(l->redundant, "redundant");
        QTEST(l->striped, "striped");
        QTEST(l->creatable, "creatable");
        QTEST(l->slotStatus, "slotStatus");
        QTEST(l->parities, "parities");
    }

    void aliases_data()
    {
        QTest::addColumn<QString>("alias");
        QTest::addColumn<QString>("name");
        QTest::newRow("0") << "0" << "raid0";
        QTest::newRow("stripe") << "stripe" << "raid0";
        QTest::newRow("striped") << "Striped" << "raid0";
        QTest::newRow("1") << "1" << "raid1";
        QTest::newRow("mirror") << "MIRROR" << "raid1";
        QTest::newRow("4") << "4" << "raid4";
        QTest::newRow("5") << "5" << "raid5";
        QTest::newRow("raid-5") << "raid-5" << "raid5";
        QTest::newRow("RAID5") << "RAID5" << "raid5";
        QTest::newRow("RAID 6 spaced") << " RAID 6 " << "raid6";
        QTest::newRow("6") << "6" << "raid6";
        QTest::newRow("10") << "10" << "raid10";
        QTest::newRow("Raid-10") << "Raid-10" << "raid10";
        QTest::newRow("concat") << "concat" << "linear";
        QTest::newRow("Linear") << "Linear" << "linear";
        QTest::newRow("mp") << "mp" << "multipath";
        QTest::newRow("unknown") << "raid7" << "";
        QTest::newRow("faulty is no level we know") << "faulty" << "";
        QTest::newRow("empty") << "" << "";
    }

    void aliases()
    {
        QFETCH(QString, alias);
        QFETCH(QString, name);
        const RaidLevel *l = raidLevel(alias);
        QCOMPARE(l ? l->name : QString(), name);
    }

    void creatableNames()
    {
        QCOMPARE(creatableLevelNames(), (QStringList{QStringLiteral("linear"), QStringLiteral("raid0"), QStringLiteral("raid1"),
                                                     QStringLiteral("raid4"), QStringLiteral("raid5"), QStringLiteral("raid6"),
                                                     QStringLiteral("raid10")}));
        QCOMPARE(raidLevels().first().name, QStringLiteral("raid1")); // the dialog offers the mirror first
        QCOMPARE(raidLevels().size(), 8);
    }

    void capacity_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("devices");
        QTest::addColumn<qint64>("expected");
        // Members of 1, 2 and 3 GiB (and a fourth of 4 GiB where there are four).
        QTest::newRow("linear sums") << "linear" << 3 << 6 * GiB;
        QTest::newRow("raid0 smallest times n") << "raid0" << 3 << 3 * GiB;
        QTest::newRow("raid1 smallest") << "raid1" << 3 << GiB;
        QTest::newRow("raid4 n-1") << "raid4" << 3 << 2 * GiB;
        QTest::newRow("raid5 n-1") << "raid5" << 4 << 3 * GiB;
        QTest::newRow("raid6 n-2") << "raid6" << 4 << 2 * GiB;
        QTest::newRow("raid10 half of 4") << "raid10" << 4 << 2 * GiB;
        QTest::newRow("raid10 half of 3") << "raid10" << 3 << 3 * GiB / 2;
        QTest::newRow("multipath one disk") << "multipath" << 2 << GiB;
    }

    void capacity()
    {
        QFETCH(QString, name);
        QFETCH(int, devices);
        const qint64 sum = devices == 4 ? 10 * GiB : 6 * GiB;
        QTEST(raidLevel(name)->capacity(devices, GiB, sum), "expected");
    }

    void survival_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("devices");
        QTest::addColumn<QSet<int>>("lost");
        QTest::addColumn<QString>("layout");
        QTest::addColumn<QString>("problem"); // empty: survives
        const QString none;
        QTest::newRow("linear whole") << "linear" << 2 << lostSlots({}) << none << none;
        QTest::newRow("linear one lost") << "linear" << 2 << lostSlots({1}) << none
                                         << "1 of 2 members would be missing; it survives none";
        QTest::newRow("raid0 one lost") << "raid0" << 3 << lostSlots({0}) << none << "1 of 3 members would be missing; it survives none";
        QTest::newRow("raid1 all but one") << "raid1" << 3 << lostSlots({0, 2}) << none << none;
        QTest::newRow("raid1 all") << "raid1" << 3 << lostSlots({0, 1, 2}) << none << "no member with a complete copy would be left";
        QTest::newRow("raid1 slots beyond the array do not count") << "raid1" << 2 << lostSlots({1, 5}) << none << none;
        QTest::newRow("raid4 one") << "raid4" << 3 << lostSlots({2}) << none << none;
        QTest::newRow("raid5 one") << "raid5" << 4 << lostSlots({1}) << none << none;
        QTest::newRow("raid5 two") << "raid5" << 4 << lostSlots({1, 3}) << none << "2 of 4 members would be missing; it survives one";
        QTest::newRow("raid6 two") << "raid6" << 5 << lostSlots({0, 4}) << none << none;
        QTest::newRow("raid6 three") << "raid6" << 5 << lostSlots({0, 1, 4}) << none << "3 of 5 members would be missing; it survives two";
        QTest::newRow("multipath all but one path") << "multipath" << 2 << lostSlots({0}) << none << none;
        QTest::newRow("multipath no path") << "multipath" << 2 << lostSlots({0, 1}) << none << "no member with a complete copy would be left";

        // near-2, 4 devices: pairs (0,1) and (2,3).
        QTest::newRow("r10 n2x4 one of each pair") << "raid10" << 4 << lostSlots({0, 3}) << "2 near-copies" << none;
        QTest::newRow("r10 n2x4 across pairs") << "raid10" << 4 << lostSlots({1, 2}) << "2 near-copies" << none;
        QTest::newRow("r10 n2x4 one pair") << "raid10" << 4 << lostSlots({2, 3}) << "2 near-copies"
                                            << "both copies of some data (slots 2 and 3) would be missing";
        QTest::newRow("r10 default layout is near-2") << "raid10" << 4 << lostSlots({0, 1}) << none
                                                       << "both copies of some data (slots 0 and 1) would be missing";
        QTest::newRow("r10 mdadm spelling near=2") << "raid10" << 4 << lostSlots({0, 1}) << "near=2"
                                                    << "both copies of some data (slots 0 and 1) would be missing";
        // near-2, 5 devices: chunks on (0,1), (2,3), (4,0), (1,2), (3,4): any neighbours.
        QTest::newRow("r10 n2x5 non-neighbours") << "raid10" << 5 << lostSlots({1, 3}) << "2 near-copies" << none;
        QTest::newRow("r10 n2x5 wrapping neighbours") << "raid10" << 5 << lostSlots({4, 0}) << "2 near-copies"
                                                       << "both copies of some data (slots 4 and 0) would be missing";
        QTest::newRow("r10 n2x5 odd neighbours") << "raid10" << 5 << lostSlots({1, 2}) << "2 near-copies"
                                                  << "both copies of some data (slots 1 and 2) would be missing";
        // far-2 and offset-2, 4 devices: chunk on slot i has its copy on i+1.
        QTest::newRow("r10 f2x4 not neighbours") << "raid10" << 4 << lostSlots({0, 2}) << "2 far-copies" << none;
        QTest::newRow("r10 f2x4 neighbours") << "raid10" << 4 << lostSlots({1, 2}) << "2 far-copies"
                                              << "both copies of some data (slots 1 and 2) would be missing";
        QTest::newRow("r10 f2x4 wrapping") << "raid10" << 4 << lostSlots({3, 0}) << "2 far-copies"
                                            << "both copies of some data (slots 3 and 0) would be missing";
        QTest::newRow("r10 o2x4 not neighbours") << "raid10" << 4 << lostSlots({1, 3}) << "2 offset-copies" << none;
        QTest::newRow("r10 o2x4 neighbours") << "raid10" << 4 << lostSlots({1, 2}) << "offset=2"
                                              << "both copies of some data (slots 1 and 2) would be missing";
        // far sets: copies rotate within slots (0,1) and (2,3).
        QTest::newRow("r10 f2 sets across sets") << "raid10" << 4 << lostSlots({1, 2}) << "2 far-copies 2 devices per set" << none;
        QTest::newRow("r10 f2 sets one set") << "raid10" << 4 << lostSlots({2, 3}) << "2 far-copies 2 devices per set"
                                              << "both copies of some data (slots 2 and 3) would be missing";
        // near-3, 6 devices: triples (0,1,2), (3,4,5).
        QTest::newRow("r10 n3x6 two of each") << "raid10" << 6 << lostSlots({0, 1, 3, 4}) << "3 near-copies" << none;
        QTest::newRow("r10 n3x6 a triple") << "raid10" << 6 << lostSlots({3, 4, 5}) << "3 near-copies"
                                            << "all 3 copies of some data (slots 3, 4 and 5) would be missing";
        QTest::newRow("r10 n3x6 across triples") << "raid10" << 6 << lostSlots({1, 2, 3}) << "3 near-copies" << none;
        // near-2 far-2, 4 devices: every chunk is on all four.
        QTest::newRow("r10 n2f2x4 three") << "raid10" << 4 << lostSlots({0, 1, 2}) << "2 near-copies 2 far-copies" << none;
    }

    void survival()
    {
        QFETCH(QString, name);
        QFETCH(int, devices);
        QFETCH(QSet<int>, lost);
        QFETCH(QString, layout);
        QFETCH(QString, problem);
        const RaidLevel *l = raidLevel(name);
        QCOMPARE(l->survives(devices, lost, layout), problem.isEmpty());
        QCOMPARE(l->lossProblem(devices, lost, layout), problem);
    }

    // Every pair of lost slots of near-2 arrays of 2 to 9 devices: the validator's
    // partner rule and survives() must agree.
    void near2AgreesWithTheValidatorsPartners()
    {
        const RaidLevel &raid10 = levelNamed("raid10");
        for (int n = 2; n <= 9; ++n) {
            for (int s = 0; s < n; ++s) {
                QVERIFY(raid10.survives(n, {s}));
                for (int t = s + 1; t < n; ++t) {
                    const bool partners = validatorPartner(s, n) == t || validatorPartner(t, n) == s;
                    if (raid10.survives(n, {s, t}, QStringLiteral("2 near-copies")) == partners)
                        QFAIL(qPrintable(QStringLiteral("%1 devices, slots %2 and %3").arg(n).arg(s).arg(t)));
                }
            }
        }
    }

    void failures_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("devices");
        QTest::addColumn<QString>("layout");
        QTest::addColumn<int>("always");
        QTest::addColumn<int>("atBest");
        QTest::newRow("linear") << "linear" << 3 << QString() << 0 << 0;
        QTest::newRow("raid0") << "raid0" << 4 << QString() << 0 << 0;
        QTest::newRow("raid1 x3") << "raid1" << 3 << QString() << 2 << 2;
        QTest::newRow("raid4") << "raid4" << 3 << QString() << 1 << 1;
        QTest::newRow("raid5") << "raid5" << 5 << QString() << 1 << 1;
        QTest::newRow("raid6") << "raid6" << 5 << QString() << 2 << 2;
        QTest::newRow("multipath") << "multipath" << 2 << QString() << 1 << 1;
        QTest::newRow("raid10 n2x4") << "raid10" << 4 << QStringLiteral("2 near-copies") << 1 << 2;
        QTest::newRow("raid10 default x6") << "raid10" << 6 << QString() << 1 << 3;
        QTest::newRow("raid10 n2x5") << "raid10" << 5 << QStringLiteral("2 near-copies") << 1 << 2;
        QTest::newRow("raid10 n2x2") << "raid10" << 2 << QStringLiteral("2 near-copies") << 1 << 1;
        QTest::newRow("raid10 f2x4") << "raid10" << 4 << QStringLiteral("2 far-copies") << 1 << 2;
        QTest::newRow("raid10 o2x3") << "raid10" << 3 << QStringLiteral("2 offset-copies") << 1 << 1;
        QTest::newRow("raid10 n3x6") << "raid10" << 6 << QStringLiteral("3 near-copies") << 2 << 4;
        QTest::newRow("raid10 n3x4") << "raid10" << 4 << QStringLiteral("3 near-copies") << 2 << 2;
        QTest::newRow("raid10 f2 sets x4") << "raid10" << 4 << QStringLiteral("2 far-copies 2 devices per set") << 1 << 2;
    }

    void failures()
    {
        QFETCH(QString, name);
        QFETCH(int, devices);
        QFETCH(QString, layout);
        const RaidLevel *l = raidLevel(name);
        QTEST(l->failuresAlwaysSurvived(devices, layout), "always");
        QTEST(l->failuresAtBestSurvived(devices, layout), "atBest");
    }

    void failuresStillSurvived_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("devices");
        QTest::addColumn<QSet<int>>("lost");
        QTest::addColumn<int>("more");
        QTest::newRow("raid1 x3 one gone") << "raid1" << 3 << lostSlots({1}) << 1;
        QTest::newRow("raid6 one gone") << "raid6" << 4 << lostSlots({1}) << 1;
        QTest::newRow("raid5 one gone") << "raid5" << 4 << lostSlots({1}) << 0;
        QTest::newRow("raid5 already lost") << "raid5" << 4 << lostSlots({1, 2}) << 0;
        QTest::newRow("raid10 x4 one gone") << "raid10" << 4 << lostSlots({1}) << 0;
        QTest::newRow("raid10 x6 n3 one gone") << "raid10" << 6 << lostSlots({1}) << 1;
    }

    void failuresStillSurvived()
    {
        QFETCH(QString, name);
        QFETCH(int, devices);
        QFETCH(QSet<int>, lost);
        const QString layout = devices == 6 ? QStringLiteral("3 near-copies") : QString();
        QTEST(raidLevel(name)->failuresStillSurvived(devices, lost, layout), "more");
    }

    void speedFactors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("devices");
        QTest::addColumn<double>("read");
        QTest::addColumn<double>("write");
        QTest::newRow("linear") << "linear" << 4 << 1.0 << 1.0;
        QTest::newRow("raid0") << "raid0" << 3 << 3.0 << 3.0;
        QTest::newRow("raid1") << "raid1" << 2 << 2.0 << 1.0;
        QTest::newRow("raid5") << "raid5" << 4 << 3.0 << 3.0;
        QTest::newRow("raid6") << "raid6" << 4 << 2.0 << 2.0;
        QTest::newRow("raid6 degraded floor") << "raid6" << 2 << 1.0 << 1.0;
        QTest::newRow("raid10") << "raid10" << 4 << 4.0 << 2.0;
        QTest::newRow("raid10 odd") << "raid10" << 3 << 3.0 << 1.5;
    }

    void speedFactors()
    {
        QFETCH(QString, name);
        QFETCH(int, devices);
        QTEST(raidLevel(name)->readFactor(devices), "read");
        QTEST(raidLevel(name)->writeFactor(devices), "write");
    }
};

QTEST_GUILESS_MAIN(TestRaidLevel)
#include "tst_raidlevel.moc"

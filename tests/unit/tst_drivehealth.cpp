// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Drive health as UDisks gives it (ATA SMART, NVMe): what counts as "at risk",
// the words people read, the event the monitor tells once, the array it puts
// at risk, and the JSON scripts read. (The real udisksd and libatasmart, with a
// simulated failing drive, are in the VM tier's health_smart.)
#include "model/snapshotjson.h"
#include "monitor/events.h"
#include "probe/drivehealthprobe.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace plexus;

namespace {

// Drive.Ata's properties as udisksd 2.10 publishes them for a healthy SATA disk.
QVariantMap healthyAta()
{
    return {{QStringLiteral("SmartSupported"), true},
            {QStringLiteral("SmartEnabled"), true},
            {QStringLiteral("SmartUpdated"), qulonglong(1764806400)},
            {QStringLiteral("SmartFailing"), false},
            {QStringLiteral("SmartPowerOnSeconds"), qulonglong(3600) * 18500},
            {QStringLiteral("SmartTemperature"), 307.15},
            {QStringLiteral("SmartNumAttributesFailing"), 0},
            {QStringLiteral("SmartNumAttributesFailedInThePast"), 0},
            {QStringLiteral("SmartNumBadSectors"), qlonglong(0)},
            {QStringLiteral("SmartSelftestStatus"), QStringLiteral("success")},
            {QStringLiteral("SmartSelftestPercentRemaining"), -1}};
}

constexpr int sectors = 3;

Disk disk(const QString &name, std::optional<DriveHealth> health)
{
    Disk d;
    d.name = name;
    d.partitions << Partition{name + QLatin1Char('1'), 1, 1 << 20, 1 << 30, QStringLiteral("linux_raid_member")};
    d.health = health;
    return d;
}

Snapshot mirrorOn(std::optional<DriveHealth> sda, std::optional<DriveHealth> sdb)
{
    Snapshot s;
    s.takenAt = QDateTime::currentDateTimeUtc();
    s.disks = {disk(QStringLiteral("sda"), sda), disk(QStringLiteral("sdb"), sdb)};
    Array a;
    a.name = QStringLiteral("md0");
    a.level = QStringLiteral("raid1");
    a.raidDisks = 2;
    a.degradedCount = 0;
    for (int i = 0; i < 2; ++i) {
        Member m;
        m.device = QStringLiteral("sd%11").arg(QChar(u'a' + i));
        m.slot = i;
        m.inSync = true;
        a.members << m;
    }
    s.arrays = {a};
    return s;
}

DriveHealth failingAta()
{
    QVariantMap props = healthyAta();
    props[QStringLiteral("SmartFailing")] = true;
    return *ataHealth(props, {{5, 8, sectors}, {197, 2, sectors}});
}

} // namespace

class TestDriveHealth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthyAtaDrive()
    {
        const auto h = ataHealth(healthyAta(), {{5, 0, sectors}, {197, 0, sectors}, {9, 18500, 2}});
        QVERIFY(h);
        QVERIFY(!h->atRisk());
        QCOMPARE(h->badge(), QStringLiteral("healthy"));
        QCOMPARE(h->risks(), QStringList());
        QCOMPARE(h->temperatureC.value_or(0), 34.0);
        QCOMPARE(h->powerOnHours.value_or(0), 18500);
        QCOMPARE(h->reallocatedSectors.value_or(-1), 0);
        QCOMPARE(h->pendingSectors.value_or(-1), 0);
        QCOMPARE(h->selfTestText(), QStringLiteral("passed (or none run yet)"));
        QCOMPARE(h->updated, QDateTime::fromSecsSinceEpoch(1764806400, QTimeZone::UTC));
    }

    // No SMART, SMART off, or not read yet: no figures rather than zeros.
    void nothingKnownIsNoHealth()
    {
        QVariantMap off = healthyAta();
        off[QStringLiteral("SmartEnabled")] = false;
        QVERIFY(!ataHealth(off, {}));
        QVariantMap none = healthyAta();
        none[QStringLiteral("SmartSupported")] = false;
        QVERIFY(!ataHealth(none, {}));
        QVariantMap unread = healthyAta();
        unread[QStringLiteral("SmartUpdated")] = qulonglong(0);
        QVERIFY(!ataHealth(unread, {}));
        QVERIFY(!nvmeHealth({{QStringLiteral("SmartUpdated"), qulonglong(0)}}));
    }

    void failingAtaDrive()
    {
        const DriveHealth h = failingAta();
        QVERIFY(h.atRisk());
        QVERIFY(h.failing);
        QCOMPARE(h.badge(), QStringLiteral("failing"));
        QCOMPARE(h.risks(), (QStringList{QStringLiteral("the drive reports it is failing"), QStringLiteral("8 sectors reallocated"),
                                         QStringLiteral("2 sectors waiting to be reallocated")}));
    }

    // Sectors given up on are a warning before the drive's own verdict changes.
    void badSectorsAloneAreARisk()
    {
        const auto h = ataHealth(healthyAta(), {{5, 3, sectors}});
        QVERIFY(h->atRisk());
        QVERIFY(!h->failing);
        QCOMPARE(h->badge(), QStringLiteral("3 bad sectors"));
        // Without the attributes, libatasmart's count of both.
        QVariantMap props = healthyAta();
        props[QStringLiteral("SmartNumBadSectors")] = qlonglong(1);
        QCOMPARE(ataHealth(props, {})->badge(), QStringLiteral("1 bad sector"));
        // A self-test that failed is shown, in words.
        props[QStringLiteral("SmartSelftestStatus")] = QStringLiteral("error_read");
        QCOMPARE(ataHealth(props, {})->selfTestText(), QStringLiteral("failed: read error"));
    }

    void nvmeCriticalWarning()
    {
        const QVariantMap props{{QStringLiteral("SmartUpdated"), qulonglong(1764806400)},
                                {QStringLiteral("SmartCriticalWarning"), QStringList{QStringLiteral("spare"), QStringLiteral("readonly")}},
                                {QStringLiteral("SmartPowerOnHours"), qulonglong(120)},
                                {QStringLiteral("SmartTemperature"), ushort(318)},
                                {QStringLiteral("SmartSelftestStatus"), QStringLiteral("inprogress")},
                                {QStringLiteral("SmartSelftestPercentRemaining"), 40}};
        const auto h = nvmeHealth(props);
        QVERIFY(h);
        QVERIFY(h->failing);
        QCOMPARE(h->kind, DriveHealth::Kind::Nvme);
        QCOMPARE(h->risks(), (QStringList{QStringLiteral("its spare blocks are nearly used up"), QStringLiteral("it has made itself read-only")}));
        QCOMPARE(qRound(*h->temperatureC), 45);
        QCOMPARE(h->selfTestText(), QStringLiteral("running, 40% left"));
        QVariantMap fine = props;
        fine[QStringLiteral("SmartCriticalWarning")] = QStringList();
        QVERIFY(!nvmeHealth(fine)->atRisk());
        // The health log (SmartGetAttributes): data it could not read back is a risk; wear is shown.
        const auto worn = nvmeHealth(fine, {{QStringLiteral("media_errors"), qulonglong(3)}, {QStringLiteral("percent_used"), uchar(7)}});
        QVERIFY(worn->atRisk());
        QCOMPARE(worn->risks(), QStringList{QStringLiteral("3 media errors")});
        QCOMPARE(worn->wearPercent.value_or(-1), 7);
        QCOMPARE(worn->badge(), QStringLiteral("at risk"));
    }

    // A member's drive warns: its array is at risk, once; a member md already
    // failed is not (md is done with it).
    void arrayAtRiskAndToldOnce()
    {
        const auto healthy = ataHealth(healthyAta(), {});
        const Snapshot before = mirrorOn(healthy, healthy);
        Snapshot after = mirrorOn(healthy, failingAta());
        QCOMPARE(after.disksAtRisk(after.arrays.first()), QStringList{QStringLiteral("sdb")});
        QCOMPARE(before.disksAtRisk(before.arrays.first()), QStringList());

        const QList<Event> events = deriveEvents(before, after);
        QCOMPARE(events.size(), 1);
        const Event &e = events.first();
        QVERIFY(e.kind == EventKind::DriveAtRisk);
        QCOMPARE(e.device, QStringLiteral("sdb"));
        QCOMPARE(e.array, QStringLiteral("md0"));
        QCOMPARE(e.urgency(), Urgency::Critical);
        QCOMPARE(e.summary(), QStringLiteral("sdb may fail soon"));
        QVERIFY2(e.body().contains(QStringLiteral("the drive reports it is failing; 8 sectors reallocated")), qPrintable(e.body()));
        QVERIFY2(e.body().contains(QStringLiteral("md0 still has all its copies: replace sdb now")), qPrintable(e.body()));
        QCOMPARE(eventToJson(e).value(QStringLiteral("event")).toString(), QStringLiteral("drive-at-risk"));
        // Still warning at the next look: no second event.
        QVERIFY(deriveEvents(after, after).isEmpty());
        // A drive nothing is known of (UDisks gone) and then warning: told.
        QCOMPARE(deriveEvents(mirrorOn(healthy, std::nullopt), after).size(), 1);

        Snapshot failedMember = after;
        failedMember.arrays.first().members[1].faulty = true;
        QCOMPARE(failedMember.disksAtRisk(failedMember.arrays.first()), QStringList());
    }

    // A drive outside any array: told with no array, and the advice fits.
    void driveOutsideArrays()
    {
        Snapshot before, after;
        before.disks = {disk(QStringLiteral("sdc"), ataHealth(healthyAta(), {}))};
        after.disks = {disk(QStringLiteral("sdc"), failingAta())};
        const QList<Event> events = deriveEvents(before, after);
        QCOMPARE(events.size(), 1);
        QVERIFY(events.first().array.isEmpty());
        QVERIFY(events.first().body().endsWith(QStringLiteral("Copy what it holds elsewhere.")));
    }

    void json()
    {
        const Snapshot s = mirrorOn(ataHealth(healthyAta(), {}), failingAta());
        const QJsonObject o = snapshotToJson(s, SnapshotSource::System);
        const QJsonArray disks = o.value(QStringLiteral("disks")).toArray();
        const QJsonObject sda = disks.at(0).toObject().value(QStringLiteral("health")).toObject();
        const QJsonObject sdb = disks.at(1).toObject().value(QStringLiteral("health")).toObject();
        QCOMPARE(sda.value(QStringLiteral("kind")).toString(), QStringLiteral("ata"));
        QCOMPARE(sda.value(QStringLiteral("at_risk")).toBool(), false);
        QCOMPARE(sda.value(QStringLiteral("temperature_c")).toDouble(), 34.0);
        QCOMPARE(sda.value(QStringLiteral("power_on_hours")).toDouble(), 18500.0);
        QCOMPARE(sdb.value(QStringLiteral("failing")).toBool(), true);
        QCOMPARE(sdb.value(QStringLiteral("reallocated_sectors")).toDouble(), 8.0);
        QCOMPARE(sdb.value(QStringLiteral("pending_sectors")).toDouble(), 2.0);
        const QJsonObject md0 = o.value(QStringLiteral("arrays")).toArray().at(0).toObject();
        QCOMPARE(md0.value(QStringLiteral("disks_at_risk")).toArray(), QJsonArray{QStringLiteral("sdb")});
        // A disk with no health: null, not an empty object.
        const QJsonObject bare = snapshotToJson(mirrorOn(std::nullopt, std::nullopt), SnapshotSource::System);
        QVERIFY(bare.value(QStringLiteral("disks")).toArray().at(0).toObject().value(QStringLiteral("health")).isNull());
    }

    void applyMatchesByKernelName()
    {
        QList<Disk> disks{disk(QStringLiteral("sda"), failingAta()), disk(QStringLiteral("sdb"), std::nullopt)};
        applyDriveHealth(&disks, {{QStringLiteral("sdb"), *ataHealth(healthyAta(), {})}});
        QVERIFY(!disks[0].health); // gone from UDisks: no longer known
        QVERIFY(disks[1].health && !disks[1].health->atRisk());
    }
};

QTEST_GUILESS_MAIN(TestDriveHealth)
#include "tst_drivehealth.moc"

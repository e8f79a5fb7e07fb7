// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// What a window that is not root learns of LVM from plexus-helper
// (model/volumedetails.h): the rows VolumeGroups() sends, read back the same,
// and merged into what sysfs showed without losing what sysfs knows better.
#include "model/snapshotjson.h"
#include "model/volumedetails.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace plexus;

class TestVolumeDetails : public QObject
{
    Q_OBJECT

    static constexpr qint64 GiB = qint64(1) << 30;

    // What root's tools say: vg0 on md0 and md1, root spanning both, an
    // inactive volume "old", 1 GiB free on md1.
    static QList<VolumeGroup> fromTools()
    {
        VolumeGroup vg;
        vg.name = QStringLiteral("vg0");
        vg.uuid = QStringLiteral("abc-def");
        vg.sizeBytes = 8 * GiB;
        vg.freeBytes = 1 * GiB;
        vg.physicalVolumes = {PhysicalVolume{QStringLiteral("md0"), QStringLiteral("vg0"), 4 * GiB, 0},
                              PhysicalVolume{QStringLiteral("md1"), QStringLiteral("vg0"), 4 * GiB, 1 * GiB}};
        LogicalVolume root{QStringLiteral("root"), QStringLiteral("vg0"), QString(), 6 * GiB, QStringLiteral("linear"), false};
        root.segments = {VolumeSegment{QStringLiteral("md0"), 4 * GiB}, VolumeSegment{QStringLiteral("md1"), 2 * GiB}};
        LogicalVolume old{QStringLiteral("old"), QStringLiteral("vg0"), QString(), 1 * GiB, QStringLiteral("linear"), false};
        old.segments = {VolumeSegment{QStringLiteral("md1"), 1 * GiB}};
        vg.logicalVolumes = {root, old};
        return {vg};
    }

    // What sysfs shows a user: root active as dm-0 with ext4, on md0 and md1.
    static QList<VolumeGroup> fromSysfs()
    {
        VolumeGroup vg;
        vg.name = QStringLiteral("vg0");
        vg.sizeBytes = 8 * GiB; // the sum of its devices
        vg.physicalVolumes = {PhysicalVolume{QStringLiteral("md0"), QStringLiteral("vg0"), 4 * GiB, std::nullopt},
                              PhysicalVolume{QStringLiteral("md1"), QStringLiteral("vg0"), 4 * GiB, std::nullopt}};
        LogicalVolume root{QStringLiteral("root"), QStringLiteral("vg0"), QStringLiteral("dm-0"), 6 * GiB, QString(), true};
        root.fsType = QStringLiteral("ext4");
        root.fsLabel = QStringLiteral("root");
        vg.logicalVolumes = {root};
        return {vg};
    }

private Q_SLOTS:
    void rowsCarryEveryFigure()
    {
        const QList<QVariantMap> rows = volumeRows(fromTools());
        // A group, two devices, two volumes and three segments.
        QCOMPARE(rows.size(), 8);
        QCOMPARE(rows[0].value(QStringLiteral("kind")).toString(), QStringLiteral("group"));
        QCOMPARE(rows[0].value(QStringLiteral("free_bytes")).toLongLong(), 1 * GiB);
        const QList<VolumeGroup> back = volumeGroupsFromRows(rows);
        QCOMPARE(back.size(), 1);
        const VolumeGroup &vg = back[0];
        QCOMPARE(vg.uuid, QStringLiteral("abc-def"));
        QCOMPARE(vg.sizeBytes, std::optional<qint64>(8 * GiB));
        QCOMPARE(vg.freeBytes, std::optional<qint64>(1 * GiB));
        QCOMPARE(vg.physicalVolumes.size(), 2);
        QCOMPARE(vg.physicalVolumes[1].freeBytes, std::optional<qint64>(1 * GiB));
        QCOMPARE(vg.logicalVolumes.size(), 2);
        QCOMPARE(vg.logicalVolumes[0].segments.size(), 2);
        QCOMPARE(vg.logicalVolumes[0].segments[1].device, QStringLiteral("md1"));
        QCOMPARE(vg.logicalVolumes[0].segments[1].sizeBytes, 2 * GiB);
    }

    // A row of the future, or one without a group, is skipped; a figure left
    // out stays unknown rather than becoming 0.
    void oddRowsAreSkipped()
    {
        const QList<QVariantMap> rows{
            {{QStringLiteral("kind"), QStringLiteral("group")}, {QStringLiteral("group"), QStringLiteral("vg1")}},
            {{QStringLiteral("kind"), QStringLiteral("cache")}, {QStringLiteral("group"), QStringLiteral("vg1")}, {QStringLiteral("name"), QStringLiteral("x")}},
            {{QStringLiteral("kind"), QStringLiteral("volume")}, {QStringLiteral("name"), QStringLiteral("orphan")}},
        };
        const QList<VolumeGroup> back = volumeGroupsFromRows(rows);
        QCOMPARE(back.size(), 1);
        QVERIFY(!back[0].freeBytes);
        QVERIFY(back[0].logicalVolumes.isEmpty() && back[0].physicalVolumes.isEmpty());
    }

    void mergeKeepsWhatSysfsKnowsBetter()
    {
        QList<VolumeGroup> shown = fromSysfs();
        mergeVolumeDetails(&shown, volumeGroupsFromRows(volumeRows(fromTools())));
        const VolumeGroup &vg = shown[0];
        QCOMPARE(vg.freeBytes, std::optional<qint64>(1 * GiB));
        QCOMPARE(vg.physicalVolumes[0].freeBytes, std::optional<qint64>(0));
        QCOMPARE(vg.logicalVolumes.size(), 2);
        const LogicalVolume &root = vg.logicalVolumes[0];
        QVERIFY(root.active);
        QCOMPARE(root.device, QStringLiteral("dm-0"));
        QCOMPARE(root.fsType, QStringLiteral("ext4"));
        QCOMPARE(root.segmentType, QStringLiteral("linear"));
        QCOMPARE(root.segments.size(), 2);
        const LogicalVolume &old = vg.logicalVolumes[1];
        QCOMPARE(old.name, QStringLiteral("old"));
        QVERIFY(!old.active);
        QVERIFY(old.device.isEmpty());
    }

    // A group with no active volume shows in sysfs only as udev's LVM2_member
    // on its device: that is enough to ask, and the group appears from the rows.
    void aGroupOnlyTheToolsSee()
    {
        Snapshot s;
        Array md;
        md.name = QStringLiteral("md2");
        md.fsType = QStringLiteral("LVM2_member");
        s.arrays << md;
        QVERIFY(holdsLvm(s));
        const QString before = lvmShape(s);
        const SnapshotPtr merged = withVolumeDetails(std::make_shared<Snapshot>(s), fromTools());
        QCOMPARE(merged->volumeGroups.size(), 1);
        QCOMPARE(merged->volumeGroups[0].logicalVolumes.size(), 2);
        QVERIFY(lvmShape(*merged) != before);
        QVERIFY(!holdsLvm(Snapshot{}));
    }

    // status --json: segments (null when unknown) and a mount's usage.
    void statusJson()
    {
        Snapshot s;
        s.volumeGroups = fromSysfs();
        Mount m;
        m.device = QStringLiteral("dm-0");
        m.mountPoint = QStringLiteral("/");
        m.fsType = QStringLiteral("ext4");
        m.sizeBytes = 6 * GiB;
        m.usedBytes = 2 * GiB;
        m.availableBytes = 3 * GiB;
        s.mounts << m;
        QJsonObject json = snapshotToJson(s, SnapshotSource::System);
        QJsonObject lv = json[QStringLiteral("volume_groups")].toArray()[0].toObject()[QStringLiteral("logical_volumes")].toArray()[0].toObject();
        QVERIFY(lv[QStringLiteral("segments")].isNull());
        const QJsonObject mount = json[QStringLiteral("mounts")].toArray()[0].toObject();
        QCOMPARE(mount[QStringLiteral("used_bytes")].toDouble(), double(2 * GiB));
        QCOMPARE(mount[QStringLiteral("available_bytes")].toDouble(), double(3 * GiB));

        mergeVolumeDetails(&s.volumeGroups, fromTools());
        json = snapshotToJson(s, SnapshotSource::System);
        lv = json[QStringLiteral("volume_groups")].toArray()[0].toObject()[QStringLiteral("logical_volumes")].toArray()[0].toObject();
        const QJsonArray segments = lv[QStringLiteral("segments")].toArray();
        QCOMPARE(segments.size(), 2);
        QCOMPARE(segments[0].toObject()[QStringLiteral("device")].toString(), QStringLiteral("md0"));
        QCOMPARE(segments[0].toObject()[QStringLiteral("size_bytes")].toDouble(), double(4 * GiB));
    }
};

QTEST_GUILESS_MAIN(TestVolumeDetails)
#include "tst_volumedetails.moc"

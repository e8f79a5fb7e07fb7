// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The volume operations (engine/ops: MakeFilesystem, CreateVolumeGroup,
// ExtendVolumeGroup, ReduceVolumeGroup, CreateVolume, GrowVolume, ShrinkVolume,
// UseNewSpace, RemoveVolume, RemoveVolumeGroup)
// on the fixture machine (tst_engine_fixture.h): every refusal says what is
// wrong, and the plans run the commands an administrator would type.

#include "tst_engine_fixture.h"

#include "engine/ops/anyrequest.h"
#include "engine/ops/registry.h"

#include <QTest>

using namespace plexus;
using namespace plexus::fixture;

class TestVolumes : public QObject
{
    Q_OBJECT
    Snapshot snap = machine();

    // The fixture with room to work: vg0 has 100 GiB free and its root holds
    // ext4; vg0 also has an unmounted swap volume dm-1; md0 is blank.
    static Snapshot roomy()
    {
        Snapshot s = machine();
        VolumeGroup &vg0 = s.volumeGroups[0];
        vg0.freeBytes = 100 * GiB;
        vg0.logicalVolumes[0].fsType = QStringLiteral("ext4");
        LogicalVolume swap{QStringLiteral("swap"), QStringLiteral("vg0"), QStringLiteral("dm-1"), 8 * GiB, QStringLiteral("linear"), true};
        swap.fsType = QStringLiteral("swap");
        vg0.logicalVolumes << swap;
        return s;
    }
    // What resize2fs -P says each ext4 needs (FakeSystem::ext4MinimumBytes).
    QHash<QString, qint64> ext4Minimum;

    template<class R> Status check(const R &r, const Snapshot &s)
    {
        FakeSystem sys(s);
        sys.setExt4Minimum(ext4Minimum);
        typename R::Valid v;
        return validate(Validator(s, sys), r, &v);
    }
    template<class R> Plan plan(const R &r, const Snapshot &s)
    {
        FakeSystem sys(s);
        sys.setExt4Minimum(ext4Minimum);
        typename R::Valid v;
        const Status st = validate(Validator(s, sys), r, &v);
        if (!st.ok())
            qWarning() << st.message();
        return makePlan(v);
    }
    static CreateVolumeGroupRequest group(const Snapshot &s, const QString &name, const QStringList &paths)
    {
        CreateVolumeGroupRequest r;
        r.name = name;
        for (const QString &p : paths)
            r.devices << deviceSpecFor(s, p);
        return r;
    }

private Q_SLOTS:
    void deviceSpecsOfArraysAndVolumes()
    {
        // An array travels with its UUID and size, a volume with "VG/LV" and its size.
        const DeviceSpec md0 = deviceSpecFor(snap, QStringLiteral("/dev/md0"));
        QCOMPARE(md0.identity, QStringLiteral("11111111-2222-3333-4444-555555555555"));
        QCOMPARE(qint64(md0.sizeBytes), TiB - 128 * MiB);
        const DeviceSpec root = deviceSpecFor(snap, QStringLiteral("/dev/dm-0"));
        QCOMPARE(root.identity, QStringLiteral("vg0/root"));
        QCOMPARE(qint64(root.sizeBytes), 400 * GiB);
    }

    void createVolumeGroup()
    {
        const Plan p = plan(group(snap, QStringLiteral("data"), {QStringLiteral("/dev/md0")}), snap);
        QCOMPARE(p.previews(), (QStringList{QStringLiteral("pvcreate -y /dev/md0"), QStringLiteral("vgcreate data /dev/md0")}));
        QCOMPARE(p.exclusive, QStringList{QStringLiteral("/dev/md0")});

        EXPECT_REFUSAL(check(group(snap, QStringLiteral("bad name"), {QStringLiteral("/dev/md0")}), snap), ErrorCode::Invalid, "not a usable volume group name");
        EXPECT_REFUSAL(check(group(snap, QStringLiteral("-x"), {QStringLiteral("/dev/md0")}), snap), ErrorCode::Invalid, "not a usable");
        EXPECT_REFUSAL(check(group(snap, QStringLiteral("data_rimage_0"), {QStringLiteral("/dev/md0")}), snap), ErrorCode::Invalid, "LVM keeps for itself");
        EXPECT_REFUSAL(check(group(snap, QStringLiteral("vg1"), {QStringLiteral("/dev/md0")}), snap), ErrorCode::InUse, "already a volume group vg1");
        EXPECT_REFUSAL(check(group(snap, QStringLiteral("data"), {}), snap), ErrorCode::Invalid, "at least one");
        EXPECT_REFUSAL(check(group(snap, QStringLiteral("data"), {QStringLiteral("/dev/sdd")}), snap), ErrorCode::InUse, "member of md0");
        EXPECT_REFUSAL(check(group(snap, QStringLiteral("data"), {QStringLiteral("/dev/dm-0")}), snap), ErrorCode::Invalid, "itself a logical volume");
        EXPECT_REFUSAL(check(group(snap, QStringLiteral("data"), {QStringLiteral("/dev/md0"), QStringLiteral("/dev/md0")}), snap), ErrorCode::Invalid, "named twice");
        EXPECT_REFUSAL(check(group(snap, QStringLiteral("data"), {QStringLiteral("/dev/sdc3")}), snap), ErrorCode::Invalid, "overwrite");
        // A PV already in a group is in use (the Consent's overwrite does not free it).
        CreateVolumeGroupRequest taken = group(snap, QStringLiteral("data"), {QStringLiteral("/dev/sdl")});
        taken.overwrite = true;
        EXPECT_REFUSAL(check(taken, snap), ErrorCode::InUse, "physical volume");

        // The array the user chose was replaced by another one under the same name.
        CreateVolumeGroupRequest stale = group(snap, QStringLiteral("data"), {QStringLiteral("/dev/md0")});
        stale.devices[0].identity = QStringLiteral("22222222-2222-3333-4444-555555555555");
        EXPECT_REFUSAL(check(stale, snap), ErrorCode::NotFound, "Choose it again");
        stale.devices[0].identity.clear();
        EXPECT_REFUSAL(check(stale, snap), ErrorCode::Invalid, "without its identity");

        // An array holding a filesystem needs overwrite.
        Snapshot withFs = snap;
        withFs.arrays[0].fsType = QStringLiteral("ext4");
        withFs.arrays[0].fsLabel = QStringLiteral("home");
        CreateVolumeGroupRequest overFs = group(withFs, QStringLiteral("data"), {QStringLiteral("/dev/md0")});
        EXPECT_REFUSAL(check(overFs, withFs), ErrorCode::Invalid, "holds a filesystem (ext4)");
        overFs.overwrite = true;
        EXPECT_OK(check(overFs, withFs));
        AnyRequest any(overFs);
        QVERIFY(any.actions().contains(QLatin1String(polkitActions::erase)));
    }

    // Vinum's concat in one plan: the group, one linear volume filling it, its filesystem.
    void concatenationInOnePlan()
    {
        CreateVolumeGroupRequest r = group(snap, QStringLiteral("concat"), {QStringLiteral("/dev/md0")});
        r.volume = QStringLiteral("data");
        r.filesystem = QStringLiteral("xfs");
        r.label = QStringLiteral("big");
        const Plan p = plan(r, snap);
        QCOMPARE(p.previews(), (QStringList{QStringLiteral("pvcreate -y /dev/md0"), QStringLiteral("vgcreate concat /dev/md0"),
                                            QStringLiteral("lvcreate -y -n data -l 100%FREE concat"),
                                            QStringLiteral("mkfs.xfs -f -q -L big /dev/concat/data")}));
        QVERIFY2(p.summary.contains(QStringLiteral("end to end into the volume /dev/concat/data")), qPrintable(p.summary));

        CreateVolumeGroupRequest noVolume = r;
        noVolume.volume.clear();
        EXPECT_REFUSAL(check(noVolume, snap), ErrorCode::Invalid, "A filesystem goes on a volume");
        CreateVolumeGroupRequest badName = r;
        badName.volume = QStringLiteral("a b");
        EXPECT_REFUSAL(check(badName, snap), ErrorCode::Invalid, "not a usable volume name");
        CreateVolumeGroupRequest labelOnly = r;
        labelOnly.filesystem.clear();
        EXPECT_REFUSAL(check(labelOnly, snap), ErrorCode::Invalid, "A label belongs to a filesystem");
    }

    void extendVolumeGroup()
    {
        ExtendVolumeGroupRequest r;
        r.group = QStringLiteral("vg1");
        r.devices = {deviceSpecFor(snap, QStringLiteral("/dev/md0"))};
        const Plan p = plan(r, snap);
        QCOMPARE(p.previews().last(), QStringLiteral("vgextend vg1 /dev/md0"));
        r.group = QStringLiteral("nosuch");
        EXPECT_REFUSAL(check(r, snap), ErrorCode::NotFound, "no volume group nosuch");
    }

    void reduceVolumeGroup()
    {
        // vg1 spans sdl (all free) and md0, whose volumes use 300 GiB of it.
        Snapshot s = snap;
        s.volumeGroups[1].physicalVolumes << PhysicalVolume{QStringLiteral("md0"), QStringLiteral("vg1"), 500 * GiB, 200 * GiB};
        ReduceVolumeGroupRequest r;
        r.group = QStringLiteral("vg1");
        r.device = deviceSpecFor(s, QStringLiteral("/dev/md0"));
        r.move = true;
        const Plan p = plan(r, s);
        QCOMPARE(p.previews(), (QStringList{QStringLiteral("pvmove -i 5 /dev/md0"), QStringLiteral("vgreduce vg1 /dev/md0"),
                                            QStringLiteral("pvremove -y /dev/md0")}));
        QVERIFY(p.summary.contains(QLatin1String("moving the 300 GiB of volumes on it first")));
        QVERIFY(p.steps[0].waitsForKernel);
        QCOMPARE(AnyRequest(r).actions(), QStringList{QLatin1String(polkitActions::volume)});
        // An empty device leaves without a move, move or not.
        r.device = deviceSpecFor(s, QStringLiteral("/dev/sdl"));
        QCOMPARE(plan(r, s).previews(), (QStringList{QStringLiteral("vgreduce vg1 /dev/sdl"), QStringLiteral("pvremove -y /dev/sdl")}));
        r.move = false;
        EXPECT_OK(check(r, s));

        r.device = deviceSpecFor(s, QStringLiteral("/dev/md0"));
        EXPECT_REFUSAL(check(r, s), ErrorCode::InUse, "holds 300 GiB of vg1's volumes. Say move");
        r.move = true;
        Snapshot full = s;
        full.volumeGroups[1].physicalVolumes[0].freeBytes = 100 * GiB;
        EXPECT_REFUSAL(check(r, full), ErrorCode::TooSmall, "needs 300 GiB free on vg1's other devices, and they have only 100 GiB free");
        r.group = QStringLiteral("vg0");
        EXPECT_REFUSAL(check(r, s), ErrorCode::Invalid, "not a device of vg0 (it belongs to vg1)");
        r.device = deviceSpecFor(s, QStringLiteral("/dev/sda2"));
        EXPECT_REFUSAL(check(r, s), ErrorCode::Invalid, "the only device of vg0");
        r.group = QStringLiteral("vg1");
        r.device = deviceSpecFor(s, QStringLiteral("/dev/sdb"));
        EXPECT_REFUSAL(check(r, s), ErrorCode::Invalid, "not a device of vg1.");
        r.group = QStringLiteral("nosuch");
        EXPECT_REFUSAL(check(r, s), ErrorCode::NotFound, "no volume group nosuch");
    }

    void makeFilesystem()
    {
        MakeFilesystemRequest r;
        r.device = deviceSpecFor(snap, QStringLiteral("/dev/md0"));
        r.type = QStringLiteral("ext4");
        r.label = QStringLiteral("home");
        QCOMPARE(plan(r, snap).previews(), QStringList{QStringLiteral("mkfs.ext4 -F -q -L home /dev/md0")});
        r.type = QStringLiteral("vfat");
        r.label = QStringLiteral("ESP");
        QCOMPARE(plan(r, snap).previews(), QStringList{QStringLiteral("mkfs.vfat -n ESP /dev/md0")});
        QCOMPARE(AnyRequest(r).actions(), QStringList{QLatin1String(polkitActions::volume)});

        r.type = QStringLiteral("ntfs");
        EXPECT_REFUSAL(check(r, snap), ErrorCode::Invalid, "not a filesystem Plexus makes");
        r.type = QStringLiteral("xfs");
        r.label = QStringLiteral("thirteen-long");
        EXPECT_REFUSAL(check(r, snap), ErrorCode::Invalid, "at most 12");
        r.label = QStringLiteral("-L");
        EXPECT_REFUSAL(check(r, snap), ErrorCode::Invalid, "not a usable label");
        r.label.clear();
        r.device = deviceSpecFor(snap, QStringLiteral("/dev/sdc2"));
        EXPECT_REFUSAL(check(r, snap), ErrorCode::TooSmall, "xfs needs at least 300 MiB");
        r.type = QStringLiteral("ext4");
        r.device = deviceSpecFor(snap, QStringLiteral("/dev/dm-0"));
        r.overwrite = true;
        EXPECT_REFUSAL(check(r, snap), ErrorCode::InUse, "mounted on /");
        r.device = deviceSpecFor(snap, QStringLiteral("/dev/sdc4"));
        EXPECT_REFUSAL(check(r, snap), ErrorCode::InUse, "swap");
        r.device = deviceSpecFor(snap, QStringLiteral("/dev/md1"));
        r.overwrite = false;
        EXPECT_OK(check(r, snap)); // a degraded array can take a filesystem

        // A volume holding swap needs overwrite; with it, the erase action too.
        const Snapshot s = roomy();
        r.device = deviceSpecFor(s, QStringLiteral("/dev/dm-1"));
        EXPECT_REFUSAL(check(r, s), ErrorCode::Invalid, "holds swap space");
        r.overwrite = true;
        QCOMPARE(plan(r, s).previews(), QStringList{QStringLiteral("mkfs.ext4 -F -q /dev/vg0/swap")});
        QVERIFY(AnyRequest(r).actions().contains(QLatin1String(polkitActions::erase)));
    }

    void createVolume()
    {
        Snapshot s = snap;
        s.volumeGroups[1].freeBytes = TiB;
        CreateVolumeRequest r;
        r.group = QStringLiteral("vg1");
        r.name = QStringLiteral("data");
        r.size = quint64(10 * GiB);
        r.filesystem = QStringLiteral("ext4");
        r.label = QStringLiteral("data");
        QCOMPARE(plan(r, s).previews(), (QStringList{QStringLiteral("lvcreate -y -n data -L 10737418240b vg1"),
                                                        QStringLiteral("mkfs.ext4 -F -q -L data /dev/vg1/data")}));
        r.size = 0;
        r.filesystem.clear();
        r.label.clear();
        QCOMPARE(plan(r, s).previews(), QStringList{QStringLiteral("lvcreate -y -n data -l 100%FREE vg1")});

        r.size = quint64(2 * TiB);
        EXPECT_REFUSAL(check(r, s), ErrorCode::TooSmall, "has only 1.00 TiB free");
        r.size = quint64(GiB);
        r.stripes = 2;
        EXPECT_REFUSAL(check(r, s), ErrorCode::Invalid, "striped across 1 to 1");
        r.stripes = 1;
        r.label = QStringLiteral("x");
        EXPECT_REFUSAL(check(r, s), ErrorCode::Invalid, "A label belongs to a filesystem");
        r.label.clear();
        r.name = QStringLiteral("pvmove0");
        EXPECT_REFUSAL(check(r, s), ErrorCode::Invalid, "LVM keeps for itself");
        r.group = QStringLiteral("vg0");
        r.name = QStringLiteral("root");
        EXPECT_REFUSAL(check(r, s), ErrorCode::InUse, "already has a volume root");
        r.name = QStringLiteral("more");
        Snapshot full = snap;
        full.volumeGroups[0].freeBytes = 0;
        EXPECT_REFUSAL(check(r, full), ErrorCode::TooSmall, "no free space left");
        EXPECT_REFUSAL(check(r, snap), ErrorCode::NotFound, "unknown");
    }

    void growVolume()
    {
        const Snapshot s = roomy();
        GrowVolumeRequest r;
        r.volume = deviceSpecFor(s, QStringLiteral("/dev/dm-0"));
        r.size = quint64(450 * GiB);
        const Plan p = plan(r, s);
        QCOMPARE(p.previews(), QStringList{QStringLiteral("lvextend --resizefs -L 483183820800b vg0/root")});
        QVERIFY(p.summary.contains(QLatin1String("its ext4 filesystem with it")));
        r.size = 0;
        QCOMPARE(plan(r, s).previews(), QStringList{QStringLiteral("lvextend --resizefs -l +100%FREE vg0/root")});

        r.size = quint64(300 * GiB);
        EXPECT_REFUSAL(check(r, s), ErrorCode::Invalid, "would shrink it");
        r.size = quint64(600 * GiB);
        EXPECT_REFUSAL(check(r, s), ErrorCode::TooSmall, "can grow to at most 500");
        r.volume = deviceSpecFor(s, QStringLiteral("/dev/dm-1"));
        r.size = quint64(16 * GiB);
        EXPECT_REFUSAL(check(r, s), ErrorCode::Invalid, "Make a new swap volume instead");
        r.volume = deviceSpecFor(s, QStringLiteral("/dev/md0"));
        EXPECT_REFUSAL(check(r, s), ErrorCode::Invalid, "not an active logical volume");
        r.volume = deviceSpecFor(snap, QStringLiteral("/dev/dm-0"));
        r.size = 0;
        Snapshot full = snap;
        full.volumeGroups[0].freeBytes = 0;
        EXPECT_REFUSAL(check(r, full), ErrorCode::TooSmall, "no free space to grow");
    }

    void shrinkVolume()
    {
        // root unmounted (a rescue system), its ext4 needing 120 GiB.
        Snapshot s = roomy();
        s.mounts.removeFirst();
        ext4Minimum = {{QStringLiteral("dm-0"), 120 * GiB}};
        ShrinkVolumeRequest r;
        r.volume = deviceSpecFor(s, QStringLiteral("/dev/dm-0"));
        r.size = quint64(200 * GiB);
        const Plan p = plan(r, s);
        QCOMPARE(p.previews(), QStringList{QStringLiteral("lvreduce --resizefs --fsmode nochange -L 214748364800b vg0/root")});
        QVERIFY(p.summary.contains(QLatin1String("its ext4 filesystem first")));
        QVERIFY(p.notes.join(QLatin1Char(' ')).contains(QLatin1String("The 200 GiB freed return to vg0's free space")));
        // It can destroy data: the erase action, asked each time.
        QCOMPARE(AnyRequest(r).actions(), QStringList{QLatin1String(polkitActions::erase)});

        r.size = quint64(100 * GiB);
        EXPECT_REFUSAL(check(r, s), ErrorCode::TooSmall, "needs at least 120 GiB for its files");
        r.size = quint64(400 * GiB);
        EXPECT_REFUSAL(check(r, s), ErrorCode::Invalid, "would not make it smaller");
        r.size = 0;
        EXPECT_REFUSAL(check(r, s), ErrorCode::Invalid, "Give the new size");
        r.size = quint64(200 * GiB);
        EXPECT_REFUSAL(check(r, roomy()), ErrorCode::InUse, "is mounted on /: ext4 shrinks only while unmounted. Unmount it first");
        ext4Minimum.clear();
        EXPECT_REFUSAL(check(r, s), ErrorCode::NotFound, "e2fsck -f /dev/vg0/root");

        Snapshot xfs = s;
        xfs.volumeGroups[0].logicalVolumes[0].fsType = QStringLiteral("xfs");
        EXPECT_REFUSAL(check(r, xfs), ErrorCode::Invalid, "xfs cannot shrink");
        r.volume = deviceSpecFor(s, QStringLiteral("/dev/dm-1"));
        r.size = quint64(4 * GiB);
        EXPECT_REFUSAL(check(r, s), ErrorCode::Invalid, "holds swap space, which Plexus does not shrink");

        // A volume with nothing on it is cut where asked, after a warning.
        Snapshot blank = s;
        blank.volumeGroups[0].logicalVolumes[1].fsType.clear();
        r.volume = deviceSpecFor(blank, QStringLiteral("/dev/dm-1"));
        const Plan cut = plan(r, blank);
        QCOMPARE(cut.previews(), QStringList{QStringLiteral("lvreduce -y -L 4294967296b vg0/swap")});
        QVERIFY(cut.notes.join(QLatin1Char(' ')).contains(QLatin1String("whatever lies beyond 4.00 GiB is lost")));
        ext4Minimum.clear();
    }

    void useNewSpace()
    {
        // md0 is a PV of vg1 filling it (less LVM's header), and vg1 has a volume
        // data with ext4 and a swap volume; then its members are replaced by 2 TiB disks.
        Snapshot s = snap;
        const qint64 md0Bytes = TiB - 128 * MiB;
        VolumeGroup &vg1 = s.volumeGroups[1];
        vg1.physicalVolumes << PhysicalVolume{QStringLiteral("md0"), QStringLiteral("vg1"), md0Bytes - 4 * MiB, 0};
        LogicalVolume data{QStringLiteral("data"), QStringLiteral("vg1"), QStringLiteral("dm-7"), 900 * GiB, QStringLiteral("linear"), true};
        data.fsType = QStringLiteral("ext4");
        LogicalVolume swap{QStringLiteral("swap"), QStringLiteral("vg1"), QStringLiteral("dm-8"), 8 * GiB, QStringLiteral("linear"), true};
        swap.fsType = QStringLiteral("swap");
        LogicalVolume old{QStringLiteral("old"), QStringLiteral("vg1"), QString(), 8 * GiB, QStringLiteral("linear"), false};
        vg1.logicalVolumes = {data, swap, old};
        Snapshot grown = s;
        grown.disks[3].sizeBytes = grown.disks[4].sizeBytes = 2 * TiB; // sdd, sde

        UseNewSpaceRequest r;
        r.array = QStringLiteral("/dev/md0");
        EXPECT_REFUSAL(check(r, s), ErrorCode::Invalid, "There is no new space on md0: it already uses the whole of its members");
        const Plan p = plan(r, grown);
        QCOMPARE(p.previews(), (QStringList{QStringLiteral("mdadm --grow /dev/md0 --size=max"), QStringLiteral("pvresize /dev/md0")}));
        QVERIFY(p.notes.join(QLatin1Char(' ')).contains(QLatin1String("stays free in vg1")));
        QCOMPARE(AnyRequest(r).actions(), QStringList{QLatin1String(polkitActions::volume)});
        r.volume = QStringLiteral("data");
        const Plan down = plan(r, grown);
        QCOMPARE(down.previews(), (QStringList{QStringLiteral("mdadm --grow /dev/md0 --size=max"), QStringLiteral("pvresize /dev/md0"),
                                               QStringLiteral("lvextend --resizefs -l +100%FREE vg1/data")}));
        QVERIFY2(down.summary.contains(QLatin1String("grow md0 onto the whole of its members (from 1.00 TiB to 2.00 TiB of each), let vg1 use all of md0 and grow /dev/vg1/data and its filesystem into it.")), qPrintable(down.summary));

        // The array grew already (by hand), its physical volume did not: pvresize on.
        Snapshot half = s;
        half.volumeGroups[1].physicalVolumes.last().sizeBytes = 500 * GiB;
        QCOMPARE(plan(r, half).previews(), (QStringList{QStringLiteral("pvresize /dev/md0"), QStringLiteral("lvextend --resizefs -l +100%FREE vg1/data")}));

        r.volume = QStringLiteral("nosuch");
        EXPECT_REFUSAL(check(r, grown), ErrorCode::NotFound, "vg1 has no volume nosuch");
        r.volume = QStringLiteral("swap");
        EXPECT_REFUSAL(check(r, grown), ErrorCode::Invalid, "Make a new swap volume instead");
        r.volume = QStringLiteral("old");
        EXPECT_REFUSAL(check(r, grown), ErrorCode::Invalid, "/dev/vg1/old is not active");
        r.volume.clear();
        r.array = QStringLiteral("/dev/md1");
        EXPECT_REFUSAL(check(r, grown), ErrorCode::Invalid, "not an LVM physical volume");
        r.array = QStringLiteral("/dev/md9");
        EXPECT_REFUSAL(check(r, grown), ErrorCode::NotFound, "md9");
    }

    void removeVolume()
    {
        const Snapshot s = roomy();
        RemoveVolumeRequest r;
        r.volume = deviceSpecFor(s, QStringLiteral("/dev/dm-0"));
        EXPECT_REFUSAL(check(r, s), ErrorCode::InUse, "is mounted on /");
        r.volume = deviceSpecFor(s, QStringLiteral("/dev/dm-1"));
        QCOMPARE(plan(r, s).previews(), QStringList{QStringLiteral("lvremove -y vg0/swap")});
        QCOMPARE(AnyRequest(r).actions(), QStringList{QLatin1String(polkitActions::erase)});
    }

    void removeVolumeGroup()
    {
        RemoveVolumeGroupRequest r;
        r.group = QStringLiteral("vg0");
        EXPECT_REFUSAL(check(r, snap), ErrorCode::InUse, "/dev/vg0/root is mounted on /");
        r.group = QStringLiteral("vg1");
        QCOMPARE(plan(r, snap).previews(), (QStringList{QStringLiteral("vgremove -y vg1"), QStringLiteral("pvremove -y /dev/sdl")}));
        Snapshot s = roomy();
        s.mounts.removeFirst(); // root unmounted: the group goes with its volumes
        r.group = QStringLiteral("vg0");
        QCOMPARE(plan(r, s).previews(), (QStringList{QStringLiteral("vgremove -y -f vg0"), QStringLiteral("pvremove -y /dev/sda2")}));
    }
};

QTEST_GUILESS_MAIN(TestVolumes)
#include "tst_volumes.moc"

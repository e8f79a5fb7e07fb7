// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Every refusal of every operation that the older tests did not reach, one test
// function per operation (engine/ops/*.cpp), on the fixture machine
// (tst_engine_fixture.h). A refusal names what is wrong and what to do.

#include "tst_engine_fixture.h"

#include "engine/ops/registry.h"

#include <QTest>

using namespace plexus;
using namespace plexus::fixture;

namespace {

DeviceSpec spec(const Snapshot &s, const QString &path)
{
    return deviceSpecFor(s, path);
}

Array array(const QString &name, const QString &level, const QStringList &members)
{
    Array a;
    a.name = name;
    a.level = level;
    a.raidDisks = int(members.size());
    a.arrayStateWord = QStringLiteral("clean");
    a.uuid = QStringLiteral("abababab-0000-0000-0000-%1").arg(name.mid(2).toInt(), 12, 10, QLatin1Char('0'));
    for (int i = 0; i < members.size(); ++i)
        a.members << member(members[i], i);
    return a;
}

} // namespace

class TestRefusals : public QObject
{
    Q_OBJECT
    Snapshot snap = machine();

    // Validates `r` on `s` (the fixture unless given) as the helper would.
    template<class R> Status check(const R &r, const Snapshot &s, FakeSystem *sys = nullptr)
    {
        FakeSystem own(s);
        typename R::Valid v;
        return validate(Validator(s, sys ? *sys : own), r, &v);
    }
    template<class R> Status check(const R &r) { return check(r, snap); }

private Q_SLOTS:
    void create()
    {
        auto req = [this](const QString &array, const QString &level, const QStringList &paths) {
            CreateArrayRequest r;
            r.array = array;
            r.level = level;
            for (const QString &p : paths)
                r.members << spec(snap, p);
            return r;
        };
        const QStringList two{QStringLiteral("/dev/sdb"), QStringLiteral("/dev/sdc1")};
        // Names that begin with '-' read as options to mdadm; with '.', a hidden node.
        EXPECT_REFUSAL(check(req(QStringLiteral("/dev/md/-x"), QStringLiteral("raid1"), two)), ErrorCode::Invalid, "'-x' is not a usable array name");
        EXPECT_REFUSAL(check(req(QStringLiteral("/dev/md/.x"), QStringLiteral("raid1"), two)), ErrorCode::Invalid, "'.x' is not a usable array name");
        CreateArrayRequest named = req(QStringLiteral("/dev/md9"), QStringLiteral("raid1"), two);
        named.name = QStringLiteral("-rf");
        EXPECT_REFUSAL(check(named), ErrorCode::Invalid, "'-rf' is not a usable array name");
        EXPECT_REFUSAL(check(req(QStringLiteral("/dev/md9"), QStringLiteral("raid7"), two)), ErrorCode::Invalid, "Unknown RAID level 'raid7'");
        EXPECT_REFUSAL(check(req(QStringLiteral("/dev/md9"), QStringLiteral("multipath"), two)), ErrorCode::Invalid, "Unknown RAID level 'multipath'");
        EXPECT_REFUSAL(check(req(QStringLiteral("/dev/md0"), QStringLiteral("raid1"), two)), ErrorCode::InUse, "/dev/md0 already exists");
        EXPECT_REFUSAL(check(req(QStringLiteral("/dev/sdb"), QStringLiteral("raid1"), two)), ErrorCode::Invalid, "is not an md array device");

        // A level the running kernel lacks (Debian 13 has no md linear): refused before anything runs.
        FakeSystem noLinear(snap);
        noLinear.withoutPersonality(QStringLiteral("linear"));
        EXPECT_REFUSAL(check(req(QStringLiteral("/dev/md9"), QStringLiteral("linear"), two), snap, &noLinear), ErrorCode::Invalid,
                       "This kernel has no md linear personality");
        EXPECT_REFUSAL(check(req(QStringLiteral("/dev/md9"), QStringLiteral("concat"), two), snap, &noLinear), ErrorCode::Invalid, "use an LVM linear volume");
        EXPECT_OK(check(req(QStringLiteral("/dev/md9"), QStringLiteral("raid1"), two), snap, &noLinear));
        EXPECT_OK(check(req(QStringLiteral("/dev/md9"), QStringLiteral("linear"), two)));

        // RAID-10 by the copies' placement: near-2 on 4 slots keeps (0,1) and (2,3) together.
        CreateArrayRequest r10 = req(QStringLiteral("/dev/md9"), QStringLiteral("raid10"), {QStringLiteral("/dev/sdb"), QStringLiteral("missing"),
                                                                                              QStringLiteral("missing"), QStringLiteral("/dev/sdc1")});
        EXPECT_OK(check(r10));
        r10.members = {spec(snap, QStringLiteral("/dev/sdb")), spec(snap, QStringLiteral("/dev/sdc1")), spec(snap, QStringLiteral("missing")),
                       spec(snap, QStringLiteral("missing"))};
        EXPECT_REFUSAL(check(r10), ErrorCode::Invalid, "Slots 2 and 3 hold the two copies of the same data");

        // Two devices that overlap: reached on a machine where the disk's partitions are free.
        Snapshot noSwap = snap;
        noSwap.swaps.clear();
        CreateArrayRequest overlap;
        overlap.array = QStringLiteral("/dev/md9");
        overlap.level = QStringLiteral("raid1");
        overlap.members = {spec(noSwap, QStringLiteral("/dev/sdc1")), spec(noSwap, QStringLiteral("/dev/sdc"))};
        overlap.overwrite = overlap.allowSameDisk = true;
        EXPECT_REFUSAL(check(overlap, noSwap), ErrorCode::Invalid, "/dev/sdc1 and /dev/sdc overlap");

        CreateArrayRequest geometry = req(QStringLiteral("/dev/md9"), QStringLiteral("raid1"), two);
        geometry.chunkKib = 64;
        EXPECT_REFUSAL(check(geometry), ErrorCode::Invalid, "has no chunk size");
        geometry = req(QStringLiteral("/dev/md9"), QStringLiteral("raid0"), two);
        geometry.chunkKib = 48;
        EXPECT_REFUSAL(check(geometry), ErrorCode::Invalid, "A chunk of 48 KiB is not possible");
        geometry.chunkKib = 0;
        geometry.bitmap = QStringLiteral("internal");
        EXPECT_REFUSAL(check(geometry), ErrorCode::Invalid, "a write-intent bitmap has nothing to speed up");
        geometry.bitmap = QStringLiteral("external");
        EXPECT_REFUSAL(check(geometry), ErrorCode::Invalid, "Unknown bitmap 'external'");
        geometry.bitmap.clear();
        geometry.metadata = QStringLiteral("2.0");
        EXPECT_REFUSAL(check(geometry), ErrorCode::Invalid, "Unknown metadata version '2.0'");
        CreateArrayRequest spareMissing = req(QStringLiteral("/dev/md9"), QStringLiteral("raid1"), two);
        spareMissing.spares = {spec(snap, QStringLiteral("missing"))};
        EXPECT_REFUSAL(check(spareMissing), ErrorCode::Invalid, "A spare cannot be 'missing'");
    }

    void stop()
    {
        StopArrayRequest r{.array = QStringLiteral("/dev/md0")};
        EXPECT_OK(check(r));
        // md0 as an LVM physical volume with a volume in use.
        Snapshot lvm = snap;
        VolumeGroup vg;
        vg.name = QStringLiteral("vg2");
        vg.physicalVolumes = {PhysicalVolume{QStringLiteral("md0"), QStringLiteral("vg2"), TiB, 0}};
        vg.logicalVolumes = {LogicalVolume{QStringLiteral("data"), QStringLiteral("vg2"), QStringLiteral("dm-7"), TiB, QStringLiteral("linear"), true}};
        lvm.volumeGroups << vg;
        EXPECT_REFUSAL(check(r, lvm), ErrorCode::InUse, "/dev/md0 holds the LVM volume group vg2 with 1 active logical volume. Deactivate it first");
        lvm.volumeGroups.last().logicalVolumes.first().active = false;
        EXPECT_OK(check(r, lvm));
        // md0 as a member of another array (RAID-10 as mirrored stripes).
        Snapshot nested = snap;
        nested.arrays << array(QStringLiteral("md5"), QStringLiteral("raid1"), {QStringLiteral("md0"), QStringLiteral("md1")});
        EXPECT_REFUSAL(check(r, nested), ErrorCode::InUse, "/dev/md0 is a member of the array md5. Stop md5 first.");
        Snapshot swap = snap;
        swap.swaps << QStringLiteral("md0");
        EXPECT_REFUSAL(check(r, swap), ErrorCode::InUse, "/dev/md0 is active swap");
        EXPECT_REFUSAL(check(StopArrayRequest{.array = QStringLiteral("/dev/md7")}), ErrorCode::NotFound, "/dev/md7 does not exist");
        StopArrayRequest pinned{.array = QStringLiteral("/dev/md0")};
        pinned.common.arrayUuid = QStringLiteral("77777777-2222-3333-4444-555555555555");
        EXPECT_REFUSAL(check(pinned), ErrorCode::NotFound, "/dev/md0 is now another array");
    }

    void assemble()
    {
        auto req = [this](const QString &array, const QStringList &paths) {
            AssembleArrayRequest r;
            r.array = array;
            for (const QString &p : paths)
                r.members << spec(snap, p);
            return r;
        };
        EXPECT_OK(check(req(QStringLiteral("/dev/md9"), {QStringLiteral("/dev/sdi")})));
        EXPECT_REFUSAL(check(req(QStringLiteral("/dev/md/.x"), {QStringLiteral("/dev/sdi")})), ErrorCode::Invalid, "'.x' is not a usable array name");
        EXPECT_REFUSAL(check(req(QStringLiteral("/dev/sdi"), {QStringLiteral("/dev/sdi")})), ErrorCode::Invalid, "'/dev/sdi' is not an md array device");
        EXPECT_REFUSAL(check(req(QStringLiteral("/dev/md0"), {QStringLiteral("/dev/sdi")})), ErrorCode::InUse, "/dev/md0 is already running (raid1)");
        FakeSystem named(snap);
        named.addPath(QStringLiteral("/dev/md/home"));
        EXPECT_REFUSAL(check(req(QStringLiteral("/dev/md/home"), {QStringLiteral("/dev/sdi")}), snap, &named), ErrorCode::InUse, "/dev/md/home already exists");
        EXPECT_REFUSAL(check(req(QStringLiteral("/dev/md9"), {})), ErrorCode::Invalid, "Name the members to assemble /dev/md9 from");
        EXPECT_REFUSAL(check(req(QStringLiteral("/dev/md9"), {QStringLiteral("/dev/sdb")})), ErrorCode::Invalid, "/dev/sdb carries no md superblock");
        EXPECT_REFUSAL(check(req(QStringLiteral("/dev/md9"), {QStringLiteral("/dev/sdc3")})), ErrorCode::Invalid, "(it contains a filesystem (ext4))");
        EXPECT_REFUSAL(check(req(QStringLiteral("/dev/md9"), {QStringLiteral("/dev/sdi"), QStringLiteral("/dev/sdi")})), ErrorCode::Invalid,
                       "/dev/sdi is named twice");
        EXPECT_REFUSAL(check(req(QStringLiteral("/dev/md9"), {QStringLiteral("/dev/sdd")})), ErrorCode::InUse, "/dev/sdd is a member of md0");
        // Members of two different arrays.
        Snapshot two = snap;
        Disk sdn = disk(QStringLiteral("sdn"), TiB);
        sdn.fsType = QStringLiteral("linux_raid_member");
        sdn.uuid = QStringLiteral("88888888-2222-3333-4444-555555555555");
        two.disks << sdn;
        AssembleArrayRequest mixed;
        mixed.array = QStringLiteral("/dev/md9");
        mixed.members = {spec(two, QStringLiteral("/dev/sdi")), spec(two, QStringLiteral("/dev/sdn"))};
        EXPECT_REFUSAL(check(mixed, two), ErrorCode::Invalid, "/dev/sdn belongs to another array (UUID 88888888-2222-3333-4444-555555555555) than the first member");
        // run_degraded: the plan starts it even with members missing.
        AssembleArrayRequest run = req(QStringLiteral("/dev/md9"), {QStringLiteral("/dev/sdi")});
        run.runDegraded = true;
        ValidAssemble v;
        EXPECT_OK(validate(Validator(snap, FakeSystem(snap)), run, &v));
        QVERIFY(v.run);
        QVERIFY(makePlan(v).previews().first().contains(QStringLiteral("--run")));
        QVERIFY(!makePlan(ValidAssemble{v.arrayPath, v.members, false}).previews().first().contains(QStringLiteral("--run")));

        // md127 inactive, holding sdi (incremental assembly waiting for the
        // rest): it starts as it is with run_degraded, and only from what it holds.
        Snapshot waiting = snap;
        Array md127;
        md127.name = QStringLiteral("md127");
        md127.state = ArrayState::Inactive;
        md127.members = {member(QStringLiteral("sdi"), 0)};
        waiting.arrays << md127;
        waiting.disks[8].holders = {QStringLiteral("md127")};
        AssembleArrayRequest start = req(QStringLiteral("/dev/md127"), {QStringLiteral("/dev/sdi")});
        EXPECT_REFUSAL(check(start, waiting), ErrorCode::Invalid, "/dev/md127 is inactive: md found only sdi and is waiting for the other members");
        start.runDegraded = true;
        ValidAssemble started;
        EXPECT_OK(validate(Validator(waiting, FakeSystem(waiting)), start, &started));
        QCOMPARE(makePlan(started).previews(), QStringList{QStringLiteral("mdadm --run /dev/md127")});
        start.members = {spec(waiting, QStringLiteral("/dev/sdb"))};
        EXPECT_REFUSAL(check(start, waiting), ErrorCode::Invalid, "/dev/sdb is not one of them");
        // And it can be stopped as it is.
        ValidStop stop;
        EXPECT_OK(validate(Validator(waiting, FakeSystem(waiting)), StopArrayRequest{.array = QStringLiteral("/dev/md127")}, &stop));
    }

    // Split brain: each half of a mirror ran without the other. Refused with both
    // histories; `keep` chooses the half, and the other is erased and added again.
    // A copy of an array that already runs is refused too.
    void splitBrain()
    {
        Snapshot two = snap;
        Disk sdn = disk(QStringLiteral("sdn"), TiB);
        sdn.fsType = QStringLiteral("linux_raid_member");
        sdn.uuid = two.disk(QStringLiteral("sdi"))->uuid;
        two.disks << sdn;
        auto examine = [](int slot, const char *state, int events, const char *time) {
            return QStringLiteral("/dev/x:\n          Magic : a92b4efc\n        Version : 1.2\n     Array UUID : 99999999:22223333:44445555:55555555\n"
                                  "     Raid Level : raid1\n    Update Time : %1\n         Events : %2\n\n\n   Device Role : Active device %3\n"
                                  "   Array State : %4 ('A' == active, '.' == missing, 'R' == replacing)\n")
                .arg(QLatin1String(time)).arg(events).arg(slot).arg(QLatin1String(state));
        };
        FakeSystem sys(two);
        sys.setExamine(QStringLiteral("sdi"), examine(0, "A.", 120, "Fri Dec  4 06:30:01 2026"));
        sys.setExamine(QStringLiteral("sdn"), examine(1, ".A", 98, "Fri Dec  4 06:31:15 2026"));
        AssembleArrayRequest r;
        r.array = QStringLiteral("/dev/md9");
        r.members = {spec(two, QStringLiteral("/dev/sdi")), spec(two, QStringLiteral("/dev/sdn"))};
        ValidAssemble v;
        EXPECT_REFUSAL(validate(Validator(two, sys), r, &v), ErrorCode::Invalid,
                       "Split brain: /dev/sdi and /dev/sdn each ran without the other, so each may hold writes the other lacks. Assembled "
                       "together, md would keep one half's data and silently drop the other's. Their histories: /dev/sdi: last written Fri "
                       "Dec  4 06:30:01 2026, 120 events, ran without slot 1; /dev/sdn: last written Fri Dec  4 06:31:15 2026, 98 events, "
                       "ran without slot 0.");
        // The half with fewer events may well hold the newest data: the person chooses.
        r.keep = QStringLiteral("/dev/sdn");
        EXPECT_OK(validate(Validator(two, sys), r, &v));
        QCOMPARE(makePlan(v).previews(), (QStringList{QStringLiteral("mdadm --assemble /dev/md9 --run /dev/sdn"),
                                                      QStringLiteral("mdadm --zero-superblock /dev/sdi"), QStringLiteral("mdadm /dev/md9 --add /dev/sdi")}));
        QVERIFY(makePlan(v).notes.first().startsWith(QStringLiteral("Whatever was written only to /dev/sdi is lost.")));
        r.keep = QStringLiteral("/dev/sdb");
        EXPECT_REFUSAL(validate(Validator(two, sys), r, &v), ErrorCode::Invalid, "/dev/sdb is not one of the members to assemble");

        // One half stale (it left; the other went on): no split brain, and keep is refused.
        sys.setExamine(QStringLiteral("sdn"), examine(1, "AA", 60, "Fri Dec  4 05:00:00 2026"));
        r.keep.clear();
        EXPECT_OK(validate(Validator(two, sys), r, &v));
        // md would leave the older half out without a word: it is added back, and rebuilt.
        QCOMPARE(makePlan(v).previews(), (QStringList{QStringLiteral("mdadm --assemble /dev/md9 /dev/sdi"), QStringLiteral("mdadm /dev/md9 --add /dev/sdn")}));
        QVERIFY(makePlan(v).notes.first().startsWith(QStringLiteral("/dev/sdn left the array while it went on without it")));
        r.keep = QStringLiteral("/dev/sdi");
        EXPECT_REFUSAL(validate(Validator(two, sys), r, &v), ErrorCode::Invalid, "did not diverge");

        // One member of a mirror that last ran whole: alone it starts only with
        // run_degraded, and the plan says which slot stays empty.
        sys.setExamine(QStringLiteral("sdi"), examine(0, "AA", 130, "Fri Dec  4 07:00:00 2026"));
        AssembleArrayRequest alone;
        alone.array = QStringLiteral("/dev/md9");
        alone.members = {spec(two, QStringLiteral("/dev/sdi"))};
        EXPECT_REFUSAL(validate(Validator(two, sys), alone, &v), ErrorCode::Invalid,
                       "/dev/md9 last ran with a member in slot 1, and none of the devices given holds it");
        alone.runDegraded = true;
        EXPECT_OK(validate(Validator(two, sys), alone, &v));
        QVERIFY(makePlan(v).notes.contains(QStringLiteral("Slot 1 has no member among these: /dev/md9 runs degraded until a device is added in its place.")));

        // Not readable (the window is not root): the helper decides.
        r.keep.clear();
        EXPECT_OK(validate(Validator(two, FakeSystem(two)), r, &v));

        // The array already runs from another copy.
        Snapshot running = two;
        running.arrays << array(QStringLiteral("md3"), QStringLiteral("raid1"), {QStringLiteral("sdd")});
        running.arrays.last().uuid = QStringLiteral("99999999-2222-3333-4444-555555555555");
        FakeSystem runningSys(running);
        runningSys.setExamine(QStringLiteral("sdi"), examine(0, "A.", 120, "Fri Dec  4 06:30:01 2026"));
        runningSys.setExamine(QStringLiteral("sdn"), examine(1, "AA", 60, "Fri Dec  4 05:00:00 2026"));
        EXPECT_REFUSAL(validate(Validator(running, runningSys), r, &v), ErrorCode::InUse, "/dev/sdi holds a copy of an array that already runs as /dev/md3");
    }

    // The rules the window once applied alone, now the helper's too.
    void joining()
    {
        Snapshot noSwap = snap;
        noSwap.swaps.clear();
        AddSpareRequest wholeDisk;
        wholeDisk.array = QStringLiteral("/dev/md0");
        wholeDisk.device = spec(noSwap, QStringLiteral("/dev/sdc"));
        wholeDisk.overwrite = true;
        EXPECT_REFUSAL(check(wholeDisk, noSwap), ErrorCode::InUse, "sdc has 4 partitions: using the whole disk would erase them all");
        // md6, a mirror of sdc1 and sdb: sdc3 would share sdc1's disk.
        Snapshot sameDisk = noSwap;
        sameDisk.arrays << array(QStringLiteral("md6"), QStringLiteral("raid1"), {QStringLiteral("sdc1"), QStringLiteral("sdb")});
        sameDisk.arrays.last().sizeKib = 50 * GiB / 1024;
        FakeSystem sys(sameDisk);
        AddSpareRequest spare;
        spare.array = QStringLiteral("/dev/md6");
        spare.device = spec(sameDisk, QStringLiteral("/dev/sdc3"));
        spare.overwrite = true;
        EXPECT_REFUSAL(check(spare, sameDisk, &sys), ErrorCode::Invalid, "sdc3 is on the same disk as sdc1, another member of md6");
        spare.allowSameDisk = true;
        EXPECT_OK(check(spare, sameDisk, &sys));
        ReplaceMemberRequest replaceOwn;
        replaceOwn.array = QStringLiteral("/dev/md6");
        replaceOwn.oldMember = spec(sameDisk, QStringLiteral("/dev/sdc1"));
        replaceOwn.newDevice = spec(sameDisk, QStringLiteral("/dev/sdc3"));
        replaceOwn.overwrite = true;
        EXPECT_OK(check(replaceOwn, sameDisk, &sys)); // the member it replaces does not count
        replaceOwn.oldMember = spec(sameDisk, QStringLiteral("/dev/sdb"));
        EXPECT_REFUSAL(check(replaceOwn, sameDisk, &sys), ErrorCode::Invalid, "sdc3 is on the same disk as sdc1");
    }

    void grow()
    {
        auto req = [this](int devices, const QStringList &add, const QStringList &remove, const QString &array = QStringLiteral("/dev/md0")) {
            GrowArrayRequest r;
            r.array = array;
            r.raidDevices = devices;
            for (const QString &p : add)
                r.add << spec(snap, p);
            for (const QString &p : remove)
                r.remove << spec(snap, p);
            return r;
        };
        EXPECT_REFUSAL(check(req(-1, {}, {})), ErrorCode::Invalid, "-1 devices is not a number of devices");
        EXPECT_REFUSAL(check(req(65, {QStringLiteral("/dev/sdb")}, {})), ErrorCode::Invalid, "65 devices is more than Plexus manages");
        EXPECT_REFUSAL(check(req(3, {QStringLiteral("/dev/sdb"), QStringLiteral("/dev/sdb")}, {})), ErrorCode::Invalid, "/dev/sdb is named twice");
        EXPECT_REFUSAL(check(req(3, {QStringLiteral("/dev/sdd")}, {})), ErrorCode::Invalid, "/dev/sdd is already a member of /dev/md0");
        EXPECT_REFUSAL(check(req(3, {QStringLiteral("/dev/sdb")}, {QStringLiteral("/dev/sdd")})), ErrorCode::Invalid, "does not remove members");
        EXPECT_REFUSAL(check(req(0, {QStringLiteral("/dev/sdb")}, {})), ErrorCode::Invalid, "to add a device as a spare use add-spare");
        EXPECT_REFUSAL(check(req(2, {}, {QStringLiteral("/dev/sdb")})), ErrorCode::Invalid, "/dev/sdb is not a member of /dev/md0");
        // A three-way mirror shrunk: name what goes, never the last copy.
        Snapshot three = snap;
        three.arrays[0].raidDisks = 3;
        three.arrays[0].members << member(QStringLiteral("sdb"), 2);
        three.disks << disk(QStringLiteral("sdn"), 2 * TiB);
        GrowArrayRequest shrink = req(2, {}, {QStringLiteral("/dev/sdb")});
        shrink.add = {spec(three, QStringLiteral("/dev/sdn"))};
        EXPECT_REFUSAL(check(shrink, three), ErrorCode::Invalid, "Shrinking /dev/md0 does not add devices");
        EXPECT_REFUSAL(check(req(2, {}, {}), three), ErrorCode::Invalid, "leaves 3 working members: name 1 member to remove");
        three.arrays[0].members[0].inSync = false;
        three.arrays[0].members[0].rawState = {QStringLiteral("write_mostly")};
        three.arrays[0].members[1].inSync = false;
        three.arrays[0].members[1].rawState = {QStringLiteral("write_mostly")};
        EXPECT_REFUSAL(check(req(2, {}, {QStringLiteral("/dev/sdb")}), three), ErrorCode::Invalid,
                       "Removing /dev/sdb would leave /dev/md0 without a complete copy of the data: no member with a complete copy would be left");
        // Levels that cannot change their number of devices, or grow by size.
        Snapshot striped = snap;
        striped.arrays << array(QStringLiteral("md3"), QStringLiteral("raid0"), {QStringLiteral("sdb"), QStringLiteral("sdk")});
        striped.arrays << array(QStringLiteral("md4"), QStringLiteral("raid10"), {QStringLiteral("sdi"), QStringLiteral("sdl")});
        GrowArrayRequest size = req(0, {}, {}, QStringLiteral("/dev/md3"));
        size.size = QStringLiteral("max");
        EXPECT_REFUSAL(check(size, striped), ErrorCode::Invalid, "/dev/md3 is RAID-0: its size follows its members");
        EXPECT_REFUSAL(check(req(3, {QStringLiteral("/dev/sdc1")}, {}, QStringLiteral("/dev/md4")), striped), ErrorCode::Invalid,
                       "Plexus changes the number of devices of RAID-1, RAID-4, RAID-5 and RAID-6 arrays; /dev/md4 is RAID-10");
        FakeSystem resyncing(snap);
        resyncing.setSyncAction(QStringLiteral("md0"), QStringLiteral("resync"));
        EXPECT_REFUSAL(check(req(3, {QStringLiteral("/dev/sdb")}, {}), snap, &resyncing), ErrorCode::Busy, "/dev/md0 is busy with resync");
    }

    void speed()
    {
        EXPECT_REFUSAL(check(SpeedLimitsRequest{.array = QStringLiteral("/dev/md0"), .max = QStringLiteral("500")}), ErrorCode::Invalid,
                       "The maximum (500 KiB/s) would be below /dev/md0's minimum (1000 KiB/s). Lower the minimum too.");
        EXPECT_OK(check(SpeedLimitsRequest{.array = QStringLiteral("/dev/md0"), .min = QStringLiteral("100"), .max = QStringLiteral("500")}));
        Snapshot stopped = snap;
        stopped.arrays[0].state = ArrayState::Inactive;
        EXPECT_REFUSAL(check(SpeedLimitsRequest{.array = QStringLiteral("/dev/md0"), .min = QStringLiteral("100")}, stopped), ErrorCode::Invalid,
                       "/dev/md0 is inactive");
        EXPECT_REFUSAL(check(SpeedLimitsRequest{.array = QStringLiteral("/dev/md0"), .min = QStringLiteral("-5")}), ErrorCode::Invalid,
                       "must be a positive number of KiB/s");
        // Only for the sync under way: there must be one.
        const SpeedLimitsRequest untilDone{.array = QStringLiteral("/dev/md0"), .min = QStringLiteral("10000000"), .max = QStringLiteral("10000000"), .untilIdle = true};
        EXPECT_REFUSAL(check(untilDone), ErrorCode::Invalid, "md0 is not syncing now (md says 'idle'), so there is no sync to speed up until it ends");
        FakeSystem recovering(snap);
        recovering.setSyncAction(QStringLiteral("md0"), QStringLiteral("recover"));
        EXPECT_OK(check(untilDone, snap, &recovering));
    }

    void copyTable()
    {
        CopyPartitionTableRequest r;
        r.source = spec(snap, QStringLiteral("/dev/sdc"));
        r.target = spec(snap, QStringLiteral("/dev/sdk"));
        EXPECT_REFUSAL(check(r), ErrorCode::Invalid, "/dev/sdk has a partition table (gpt)");
        r.target = spec(snap, QStringLiteral("/dev/sdc1"));
        EXPECT_REFUSAL(check(r), ErrorCode::Invalid, "/dev/sdc1 is a partition: give the whole disk to copy the partition table to (for example /dev/sdc)");
        r.target = spec(snap, QStringLiteral("/dev/sdm"));
        r.overwrite = true;
        EXPECT_REFUSAL(check(r), ErrorCode::TooSmall, "/dev/sdm (100 GiB) is too small for /dev/sdc's partitions");
        r.target = spec(snap, QStringLiteral("/dev/sdd"));
        EXPECT_REFUSAL(check(r), ErrorCode::InUse, "/dev/sdd is a member of md0");
    }

    void writeConf()
    {
        Snapshot none = snap;
        none.arrays.clear();
        EXPECT_REFUSAL(check(WriteMdadmConfRequest{}, none), ErrorCode::Invalid, "No array is running, so there is nothing to write");
        Snapshot inactive = snap;
        for (Array &a : inactive.arrays)
            a.state = ArrayState::Inactive;
        EXPECT_REFUSAL(check(WriteMdadmConfRequest{}, inactive), ErrorCode::Invalid, "No array is running");
        EXPECT_OK(check(WriteMdadmConfRequest{}));
    }

    void checkSchedule()
    {
        auto when = [](const char *w) { return CheckScheduleRequest{.when = QString::fromUtf8(w)}; };
        FakeSystem sys(snap);
        ScrubSchedule mdcheck;
        mdcheck.source = QStringLiteral("mdcheck_start.timer");
        mdcheck.calendar = {QStringLiteral("Sun *-*-1..7 1:00:00")};
        mdcheck.enabled = true;
        sys.setScrubSchedule(mdcheck, true);
        EXPECT_OK(check(when("Sat 03:00"), snap, &sys));
        EXPECT_OK(check(when("off"), snap, &sys));
        EXPECT_OK(check(when("weekly"), snap, &sys));
        // Plain words for what only looks like a calendar; systemd's own for the rest.
        EXPECT_REFUSAL(check(when(""), snap, &sys), ErrorCode::Invalid, "Say when to check");
        EXPECT_REFUSAL(check(when("Sun 01:00\nOnCalendar=minutely"), snap, &sys), ErrorCode::Invalid, "is not a calendar");
        EXPECT_REFUSAL(check(when("Sun 01:00\n[Service]"), snap, &sys), ErrorCode::Invalid, "is not a calendar");
        EXPECT_REFUSAL(check(when("%H 01:00"), snap, &sys), ErrorCode::Invalid, "is not a calendar");
        EXPECT_REFUSAL(check(when("-h"), snap, &sys), ErrorCode::Invalid, "is not a calendar");
        EXPECT_REFUSAL(check(when("Funday 25:00"), snap, &sys), ErrorCode::Invalid, "systemd does not understand the calendar 'Funday 25:00'");
        EXPECT_REFUSAL(check(when("Sun *-*-1..7 1:00:00"), snap, &sys), ErrorCode::Invalid, "already checked the first Sunday of each month at 01:00");
        EXPECT_REFUSAL(check(when("default"), snap, &sys), ErrorCode::Invalid, "already as the distribution ships it");

        ScrubSchedule disabled = mdcheck;
        disabled.enabled = false;
        sys.setScrubSchedule(disabled, true);
        EXPECT_REFUSAL(check(when("off"), snap, &sys), ErrorCode::Invalid, "already not checked on a schedule");
        EXPECT_OK(check(when("default"), snap, &sys)); // enables it
        EXPECT_OK(check(when("Sun *-*-1..7 1:00:00"), snap, &sys));

        ScrubSchedule masked = mdcheck;
        masked.masked = true;
        sys.setScrubSchedule(masked, true);
        EXPECT_REFUSAL(check(when("Sat 03:00"), snap, &sys), ErrorCode::Invalid, "mdcheck_start.timer is masked");
        ScrubSchedule cron;
        cron.source = QStringLiteral("/etc/cron.d/mdadm");
        cron.calendar = QStringLiteral("57 0 * * 0").split(QLatin1Char(' '));
        cron.enabled = true;
        sys.setScrubSchedule(cron, true);
        EXPECT_REFUSAL(check(when("Sat 03:00"), snap, &sys), ErrorCode::Invalid, "from /etc/cron.d/mdadm (a cron job), which Plexus does not change");
        sys.setScrubSchedule(ScrubSchedule(), true);
        EXPECT_REFUSAL(check(when("Sat 03:00"), snap, &sys), ErrorCode::Invalid, "has no timer that checks its arrays");
    }

    void zeroSuperblock()
    {
        EXPECT_REFUSAL(check(ZeroSuperblockRequest{.device = spec(snap, QStringLiteral("/dev/sdc3"))}), ErrorCode::Invalid,
                       "/dev/sdc3 carries no md superblock (it contains a filesystem (ext4))");
        EXPECT_REFUSAL(check(ZeroSuperblockRequest{.device = spec(snap, QStringLiteral("/dev/nope"))}), ErrorCode::NotFound, "/dev/nope does not exist");
    }
};

QTEST_GUILESS_MAIN(TestRefusals)
#include "tst_refusals.moc"

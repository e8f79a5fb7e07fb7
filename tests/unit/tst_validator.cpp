// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The helper's validation (backend/engine/validator) against a machine built in
// code: every refusal has its typed error and says what is wrong and what to do;
// good requests pass. No device is touched: FakeSystem answers for /dev and /sys.
#include "tst_engine_fixture.h"

#include "engine/ops/registry.h"
#include "engine/ops/anyrequest.h"
#include "engine/validator.h"
#include "probe/snapshotprobe.h"

#include <QTest>

using namespace plexus;
using namespace plexus::fixture;

namespace {

// What a client would send for PATH on the fixture machine.
DeviceSpec spec(const Snapshot &s, const QString &path)
{
    DeviceSpec d;
    d.path = path;
    if (path == QLatin1String("missing"))
        return d;
    const QString name = path.mid(5);
    if (const Disk *disk = s.diskOf(name)) {
        d.identity = disk->identity();
        d.sizeBytes = quint64(disk->name == name ? disk->sizeBytes : disk->partition(name)->sizeBytes);
    }
    return d;
}

DeviceSpecList specs(const Snapshot &s, const QStringList &paths)
{
    DeviceSpecList l;
    for (const QString &p : paths)
        l << spec(s, p);
    return l;
}

} // namespace

// The helper's parser, given only the options (the arguments as the request has them).
template<class R> Status parseOptions(const QVariantMap &options, R *r)
{
    QVariantList arguments = AnyRequest(*r).arguments();
    arguments.last() = options;
    return parseRequest(arguments, r);
}

class TestValidator : public QObject
{
    Q_OBJECT
    Snapshot snap = machine();

    // The fixture with md0 on partitions: sdd1 and sde1 (950 GiB from 1 MiB, gpt),
    // each 900 GiB of data; sdc's swap off (partitions, none in use); sdn a
    // blank 500 GiB disk.
    static Snapshot partitionedMd0(const Snapshot &base)
    {
        Snapshot s = base;
        for (Disk &d : s.disks)
            if (d.name == QLatin1String("sdd") || d.name == QLatin1String("sde")) {
                d.partitionTable = QStringLiteral("gpt");
                d.holders.clear();
                d.partitions = {part(d.name + QStringLiteral("1"), 1, MiB, 950 * GiB)};
                d.partitions[0].holders = {QStringLiteral("md0")};
            }
        s.swaps.removeAll(QStringLiteral("sdc4"));
        s.disks.append(disk(QStringLiteral("sdn"), 500 * GiB));
        s.arrays[0].members = {member(QStringLiteral("sdd1"), 0), member(QStringLiteral("sde1"), 1)};
        return s;
    }
    struct PartitionedSystem : FakeSystem {
        using FakeSystem::FakeSystem;
        std::optional<qint64> componentSizeBytes(const QString &) const override { return 900 * GiB; }
    };

    Status create(const QString &level, const QStringList &members, std::function<void(CreateArrayRequest &)> tweak = {},
                  FakeSystem *sys = nullptr)
    {
        FakeSystem fake(snap);
        CreateArrayRequest r;
        r.array = QStringLiteral("/dev/md5");
        r.level = level;
        r.members = specs(snap, members);
        if (tweak)
            tweak(r);
        ValidCreate v;
        return validate(Validator(snap, sys ? *sys : fake), r, &v);
    }

private Q_SLOTS:
    void statusNames()
    {
        QCOMPARE(errorName(ErrorCode::InUse), QStringLiteral("org.plexus.Error.InUse"));
        for (ErrorCode c : {ErrorCode::NotAuthorized, ErrorCode::Dismissed, ErrorCode::InUse, ErrorCode::TooSmall,
                            ErrorCode::NotFound, ErrorCode::Invalid, ErrorCode::Busy, ErrorCode::ToolFailed})
            QCOMPARE(errorCodeFromName(errorName(c)), std::optional<ErrorCode>(c));
        QVERIFY(!errorCodeFromName(QStringLiteral("org.freedesktop.DBus.Error.ServiceUnknown")));
    }

    void paths()
    {
        FakeSystem sys(snap);
        NodeInfo passwd;
        passwd.exists = true;
        passwd.canonicalPath = QStringLiteral("/etc/passwd");
        passwd.kind = QStringLiteral("regular file");
        sys.addNode(QStringLiteral("/dev/evil"), passwd);
        NodeInfo nul;
        nul.exists = true;
        nul.canonicalPath = QStringLiteral("/dev/null");
        nul.kind = QStringLiteral("character device");
        sys.addNode(QStringLiteral("/dev/null"), nul);
        const Validator v(snap, sys);
        ResolvedDevice d;
        EXPECT_REFUSAL(v.resolve(DeviceSpec{QString(), QString(), 0}, &d), ErrorCode::Invalid, "empty path");
        EXPECT_REFUSAL(v.resolve(DeviceSpec{QStringLiteral("sdb"), QStringLiteral("SDB-SERIAL"), 1}, &d), ErrorCode::Invalid, "is not a device path");
        EXPECT_REFUSAL(v.resolve(DeviceSpec{QStringLiteral("/dev/../dev/sdb"), QStringLiteral("SDB-SERIAL"), 1}, &d), ErrorCode::Invalid, "contains '..'");
        EXPECT_REFUSAL(v.resolve(DeviceSpec{QStringLiteral("/dev/./sdb"), QStringLiteral("SDB-SERIAL"), 1}, &d), ErrorCode::Invalid, "contains '..' or '.'");
        EXPECT_REFUSAL(v.resolve(DeviceSpec{QStringLiteral("/dev/sdz"), QStringLiteral("X"), 1}, &d), ErrorCode::NotFound, "/dev/sdz does not exist");
        EXPECT_REFUSAL(v.resolve(DeviceSpec{QStringLiteral("/dev/evil"), QStringLiteral("X"), 1}, &d), ErrorCode::Invalid, "leads to /etc/passwd, which is not under /dev");
        EXPECT_REFUSAL(v.resolve(DeviceSpec{QStringLiteral("/dev/null"), QStringLiteral("X"), 1}, &d), ErrorCode::Invalid, "is a character device, not a block device");
        EXPECT_REFUSAL(v.resolve(DeviceSpec{QStringLiteral("/dev/md0"), QStringLiteral("X"), 1}, &d), ErrorCode::Invalid, "is the md array md0");
        EXPECT_REFUSAL(v.resolve(DeviceSpec{QStringLiteral("/dev/dm-0"), QStringLiteral("X"), 1}, &d), ErrorCode::Invalid, "device-mapper");
    }

    void identities()
    {
        FakeSystem sys(snap);
        const Validator v(snap, sys);
        ResolvedDevice d;
        EXPECT_OK(v.resolve(spec(snap, QStringLiteral("/dev/sdb")), &d));
        QCOMPARE(d.path, QStringLiteral("/dev/sdb"));
        QVERIFY(d.wholeDisk);
        EXPECT_OK(v.resolve(spec(snap, QStringLiteral("/dev/sdc1")), &d)); // no serial: its WWN
        QCOMPARE(d.diskName, QStringLiteral("sdc"));
        QVERIFY(!d.wholeDisk);
        EXPECT_REFUSAL(v.resolve(DeviceSpec{QStringLiteral("/dev/sdb"), QStringLiteral("OTHER-DISK"), quint64(TiB)}, &d), ErrorCode::NotFound,
                       "is now on the disk SDB-SERIAL, not on the disk you chose (OTHER-DISK)");
        EXPECT_REFUSAL(v.resolve(DeviceSpec{QStringLiteral("/dev/sdc1"), QStringLiteral("0x5000c500abcdef01"), quint64(50 * GiB)}, &d),
                       ErrorCode::NotFound, "its partition table has changed");
        EXPECT_REFUSAL(v.resolve(DeviceSpec{QStringLiteral("/dev/sdb"), QString(), quint64(TiB)}, &d), ErrorCode::Invalid, "without the identity of its disk");
    }

    void devicesInUse()
    {
        FakeSystem sys(snap);
        const Validator v(snap, sys);
        auto free = [&](const QString &path, Validator::Consent c = {}) {
            ResolvedDevice d;
            const Status s = v.resolve(spec(snap, path), &d);
            return s.ok() ? v.checkFree(d, c) : s;
        };
        EXPECT_OK(free(QStringLiteral("/dev/sdb")));
        EXPECT_OK(free(QStringLiteral("/dev/sdc1")));
        EXPECT_REFUSAL(free(QStringLiteral("/dev/sda1")), ErrorCode::InUse, "the disk the running system uses (it holds / and /boot)");
        Validator::Consent system;
        system.allowSystemDisk = true;
        EXPECT_REFUSAL(free(QStringLiteral("/dev/sda1"), system), ErrorCode::InUse, "/dev/sda1 is mounted on /boot. Unmount it first, or choose another partition.");
        EXPECT_REFUSAL(free(QStringLiteral("/dev/sda2"), system), ErrorCode::InUse, "physical volume of the LVM volume group vg0");
        EXPECT_REFUSAL(free(QStringLiteral("/dev/sdc4")), ErrorCode::InUse, "is active swap. Turn it off first (swapoff /dev/sdc4)");
        EXPECT_REFUSAL(free(QStringLiteral("/dev/sdd")), ErrorCode::InUse, "/dev/sdd is a member of md0 (raid1)");
        EXPECT_REFUSAL(free(QStringLiteral("/dev/sdl")), ErrorCode::InUse, "vgreduce vg1 /dev/sdl");
        EXPECT_REFUSAL(free(QStringLiteral("/dev/sdm")), ErrorCode::InUse, "is in use by dm-5");
        EXPECT_REFUSAL(free(QStringLiteral("/dev/sdj")), ErrorCode::Invalid, "read-only");
        EXPECT_REFUSAL(free(QStringLiteral("/dev/sdc")), ErrorCode::InUse, "/dev/sdc has the partition sdc4, which is active swap");
        EXPECT_REFUSAL(free(QStringLiteral("/dev/sdk")), ErrorCode::Invalid, "has a partition table (gpt) with 0 partitions");
        EXPECT_REFUSAL(free(QStringLiteral("/dev/sdc3")), ErrorCode::Invalid, "contains a filesystem (ext4) labelled 'data'");
        EXPECT_REFUSAL(free(QStringLiteral("/dev/sdi")), ErrorCode::Invalid, "carries the md superblock of another array");
        Validator::Consent overwrite;
        overwrite.overwrite = true;
        EXPECT_OK(free(QStringLiteral("/dev/sdk"), overwrite));
        EXPECT_OK(free(QStringLiteral("/dev/sdc3"), overwrite));
        Validator::Consent own;
        own.ownArrayUuid = QStringLiteral("99999999:22223333:44445555:55555555");
        EXPECT_OK(free(QStringLiteral("/dev/sdi"), own)); // re-adding to its own array
    }

    void systemDisks()
    {
        FakeSystem sys(snap);
        const auto disks = Validator(snap, sys).systemDisks();
        QCOMPARE(disks.keys(), QStringList{QStringLiteral("sda")});
        QCOMPARE(disks.value(QStringLiteral("sda")), QStringLiteral("it holds / and /boot"));
    }

    void systemDisksThroughLvmOnRaid()
    {
        // The fixture machine of tst_machineprobe: / on LVM on md1 (sda2+sdb2),
        // /boot on md0 (sda1+sdb1), a USB backup disk sdc.
        const SnapshotPtr fx = SnapshotProbe(QStringLiteral(PLEXUS_FIXTURES "/machine/lvm-on-raid1")).take();
        FakeSystem sys(*fx);
        const auto disks = Validator(*fx, sys).systemDisks();
        QCOMPARE(disks.keys(), (QStringList{QStringLiteral("sda"), QStringLiteral("sdb")}));
        QCOMPARE(disks.value(QStringLiteral("sdb")), QStringLiteral("it holds / and /boot"));
        QVERIFY(!disks.contains(QStringLiteral("sdc")));
    }

    void createCounts_data()
    {
        QTest::addColumn<QString>("level");
        QTest::addColumn<QStringList>("members");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("words");
        const QString b = QStringLiteral("/dev/sdb"), c1 = QStringLiteral("/dev/sdc1"), k = QStringLiteral("missing");
        QTest::newRow("raid1 of 2") << "raid1" << QStringList{b, c1} << true << "";
        QTest::newRow("raid1 of 1") << "raid1" << QStringList{b} << false << "RAID-1 needs at least 2 devices; the request has 1";
        QTest::newRow("raid1 degraded") << "1" << QStringList{k, c1} << true << "";
        QTest::newRow("raid1 all missing") << "mirror" << QStringList{k, k} << false << "A mirror needs at least one real device";
        QTest::newRow("raid5 of 2") << "raid5" << QStringList{b, c1} << false << "RAID-5 needs at least 3 devices; the request has 2";
        QTest::newRow("raid5 2 missing") << "raid5" << QStringList{b, k, k} << false << "RAID-5 survives one missing member, not 2";
        QTest::newRow("raid5 1 missing") << "raid5" << QStringList{b, c1, k} << true << "";
        QTest::newRow("raid6 of 3") << "raid6" << QStringList{b, c1, k} << false << "RAID-6 needs at least 4 devices";
        QTest::newRow("raid6 3 missing") << "6" << QStringList{b, k, k, k} << false << "RAID-6 survives two missing members, not 3";
        QTest::newRow("raid0 of 1") << "raid0" << QStringList{b} << false << "RAID-0 needs at least 2 devices";
        QTest::newRow("raid0 missing") << "raid0" << QStringList{b, k} << false << "cannot start with a missing slot";
        QTest::newRow("linear of 1") << "linear" << QStringList{b} << false << "linear (concatenated) needs at least 2 devices";
        QTest::newRow("raid10 pair missing") << "raid10" << QStringList{k, k, b, c1} << false << "Slots 0 and 1 hold the two copies";
        QTest::newRow("raid10 one of each") << "raid10" << QStringList{b, k, c1, k} << true << "";
        QTest::newRow("raid10 odd neighbours") << "raid10" << QStringList{b, k, k} << false << "Slots 1 and 2 hold the two copies";
        QTest::newRow("unknown level") << "raid7" << QStringList{b, c1} << false << "Unknown RAID level 'raid7'";
    }

    void createCounts()
    {
        QFETCH(QString, level);
        QFETCH(QStringList, members);
        QFETCH(bool, ok);
        QFETCH(QString, words);
        const Status s = create(level, members);
        QCOMPARE(s.ok(), ok);
        if (!ok) {
            QCOMPARE(s.code(), ErrorCode::Invalid);
            QVERIFY2(s.message().contains(words), qPrintable(s.message()));
        }
    }

    void createOptions()
    {
        const QStringList two = {QStringLiteral("/dev/sdb"), QStringLiteral("/dev/sdc1")};
        EXPECT_OK(create(QStringLiteral("raid1"), {QStringLiteral("/dev/sdb")}, [](auto &r) { r.forceSingle = true; }));
        EXPECT_REFUSAL(create(QStringLiteral("raid0"), two, [](auto &r) { r.chunkKib = 100; }), ErrorCode::Invalid, "A chunk of 100 KiB is not possible");
        EXPECT_REFUSAL(create(QStringLiteral("raid0"), two, [](auto &r) { r.chunkKib = 2; }), ErrorCode::Invalid, "power of two from 4 KiB");
        EXPECT_REFUSAL(create(QStringLiteral("raid0"), two, [](auto &r) { r.chunkKib = -64; }), ErrorCode::Invalid, "is not possible");
        EXPECT_OK(create(QStringLiteral("raid0"), two, [](auto &r) { r.chunkKib = 64; }));
        EXPECT_REFUSAL(create(QStringLiteral("raid1"), two, [](auto &r) { r.chunkKib = 64; }), ErrorCode::Invalid, "has no chunk size");
        EXPECT_REFUSAL(create(QStringLiteral("raid0"), two, [](auto &r) { r.bitmap = QStringLiteral("internal"); }), ErrorCode::Invalid, "write-intent bitmap has nothing to speed up");
        EXPECT_REFUSAL(create(QStringLiteral("raid1"), two, [](auto &r) { r.bitmap = QStringLiteral("external"); }), ErrorCode::Invalid, "Unknown bitmap 'external'");
        EXPECT_REFUSAL(create(QStringLiteral("raid1"), two, [](auto &r) { r.metadata = QStringLiteral("2.0"); }), ErrorCode::Invalid, "Unknown metadata version '2.0'");
        EXPECT_REFUSAL(create(QStringLiteral("raid1"), two, [](auto &r) { r.name = QStringLiteral("x;rm -rf"); }), ErrorCode::Invalid, "is not a usable array name");
        EXPECT_REFUSAL(create(QStringLiteral("raid1"), two, [](auto &r) { r.name = QString(33, QLatin1Char('a')); }), ErrorCode::Invalid, "is not a usable array name");
        EXPECT_OK(create(QStringLiteral("raid1"), two, [](auto &r) { r.name = QStringLiteral("home-2.backup_x"); }));
        EXPECT_REFUSAL(create(QStringLiteral("raid1"), two, [](auto &r) { r.array = QStringLiteral("/dev/md0"); }), ErrorCode::InUse, "/dev/md0 already exists (raid1, active, 2 members). Choose a free one, for example /dev/md2.");
        EXPECT_REFUSAL(create(QStringLiteral("raid1"), two, [](auto &r) { r.array = QStringLiteral("/dev/sdx"); }), ErrorCode::Invalid, "is not an md array device");
        EXPECT_REFUSAL(create(QStringLiteral("raid1"), two, [](auto &r) { r.array = QStringLiteral("/dev/md/../md0"); }), ErrorCode::Invalid, "not a usable array name");
        EXPECT_OK(create(QStringLiteral("raid1"), two, [](auto &r) { r.array = QStringLiteral("/dev/md/home"); }));
        FakeSystem sys(snap);
        sys.addPath(QStringLiteral("/dev/md/home"));
        EXPECT_REFUSAL(create(QStringLiteral("raid1"), two, [](auto &r) { r.array = QStringLiteral("/dev/md/home"); }, &sys), ErrorCode::InUse, "/dev/md/home already exists");
    }

    // partition_disks: whole blank disks get one RAID partition each, which is
    // the member; partitions stay as they are; a disk with partitions is refused.
    void createOnPartitionedDisks()
    {
        FakeSystem sys(snap);
        CreateArrayRequest r;
        r.array = QStringLiteral("/dev/md5");
        r.level = QStringLiteral("raid1");
        r.members = specs(snap, {QStringLiteral("/dev/sdb"), QStringLiteral("/dev/sdc1")});
        r.spares = specs(snap, {QStringLiteral("/dev/sdk")});
        r.partitionDisks = true;
        r.overwrite = true;
        ValidCreate v;
        EXPECT_OK(validate(Validator(snap, sys), r, &v));
        QCOMPARE(v.members[0].path, QStringLiteral("/dev/sdb1"));
        QCOMPARE(v.members[0].sizeBytes, TiB - 2 * MiB);
        QCOMPARE(v.members[1].path, QStringLiteral("/dev/sdc1"));
        QCOMPARE(v.spares[0].path, QStringLiteral("/dev/sdk1"));
        QCOMPARE(v.partitionDisks.size(), 2);
        const Plan plan = makePlan(v);
        QCOMPARE(plan.previews().mid(0, 2),
                 (QStringList{QStringLiteral("sfdisk --wipe=always --wipe-partitions=always /dev/sdb <<< $'label: gpt\\n,,R'"),
                              QStringLiteral("sfdisk --wipe=always --wipe-partitions=always /dev/sdk <<< $'label: gpt\\n,,R'")}));
        QVERIFY2(plan.previews().last().endsWith(QStringLiteral("/dev/sdb1 /dev/sdc1 /dev/sdk1")), qPrintable(plan.previews().last()));
        // The new partitions do not exist yet: their disks are held instead.
        QCOMPARE(plan.exclusive, (QStringList{QStringLiteral("/dev/sdb"), QStringLiteral("/dev/sdc1"), QStringLiteral("/dev/sdk")}));

        r.members = specs(snap, {QStringLiteral("/dev/sdb"), QStringLiteral("/dev/sdc")});
        r.spares.clear();
        Snapshot noSwap = snap;
        noSwap.swaps.clear();
        FakeSystem sys2(noSwap);
        EXPECT_REFUSAL(validate(Validator(noSwap, sys2), r, &v), ErrorCode::InUse, "/dev/sdc already has 4 partitions: Plexus partitions only blank disks");
    }

    void createDevices()
    {
        EXPECT_REFUSAL(create(QStringLiteral("raid1"), {QStringLiteral("/dev/sdb"), QStringLiteral("/dev/sdb")}), ErrorCode::Invalid, "/dev/sdb is named twice in the request");
        EXPECT_REFUSAL(create(QStringLiteral("raid1"), {QStringLiteral("/dev/sdc"), QStringLiteral("/dev/sdc1")}, [](auto &r) { r.overwrite = true; }),
                       ErrorCode::InUse, "/dev/sdc has the partition sdc4");
        EXPECT_REFUSAL(create(QStringLiteral("raid1"), {QStringLiteral("/dev/sdc1"), QStringLiteral("/dev/sdc2")}), ErrorCode::Invalid, "are both on the disk sdc");
        EXPECT_REFUSAL(create(QStringLiteral("raid0"), {QStringLiteral("/dev/sdc2"), QStringLiteral("/dev/sdb")}), ErrorCode::TooSmall, "/dev/sdc2 is only 3.00 MiB: an md member needs at least 4.00 MiB");
        EXPECT_REFUSAL(create(QStringLiteral("raid1"), {QStringLiteral("/dev/sdb"), QStringLiteral("/dev/sdc1")},
                              [&](auto &r) { r.spares = {spec(snap, QStringLiteral("/dev/sdc2"))}; r.allowSameDisk = true; }),
                       ErrorCode::TooSmall, "The spare /dev/sdc2 (3.00 MiB) is smaller than the smallest member (/dev/sdc1, 100 GiB)");
        EXPECT_REFUSAL(create(QStringLiteral("raid0"), {QStringLiteral("/dev/sdb"), QStringLiteral("/dev/sdc1")},
                              [&](auto &r) { r.spares = {spec(snap, QStringLiteral("/dev/sdk"))}; }),
                       ErrorCode::Invalid, "so a spare would never be used");
        EXPECT_REFUSAL(create(QStringLiteral("raid1"), {QStringLiteral("/dev/sda2"), QStringLiteral("/dev/sdb")}, [](auto &r) { r.common.allowSystemDisk = true; }),
                       ErrorCode::InUse, "physical volume of the LVM volume group vg0");
        EXPECT_OK(create(QStringLiteral("raid1"), {QStringLiteral("/dev/sdc3"), QStringLiteral("/dev/sdb")}, [](auto &r) { r.overwrite = true; }));
    }

    void existingArrays()
    {
        FakeSystem sys(snap);
        const Validator v(snap, sys);
        // Add a member: only into a missing slot.
        ValidAdd add;
        EXPECT_REFUSAL(validate(v, AddDeviceRequest{QStringLiteral("/dev/md0"), spec(snap, QStringLiteral("/dev/sdb")), false, false, {}}, &add),
                       ErrorCode::Invalid, "/dev/md0 has no missing member (2 of 2 slots are filled)");
        EXPECT_OK(validate(v, AddDeviceRequest{QStringLiteral("/dev/md0"), spec(snap, QStringLiteral("/dev/sdb")), true, false, {}}, &add));
        EXPECT_OK(validate(v, AddDeviceRequest{QStringLiteral("/dev/md1"), spec(snap, QStringLiteral("/dev/sdb")), false, false, {}}, &add));
        EXPECT_REFUSAL(validate(v, AddDeviceRequest{QStringLiteral("/dev/md1"), spec(snap, QStringLiteral("/dev/sdc1")), false, false, {}}, &add),
                       ErrorCode::TooSmall, "/dev/sdc1 (100 GiB) is too small for /dev/md1: each member needs at least 1.00 TiB");
        EXPECT_REFUSAL(validate(v, AddDeviceRequest{QStringLiteral("/dev/md0"), spec(snap, QStringLiteral("/dev/sde")), true, false, {}}, &add),
                       ErrorCode::Invalid, "/dev/sde is already a member of /dev/md0");
        EXPECT_REFUSAL(validate(v, AddDeviceRequest{QStringLiteral("/dev/md7"), spec(snap, QStringLiteral("/dev/sdb")), true, false, {}}, &add),
                       ErrorCode::NotFound, "/dev/md7 does not exist");
        CommonOptions pinned;
        pinned.arrayUuid = QStringLiteral("deadbeef-0000-0000-0000-000000000000");
        EXPECT_REFUSAL(validate(v, AddDeviceRequest{QStringLiteral("/dev/md0"), spec(snap, QStringLiteral("/dev/sdb")), true, false, pinned}, &add),
                       ErrorCode::NotFound, "/dev/md0 is now another array");
        pinned.arrayUuid = QStringLiteral("11111111:22223333:44445555:55555555"); // mdadm's spelling of the same UUID
        EXPECT_OK(validate(v, AddDeviceRequest{QStringLiteral("/dev/md0"), spec(snap, QStringLiteral("/dev/sdb")), true, false, pinned}, &add));

        // Fail / remove: never lose the last copy.
        ValidFail fail;
        EXPECT_OK(validate(v, FailMemberRequest{QStringLiteral("/dev/md0"), spec(snap, QStringLiteral("/dev/sdd")), {}}, &fail));
        EXPECT_REFUSAL(validate(v, FailMemberRequest{QStringLiteral("/dev/md1"), spec(snap, QStringLiteral("/dev/sdf")), {}}, &fail),
                       ErrorCode::Invalid, "Failing /dev/sdf would leave /dev/md1 without a complete copy of the data: 2 of 3 members would be missing");
        EXPECT_REFUSAL(validate(v, FailMemberRequest{QStringLiteral("/dev/md1"), spec(snap, QStringLiteral("/dev/sdh")), {}}, &fail),
                       ErrorCode::Invalid, "/dev/sdh is already marked faulty");
        EXPECT_REFUSAL(validate(v, FailMemberRequest{QStringLiteral("/dev/md0"), spec(snap, QStringLiteral("/dev/sdb")), {}}, &fail),
                       ErrorCode::Invalid, "/dev/sdb is not a member of /dev/md0 (its members are sdd and sde)");
        ValidRemove rm;
        EXPECT_REFUSAL(validate(v, RemoveMemberRequest{QStringLiteral("/dev/md0"), spec(snap, QStringLiteral("/dev/sdd")), false, false, {}}, &rm),
                       ErrorCode::Invalid, "is a working member of /dev/md0");
        EXPECT_OK(validate(v, RemoveMemberRequest{QStringLiteral("/dev/md0"), spec(snap, QStringLiteral("/dev/sdd")), true, false, {}}, &rm));
        QVERIFY(rm.failFirst);
        EXPECT_OK(validate(v, RemoveMemberRequest{QStringLiteral("/dev/md1"), spec(snap, QStringLiteral("/dev/sdh")), false, true, {}}, &rm));
        QVERIFY(!rm.failFirst);
        QVERIFY(rm.zeroSuperblock);

        // Replace: hot when the member works; never into a degraded array's hole.
        ValidReplace rep;
        EXPECT_OK(validate(v, ReplaceMemberRequest{QStringLiteral("/dev/md0"), spec(snap, QStringLiteral("/dev/sdd")), spec(snap, QStringLiteral("/dev/sdb")), true, false, {}}, &rep));
        QVERIFY(rep.hot);
        EXPECT_REFUSAL(validate(v, ReplaceMemberRequest{QStringLiteral("/dev/md1"), spec(snap, QStringLiteral("/dev/sdf")), spec(snap, QStringLiteral("/dev/sdb")), true, false, {}}, &rep),
                       ErrorCode::Invalid, "/dev/md1 is degraded (1 member missing): a new device would fill the missing slot");
        EXPECT_OK(validate(v, ReplaceMemberRequest{QStringLiteral("/dev/md1"), spec(snap, QStringLiteral("/dev/sdh")), spec(snap, QStringLiteral("/dev/sdb")), true, false, {}}, &rep));
        QVERIFY(!rep.hot);
        EXPECT_REFUSAL(validate(v, ReplaceMemberRequest{QStringLiteral("/dev/md0"), spec(snap, QStringLiteral("/dev/sdd")), spec(snap, QStringLiteral("/dev/sdd")), true, false, {}}, &rep),
                       ErrorCode::Invalid, "cannot replace itself");
        FakeSystem busySys(snap);
        busySys.setSyncAction(QStringLiteral("md0"), QStringLiteral("check"));
        EXPECT_REFUSAL(validate(Validator(snap, busySys), ReplaceMemberRequest{QStringLiteral("/dev/md0"), spec(snap, QStringLiteral("/dev/sdd")), spec(snap, QStringLiteral("/dev/sdb")), true, false, {}}, &rep),
                       ErrorCode::Busy, "/dev/md0 is busy with check. Stop it (scrub idle)");
    }

    void grow()
    {
        FakeSystem sys(snap);
        const Validator v(snap, sys);
        ValidGrow g;
        auto req = [&](const QString &array, int n, const QStringList &add, const QStringList &remove) {
            GrowArrayRequest r;
            r.array = array;
            r.raidDevices = n;
            r.add = specs(snap, add);
            r.remove = specs(snap, remove);
            return r;
        };
        EXPECT_OK(validate(v, req(QStringLiteral("/dev/md0"), 3, {QStringLiteral("/dev/sdb")}, {}), &g));
        QCOMPARE(g.raidDevices, 3);
        EXPECT_REFUSAL(validate(v, req(QStringLiteral("/dev/md0"), 3, {}, {}), &g), ErrorCode::Invalid, "needs 1 more device; the request adds 0");
        EXPECT_REFUSAL(validate(v, req(QStringLiteral("/dev/md0"), 2, {}, {}), &g), ErrorCode::Invalid, "Nothing to change");
        EXPECT_REFUSAL(validate(v, req(QStringLiteral("/dev/md0"), 1, {}, {QStringLiteral("/dev/sdd")}), &g), ErrorCode::Invalid, "A mirror of one device is possible with force_single");
        GrowArrayRequest single = req(QStringLiteral("/dev/md0"), 1, {}, {QStringLiteral("/dev/sdd")});
        single.forceSingle = true;
        EXPECT_OK(validate(v, single, &g));
        QCOMPARE(g.remove.size(), 1);
        EXPECT_REFUSAL(validate(v, req(QStringLiteral("/dev/md1"), 2, {}, {}), &g), ErrorCode::Invalid, "Plexus does not shrink RAID-5 arrays");
        GrowArrayRequest size = req(QStringLiteral("/dev/md0"), 0, {}, {});
        size.size = QStringLiteral("max");
        EXPECT_OK(validate(v, size, &g));
        QVERIFY(g.sizeMax);
        size.size = QStringLiteral("10G");
        EXPECT_REFUSAL(validate(v, size, &g), ErrorCode::Invalid, "Unknown size '10G'");
    }

    void syncAndSpeed()
    {
        FakeSystem sys(snap);
        const Validator v(snap, sys);
        ValidSyncAction a;
        EXPECT_OK(validate(v, SyncActionRequest{QStringLiteral("/dev/md0"), QStringLiteral("check"), {}}, &a));
        EXPECT_REFUSAL(validate(v, SyncActionRequest{QStringLiteral("/dev/md0"), QStringLiteral("frozen"), {}}, &a), ErrorCode::Invalid, "Unknown sync action 'frozen'");
        EXPECT_REFUSAL(validate(v, SyncActionRequest{QStringLiteral("/dev/md0"), QStringLiteral("recover"), {}}, &a), ErrorCode::Invalid, "Unknown sync action 'recover'");
        EXPECT_REFUSAL(validate(v, SyncActionRequest{QStringLiteral("/dev/md1"), QStringLiteral("check"), {}}, &a), ErrorCode::Invalid, "/dev/md1 is degraded");
        sys.setSyncAction(QStringLiteral("md0"), QStringLiteral("resync"));
        EXPECT_REFUSAL(validate(v, SyncActionRequest{QStringLiteral("/dev/md0"), QStringLiteral("repair"), {}}, &a), ErrorCode::Busy, "/dev/md0 is busy with resync");
        EXPECT_REFUSAL(validate(v, SyncActionRequest{QStringLiteral("/dev/md0"), QStringLiteral("idle"), {}}, &a), ErrorCode::Busy, "which Plexus does not interrupt");
        sys.setSyncAction(QStringLiteral("md0"), QStringLiteral("idle"));

        ValidSpeedLimits s;
        EXPECT_OK(validate(v, SpeedLimitsRequest{QStringLiteral("/dev/md0"), QStringLiteral("5000"), QStringLiteral("system"), {}}, &s));
        for (const char *bad : {"0", "-5", "12k", " 5", "99999999999"})
            EXPECT_REFUSAL(validate(v, SpeedLimitsRequest{QStringLiteral("/dev/md0"), QLatin1String(bad), QString(), {}}, &s), ErrorCode::Invalid,
                           "must be a positive number of KiB/s");
        EXPECT_REFUSAL(validate(v, SpeedLimitsRequest{QStringLiteral("/dev/md0"), QStringLiteral("9000"), QStringLiteral("100"), {}}, &s), ErrorCode::Invalid, "is above the maximum");
        EXPECT_REFUSAL(validate(v, SpeedLimitsRequest{QStringLiteral("/dev/md0"), QStringLiteral("300000"), QString(), {}}, &s), ErrorCode::Invalid, "Raise the maximum too");
        EXPECT_REFUSAL(validate(v, SpeedLimitsRequest{QStringLiteral("/dev/md0"), QString(), QString(), {}}, &s), ErrorCode::Invalid, "Nothing to change");
    }

    void zeroCopyStop()
    {
        FakeSystem sys(snap);
        const Validator v(snap, sys);
        ValidZero z;
        EXPECT_OK(validate(v, ZeroSuperblockRequest{spec(snap, QStringLiteral("/dev/sdi")), {}}, &z));
        EXPECT_REFUSAL(validate(v, ZeroSuperblockRequest{spec(snap, QStringLiteral("/dev/sdb")), {}}, &z), ErrorCode::Invalid, "carries no md superblock");
        EXPECT_REFUSAL(validate(v, ZeroSuperblockRequest{spec(snap, QStringLiteral("/dev/sdd")), {}}, &z), ErrorCode::InUse, "is a member of md0");

        ValidCopyTable c;
        EXPECT_OK(validate(v, CopyPartitionTableRequest{spec(snap, QStringLiteral("/dev/sdc")), spec(snap, QStringLiteral("/dev/sdb")), false, {}}, &c));
        QVERIFY(!c.targetHadTable);
        EXPECT_REFUSAL(validate(v, CopyPartitionTableRequest{spec(snap, QStringLiteral("/dev/sdc1")), spec(snap, QStringLiteral("/dev/sdb")), false, {}}, &c),
                       ErrorCode::Invalid, "/dev/sdc1 is a partition");
        EXPECT_REFUSAL(validate(v, CopyPartitionTableRequest{spec(snap, QStringLiteral("/dev/sdb")), spec(snap, QStringLiteral("/dev/sdk")), false, {}}, &c),
                       ErrorCode::Invalid, "/dev/sdb has no partition table to copy");
        EXPECT_REFUSAL(validate(v, CopyPartitionTableRequest{spec(snap, QStringLiteral("/dev/sdc")), spec(snap, QStringLiteral("/dev/sdk")), false, {}}, &c),
                       ErrorCode::Invalid, "has a partition table (gpt)");
        EXPECT_OK(validate(v, CopyPartitionTableRequest{spec(snap, QStringLiteral("/dev/sdc")), spec(snap, QStringLiteral("/dev/sdk")), true, {}}, &c));
        QVERIFY(c.targetHadTable);
        EXPECT_REFUSAL(validate(v, CopyPartitionTableRequest{spec(snap, QStringLiteral("/dev/sdc")), spec(snap, QStringLiteral("/dev/sdm")), true, {}}, &c),
                       ErrorCode::TooSmall, "/dev/sdm (100 GiB) is too small for /dev/sdc's partitions");
        EXPECT_REFUSAL(validate(v, CopyPartitionTableRequest{spec(snap, QStringLiteral("/dev/sdc")), spec(snap, QStringLiteral("/dev/sdc")), true, {}}, &c),
                       ErrorCode::Invalid, "the same disk");

        ValidStop st;
        EXPECT_OK(validate(v, StopArrayRequest{QStringLiteral("/dev/md0"), {}}, &st));
        Snapshot mounted = snap;
        mounted.mounts.append(Mount{QStringLiteral("md0"), QStringLiteral("/dev/md0"), QStringLiteral("/srv"), QStringLiteral("ext4")});
        FakeSystem sys2(mounted);
        EXPECT_REFUSAL(validate(Validator(mounted, sys2), StopArrayRequest{QStringLiteral("/dev/md0"), {}}, &st), ErrorCode::InUse, "/dev/md0 is mounted on /srv. Unmount it first.");
    }

    // Drag a blank disk onto a member that is a partition: the disk first gets
    // the old member's disk's partitions, the matching partition joins; the old
    // member's superblock is erased last when asked.
    void replaceOntoBlankDiskPartitionedLikeTheOld()
    {
        const Snapshot s = partitionedMd0(snap);
        PartitionedSystem sys(s);
        const Validator v(s, sys);
        auto request = [&s](const QString &oldPath, const QString &newPath, auto tweak) {
            ReplaceMemberRequest r;
            r.array = QStringLiteral("/dev/md0");
            r.oldMember = spec(s, oldPath);
            r.newDevice = spec(s, newPath);
            r.overwrite = true;
            r.partitionLike = true;
            tweak(r);
            return r;
        };
        const auto none = [](ReplaceMemberRequest &) {};

        ValidReplace rep;
        EXPECT_OK(validate(v, request(QStringLiteral("/dev/sdd1"), QStringLiteral("/dev/sdb"), none), &rep));
        QCOMPARE(rep.newDevice.path, QStringLiteral("/dev/sdb1"));
        QCOMPARE(rep.newDevice.sizeBytes, 950 * GiB);
        QVERIFY(rep.partitionLike);
        QCOMPARE(rep.partitionLike->source.path, QStringLiteral("/dev/sdd"));
        QCOMPARE(rep.partitionLike->target.path, QStringLiteral("/dev/sdb"));
        Plan plan = makePlan(rep);
        QCOMPARE(plan.exclusive, QStringList{QStringLiteral("/dev/sdb")});
        QCOMPARE(plan.previews().first(), QStringLiteral("sfdisk --dump /dev/sdd"));
        QVERIFY2(plan.previews().join(QLatin1Char('\n')).contains(QStringLiteral("mdadm /dev/md0 --replace /dev/sdd1 --with /dev/sdb1")),
                 qPrintable(plan.toText()));
        QVERIFY(!plan.previews().join(QLatin1Char('\n')).contains(QStringLiteral("--zero-superblock")));

        // zero_superblock (formerly zero_old): the old member's superblock goes last, once it is out.
        EXPECT_OK(validate(v, request(QStringLiteral("/dev/sdd1"), QStringLiteral("/dev/sdb"), [](ReplaceMemberRequest &r) { r.zeroSuperblock = true; }), &rep));
        plan = makePlan(rep);
        QCOMPARE(plan.previews().last(), QStringLiteral("mdadm --zero-superblock /dev/sdd1"));
        EXPECT_REFUSAL(validate(v, request(QStringLiteral("/dev/sdd1"), QStringLiteral("/dev/sdb"), [](ReplaceMemberRequest &r) {
                                      r.zeroSuperblock = true;
                                      r.wait = false;
                                  }), &rep),
                       ErrorCode::Invalid, "needs the replacement to wait for the copy");

        // Refusals, each saying what to do instead.
        EXPECT_REFUSAL(validate(v, request(QStringLiteral("/dev/sdd1"), QStringLiteral("/dev/sdc1"), none), &rep), ErrorCode::Invalid,
                       "/dev/sdc1 is a partition: give the whole, blank disk");
        EXPECT_REFUSAL(validate(v, request(QStringLiteral("/dev/sdd1"), QStringLiteral("/dev/sdc"), none), &rep), ErrorCode::InUse,
                       "/dev/sdc already has 4 partitions: Plexus partitions only blank disks");
        EXPECT_REFUSAL(validate(v, request(QStringLiteral("/dev/sdd1"), QStringLiteral("/dev/sdn"), none), &rep), ErrorCode::TooSmall,
                       "/dev/sdn (500 GiB) is too small for /dev/sdd's partitions");
        ReplaceMemberRequest wholeOld;
        wholeOld.array = QStringLiteral("/dev/md1");
        wholeOld.oldMember = spec(s, QStringLiteral("/dev/sdf"));
        wholeOld.newDevice = spec(s, QStringLiteral("/dev/sdb"));
        wholeOld.partitionLike = true;
        EXPECT_REFUSAL(validate(v, wholeOld, &rep), ErrorCode::Invalid, "/dev/sdf is a whole disk, not a partition");
    }

    // A blank disk into a missing slot (or as a spare) of an array on
    // partitions: it gets a working member's disk's partitions first.
    void addOntoBlankDiskPartitionedLikeMembers()
    {
        Snapshot s = partitionedMd0(snap);
        Array &md0 = s.arrays[0];
        md0.members = {member(QStringLiteral("sdd1"), 0)};
        md0.activeDisks = 1;
        md0.degradedCount = 1;
        md0.degraded = true;
        PartitionedSystem sys(s);
        const Validator v(s, sys);
        AddDeviceRequest r;
        r.array = QStringLiteral("/dev/md0");
        r.device = spec(s, QStringLiteral("/dev/sdb"));
        r.overwrite = true;
        r.partitionLike = true;
        ValidAdd add;
        EXPECT_OK(validate(v, r, &add));
        QCOMPARE(add.device.path, QStringLiteral("/dev/sdb1"));
        QVERIFY(add.partitionLike);
        QCOMPARE(add.partitionLike->source.path, QStringLiteral("/dev/sdd"));
        const Plan plan = makePlan(add);
        QCOMPARE(plan.previews().first(), QStringLiteral("sfdisk --dump /dev/sdd"));
        QCOMPARE(plan.previews().last(), QStringLiteral("mdadm /dev/md0 --add /dev/sdb1"));
        QCOMPARE(plan.exclusive, QStringList{QStringLiteral("/dev/sdb")});

        r.device = spec(s, QStringLiteral("/dev/sdn"));
        EXPECT_REFUSAL(validate(v, r, &add), ErrorCode::TooSmall, "/dev/sdn (500 GiB) is too small for /dev/sdd's partitions");
        // md1's members are whole disks: nothing to copy.
        r.array = QStringLiteral("/dev/md1");
        r.device = spec(s, QStringLiteral("/dev/sdb"));
        EXPECT_REFUSAL(validate(v, r, &add), ErrorCode::Invalid, "/dev/md1's working members are whole disks, not partitions");
    }

    void options()
    {
        CreateArrayRequest r;
        EXPECT_OK(parseOptions({{QStringLiteral("chunk_kib"), 64u}, {QStringLiteral("bitmap"), QStringLiteral("none")},
                                {QStringLiteral("overwrite"), true}, {QStringLiteral("tag"), QStringLiteral("t1")}}, &r));
        QCOMPARE(r.chunkKib, 64);
        QVERIFY(r.overwrite);
        QCOMPARE(r.common.tag, QStringLiteral("t1"));
        EXPECT_OK(parseOptions({{QStringLiteral("chunk_kib"), qulonglong(128)}}, &r));
        QCOMPARE(r.chunkKib, 128);
        EXPECT_REFUSAL(parseOptions({{QStringLiteral("bogus"), true}}, &r), ErrorCode::Invalid, "Unknown option 'bogus'");
        EXPECT_REFUSAL(parseOptions({{QStringLiteral("chunk_kib"), QStringLiteral("64")}}, &r), ErrorCode::Invalid, "Option 'chunk_kib' must be an integer");
        EXPECT_REFUSAL(parseOptions({{QStringLiteral("overwrite"), 1}}, &r), ErrorCode::Invalid, "Option 'overwrite' must be a boolean");
        EXPECT_REFUSAL(parseOptions({{QStringLiteral("tag"), QStringLiteral("Your data is lost!\nCall 555-0100")}}, &r), ErrorCode::Invalid, "Option 'tag' must be");
        CreateArrayRequest fresh;
        EXPECT_REFUSAL(parseOptions({{QStringLiteral("array_uuid"), QStringLiteral("../../x")}}, &fresh), ErrorCode::Invalid, "Option 'array_uuid' must be a UUID");
        StopArrayRequest stop;
        EXPECT_REFUSAL(parseOptions({{QStringLiteral("overwrite"), true}}, &stop), ErrorCode::Invalid, "Unknown option 'overwrite'");
    }
};

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"

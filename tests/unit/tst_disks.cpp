// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Disk-level operations (ReplaceDisk, TakeDiskOut) on a common layout: two
// partitioned disks, each partition one half of a RAID-1 (/boot-like, swap,
// root). Their plans while the old disk works, has failed in one array, is
// gone but still listed, or gone and dropped ("missing"); and every refusal,
// each leaving the request's result empty.

#include "tst_engine_fixture.h"

#include "engine/engine.h"
#include "engine/ops/registry.h"

#include <QTest>

using namespace plexus;
using namespace plexus::fixture;

namespace {

constexpr qint64 offset = 128 * MiB; // FakeSystem's data offset of every member

Disk pairDisk(const QString &name)
{
    Disk d = disk(name, 100 * GiB);
    d.partitionTable = QStringLiteral("gpt");
    d.partitions = {part(name + QStringLiteral("1"), 1, MiB, GiB), part(name + QStringLiteral("2"), 2, GiB + MiB, 4 * GiB),
                    part(name + QStringLiteral("3"), 3, 5 * GiB + MiB, 90 * GiB)};
    for (Partition &p : d.partitions)
        p.fsType = QStringLiteral("linux_raid_member");
    return d;
}

Array mirror(const QString &name, int number, qint64 partSize)
{
    Array a;
    a.name = name;
    a.level = QStringLiteral("raid1");
    a.raidDisks = 2;
    a.activeDisks = 2;
    a.degradedCount = 0;
    a.sizeKib = (partSize - offset) / 1024;
    a.arrayStateWord = QStringLiteral("clean");
    a.uuid = QStringLiteral("abcd00%1-0000-0000-0000-000000000000").arg(number);
    a.members = {member(QStringLiteral("sda%1").arg(number), 0), member(QStringLiteral("sdb%1").arg(number), 1)};
    return a;
}

// sda and sdb: md10 (1 GiB), md11 (4 GiB), md12 (90 GiB) mirrored across them;
// sdc blank (200 GiB), sdd blank but small, sde holds a filesystem, sdf is mounted.
Snapshot pair()
{
    Snapshot s;
    Disk sde = disk(QStringLiteral("sde"), 200 * GiB);
    sde.fsType = QStringLiteral("ext4");
    Disk sdf = disk(QStringLiteral("sdf"), 200 * GiB);
    sdf.fsType = QStringLiteral("ext4");
    s.disks = {pairDisk(QStringLiteral("sda")), pairDisk(QStringLiteral("sdb")), disk(QStringLiteral("sdc"), 200 * GiB),
               disk(QStringLiteral("sdd"), 10 * GiB), sde, sdf};
    s.arrays = {mirror(QStringLiteral("md10"), 1, GiB), mirror(QStringLiteral("md11"), 2, 4 * GiB), mirror(QStringLiteral("md12"), 3, 90 * GiB)};
    s.mounts = {Mount{QStringLiteral("sdf"), QStringLiteral("/dev/sdf"), QStringLiteral("/srv"), QStringLiteral("ext4")}};
    return s;
}

Member &memberOf(Snapshot &s, const QString &array, const QString &device)
{
    for (Array &a : s.arrays)
        if (a.name == array)
            for (Member &m : a.members)
                if (m.device == device)
                    return m;
    qFatal("no such member");
}

void markFaulty(Snapshot &s, const QString &array, const QString &device)
{
    Member &m = memberOf(s, array, device);
    m.faulty = true;
    m.inSync = false;
    m.slot.reset();
    m.rawState = {QStringLiteral("faulty")};
    for (Array &a : s.arrays)
        if (a.name == array) {
            a.degraded = true;
            a.degradedCount = 1;
            a.activeDisks = 1;
        }
}

// sdb pulled out: its node and disk are gone; md lists its partitions faulty,
// or (dropped) not at all.
Snapshot withoutSdb(bool listed)
{
    Snapshot s = pair();
    s.disks.removeAt(1);
    for (Array &a : s.arrays) {
        markFaulty(s, a.name, a.members[1].device);
        if (!listed)
            a.members.removeAt(1);
    }
    return s;
}

DeviceSpec spec(const Snapshot &s, const QString &path)
{
    return deviceSpecFor(s, path);
}

DeviceSpec gone(const QString &path)
{
    DeviceSpec d;
    d.path = path;
    return d;
}

ReplaceDiskRequest replaceDisk(const DeviceSpec &oldDisk, const DeviceSpec &newDisk)
{
    ReplaceDiskRequest r;
    r.oldDisk = oldDisk;
    r.newDisk = newDisk;
    return r;
}

TakeDiskOutRequest takeOut(const DeviceSpec &disk)
{
    TakeDiskOutRequest r;
    r.disk = disk;
    return r;
}

} // namespace

class TestDisks : public QObject
{
    Q_OBJECT

    template<class R> Plan plan(const Snapshot &s, const R &r, FakeSystem *sys = nullptr)
    {
        FakeSystem own(s);
        Engine engine(std::make_shared<Snapshot>(s), sys ? *sys : own);
        Plan p;
        const Status st = engine.prepare(r, &p);
        if (!st)
            qWarning() << st.message();
        return p;
    }
    // Validates as the helper would; a refusal leaves nothing of the request behind.
    template<class R> Status check(const R &r, const Snapshot &s, FakeSystem *sys = nullptr)
    {
        FakeSystem own(s);
        typename R::Valid v;
        const Status st = validate(Validator(s, sys ? *sys : own), r, &v);
        if (!st)
            verifyEmpty(v);
        return st;
    }
    void verifyEmpty(const ValidReplaceDisk &v)
    {
        QVERIFY(v.old.slots.isEmpty() && v.newMembers.isEmpty() && !v.table && v.newDisk.path.isEmpty());
    }
    void verifyEmpty(const ValidTakeDiskOut &v) { QVERIFY(v.disk.slots.isEmpty()); }

private Q_SLOTS:
    void replaceWorkingDisk()
    {
        const Snapshot s = pair();
        ReplaceDiskRequest r = replaceDisk(spec(s, QStringLiteral("/dev/sdb")), spec(s, QStringLiteral("/dev/sdc")));
        Plan p = plan(s, r);
        QCOMPARE(p.operation, QStringLiteral("ReplaceDisk"));
        QCOMPARE(p.exclusive, QStringList{QStringLiteral("/dev/sdc")});
        const QStringList previews = p.previews();
        // The table once, first; then each array copied hot, one after the other.
        QCOMPARE(previews.filter(QStringLiteral("sfdisk --dump /dev/sdb")).size(), 1);
        QVERIFY(previews.indexOf(QStringLiteral("sfdisk --dump /dev/sdb")) < previews.indexOf(QStringLiteral("mdadm /dev/md10 --add-spare /dev/sdc1")));
        for (int n = 1; n <= 3; ++n) {
            const QString md = QStringLiteral("/dev/md1%1").arg(n - 1);
            const QStringList mine = {QStringLiteral("mdadm %1 --add-spare /dev/sdc%2").arg(md).arg(n),
                                      QStringLiteral("mdadm %1 --replace /dev/sdb%2 --with /dev/sdc%2").arg(md).arg(n),
                                      QStringLiteral("mdadm --wait %1").arg(md), QStringLiteral("mdadm %1 --remove /dev/sdb%2").arg(md).arg(n)};
            int at = -1;
            for (const QString &c : mine) {
                const int i = previews.indexOf(c, at + 1);
                QVERIFY2(i > at, qPrintable(c + QStringLiteral(" in order in:\n") + previews.join(QLatin1Char('\n'))));
                at = i;
            }
        }
        QVERIFY(previews.filter(QStringLiteral("--zero-superblock")).isEmpty());
        QVERIFY(p.notes.join(QLatin1Char(' ')).contains(QStringLiteral("keep their md superblocks")));
        QVERIFY(p.summary.contains(QStringLiteral("md10, md11 and md12")));

        r.zeroSuperblock = true;
        p = plan(s, r);
        QCOMPARE(p.previews().mid(p.steps.size() - 3),
                 (QStringList{QStringLiteral("mdadm --zero-superblock /dev/sdb1"), QStringLiteral("mdadm --zero-superblock /dev/sdb2"),
                              QStringLiteral("mdadm --zero-superblock /dev/sdb3")}));
    }

    void replaceDiskFailedInOneArray()
    {
        Snapshot s = pair();
        markFaulty(s, QStringLiteral("md11"), QStringLiteral("sdb2"));
        const Plan p = plan(s, replaceDisk(spec(s, QStringLiteral("/dev/sdb")), spec(s, QStringLiteral("/dev/sdc"))));
        const QStringList previews = p.previews();
        // md11 is rebuilt into the freed slot; md10 and md12 are copied hot.
        QVERIFY(previews.contains(QStringLiteral("mdadm /dev/md11 --remove /dev/sdb2")));
        QVERIFY(previews.contains(QStringLiteral("mdadm /dev/md11 --add /dev/sdc2")));
        QVERIFY(!previews.filter(QStringLiteral("md11 --replace")).size());
        QVERIFY(previews.contains(QStringLiteral("mdadm /dev/md12 --replace /dev/sdb3 --with /dev/sdc3")));
        QVERIFY(p.descriptions().filter(QStringLiteral("rebuilds md11's data onto /dev/sdc2")).size() == 1);
    }

    void replaceDiskWhoseFailedMemberASpareReplaced()
    {
        // sdb2 failed in md11 and sdc (a spare) took its slot: md11 is whole, so
        // the new partition becomes md11's next spare instead of waiting for a rebuild.
        Snapshot s = pair();
        markFaulty(s, QStringLiteral("md11"), QStringLiteral("sdb2"));
        Array &md11 = s.arrays[1];
        md11.members << member(QStringLiteral("sdd"), 1);
        md11.degraded = false;
        md11.degradedCount = 0;
        md11.activeDisks = 2;
        const Plan p = plan(s, replaceDisk(spec(s, QStringLiteral("/dev/sdb")), spec(s, QStringLiteral("/dev/sdc"))));
        const QStringList previews = p.previews();
        QVERIFY(previews.contains(QStringLiteral("mdadm /dev/md11 --remove /dev/sdb2")));
        QVERIFY(previews.contains(QStringLiteral("mdadm /dev/md11 --add-spare /dev/sdc2")));
        QVERIFY(!previews.contains(QStringLiteral("mdadm --wait /dev/md11")));
        QVERIFY(p.descriptions().filter(QStringLiteral("a spare already took over its slot")).size() == 1);
        // While that spare is still being rebuilt: wait for it first.
        FakeSystem recovering(s);
        recovering.setSyncAction(QStringLiteral("md11"), QStringLiteral("recover"));
        EXPECT_REFUSAL(check(replaceDisk(spec(s, QStringLiteral("/dev/sdb")), spec(s, QStringLiteral("/dev/sdc"))), s, &recovering), ErrorCode::Busy,
                       "then replace the disk");
    }

    void replaceGoneDisk()
    {
        // Still listed by md: named by the kernel name it had; the new disk copies sda.
        Snapshot s = withoutSdb(true);
        Plan p = plan(s, replaceDisk(gone(QStringLiteral("/dev/sdb")), spec(s, QStringLiteral("/dev/sdc"))));
        QStringList previews = p.previews();
        QVERIFY2(previews.contains(QStringLiteral("sfdisk --dump /dev/sda")), qPrintable(previews.join(QLatin1Char('\n'))));
        for (int n = 1; n <= 3; ++n) {
            QVERIFY(previews.contains(QStringLiteral("echo remove > /sys/block/md1%1/md/dev-sdb%2/state").arg(n - 1).arg(n)));
            QVERIFY(previews.contains(QStringLiteral("mdadm /dev/md1%1 --add /dev/sdc%2").arg(n - 1).arg(n)));
        }
        QCOMPARE(previews.filter(QStringLiteral("mdadm --wait")).size(), 3);
        QVERIFY(previews.filter(QStringLiteral("--zero-superblock")).isEmpty());

        // Dropped by md: "missing" fills every degraded array's empty slot.
        s = withoutSdb(false);
        p = plan(s, replaceDisk(gone(QStringLiteral("missing")), spec(s, QStringLiteral("/dev/sdc"))));
        previews = p.previews();
        QVERIFY(previews.contains(QStringLiteral("sfdisk --dump /dev/sda")));
        QVERIFY(previews.filter(QStringLiteral("echo remove")).isEmpty());
        QCOMPARE(previews.filter(QRegularExpression(QStringLiteral("^mdadm /dev/md1[0-2] --add /dev/sdc[1-3]$"))).size(), 3);
        QVERIFY(p.summary.contains(QStringLiteral("in place of the missing disk")));

        // An array whose failed member's disk is still here is not the missing disk's.
        Snapshot other = withoutSdb(false);
        Disk sdg = pairDisk(QStringLiteral("sdg")), sdh = pairDisk(QStringLiteral("sdh"));
        other.disks << sdg << sdh;
        Array md20 = mirror(QStringLiteral("md20"), 2, 4 * GiB);
        md20.members = {member(QStringLiteral("sdg2"), 0), member(QStringLiteral("sdh2"), 1)};
        other.arrays << md20;
        markFaulty(other, QStringLiteral("md20"), QStringLiteral("sdh2"));
        p = plan(other, replaceDisk(gone(QStringLiteral("missing")), spec(other, QStringLiteral("/dev/sdc"))));
        QVERIFY2(!p.steps.isEmpty(), "refused");
        QVERIFY(p.previews().filter(QStringLiteral("md20")).isEmpty());
    }

    void replaceWholeDiskMember()
    {
        Snapshot s = pair();
        Disk sdg = disk(QStringLiteral("sdg"), 100 * GiB), sdh = disk(QStringLiteral("sdh"), 100 * GiB);
        s.disks << sdg << sdh;
        Array md20 = mirror(QStringLiteral("md20"), 9, 100 * GiB);
        md20.members = {member(QStringLiteral("sdg"), 0), member(QStringLiteral("sdh"), 1)};
        s.arrays << md20;
        const Plan p = plan(s, replaceDisk(spec(s, QStringLiteral("/dev/sdh")), spec(s, QStringLiteral("/dev/sdc"))));
        QVERIFY(p.previews().filter(QStringLiteral("sfdisk")).isEmpty());
        QVERIFY(p.previews().contains(QStringLiteral("mdadm /dev/md20 --replace /dev/sdh --with /dev/sdc")));
    }

    void replaceDiskRefusals()
    {
        Snapshot s = pair();
        const DeviceSpec sdb = spec(s, QStringLiteral("/dev/sdb")), sdc = spec(s, QStringLiteral("/dev/sdc"));
        EXPECT_OK(check(replaceDisk(sdb, sdc), s));
        EXPECT_REFUSAL(check(replaceDisk(sdc, sdb), s), ErrorCode::Invalid, "/dev/sdc is in no array: there is nothing to replace");
        EXPECT_REFUSAL(check(replaceDisk(gone(QStringLiteral("missing")), sdc), s), ErrorCode::Invalid, "No running array lacks a member");
        EXPECT_REFUSAL(check(replaceDisk(gone(QStringLiteral("/dev/sdz")), sdc), s), ErrorCode::NotFound,
                       "/dev/sdz is not in the machine, and no array lists a member on it any more");
        EXPECT_REFUSAL(check(replaceDisk(spec(s, QStringLiteral("/dev/sdb1")), sdc), s), ErrorCode::Invalid, "/dev/sdb1 is a partition: give the whole disk");
        EXPECT_REFUSAL(check(replaceDisk(sdb, spec(s, QStringLiteral("/dev/sda1"))), s), ErrorCode::Invalid, "/dev/sda1 is a partition: give the whole new disk");
        EXPECT_REFUSAL(check(replaceDisk(sdb, sdb), s), ErrorCode::Invalid, "/dev/sdb cannot replace itself");
        EXPECT_REFUSAL(check(replaceDisk(sdb, spec(s, QStringLiteral("/dev/sda"))), s), ErrorCode::InUse, "Plexus partitions only blank disks");
        // The new disk: too small, holding data, mounted.
        EXPECT_REFUSAL(check(replaceDisk(sdb, spec(s, QStringLiteral("/dev/sdd"))), s), ErrorCode::TooSmall, "/dev/sdd (10.0 GiB) is too small for /dev/sdb's partitions");
        ReplaceDiskRequest data = replaceDisk(sdb, spec(s, QStringLiteral("/dev/sde")));
        EXPECT_REFUSAL(check(data, s), ErrorCode::Invalid, "contains a filesystem (ext4)");
        data.overwrite = true;
        EXPECT_OK(check(data, s));
        ReplaceDiskRequest mounted = replaceDisk(sdb, spec(s, QStringLiteral("/dev/sdf")));
        mounted.overwrite = true;
        EXPECT_REFUSAL(check(mounted, s), ErrorCode::InUse, "/dev/sdf is mounted on /srv");
        // A new disk that is itself a member of another array.
        Snapshot inArray = pair();
        Disk memberDisk = disk(QStringLiteral("sdg"), 200 * GiB), partner = disk(QStringLiteral("sdh"), 200 * GiB);
        memberDisk.fsType = partner.fsType = QStringLiteral("linux_raid_member");
        memberDisk.holders = partner.holders = {QStringLiteral("md30")};
        inArray.disks << memberDisk << partner;
        Array md30 = mirror(QStringLiteral("md30"), 9, 200 * GiB);
        md30.members = {member(QStringLiteral("sdg"), 0), member(QStringLiteral("sdh"), 1)};
        inArray.arrays << md30;
        ReplaceDiskRequest busyNew = replaceDisk(sdb, spec(inArray, QStringLiteral("/dev/sdg")));
        busyNew.overwrite = true;
        EXPECT_REFUSAL(check(busyNew, inArray), ErrorCode::InUse, "/dev/sdg is a member of md30");
        // An array busy with a check.
        FakeSystem checking(s);
        checking.setSyncAction(QStringLiteral("md11"), QStringLiteral("check"));
        EXPECT_REFUSAL(check(replaceDisk(sdb, sdc), s, &checking), ErrorCode::Busy, "then replace the disk");

        // The last copy: md12's other half has failed, so sdb3 is all md12 has.
        Snapshot lastCopy = pair();
        markFaulty(lastCopy, QStringLiteral("md12"), QStringLiteral("sda3"));
        EXPECT_REFUSAL(check(replaceDisk(sdb, sdc), lastCopy), ErrorCode::Invalid,
                       "/dev/md12 is degraded and /dev/sdb3 on /dev/sdb holds part of its last complete copy");
        // Degraded otherwise (a third slot empty): the new partition would fill that slot instead.
        Snapshot threeWay = pair();
        threeWay.arrays[2].raidDisks = 3;
        threeWay.arrays[2].degradedCount = 1;
        EXPECT_REFUSAL(check(replaceDisk(sdb, sdc), threeWay), ErrorCode::Invalid, "/dev/md12 is degraded (1 member missing)");
        // Both halves gone: nothing to rebuild from.
        Snapshot lost = pair();
        markFaulty(lost, QStringLiteral("md10"), QStringLiteral("sdb1"));
        memberOf(lost, QStringLiteral("md10"), QStringLiteral("sda1")) = memberOf(lost, QStringLiteral("md10"), QStringLiteral("sdb1"));
        memberOf(lost, QStringLiteral("md10"), QStringLiteral("sdb1")).device = QStringLiteral("sda1");
        lost.arrays[0].degradedCount = 2;
        lost.arrays[0].activeDisks = 0;
        EXPECT_REFUSAL(check(replaceDisk(sdb, sdc), lost), ErrorCode::Invalid, "/dev/md10 has lost its data");
        // No copy to rebuild from at all; an array not running.
        Snapshot striped = pair();
        striped.arrays[1].level = QStringLiteral("raid0");
        EXPECT_REFUSAL(check(replaceDisk(sdb, sdc), striped), ErrorCode::Invalid, "keeps no redundant copy of the data, so its member on /dev/sdb cannot be rebuilt");
        Snapshot inactive = pair();
        inactive.arrays[0].state = ArrayState::Inactive;
        EXPECT_REFUSAL(check(replaceDisk(sdb, sdc), inactive), ErrorCode::Invalid, "/dev/md10 is inactive");

        // The old disk gone: nothing to erase on it; md still counting it working; the wrong disk now at its name.
        Snapshot goneListed = withoutSdb(true);
        ReplaceDiskRequest zero = replaceDisk(gone(QStringLiteral("/dev/sdb")), spec(goneListed, QStringLiteral("/dev/sdc")));
        EXPECT_OK(check(zero, goneListed));
        zero.zeroSuperblock = true;
        EXPECT_REFUSAL(check(zero, goneListed), ErrorCode::NotFound, "/dev/sdb is gone, so there are no superblocks on it to erase");
        Snapshot notYet = pair();
        notYet.disks.removeAt(1);
        EXPECT_REFUSAL(check(replaceDisk(gone(QStringLiteral("/dev/sdb")), sdc), notYet), ErrorCode::Invalid, "md still counts /dev/sdb1 as working");
        EXPECT_REFUSAL(check(replaceDisk(sdb, sdc), withoutSdb(false)), ErrorCode::NotFound, "Name it as missing");
        DeviceSpec renumbered = sdb;
        renumbered.identity = QStringLiteral("OTHER-SERIAL");
        EXPECT_REFUSAL(check(replaceDisk(renumbered, sdc), s), ErrorCode::NotFound, "not on the disk you chose");

        // "missing" when the degraded arrays keep their other halves on different disks.
        Snapshot scattered = withoutSdb(false);
        Disk sdg = pairDisk(QStringLiteral("sdg"));
        scattered.disks << sdg;
        Array md20 = mirror(QStringLiteral("md20"), 2, 4 * GiB);
        md20.members = {member(QStringLiteral("sdg2"), 0)};
        md20.degradedCount = 1;
        scattered.arrays << md20;
        EXPECT_REFUSAL(check(replaceDisk(gone(QStringLiteral("missing")), spec(scattered, QStringLiteral("/dev/sdc"))), scattered), ErrorCode::Invalid,
                       "keep their other copies on different disks (/dev/md20 on /dev/sdg, others on /dev/sda)");
        // ... or when one of them is a whole-disk mirror: one disk cannot be both.
        Snapshot mixed = withoutSdb(false);
        mixed.disks << disk(QStringLiteral("sdg"), 100 * GiB);
        Array md21 = mirror(QStringLiteral("md21"), 1, GiB);
        md21.members = {member(QStringLiteral("sdg"), 0)};
        md21.degradedCount = 1;
        mixed.arrays << md21;
        EXPECT_REFUSAL(check(replaceDisk(gone(QStringLiteral("missing")), spec(mixed, QStringLiteral("/dev/sdc"))), mixed), ErrorCode::Invalid,
                       "one disk cannot take the place of all of them");
    }

    void takeDiskOut()
    {
        const Snapshot s = pair();
        Plan p = plan(s, takeOut(spec(s, QStringLiteral("/dev/sdb"))));
        QCOMPARE(p.operation, QStringLiteral("TakeDiskOut"));
        QCOMPARE(p.previews(), (QStringList{QStringLiteral("mdadm /dev/md10 --fail /dev/sdb1"), QStringLiteral("mdadm /dev/md10 --remove /dev/sdb1"),
                                            QStringLiteral("mdadm /dev/md11 --fail /dev/sdb2"), QStringLiteral("mdadm /dev/md11 --remove /dev/sdb2"),
                                            QStringLiteral("mdadm /dev/md12 --fail /dev/sdb3"), QStringLiteral("mdadm /dev/md12 --remove /dev/sdb3")}));
        // Failed members are only removed; a gone disk's through sysfs.
        Snapshot failed = pair();
        markFaulty(failed, QStringLiteral("md11"), QStringLiteral("sdb2"));
        p = plan(failed, takeOut(spec(failed, QStringLiteral("/dev/sdb"))));
        QVERIFY(!p.previews().contains(QStringLiteral("mdadm /dev/md11 --fail /dev/sdb2")));
        QVERIFY(p.previews().contains(QStringLiteral("mdadm /dev/md11 --remove /dev/sdb2")));
        const Snapshot goneListed = withoutSdb(true);
        p = plan(goneListed, takeOut(gone(QStringLiteral("/dev/sdb"))));
        QCOMPARE(p.previews().filter(QStringLiteral("echo remove")).size(), 3);
    }

    void takeDiskOutRefusals()
    {
        const Snapshot s = pair();
        EXPECT_OK(check(takeOut(spec(s, QStringLiteral("/dev/sdb"))), s));
        EXPECT_REFUSAL(check(takeOut(gone(QStringLiteral("missing"))), s), ErrorCode::Invalid, "'missing' is no disk");
        EXPECT_REFUSAL(check(takeOut(spec(s, QStringLiteral("/dev/sdc"))), s), ErrorCode::Invalid, "/dev/sdc is in no array: there is nothing to take out");
        EXPECT_REFUSAL(check(takeOut(spec(s, QStringLiteral("/dev/sdb2"))), s), ErrorCode::Invalid, "/dev/sdb2 is a partition: give the whole disk");
        EXPECT_REFUSAL(check(takeOut(gone(QStringLiteral("/dev/sdz"))), s), ErrorCode::NotFound, "/dev/sdz is not in the machine");
        // The last copy of md12 is on sdb.
        Snapshot lastCopy = pair();
        markFaulty(lastCopy, QStringLiteral("md12"), QStringLiteral("sda3"));
        EXPECT_REFUSAL(check(takeOut(spec(lastCopy, QStringLiteral("/dev/sdb"))), lastCopy), ErrorCode::Invalid,
                       "Taking out /dev/sdb3 would leave /dev/md12 without a complete copy of the data");
        // A level that survives no loss at all.
        Snapshot striped = pair();
        striped.arrays[1].level = QStringLiteral("raid0");
        EXPECT_REFUSAL(check(takeOut(spec(striped, QStringLiteral("/dev/sdb"))), striped), ErrorCode::Invalid,
                       "Taking out /dev/sdb2 would leave /dev/md11 without a complete copy of the data");
        Snapshot inactive = pair();
        inactive.arrays[2].state = ArrayState::Inactive;
        EXPECT_REFUSAL(check(takeOut(spec(inactive, QStringLiteral("/dev/sdb"))), inactive), ErrorCode::Invalid, "/dev/md12 is inactive");
    }
};

QTEST_GUILESS_MAIN(TestDisks)
#include "tst_disks.moc"

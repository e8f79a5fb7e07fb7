// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Disks, partitions, mounts, swap and LVM read from a fixture machine:
// two SATA disks mirrored (md0 = /boot, md1 = LVM PV of vg0) and a USB backup disk.
#include "engine/deviceidentity.h"
#include "engine/treesystem.h"
#include "probe/blockprobe.h"
#include "probe/lvmprobe.h"
#include "probe/mountprobe.h"
#include "probe/snapshotprobe.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace plexus;

class TestMachineProbe : public QObject
{
    Q_OBJECT
    const QString root = QStringLiteral(PLEXUS_FIXTURES "/machine/lvm-on-raid1");

private Q_SLOTS:
    void disksAndPartitions()
    {
        const QList<Disk> disks = BlockProbe(root).disks();
        QCOMPARE(disks.size(), 3); // md and dm devices are not disks
        const Disk &sda = disks[0];
        QCOMPARE(sda.name, QStringLiteral("sda"));
        QCOMPARE(sda.model, QStringLiteral("WDC WD10EZEX-08W"));
        QCOMPARE(sda.serial, QStringLiteral("WD-WCC6Y0ABCDEF"));
        QCOMPARE(sda.wwn, QStringLiteral("0x50014ee2b5a1c3d4"));
        QCOMPARE(sda.sizeBytes, Q_INT64_C(1953525168) * 512);
        QCOMPARE(sda.bus, QStringLiteral("ata"));
        QVERIFY(sda.rotational);
        QVERIFY(!sda.hotpluggable);
        QCOMPARE(sda.partitionTable, QStringLiteral("gpt"));
        QCOMPARE(sda.partitions.size(), 2);
        QCOMPARE(sda.partitions[0].name, QStringLiteral("sda1"));
        QCOMPARE(sda.partitions[0].number, 1);
        QCOMPARE(sda.partitions[0].startBytes, Q_INT64_C(2048) * 512);
        QCOMPARE(sda.partitions[0].sizeBytes, Q_INT64_C(1048576) * 512);
        QCOMPARE(sda.partitions[0].fsType, QStringLiteral("linux_raid_member"));
        QCOMPARE(sda.partitions[0].holders, QStringList{QStringLiteral("md0")});
        QCOMPARE(sda.partitions[1].holders, QStringList{QStringLiteral("md1")});

        const Disk &usb = disks[2];
        QCOMPARE(usb.name, QStringLiteral("sdc"));
        QCOMPARE(usb.bus, QStringLiteral("usb"));
        QVERIFY(usb.hotpluggable); // USB disks can be pulled while running
        QCOMPARE(usb.model, QStringLiteral("Expansion Desk"));
        QVERIFY(usb.partitions.isEmpty());
        QCOMPARE(usb.fsType, QStringLiteral("ext4"));
        QCOMPARE(usb.identity(), QStringLiteral("NA8F2KQL"));
    }

    // By device number (mountinfo's maj:min), never by the source string.
    void mountsResolveToKernelNames()
    {
        const QList<Mount> mounts = readMounts(root);
        QCOMPARE(mounts.size(), 8);
        QCOMPARE(mounts[0].device, QStringLiteral("dm-0")); // /dev/mapper/vg0-root
        QCOMPARE(mounts[0].mountPoint, QStringLiteral("/"));
        QCOMPARE(mounts[0].source, QStringLiteral("/dev/mapper/vg0-root"));
        QCOMPARE(mounts[0].fsType, QStringLiteral("ext4"));
        QCOMPARE(mounts[1].device, QString());             // proc: not a block device
        QCOMPARE(mounts[2].device, QStringLiteral("md0"));
        QCOMPARE(mounts[3].device, QStringLiteral("dm-2")); // dashes doubled in dm names
        QCOMPARE(mounts[3].mountPoint, QStringLiteral("/srv/old home")); // \040 unescaped
        QCOMPARE(mounts[4].device, QStringLiteral("sdc"));
        QCOMPARE(readSwaps(root), QStringList{QStringLiteral("dm-1")});
    }

    // On a live system the kernel's links /sys/dev/block/MAJ:MIN name each
    // mount's device, without reading every disk's number: the same names.
    void mountsResolveThroughDeviceLinks()
    {
        QTemporaryDir dir;
        QVERIFY(QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-a"), root + QStringLiteral("/."), dir.path()}) == 0);
        QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/sys/dev/block")));
        const QHash<QString, QString> numbers = blockDeviceNumbers(root);
        for (auto it = numbers.begin(); it != numbers.end(); ++it)
            QVERIFY(QFile::link(QStringLiteral("../../block/") + it.value(), dir.path() + QStringLiteral("/sys/dev/block/") + it.key()));
        QFile::remove(dir.path() + QStringLiteral("/sys/dev/block/9:0")); // md0's link gone: not found, not guessed
        const QList<Mount> scanned = readMounts(root), linked = readMounts(dir.path());
        QCOMPARE(linked.size(), scanned.size());
        for (int i = 0; i < scanned.size(); ++i)
            QCOMPARE(linked[i].device, scanned[i].device == QLatin1String("md0") ? QString() : scanned[i].device);
    }

    // Anyone can mount FUSE (or tmpfs in a namespace) with a source string that
    // names a device: that must not make the device "mounted".
    void sourceStringsNameNoDevice()
    {
        const QList<Mount> mounts = readMounts(root);
        QCOMPARE(mounts[6].source, QStringLiteral("/dev/sdb"));
        QCOMPARE(mounts[6].fsType, QStringLiteral("fuse.sshfs"));
        QCOMPARE(mounts[6].device, QString());
        QCOMPARE(mounts[7].source, QStringLiteral("/dev/mapper/vg0-swap"));
        QCOMPARE(mounts[7].device, QString());
        const SnapshotPtr s = SnapshotProbe(root).take();
        QVERIFY(s->mountsOf(QStringLiteral("sdb")).isEmpty());
        QVERIFY(s->mountsOf(QStringLiteral("dm-1")).isEmpty());
    }

    // The numbers come from sysfs: disks, partitions, md and dm.
    void blockDeviceNumbersFromSysfs()
    {
        const QHash<QString, QString> numbers = blockDeviceNumbers(root);
        QCOMPARE(numbers.value(QStringLiteral("8:32")), QStringLiteral("sdc"));
        QCOMPARE(numbers.value(QStringLiteral("8:1")), QStringLiteral("sda1"));
        QCOMPARE(numbers.value(QStringLiteral("9:0")), QStringLiteral("md0"));
        QCOMPARE(numbers.value(QStringLiteral("253:2")), QStringLiteral("dm-2"));
        QVERIFY(!numbers.contains(QStringLiteral("0:52")));
    }

    void dmNamesSplitLikeLvm()
    {
        QCOMPARE(LvmProbe::splitDmName(QStringLiteral("vg0-root")), std::make_pair(QStringLiteral("vg0"), QStringLiteral("root")));
        QCOMPARE(LvmProbe::splitDmName(QStringLiteral("my--vg-home--old")), std::make_pair(QStringLiteral("my-vg"), QStringLiteral("home-old")));
        QCOMPARE(LvmProbe::splitDmName(QStringLiteral("nodash")).first, QString());
    }

    void volumeGroupsFromDeviceMapper()
    {
        const QList<VolumeGroup> vgs = LvmProbe(root).volumeGroups();
        QCOMPARE(vgs.size(), 1);
        const VolumeGroup &vg = vgs[0];
        QCOMPARE(vg.name, QStringLiteral("vg0"));
        QCOMPARE(vg.physicalVolumes.size(), 1);
        QCOMPARE(vg.physicalVolumes[0].device, QStringLiteral("md1"));
        QCOMPARE(vg.sizeBytes.value_or(0), Q_INT64_C(1952339968) * 512);
        QCOMPARE(vg.logicalVolumes.size(), 3);
        QCOMPARE(vg.logicalVolumes[0].name, QStringLiteral("root"));
        QCOMPARE(vg.logicalVolumes[0].device, QStringLiteral("dm-0"));
        QCOMPARE(vg.logicalVolumes[0].sizeBytes, Q_INT64_C(1887436800) * 512);
        QCOMPARE(vg.logicalVolumes[2].name, QStringLiteral("home-old"));
    }

    void snapshotLinksEverything()
    {
        QStringList warnings;
        const SnapshotPtr s = SnapshotProbe(root).take(&warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        QCOMPARE(s->arrays.size(), 2);
        QCOMPARE(s->personalities.size(), 7);
        QCOMPARE(s->arraysUsing(QStringLiteral("sdb2")).size(), 1);
        QCOMPARE(s->arraysUsing(QStringLiteral("sdb2")).first()->name, QStringLiteral("md1"));
        QCOMPARE(s->diskOf(QStringLiteral("sdb2"))->name, QStringLiteral("sdb"));
        QCOMPARE(s->physicalVolume(QStringLiteral("md1"))->vgName, QStringLiteral("vg0"));
        QCOMPARE(s->mountsOf(QStringLiteral("md0")).size(), 1);
        QVERIFY(s->isSwap(QStringLiteral("dm-1")));
        // The bitmap is only in /proc/mdstat: the merged view keeps it.
        QVERIFY(s->array(QStringLiteral("md1"))->bitmap.has_value());
        QCOMPARE(s->array(QStringLiteral("md1"))->bitmap->chunkBytes, Q_INT64_C(65536) * 1024);
    }

    // The monitor's quick re-read after an md notification: the arrays come from
    // the tree, everything else is kept from the snapshot before.
    void takeArraysKeepsTheRest()
    {
        const SnapshotPtr whole = SnapshotProbe(root, SnapshotProbe::Detail::Fast).take();
        Snapshot before = *whole;
        before.arrays.clear();
        before.disks.removeLast();
        const SnapshotPtr s = SnapshotProbe(root, SnapshotProbe::Detail::Fast).takeArrays(before);
        QCOMPARE(s->arrays.size(), whole->arrays.size());
        QCOMPARE(s->array(QStringLiteral("md1"))->members.size(), whole->array(QStringLiteral("md1"))->members.size());
        QVERIFY(s->array(QStringLiteral("md1"))->bitmap.has_value()); // mdstat merged as in take()
        QCOMPARE(s->disks.size(), before.disks.size());                // not re-read
        QCOMPARE(s->volumeGroups.size(), whole->volumeGroups.size());
        QCOMPARE(s->mounts.size(), whole->mounts.size());
        QVERIFY(s->takenAt >= whole->takenAt);
    }

    // After one array's notification only that array is read again: the
    // others stay as they were in the snapshot before; an array named that no
    // longer exists leaves the snapshot, one that is new joins it, in order.
    void takeArraysReadsOnlyThoseNamed()
    {
        const SnapshotPtr whole = SnapshotProbe(root, SnapshotProbe::Detail::Fast).take();
        QVERIFY(whole->arrays.size() >= 2);
        const QString first = whole->arrays[0].name, second = whole->arrays[1].name;
        Snapshot before = *whole;
        before.arrays[0].members.clear();
        before.arrays[1].members.clear();
        Array ghost;
        ghost.name = QStringLiteral("md99");
        before.arrays << ghost;
        const SnapshotPtr s = SnapshotProbe(root, SnapshotProbe::Detail::Fast).takeArrays(before, QSet<QString>{second, QStringLiteral("md99")});
        QCOMPARE(s->array(second)->members.size(), whole->array(second)->members.size()); // read again
        QCOMPARE(*s->array(second), *whole->array(second)); // with what only mdstat's lines of it say (its bitmap)
        QCOMPARE(s->personalities, whole->personalities);
        QVERIFY(s->array(first)->members.isEmpty());                                     // kept as it was
        QVERIFY(!s->array(QStringLiteral("md99")));                                       // gone
        Snapshot without = *whole;
        without.arrays.removeFirst();
        const SnapshotPtr back = SnapshotProbe(root, SnapshotProbe::Detail::Fast).takeArrays(without, QSet<QString>{first});
        QCOMPARE(back->arrays.size(), whole->arrays.size());
        QCOMPARE(back->arrays[0].name, first); // in md order again
    }

    // A disk arriving or leaving reads that disk (and what sits on it) only:
    // named disks and partitions' disks come back as the tree has them, in
    // order, one that is gone leaves, the others stay as they were.
    void takeDevicesReadsOnlyThoseNamed()
    {
        const SnapshotProbe probe(root, SnapshotProbe::Detail::Fast);
        const SnapshotPtr whole = probe.take();
        QVERIFY(whole->disk(QStringLiteral("sdc")) && whole->diskOf(QStringLiteral("sdb2")));
        Snapshot before = *whole;
        before.disks.removeIf([](const Disk &d) { return d.name == QLatin1String("sdc"); });
        Disk &sdb = before.disks[before.disks.indexOf(*whole->disk(QStringLiteral("sdb")))];
        sdb.partitions.clear();
        before.disks[0].model = QStringLiteral("kept as it was");
        Disk ghost;
        ghost.name = QStringLiteral("sdq");
        before.disks << ghost;
        const SnapshotPtr s = probe.takeDevices(before, {QStringLiteral("sdc"), QStringLiteral("sdb2"), QStringLiteral("sdq")});
        QList<Disk> expected = whole->disks;
        expected[0] = before.disks[0];
        QCOMPARE(s->disks, expected);
        QVERIFY(!s->disk(QStringLiteral("sdq")));
        QCOMPARE(s->arrays, whole->arrays);

        // An array coming or going reads it and the disks under it (their holders).
        Snapshot unheld = *whole;
        for (Disk &d : unheld.disks)
            for (Partition &p : d.partitions)
                p.holders.removeAll(QStringLiteral("md1"));
        unheld.arrays.removeIf([](const Array &a) { return a.name == QLatin1String("md1"); });
        const SnapshotPtr held = probe.takeDevices(unheld, {QStringLiteral("md1")});
        QCOMPARE(held->arraysUsing(QStringLiteral("sdb2")).size(), 1);
        QVERIFY(held->diskOf(QStringLiteral("sdb2"))->partition(QStringLiteral("sdb2"))->holders.contains(QStringLiteral("md1")));
        QCOMPARE(held->disks, whole->disks);

        // A logical volume coming or going reads the volume groups.
        Snapshot novg = *whole;
        novg.volumeGroups.clear();
        QCOMPARE(probe.takeDevices(novg, {QStringLiteral("dm-1")})->volumeGroups.size(), whole->volumeGroups.size());
        QVERIFY(probe.takeDevices(novg, {QStringLiteral("sdc")})->volumeGroups.isEmpty()); // no volume there
    }

    // What the GUI plans against for a fixture tree: its devices, nothing else.
    void treeSystemSeesTheTreesDevices()
    {
        const TreeSystem system(root + QLatin1Char('/'));
        const NodeInfo disk = system.node(QStringLiteral("/dev/sdc"));
        QVERIFY(disk.exists && disk.isBlock);
        QCOMPARE(disk.kernelName, QStringLiteral("sdc"));
        const NodeInfo partition = system.node(QStringLiteral("/dev/sda1"));
        QVERIFY(partition.exists && partition.isBlock);
        QCOMPARE(partition.canonicalPath, QStringLiteral("/dev/sda1"));
        QVERIFY(system.node(QStringLiteral("/dev/md0")).exists);
        for (const char *absent : {"/dev/sdz", "/dev/sda9", "/dev/", "/etc/passwd", "/dev/disk/by-id/x", "/dev/../etc/passwd"})
            QVERIFY2(!system.node(QLatin1String(absent)).exists, absent);
        QVERIFY(!system.exists(QStringLiteral("/dev/sdz")));
        QCOMPARE(system.syncAction(QStringLiteral("md0")), QStringLiteral("idle"));
        QVERIFY(system.slaves(QStringLiteral("sdz")).isEmpty());
        // Who a device is (checked again before a step erases it), in the words resuming compares.
        Snapshot probed;
        probed.disks = BlockProbe(root).disks();
        const DeviceIdentity part = system.identity(QStringLiteral("sda1"));
        QCOMPARE(part.number, QStringLiteral("8:1"));
        QCOMPARE(part.who, identityOf(probed, QStringLiteral("sda1")));
        QVERIFY2(part.who.startsWith(QLatin1String("partition 1 of disk ")), qPrintable(part.who));
        QCOMPARE(part.sizeBytes, probed.diskOf(QStringLiteral("sda1"))->partition(QStringLiteral("sda1"))->sizeBytes);
        const DeviceIdentity whole = system.identity(QStringLiteral("sdc"));
        QCOMPARE(whole.number, QStringLiteral("8:32"));
        QCOMPARE(whole.who, identityOf(probed, QStringLiteral("sdc")));
        QCOMPARE(whole.sizeBytes, qint64(3907029168) * 512);
        QVERIFY(system.identity(QStringLiteral("md1")).present()); // no disk: number and size only
        QVERIFY(system.identity(QStringLiteral("md1")).who.isEmpty());
        for (const char *absent : {"sdz", "", "../sda", "sda/sda1"})
            QVERIFY2(!system.identity(QLatin1String(absent)).present(), absent);
    }

    void emptyRootIsAnEmptyMachine()
    {
        QStringList warnings;
        const SnapshotPtr s = SnapshotProbe(QStringLiteral("/nonexistent-plexus-root")).take(&warnings);
        QVERIFY(s->disks.isEmpty());
        QVERIFY(s->arrays.isEmpty());
        QVERIFY(s->volumeGroups.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMachineProbe)
#include "tst_machineprobe.moc"

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The md watcher over fixture trees: which files it waits on, that the
// progress timer runs only while an array syncs, that vanished or empty files
// are dropped (the spinning-notifier trap), that changed() is coalesced, and
// which arrays a change is about (only those are read again).
#include "machinetree.h"
#include "monitor/mdwatcher.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace plexus;

namespace {

const QString fixtures = QStringLiteral(PLEXUS_FIXTURES);

QStringList relative(const QStringList &paths, const QString &root)
{
    QStringList result;
    for (const QString &p : paths)
        result << p.mid(root.size() + 1);
    return result;
}

} // namespace

class TestMdWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void watchesWhatMdNotifies()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        QVERIFY(tree.copyFrom(fixtures + QStringLiteral("/sysfs/healthy-raid1")));
        MdWatcher watcher(dir.path());
        QCOMPARE(relative(watcher.watchedPaths(), dir.path()),
                 (QStringList{QStringLiteral("proc/mdstat"), QStringLiteral("sys/block/md0/md/array_state"),
                              QStringLiteral("sys/block/md0/md/degraded"), QStringLiteral("sys/block/md0/md/dev-sda1/state"),
                              QStringLiteral("sys/block/md0/md/dev-sdb1/state"), QStringLiteral("sys/block/md0/md/sync_action"),
                              QStringLiteral("sys/block/md0/md/sync_completed")}));
        QVERIFY(!watcher.isFollowingProgress());
    }

    void timerRunsOnlyWhileSyncing()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        QVERIFY(tree.copyFrom(fixtures + QStringLiteral("/sysfs/resyncing-raid1")));
        MdWatcher watcher(dir.path());
        QVERIFY(watcher.isFollowingProgress());

        // While syncing, the 1 s tick notices progress without being told.
        QSignalSpy changed(&watcher, &MdWatcher::changed);
        tree.write(QStringLiteral("sys/block/md0/md/sync_completed"), "2000000 / 4188160\n");
        QVERIFY(changed.wait(3000));

        tree.write(QStringLiteral("sys/block/md0/md/sync_action"), "idle\n");
        tree.write(QStringLiteral("sys/block/md0/md/sync_completed"), "none\n");
        watcher.refresh();
        QVERIFY(!watcher.isFollowingProgress());
        QVERIFY(changed.wait(1000)); // refresh() always reports
        // Idle: no timer, so nothing fires on its own.
        changed.clear();
        tree.write(QStringLiteral("sys/block/md0/md/sync_completed"), "none \n");
        QVERIFY(!changed.wait(1500));
    }

    // A change names its array: a file under md0, or md0's lines of mdstat. Other
    // lines of mdstat, or a refresh(), mean every array.
    void saysWhichArraysChanged()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        QVERIFY(tree.copyFrom(fixtures + QStringLiteral("/sysfs/resyncing-raid1")));
        tree.write(QStringLiteral("sys/block/md1/md/array_state"), "clean\n");
        tree.write(QStringLiteral("sys/block/md1/md/degraded"), "0\n");
        tree.write(QStringLiteral("sys/block/md1/md/sync_action"), "idle\n");
        tree.write(QStringLiteral("sys/block/md1/md/sync_completed"), "none\n");
        MdWatcher watcher(dir.path());
        QCOMPARE(watcher.takeChangedArrays(), std::nullopt); // the first snapshot reads all
        QSignalSpy changed(&watcher, &MdWatcher::changed);

        // The progress tick (md0 syncs) re-reads the progress: sync_completed is md0's.
        tree.write(QStringLiteral("sys/block/md0/md/sync_completed"), "2000000 / 4188160\n");
        QVERIFY(changed.wait(3000));
        QCOMPARE(watcher.takeChangedArrays(), QSet<QString>{QStringLiteral("md0")});
        // Nothing else, not even an idle array's progress files: md notifies the
        // rest (here, where files never signal, recheck() stands in).
        tree.write(QStringLiteral("sys/block/md1/md/degraded"), "1\n");
        tree.write(QStringLiteral("sys/block/md1/md/sync_completed"), "0 / 100\n");
        QVERIFY(!changed.wait(1500));
        watcher.recheck();
        QVERIFY(changed.wait(3000));
        QCOMPARE(watcher.takeChangedArrays(), QSet<QString>{QStringLiteral("md1")});
        // md0's lines of mdstat, then the personalities line.
        const QByteArray mdstat = tree.read(QStringLiteral("proc/mdstat"));
        tree.write(QStringLiteral("proc/mdstat"), QByteArray(mdstat).replace("resync = 31.5%", "resync = 47.7%"));
        QVERIFY(changed.wait(3000));
        QCOMPARE(watcher.takeChangedArrays(), QSet<QString>{QStringLiteral("md0")});
        tree.write(QStringLiteral("proc/mdstat"), QByteArray(mdstat).replace("[raid1]", "[raid1] [raid6]"));
        QVERIFY(changed.wait(3000));
        QCOMPARE(watcher.takeChangedArrays(), std::nullopt);
        // A member that appears (with md1's degraded: the kernel says so) is md1's change too.
        tree.write(QStringLiteral("sys/block/md1/md/dev-sdd1/state"), "spare\n");
        tree.write(QStringLiteral("sys/block/md1/md/degraded"), "0\n");
        watcher.recheck();
        QVERIFY(changed.wait(3000));
        QCOMPARE(watcher.takeChangedArrays(), QSet<QString>{QStringLiteral("md1")});
        QVERIFY(watcher.watchedPaths().contains(dir.path() + QStringLiteral("/sys/block/md1/md/dev-sdd1/state")));
        // refresh() is everyone's.
        watcher.refresh();
        QCOMPARE(watcher.takeChangedArrays(), std::nullopt);
    }

    void dropsRemovedAndEmptyFiles()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        QVERIFY(tree.copyFrom(fixtures + QStringLiteral("/sysfs/healthy-raid1")));
        MdWatcher watcher(dir.path());
        const QString sdb1 = dir.path() + QStringLiteral("/sys/block/md0/md/dev-sdb1/state");
        const QString sda1 = dir.path() + QStringLiteral("/sys/block/md0/md/dev-sda1/state");
        QVERIFY(watcher.watchedPaths().contains(sdb1));

        // mdadm --remove: the member's directory goes away.
        QVERIFY(tree.remove(QStringLiteral("sys/block/md0/md/dev-sdb1")));
        watcher.refresh();
        QVERIFY(!watcher.watchedPaths().contains(sdb1));

        // A file that reads empty is what a removed sysfs attribute looks like
        // through its old fd: never wait on it.
        tree.write(QStringLiteral("sys/block/md0/md/dev-sda1/state"), "");
        watcher.refresh();
        QVERIFY(!watcher.watchedPaths().contains(sda1));

        // The array stopped: only mdstat is left.
        QVERIFY(tree.remove(QStringLiteral("sys/block/md0")));
        watcher.refresh();
        QCOMPARE(relative(watcher.watchedPaths(), dir.path()), QStringList{QStringLiteral("proc/mdstat")});
    }

    void picksUpNewArraysAndMembers()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        QVERIFY(tree.copyFrom(fixtures + QStringLiteral("/sysfs/healthy-raid1")));
        MdWatcher watcher(dir.path());
        tree.write(QStringLiteral("sys/block/md0/md/dev-sdc1/state"), "spare\n");
        tree.write(QStringLiteral("sys/block/md1/md/array_state"), "clean\n");
        watcher.refresh();
        QVERIFY(watcher.watchedPaths().contains(dir.path() + QStringLiteral("/sys/block/md0/md/dev-sdc1/state")));
        QVERIFY(watcher.watchedPaths().contains(dir.path() + QStringLiteral("/sys/block/md1/md/array_state")));
    }

    // A notification looks for new files among its own array's only: a new
    // member of md0 is watched once md0 is notified about, not before, when
    // another array is (md notifies the array a member joins).
    void looksForNewFilesOfTheArrayNotified()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        QVERIFY(tree.copyFrom(fixtures + QStringLiteral("/sysfs/resyncing-raid1")));
        tree.write(QStringLiteral("sys/block/md1/md/degraded"), "0\n");
        MdWatcher watcher(dir.path());
        QCOMPARE(watcher.takeChangedArrays(), std::nullopt); // the first snapshot reads all
        const QString joined = dir.path() + QStringLiteral("/sys/block/md0/md/dev-sdc1/state");
        tree.write(QStringLiteral("sys/block/md0/md/dev-sdc1/state"), "spare\n");
        tree.write(QStringLiteral("sys/block/md1/md/degraded"), "1\n");
        watcher.notified(dir.path() + QStringLiteral("/sys/block/md1/md/degraded"));
        QVERIFY(!watcher.watchedPaths().contains(joined));
        tree.write(QStringLiteral("sys/block/md0/md/sync_completed"), "1 / 4188160\n");
        watcher.notified(dir.path() + QStringLiteral("/sys/block/md0/md/sync_completed"));
        QVERIFY(watcher.watchedPaths().contains(joined));
        QCOMPARE(watcher.takeChangedArrays(), (QSet<QString>{QStringLiteral("md0"), QStringLiteral("md1")}));
    }

    // udev's word of a block device coming or going names it: only it is read
    // again, and the arrays are not thought changed. Solid's UDI is UDisks'
    // object path, with every byte but letters and digits escaped.
    void saysWhichDevicesCameOrWent()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        QVERIFY(tree.copyFrom(fixtures + QStringLiteral("/sysfs/healthy-raid1")));
        MdWatcher watcher(dir.path());
        QCOMPARE(watcher.takeChangedDevices(), std::nullopt); // the first snapshot reads all
        watcher.takeChangedArrays();
        QSignalSpy changed(&watcher, &MdWatcher::changed);
        watcher.deviceCameOrWent(QStringLiteral("sdc"));
        watcher.deviceCameOrWent(QStringLiteral("sdc1"));
        QVERIFY(changed.wait(1000));
        QCOMPARE(watcher.takeChangedDevices(), (QSet<QString>{QStringLiteral("sdc"), QStringLiteral("sdc1")}));
        QCOMPARE(watcher.takeChangedArrays(), QSet<QString>());
        QCOMPARE(watcher.takeChangedDevices(), QSet<QString>()); // taken
        watcher.refresh();
        QCOMPARE(watcher.takeChangedDevices(), std::nullopt);

        const QString devices = QStringLiteral("/org/freedesktop/UDisks2/block_devices/");
        QCOMPARE(MdWatcher::blockDeviceOfUdi(devices + QStringLiteral("sdb1")), QStringLiteral("sdb1"));
        QCOMPARE(MdWatcher::blockDeviceOfUdi(devices + QStringLiteral("dm_2d0")), QStringLiteral("dm-0"));
        QCOMPARE(MdWatcher::blockDeviceOfUdi(devices + QStringLiteral("nvme0n1p2")), QStringLiteral("nvme0n1p2"));
        QCOMPARE(MdWatcher::blockDeviceOfUdi(devices + QStringLiteral("x_2")), QStringLiteral("x_2")); // cut short: as written
        QCOMPARE(MdWatcher::blockDeviceOfUdi(QStringLiteral("/org/freedesktop/UDisks2/drives/QEMU_HARDDISK_QM00001")), QString());
        QCOMPARE(MdWatcher::blockDeviceOfUdi(QStringLiteral("/org/kde/fstab/server:/share:/mnt")), QString());
    }

    void changedIsCoalesced()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        QVERIFY(tree.copyFrom(fixtures + QStringLiteral("/sysfs/healthy-raid1")));
        MdWatcher watcher(dir.path());
        QSignalSpy changed(&watcher, &MdWatcher::changed);
        watcher.refresh();
        watcher.refresh();
        watcher.refresh();
        QVERIFY(changed.wait(1000));
        QTest::qWait(200);
        QCOMPARE(changed.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestMdWatcher)
#include "tst_mdwatcher.moc"

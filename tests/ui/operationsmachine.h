// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The machine the ui tier changes arrays on: a fixture tree with a healthy
// mirror and its spare, a RAID-5 with a failed member, a mirror with an empty
// slot, free partitions and blank disks, and the window or the planning
// context over it. Shared by tst_operations and tst_accessibility.

#include "engine/treesystem.h"
#include "machinetree.h"
#include "mainwindow.h"
#include "memberslots.h"
#include "operations/dropplanner.h"
#include "probe/snapshotprobe.h"

#include <QTemporaryDir>
#include <memory>

namespace plexus::test {

inline MachineTree::Partition part(const QString &name, qint64 startMiB, qint64 sizeMiB, const QString &fs = {}, const QString &holder = {})
{
    return MachineTree::Partition{name, startMiB, sizeMiB, fs, holder};
}

inline MachineTree::Disk disk(const QString &name, qint64 gib, const QList<MachineTree::Partition> &parts, const QString &serial)
{
    return MachineTree::disk(name, gib, parts, serial);
}

// md0: RAID-1 sda1+sdb1 with the spare sdd1. md1: RAID-5 over sda2 sdb2 sdc2,
// sdc2 failed. md2: RAID-1 with sdc1 and an empty slot. Free: sda3 (on a disk
// md1 uses), sdd2, the blank disks sde (30 GiB) and sdf (1 GiB, too small for
// md1), and sdg1, mounted on /mnt/backup.
inline void writeMachine(MachineTree &tree)
{
    const QString raid = QStringLiteral("linux_raid_member");
    QList<MachineTree::Disk> disks;
    disks << disk(QStringLiteral("sda"), 64, {part("sda1", 1, 1024, raid, "md0"), part("sda2", 1025, 20480, raid, "md1"), part("sda3", 21505, 25600)},
                  QStringLiteral("ZA1"));
    disks << disk(QStringLiteral("sdb"), 64, {part("sdb1", 1, 1024, raid, "md0"), part("sdb2", 1025, 20480, raid, "md1")}, QStringLiteral("ZB2"));
    disks << disk(QStringLiteral("sdc"), 64, {part("sdc1", 1, 1024, raid, "md2"), part("sdc2", 1025, 20480, raid, "md1")}, QStringLiteral("ZC3"));
    disks << disk(QStringLiteral("sdd"), 64, {part("sdd1", 1, 1024, raid, "md0"), part("sdd2", 1025, 20480)}, QStringLiteral("ZD4"));
    disks << disk(QStringLiteral("sde"), 30, {}, QStringLiteral("NEW5"));
    disks << disk(QStringLiteral("sdf"), 1, {}, QStringLiteral("TINY6"));
    disks << disk(QStringLiteral("sdg"), 64, {part("sdg1", 1, 60000, QStringLiteral("ext4"))}, QStringLiteral("ZG7"));

    // Members as "device:state:slot".
    auto array = [](const char *name, const char *level, int raidDisks, qint64 sizeKiB, int degraded, const QStringList &members) {
        MachineTree::Array a;
        a.name = QLatin1String(name);
        a.level = QLatin1String(level);
        a.raidDisks = raidDisks;
        a.chunkKiB = a.level == QLatin1String("raid5") ? 512 : 0;
        a.sizeKiB = sizeKiB;
        a.degraded = degraded;
        for (int i = 0; i < members.size(); ++i)
            a.members << MachineTree::Member{members[i].section(u':', 0, 0), members[i].section(u':', 1, 1), members[i].section(u':', 2, 2), i};
        return a;
    };
    const MachineTree::Array md0 = array("md0", "raid1", 2, 1047552, 0, {"sda1:in_sync:0", "sdb1:in_sync:1", "sdd1:spare:none"});
    const MachineTree::Array md1 = array("md1", "raid5", 3, Q_INT64_C(20970496) * 2, 1, {"sda2:in_sync:0", "sdb2:in_sync:1", "sdc2:faulty:none"});
    const MachineTree::Array md2 = array("md2", "raid1", 2, 1047552, 1, {"sdc1:in_sync:0"});
    tree.build(disks, {md0, md1, md2});
    tree.addMount(QStringLiteral("sdg1"), QStringLiteral("/mnt/backup"), QStringLiteral("ext4"));
}

// A fixture machine and the context to plan on it, as MainWindow makes it.
struct Machine {
    QTemporaryDir dir;
    SnapshotPtr snapshot;
    std::unique_ptr<TreeSystem> system;

    Machine()
    {
        MachineTree tree(dir.path());
        writeMachine(tree);
        snapshot = SnapshotProbe(dir.path()).take();
        system = std::make_unique<TreeSystem>(dir.path());
    }
    std::unique_ptr<MainWindow> shownWindow;

    PlanningContext context() const { return {snapshot, system.get()}; }
    // The real window on this machine, shown (it plans on its own TreeSystem).
    MainWindow &window()
    {
        shownWindow = std::make_unique<MainWindow>(dir.path());
        shownWindow->resize(1280, 860);
        shownWindow->show();
        return *shownWindow;
    }
    // The tile showing `device` ("slot 2" for an empty one) in `array`'s card.
    MemberSlot slot(const QString &array, const QString &device) const
    {
        for (const MemberSlot &s : memberSlots(*snapshot->array(array)))
            if (s.name() == device)
                return s;
        return {};
    }
    Operation drop(const QString &device, const QString &array, const QString &target) const
    {
        return planDrop(context(), device, array, slot(array, target));
    }
};

} // namespace plexus::test

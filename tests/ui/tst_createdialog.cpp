// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The "Create array" dialog over a fixture machine: which devices it offers and
// why it greys the others, which levels the chosen devices allow with their
// space, failures and speed, and the plan the engine makes of the request (or
// its refusal, shown in the dialog with the user's input kept). The planning
// context is the fixture tree itself (TreeSystem), as `plexus --root` plans.
#include "create/createarraydialog.h"
#include "create/devicechoice.h"
#include "create/devicelist.h"
#include "create/levelchoices.h"
#include "create/levellist.h"
#include "engine/treesystem.h"
#include "machinetree.h"
#include "probe/snapshotprobe.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace plexus;

namespace {

const QString screenshotDir = QStringLiteral(PLEXUS_SCREENSHOT_DIR);
constexpr qint64 GiB = 1024LL * 1024 * 1024;
constexpr qint64 MiB = 1024LL * 1024;

MachineTree::Disk blankDisk(const QString &name, qint64 sizeGiB)
{
    MachineTree::Disk d;
    d.name = name;
    d.sizeGiB = sizeGiB;
    d.bus = QStringLiteral("virtio");
    d.rotational = false;
    d.serial = QStringLiteral("PLX") + name.toUpper();
    d.table = QString();
    return d;
}

MachineTree::Disk partitionedDisk(const QString &name, const QList<MachineTree::Partition> &partitions)
{
    MachineTree::Disk d = blankDisk(name, 1);
    d.table = QStringLiteral("gpt");
    d.partitions = partitions;
    return d;
}

// The lab machine and then some: vda runs the system; vdb, vdc, vdd are blank
// 1 GiB disks and vde a blank 2 GiB one; vdf has a mounted partition and active
// swap; vdg1 and vdh1 make md0; vdi1 is the LVM volume group "data"; vdj has a
// 16 MiB partition and an unmounted ext4 one; vdk is read-only.
void writeMachine(MachineTree &tree)
{
    QList<MachineTree::Disk> disks;
    MachineTree::Disk system = partitionedDisk(QStringLiteral("vda"), {{QStringLiteral("vda1"), 1, 10240, QStringLiteral("ext4"), {}}});
    system.sizeGiB = 20;
    disks << system << blankDisk(QStringLiteral("vdb"), 1) << blankDisk(QStringLiteral("vdc"), 1) << blankDisk(QStringLiteral("vdd"), 1)
          << blankDisk(QStringLiteral("vde"), 2);
    disks << partitionedDisk(QStringLiteral("vdf"), {{QStringLiteral("vdf1"), 1, 512, QStringLiteral("ext4"), {}},
                                                     {QStringLiteral("vdf2"), 513, 500, QStringLiteral("swap"), {}}});
    disks << partitionedDisk(QStringLiteral("vdg"), {{QStringLiteral("vdg1"), 1, 1000, QStringLiteral("linux_raid_member"), QStringLiteral("md0")}});
    disks << partitionedDisk(QStringLiteral("vdh"), {{QStringLiteral("vdh1"), 1, 1000, QStringLiteral("linux_raid_member"), QStringLiteral("md0")}});
    disks << partitionedDisk(QStringLiteral("vdi"), {{QStringLiteral("vdi1"), 1, 1000, QStringLiteral("LVM2_member"), QStringLiteral("dm-0")}});
    disks << partitionedDisk(QStringLiteral("vdj"), {{QStringLiteral("vdj1"), 1, 16, {}, {}},
                                                     {QStringLiteral("vdj2"), 17, 900, QStringLiteral("ext4"), {}}});
    disks << blankDisk(QStringLiteral("vdk"), 1);

    MachineTree::Array md0;
    md0.name = QStringLiteral("md0");
    md0.level = QStringLiteral("raid1");
    md0.sizeKiB = 1000 * 1024 - 1024;
    md0.members = {{QStringLiteral("vdg1"), QStringLiteral("in_sync"), QStringLiteral("0"), 0},
                   {QStringLiteral("vdh1"), QStringLiteral("in_sync"), QStringLiteral("1"), 1}};
    tree.build(disks, {md0});
    tree.addMount(QStringLiteral("vda1"), QStringLiteral("/"), QStringLiteral("ext4"));
    tree.addMount(QStringLiteral("vdf1"), QStringLiteral("/mnt/backup"), QStringLiteral("ext4"));
    tree.write(QStringLiteral("proc/swaps"), "Filename                                Type            Size            Used            Priority\n"
                                              "/dev/vdf2                               partition       511996          0               -2\n");
    // The LVM volume group "data" on vdi1, as device-mapper shows it in sysfs.
    tree.write(QStringLiteral("sys/block/dm-0/dev"), "253:0\n");
    tree.write(QStringLiteral("sys/block/dm-0/size"), "2040000\n");
    tree.write(QStringLiteral("sys/block/dm-0/dm/name"), "data-home\n");
    tree.write(QStringLiteral("sys/block/dm-0/dm/uuid"), "LVM-Kx9bM2nQ4rT6vY8zA1cE3gI5kO7mP9sUR0a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5\n");
    tree.write(QStringLiteral("sys/block/dm-0/slaves/vdi1"), {});
    tree.write(QStringLiteral("sys/block/vdk/ro"), "1\n");
}

// A fixture machine with its snapshot and the planning context over it.
struct Machine {
    QTemporaryDir dir;
    MachineTree tree{dir.path()};
    TreeSystem system{dir.path()};
    PlanningContext ctx;

    Machine()
    {
        writeMachine(tree);
        reprobe();
    }
    void reprobe() { ctx = PlanningContext{SnapshotProbe(dir.path()).take(), &system}; }
};

LevelInput devices(QList<qint64> sizes, int missing = 0, int spares = 0)
{
    LevelInput in;
    in.memberSizes = sizes;
    in.missing = missing;
    in.spares = spares;
    return in;
}

QStringList allowedLevels(const LevelInput &in)
{
    QStringList levels;
    for (const LevelChoice &c : levelChoices(in))
        if (c.allowed)
            levels << c.level;
    levels.sort();
    return levels;
}

const DeviceChoice *findChoice(const QList<DeviceChoice> &choices, const QString &name)
{
    for (const DeviceChoice &c : choices)
        if (c.name == name)
            return &c;
    return nullptr;
}

QString facts(const CreateArrayDialog &d, const QString &level)
{
    return d.levelList()->facts(level)->text();
}

QString previews(const Operation &op)
{
    return op.plan.previews().join(QLatin1Char('\n'));
}

template<typename T>
T *child(const QWidget &w, const char *name)
{
    T *found = w.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

void check(CreateArrayDialog &d, const QString &device, bool on)
{
    QTreeWidgetItem *item = d.deviceList()->item(device);
    QVERIFY2(item, qPrintable(device));
    item->setCheckState(DeviceList::Name, on ? Qt::Checked : Qt::Unchecked);
}

// Reviews and returns the operation handed on (or the refused one).
Operation reviewed(CreateArrayDialog &d, bool *handedOn = nullptr)
{
    QSignalSpy spy(&d, &CreateArrayDialog::reviewRequested);
    child<QPushButton>(d, "review")->click();
    if (handedOn)
        *handedOn = spy.count() == 1;
    return d.operation();
}

} // namespace

class TestCreateDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setStyle(QStringLiteral("Fusion"));
        m_lightPalette = QApplication::palette();
    }

    void cleanup() { QApplication::setPalette(m_lightPalette); }

    // ---- levelchoices: the rules, without widgets ----------------------------

    void levelsOfferedByDeviceCount()
    {
        const QStringList none;
        QCOMPARE(allowedLevels(devices({})), none);
        QCOMPARE(allowedLevels(devices({GiB})), QStringList{QStringLiteral("raid1")}); // a one-disk mirror
        QCOMPARE(allowedLevels(devices({GiB, GiB})),
                 (QStringList{QStringLiteral("linear"), QStringLiteral("raid0"), QStringLiteral("raid1"), QStringLiteral("raid10")}));
        QCOMPARE(allowedLevels(devices({GiB, GiB, GiB})),
                 (QStringList{QStringLiteral("linear"), QStringLiteral("raid0"), QStringLiteral("raid1"), QStringLiteral("raid10"),
                              QStringLiteral("raid4"), QStringLiteral("raid5")}));
        QCOMPARE(allowedLevels(devices({GiB, GiB, GiB, GiB})).size(), 7);

        QCOMPARE(levelChoice(QStringLiteral("raid5"), devices({GiB, GiB})).reason, QStringLiteral("RAID-5 needs at least 3 devices."));
        QCOMPARE(levelChoice(QStringLiteral("raid6"), devices({GiB, GiB, GiB})).reason, QStringLiteral("RAID-6 needs at least 4 devices."));
        QCOMPARE(levelChoice(QStringLiteral("linear"), devices({GiB})).reason, QStringLiteral("Linear needs at least 2 devices."));
        QCOMPARE(levelChoice(QStringLiteral("raid1"), devices({})).reason, QStringLiteral("Choose at least one device."));
    }

    void levelsWithMissingAndSpares()
    {
        // One disk and a missing slot: the mirror to complete later, nothing else.
        QCOMPARE(allowedLevels(devices({GiB}, 1)), (QStringList{QStringLiteral("raid1"), QStringLiteral("raid10")}));
        QVERIFY(levelChoice(QStringLiteral("raid0"), devices({GiB}, 1)).reason.startsWith(QLatin1String("RAID-0 cannot be created with a missing member")));
        QCOMPARE(levelChoice(QStringLiteral("raid1"), devices({GiB}, 1)).note,
                 QStringLiteral("Starts degraded: add the missing disk later to make it redundant."));
        // Two disks and a missing one make a degraded RAID-5 of three slots.
        QVERIFY(levelChoice(QStringLiteral("raid5"), devices({GiB, GiB}, 1)).allowed);
        QCOMPARE(levelChoice(QStringLiteral("raid5"), devices({GiB, GiB}, 2)).reason,
                 QStringLiteral("RAID-5 can start with at most 1 missing member."));
        QVERIFY(levelChoice(QStringLiteral("raid6"), devices({GiB, GiB}, 2)).allowed);
        QCOMPARE(levelChoice(QStringLiteral("raid10"), devices({GiB}, 2)).reason,
                 QStringLiteral("RAID-10 can leave only one disk of each mirror pair missing."));
        QVERIFY(levelChoice(QStringLiteral("raid10"), devices({GiB, GiB}, 2)).allowed);
        QCOMPARE(slotOrder(QStringLiteral("raid10"), {QStringLiteral("a"), QStringLiteral("b")}, 2),
                 (QStringList{QStringLiteral("a"), QString(), QStringLiteral("b"), QString()}));
        QCOMPARE(slotOrder(QStringLiteral("raid1"), {QStringLiteral("a")}, 1), (QStringList{QStringLiteral("a"), QString()}));

        // Spares only where a redundant copy can be rebuilt onto them.
        QCOMPARE(allowedLevels(devices({GiB, GiB, GiB}, 0, 1)),
                 (QStringList{QStringLiteral("raid1"), QStringLiteral("raid10"), QStringLiteral("raid4"), QStringLiteral("raid5")}));
        QCOMPARE(levelChoice(QStringLiteral("linear"), devices({GiB, GiB}, 0, 1)).reason,
                 QStringLiteral("Linear keeps no redundant copy, so a spare would never be used."));
    }

    void capacitiesUseTheSmallestMember()
    {
        const LevelInput three = devices({GiB, GiB, GiB});
        QCOMPARE(levelChoice(QStringLiteral("raid5"), three).capacityBytes, 2 * GiB);
        QCOMPARE(levelChoice(QStringLiteral("raid1"), three).capacityBytes, GiB);
        QCOMPARE(levelChoice(QStringLiteral("raid0"), three).capacityBytes, 3 * GiB);
        QCOMPARE(levelChoice(QStringLiteral("raid10"), three).capacityBytes, 3 * GiB / 2);
        QCOMPARE(levelChoice(QStringLiteral("raid6"), devices({GiB, GiB, GiB, GiB})).capacityBytes, 2 * GiB);
        QCOMPARE(aboutSize(levelChoice(QStringLiteral("raid5"), three).capacityBytes), QStringLiteral("about 2.00 GiB"));

        // Mixed sizes: every level but linear uses only the smallest's worth of each.
        const LevelInput mixed = devices({GiB, 2 * GiB, 512 * MiB});
        QCOMPARE(levelChoice(QStringLiteral("raid5"), mixed).capacityBytes, GiB);
        QCOMPARE(levelChoice(QStringLiteral("raid0"), mixed).capacityBytes, 3 * 512 * MiB);
        QCOMPARE(levelChoice(QStringLiteral("linear"), mixed).capacityBytes, 3 * GiB + 512 * MiB);
        // A missing slot counts as a member of the smallest size.
        QCOMPARE(levelChoice(QStringLiteral("raid5"), devices({GiB, GiB}, 1)).capacityBytes, 2 * GiB);
    }

    void failuresAndSpeedInWords()
    {
        const LevelInput three = devices({GiB, GiB, GiB});
        const LevelInput four = devices({GiB, GiB, GiB, GiB});
        QCOMPARE(levelChoice(QStringLiteral("raid5"), three).failuresText, QStringLiteral("any 1 disk"));
        QCOMPARE(levelChoice(QStringLiteral("raid6"), four).failuresText, QStringLiteral("any 2 disks"));
        QCOMPARE(levelChoice(QStringLiteral("raid1"), three).failuresText, QStringLiteral("all but one"));
        QCOMPARE(levelChoice(QStringLiteral("raid1"), three).failuresTolerated, 2);
        QCOMPARE(levelChoice(QStringLiteral("raid10"), four).failuresText, QStringLiteral("1 per mirror pair"));
        QCOMPARE(levelChoice(QStringLiteral("raid0"), four).failuresText, QStringLiteral("none"));
        QCOMPARE(levelChoice(QStringLiteral("linear"), four).failuresText, QStringLiteral("none"));
        // Degraded from the start: the missing slot used up what RAID-5 survives.
        QCOMPARE(levelChoice(QStringLiteral("raid5"), devices({GiB, GiB}, 1)).failuresText, QStringLiteral("none"));
        QCOMPARE(levelChoice(QStringLiteral("raid6"), devices({GiB, GiB, GiB}, 1)).failuresText, QStringLiteral("any 1 disk"));
        QCOMPARE(levelChoice(QStringLiteral("raid1"), devices({GiB})).failuresText, QStringLiteral("none"));

        QCOMPARE(levelChoice(QStringLiteral("raid0"), three).speedText, QStringLiteral("about 3× read, 3× write"));
        QCOMPARE(levelChoice(QStringLiteral("raid1"), devices({GiB, GiB})).speedText, QStringLiteral("about 2× read, 1× write"));
        QCOMPARE(levelChoice(QStringLiteral("raid5"), four).speedText,
                 QStringLiteral("about 3× read, 3× write for large writes; slower for small writes"));
        QCOMPARE(levelChoice(QStringLiteral("raid6"), four).writeSpeed, 2.0);
        QCOMPARE(levelChoice(QStringLiteral("raid10"), four).speedText, QStringLiteral("about 4× read, 2× write"));
        QCOMPARE(levelChoice(QStringLiteral("linear"), four).speedText, QStringLiteral("about 1× read, 1× write"));
    }

    void recommendedLevels()
    {
        QCOMPARE(recommendedLevel(devices({GiB})), QStringLiteral("raid1"));
        QCOMPARE(recommendedLevel(devices({GiB}, 1)), QStringLiteral("raid1"));
        QCOMPARE(recommendedLevel(devices({GiB, GiB})), QStringLiteral("raid1"));
        QCOMPARE(recommendedLevel(devices({GiB, GiB, GiB})), QStringLiteral("raid5"));
        QCOMPARE(recommendedLevel(devices({GiB, GiB, GiB, GiB})), QStringLiteral("raid5"));
        QCOMPARE(recommendedLevel(devices({GiB, GiB, GiB, GiB, GiB})), QStringLiteral("raid6"));
        QCOMPARE(recommendedLevel(devices({GiB, GiB}, 2)), QStringLiteral("raid6"));
        QCOMPARE(recommendedLevel(devices({})), QString());
    }

    // ---- devicechoice: what can be a member, and why not ---------------------

    void devicesJudged()
    {
        Machine m;
        const QList<DeviceChoice> choices = deviceChoices(*m.ctx.snapshot, m.system);
        auto reason = [&](const char *name) {
            const DeviceChoice *c = findChoice(choices, QLatin1String(name));
            return c ? c->reason : QStringLiteral("<not listed>");
        };
        const DeviceChoice *vdb = findChoice(choices, QStringLiteral("vdb"));
        QVERIFY(vdb && vdb->usable && !vdb->erases);
        QCOMPARE(vdb->sizeBytes, GiB);
        QCOMPARE(vdb->serial, QStringLiteral("PLXVDB"));
        QCOMPARE(vdb->model, QStringLiteral("QEMU HARDDISK"));

        // The system disk, whole or in part, even where nothing is mounted.
        QCOMPARE(reason("vda1"), QStringLiteral("/dev/vda1 is on vda, the disk the running system uses (it holds /)."));
        QVERIFY(reason("vda").contains(QLatin1String("the running system uses")));
        QCOMPARE(reason("vdf1"), QStringLiteral("/dev/vdf1 is mounted on /mnt/backup."));
        QCOMPARE(reason("vdf2"), QStringLiteral("/dev/vdf2 is active swap."));
        QCOMPARE(reason("vdf"), QStringLiteral("/dev/vdf has the partition vdf1, which is mounted on /mnt/backup."));
        QCOMPARE(reason("vdg1"), QStringLiteral("/dev/vdg1 is a member of md0 (raid1)."));
        QCOMPARE(reason("vdi1"), QStringLiteral("/dev/vdi1 is a physical volume of the LVM volume group data."));
        QVERIFY(reason("vdk").contains(QLatin1String("read-only")));
        QCOMPARE(reason("vdj"), QStringLiteral("It has 2 partitions: use them, or creating would erase its partition table."));
        QVERIFY(reason("vdj1").startsWith(QLatin1String("Only 16.0 MiB: too small")));
        // The tooltip says what to do about it.
        QVERIFY(findChoice(choices, QStringLiteral("vdf1"))->detail.contains(QLatin1String("Unmount it first")));

        // Carrying a filesystem is no reason to refuse, but the user is told.
        const DeviceChoice *vdj2 = findChoice(choices, QStringLiteral("vdj2"));
        QVERIFY(vdj2 && vdj2->usable && vdj2->erases);
        QCOMPARE(vdj2->contents, QStringLiteral("a ext4 filesystem"));
    }

    // ---- the dialog -----------------------------------------------------------

    void dialogGreysWhatCannotBeUsed()
    {
        Machine m;
        CreateArrayDialog d(m.ctx, {QStringLiteral("vdb"), QStringLiteral("vdf1"), QStringLiteral("vdg1")});
        const DeviceList *list = d.deviceList();
        // Only what can be used is taken from the disk map's selection.
        QCOMPARE(list->chosen(), QStringList{QStringLiteral("vdb")});
        for (const char *name : {"vda1", "vdf", "vdf1", "vdf2", "vdg1", "vdi1", "vdj", "vdj1", "vdk"}) {
            const QTreeWidgetItem *item = list->item(QLatin1String(name));
            QVERIFY2(item, name);
            QVERIFY2(!(item->flags() & Qt::ItemIsEnabled), name);
            QVERIFY2(!(item->flags() & Qt::ItemIsUserCheckable), name);
        }
        QCOMPARE(list->item(QStringLiteral("vdf1"))->text(DeviceList::Contents), QStringLiteral("/dev/vdf1 is mounted on /mnt/backup."));
        QVERIFY(list->item(QStringLiteral("vdf1"))->toolTip(DeviceList::Name).contains(QLatin1String("Unmount it first")));
        QCOMPARE(list->item(QStringLiteral("vdg1"))->text(DeviceList::Contents), QStringLiteral("/dev/vdg1 is a member of md0 (raid1)."));
        QVERIFY(list->item(QStringLiteral("vdi1"))->text(DeviceList::Contents).contains(QLatin1String("LVM volume group data")));
        QVERIFY(list->item(QStringLiteral("vdj"))->text(DeviceList::Contents).contains(QLatin1String("erase its partition table")));

        const QTreeWidgetItem *vdc = list->item(QStringLiteral("vdc"));
        QVERIFY(vdc->flags() & Qt::ItemIsUserCheckable);
        QCOMPARE(vdc->text(DeviceList::Model), QStringLiteral("QEMU HARDDISK"));
        QCOMPARE(vdc->text(DeviceList::Serial), QStringLiteral("PLXVDC"));
        QCOMPARE(vdc->text(DeviceList::Size), QStringLiteral("1.00 GiB"));
        QCOMPARE(list->item(QStringLiteral("vdj2"))->text(DeviceList::Contents), QStringLiteral("a ext4 filesystem: creating erases it"));
        // Partitions sit under their disk.
        QCOMPARE(list->item(QStringLiteral("vdj2"))->parent(), list->item(QStringLiteral("vdj")));
    }

    void dialogOffersLevelsForThreeDisks()
    {
        Machine m;
        CreateArrayDialog d(m.ctx, {QStringLiteral("vdb"), QStringLiteral("vdc"), QStringLiteral("vdd")});
        QCOMPARE(d.levelList()->level(), QStringLiteral("raid5"));
        QVERIFY(child<QRadioButton>(d, "level-raid5")->isEnabled());
        QVERIFY(!child<QRadioButton>(d, "level-raid6")->isEnabled());
        QVERIFY(facts(d, QStringLiteral("raid6")).contains(QLatin1String("RAID-6 needs at least 4 devices.")));
        QVERIFY(facts(d, QStringLiteral("raid5")).contains(QLatin1String("<b>about 2.00 GiB</b> usable")));
        QVERIFY(facts(d, QStringLiteral("raid5")).contains(QLatin1String("<b>any 1 disk</b> may fail")));
        QVERIFY(facts(d, QStringLiteral("raid1")).contains(QLatin1String("<b>about 1.00 GiB</b> usable")));
        QVERIFY(facts(d, QStringLiteral("raid1")).contains(QLatin1String("<b>all but one</b> may fail")));
        QVERIFY(facts(d, QStringLiteral("raid0")).contains(QLatin1String("<b>about 3.00 GiB</b> usable")));
        QVERIFY(facts(d, QStringLiteral("raid0")).contains(QLatin1String("<b>none</b> may fail")));
        QVERIFY(child<QLabel>(d, "summary")->text().contains(QLatin1String("Creates <b>/dev/md1</b>, RAID-5 of vdb, vdc and vdd: about 2.00 GiB usable.")));

        // A fourth disk of 2 GiB: RAID-6 opens up, the smallest still decides.
        check(d, QStringLiteral("vde"), true);
        QVERIFY(child<QRadioButton>(d, "level-raid6")->isEnabled());
        QVERIFY(facts(d, QStringLiteral("raid6")).contains(QLatin1String("<b>about 2.00 GiB</b> usable")));
        QVERIFY(facts(d, QStringLiteral("linear")).contains(QLatin1String("<b>about 5.00 GiB</b> usable")));
        // Down to one: only the mirror remains, the choice follows.
        for (const char *name : {"vdc", "vdd", "vde"})
            check(d, QLatin1String(name), false);
        QCOMPARE(d.levelList()->level(), QStringLiteral("raid1"));
        QVERIFY(!child<QRadioButton>(d, "level-raid5")->isEnabled());
        QVERIFY(!child<QRadioButton>(d, "level-raid0")->isEnabled());
    }

    void userLevelKeptWhileAllowed()
    {
        Machine m;
        CreateArrayDialog d(m.ctx, {QStringLiteral("vdb"), QStringLiteral("vdc"), QStringLiteral("vdd"), QStringLiteral("vde")});
        child<QRadioButton>(d, "level-raid10")->click();
        QCOMPARE(d.levelList()->level(), QStringLiteral("raid10"));
        check(d, QStringLiteral("vde"), false);
        QCOMPARE(d.levelList()->level(), QStringLiteral("raid10")); // 3 devices: still possible
        for (const char *name : {"vdc", "vdd"})
            check(d, QLatin1String(name), false);
        QCOMPARE(d.levelList()->level(), QStringLiteral("raid1")); // one device: not any more
        for (const char *name : {"vdc", "vdd", "vde"})
            check(d, QLatin1String(name), true);
        QCOMPARE(d.levelList()->level(), QStringLiteral("raid10")); // and back
    }

    void reviewPlansRaid5()
    {
        Machine m;
        CreateArrayDialog d(m.ctx, {QStringLiteral("vdb"), QStringLiteral("vdc"), QStringLiteral("vdd")});
        bool handedOn = false;
        const Operation op = reviewed(d, &handedOn);
        QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
        QVERIFY(handedOn);
        QCOMPARE(op.title, QStringLiteral("Create RAID-5 md1"));
        QCOMPARE(previews(op), QStringLiteral("mdadm --create /dev/md1 --run --level=5 --raid-devices=3 --metadata=1.2 --bitmap=internal "
                                              "/dev/vdb /dev/vdc /dev/vdd"));
        QCOMPARE(op.erased.size(), 3);
        QCOMPARE(op.erased[0].text(), QStringLiteral("/dev/vdb, QEMU HARDDISK, 1.00 GiB, serial PLXVDB: now holds nothing recognisable"));
        QVERIFY(!child<QLabel>(d, "refusal")->isVisible());
    }

    // Ready to mount: the filesystem chosen under the levels goes on the new
    // array in the same plan; the label field only counts with a filesystem.
    void reviewMakesTheFilesystem()
    {
        Machine m;
        CreateArrayDialog d(m.ctx, {QStringLiteral("vdb"), QStringLiteral("vdc")});
        auto *filesystem = child<QComboBox>(d, "filesystem");
        auto *label = child<QLineEdit>(d, "label");
        QVERIFY(!label->isEnabled());
        filesystem->setCurrentIndex(filesystem->findData(QStringLiteral("ext4")));
        QVERIFY(label->isEnabled());
        label->setText(QStringLiteral("home"));
        bool handedOn = false;
        const Operation op = reviewed(d, &handedOn);
        QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
        QCOMPARE(op.plan.previews().last(), QStringLiteral("mkfs.ext4 -F -q -L home /dev/md1"));
        filesystem->setCurrentIndex(0);
        QVERIFY(d.request().filesystem.isEmpty() && d.request().label.isEmpty());
    }

    // Linear is vinum's concatenation, made with LVM (md's linear personality is
    // gone from current kernels): one group over the devices, one volume filling
    // it, the filesystem on that volume.
    void linearIsAnLvmConcatenation()
    {
        Machine m;
        CreateArrayDialog d(m.ctx, {QStringLiteral("vdb"), QStringLiteral("vde")});
        child<QRadioButton>(d, "level-linear")->click();
        QCOMPARE(d.levelList()->level(), QStringLiteral("linear"));
        auto *filesystem = child<QComboBox>(d, "filesystem");
        filesystem->setCurrentIndex(filesystem->findData(QStringLiteral("ext4")));
        QVERIFY2(child<QLabel>(d, "summary")->text().contains(QStringLiteral("end to end into the volume <b>/dev/concat/data</b>")),
                 qPrintable(child<QLabel>(d, "summary")->text()));
        bool handedOn = false;
        const Operation op = reviewed(d, &handedOn);
        QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
        QCOMPARE(op.plan.previews(), (QStringList{QStringLiteral("pvcreate -y /dev/vdb"), QStringLiteral("pvcreate -y /dev/vde"),
                                                  QStringLiteral("vgcreate concat /dev/vdb /dev/vde"),
                                                  QStringLiteral("lvcreate -y -n data -l 100%FREE concat"),
                                                  QStringLiteral("mkfs.ext4 -F -q /dev/concat/data")}));
        // Partitioning first is md's: refused in words, nothing planned.
        child<QCheckBox>(d, "partitionDisks")->setChecked(true);
        d.review();
        QVERIFY(!child<QLabel>(d, "refusal")->isHidden());
        QVERIFY2(child<QLabel>(d, "refusal")->text().contains(QStringLiteral("uses the devices as they are")),
                 qPrintable(child<QLabel>(d, "refusal")->text()));
    }

    void reviewCarriesAdvancedOptions()
    {
        Machine m;
        CreateArrayDialog d(m.ctx, {QStringLiteral("vdb"), QStringLiteral("vdc"), QStringLiteral("vdj2"), QStringLiteral("vde")});
        d.show();
        child<QToolButton>(d, "advancedToggle")->click();
        QVERIFY(child<QWidget>(d, "advanced")->isVisible());
        // vde becomes the spare: RAID-5 of three, and no level without redundancy.
        QListWidget *spares = child<QListWidget>(d, "spares");
        QCOMPARE(spares->count(), 4);
        spares->item(3)->setCheckState(Qt::Checked);
        QVERIFY(!child<QRadioButton>(d, "level-raid0")->isEnabled());
        QVERIFY(facts(d, QStringLiteral("raid0")).contains(QLatin1String("a spare would never be used")));
        QCOMPARE(d.levelList()->level(), QStringLiteral("raid5"));

        QComboBox *chunk = child<QComboBox>(d, "chunk");
        chunk->setCurrentIndex(chunk->findData(64u));
        QComboBox *metadata = child<QComboBox>(d, "metadata");
        metadata->setCurrentIndex(metadata->findData(QStringLiteral("1.0")));
        QVERIFY(child<QLabel>(d, "metadataHint")->text().contains(QLatin1String("boot loaders")));
        QComboBox *bitmap = child<QComboBox>(d, "bitmap");
        bitmap->setCurrentIndex(bitmap->findData(QStringLiteral("none")));
        QTest::keyClicks(child<QLineEdit>(d, "name"), QStringLiteral("data"));
        QVERIFY(child<QLabel>(d, "summary")->text().contains(QLatin1String("Erases what is on vdj2 (a ext4 filesystem).")));

        const Operation op = reviewed(d);
        QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
        QCOMPARE(previews(op), QStringLiteral("mdadm --create /dev/md1 --run --level=5 --raid-devices=3 --spare-devices=1 --metadata=1.0 "
                                              "--bitmap=none --chunk=64 /dev/vdb /dev/vdc /dev/vdj2 /dev/vde --name=data"));
        QVERIFY(d.request().overwrite);
        bool namedErased = false;
        for (const ErasedDevice &e : op.erased)
            if (e.path == QLatin1String("/dev/vdj2"))
                namedErased = e.text() == QLatin1String("/dev/vdj2, QEMU HARDDISK, 900 MiB, serial PLXVDJ: now holds a ext4 filesystem");
        QVERIFY(namedErased);
    }

    // "Partition whole disks first": each blank disk gets one RAID partition in
    // the plan, and the partitions are the members; partitions chosen stay.
    void partitionWholeDisksFirst()
    {
        Machine m;
        CreateArrayDialog d(m.ctx, {QStringLiteral("vdb"), QStringLiteral("vdc"), QStringLiteral("vdj2")});
        d.show();
        child<QToolButton>(d, "advancedToggle")->click();
        QCheckBox *partition = child<QCheckBox>(d, "partitionDisks");
        QVERIFY(partition->isVisible() && !partition->isChecked());
        QTest::mouseClick(partition, Qt::LeftButton, {}, QPoint(5, partition->height() / 2));
        QVERIFY(partition->isChecked());
        QVERIFY(d.request().partitionDisks);
        d.levelList()->setLevel(QStringLiteral("raid5"));
        const Operation op = reviewed(d);
        QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
        QCOMPARE(op.plan.steps.size(), 3);
        QCOMPARE(op.plan.descriptions().first(), QStringLiteral("Give /dev/vdb a new GPT partition table with one Linux RAID partition, /dev/vdb1, filling it"));
        QVERIFY2(op.plan.previews().last().endsWith(QStringLiteral("/dev/vdb1 /dev/vdc1 /dev/vdj2")), qPrintable(op.plan.previews().last()));
        // What is erased is still named by the disks the user chose.
        QCOMPARE(op.erased.first().path, QStringLiteral("/dev/vdb"));
    }

    void degradedMirrorFromOneDisk()
    {
        Machine m;
        CreateArrayDialog d(m.ctx, {QStringLiteral("vdb")});
        // One disk: a mirror with its partner to add later, Advanced open to say so.
        QCOMPARE(child<QSpinBox>(d, "missing")->value(), 1);
        QCOMPARE(d.levelList()->level(), QStringLiteral("raid1"));
        QVERIFY(facts(d, QStringLiteral("raid1")).contains(QLatin1String("Starts degraded")));
        Operation op = reviewed(d);
        QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
        QCOMPARE(previews(op), QStringLiteral("mdadm --create /dev/md1 --run --level=1 --raid-devices=2 --metadata=1.2 --bitmap=internal "
                                              "/dev/vdb missing"));
        // No missing slot: a one-disk mirror, which mdadm makes only when forced.
        child<QSpinBox>(d, "missing")->setValue(0);
        QVERIFY(d.request().forceSingle);
        op = reviewed(d);
        QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
        QVERIFY(previews(op).startsWith(QLatin1String("mdadm --create /dev/md1 --run --force --level=1 --raid-devices=1")));

        // RAID-10 from two disks and two missing ones: each pair keeps a copy.
        check(d, QStringLiteral("vdc"), true);
        child<QSpinBox>(d, "missing")->setValue(2);
        child<QRadioButton>(d, "level-raid10")->click();
        op = reviewed(d);
        QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
        QVERIFY(previews(op).endsWith(QLatin1String("--raid-devices=4 --metadata=1.2 --bitmap=internal /dev/vdb missing /dev/vdc missing")));
    }

    void refusalShownInlineAndInputKept()
    {
        Machine m;
        CreateArrayDialog d(m.ctx, {QStringLiteral("vdb"), QStringLiteral("vdc"), QStringLiteral("vdd")});
        d.show();
        child<QToolButton>(d, "advancedToggle")->click();
        QTest::keyClicks(child<QLineEdit>(d, "name"), QStringLiteral("data"));
        QComboBox *chunk = child<QComboBox>(d, "chunk");
        chunk->setCurrentIndex(chunk->findData(64u));
        child<QRadioButton>(d, "level-raid1")->click();
        child<QRadioButton>(d, "level-raid5")->click();

        // Meanwhile someone mounts vdd; the window hands the dialog the new machine.
        m.tree.addMount(QStringLiteral("vdd"), QStringLiteral("/mnt/usb"), QStringLiteral("ext4"));
        m.reprobe();
        d.setContext(m.ctx);
        const QTreeWidgetItem *vdd = d.deviceList()->item(QStringLiteral("vdd"));
        QCOMPARE(vdd->checkState(DeviceList::Name), Qt::Checked); // still chosen, and says why it cannot be
        QCOMPARE(vdd->text(DeviceList::Contents), QStringLiteral("/dev/vdd is mounted on /mnt/usb."));

        bool handedOn = true;
        const Operation op = reviewed(d, &handedOn);
        QVERIFY(op.isRefused());
        QVERIFY(!handedOn);
        const QLabel *refusal = child<QLabel>(d, "refusal");
        QVERIFY(refusal->isVisible());
        QCOMPARE(refusal->text(), QStringLiteral("Plexus cannot create this array: /dev/vdd is mounted on /mnt/usb. Unmount it first, or "
                                                 "choose another disk."));
        // Everything entered is still there.
        QCOMPARE(d.deviceList()->chosen(), (QStringList{QStringLiteral("vdb"), QStringLiteral("vdc"), QStringLiteral("vdd")}));
        QCOMPARE(d.levelList()->level(), QStringLiteral("raid5"));
        QCOMPARE(child<QLineEdit>(d, "name")->text(), QStringLiteral("data"));
        QCOMPARE(chunk->currentData().toUInt(), 64u);
        QVERIFY(child<QWidget>(d, "advanced")->isVisible());

        // Choosing another disk instead clears the stale refusal and plans.
        check(d, QStringLiteral("vdd"), false);
        QVERIFY(!refusal->isVisible());
        QVERIFY(!(d.deviceList()->item(QStringLiteral("vdd"))->flags() & Qt::ItemIsEnabled)); // greyed once let go
        check(d, QStringLiteral("vde"), true);
        const Operation again = reviewed(d, &handedOn);
        QVERIFY2(!again.isRefused(), qPrintable(again.refusal.message()));
        QVERIFY(handedOn);
        QVERIFY(previews(again).contains(QLatin1String("--chunk=64 /dev/vdb /dev/vdc /dev/vde --name=data")));

        // A refusal about what the user typed: the array device exists.
        QLineEdit *device = child<QLineEdit>(d, "arrayDevice");
        device->selectAll();
        QTest::keyClicks(device, QStringLiteral("/dev/md0"));
        QVERIFY(reviewed(d).isRefused());
        QVERIFY(refusal->text().contains(QLatin1String("/dev/md0 already exists")));
        QCOMPARE(device->text(), QStringLiteral("/dev/md0"));
    }

    void keyboardOnly()
    {
        Machine m;
        CreateArrayDialog d(m.ctx, {QStringLiteral("vdb"), QStringLiteral("vdc"), QStringLiteral("vdd")});
        d.show();
        d.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&d));
        // Arrow keys move between the levels the devices allow, skipping the rest.
        QRadioButton *raid5 = child<QRadioButton>(d, "level-raid5");
        raid5->setFocus();
        QTest::keyClick(raid5, Qt::Key_Down); // raid6 is disabled: on to raid10
        QCOMPARE(d.levelList()->level(), QStringLiteral("raid10"));
        // Alt+R reviews.
        QSignalSpy spy(&d, &CreateArrayDialog::reviewRequested);
        QTest::keyClick(&d, Qt::Key_R, Qt::AltModifier);
        // A mnemonic animates the click: the button releases 100 ms later.
        QTRY_COMPARE(spy.count(), 1);
    }

    void dialogScreenshots_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void dialogScreenshots()
    {
        QFETCH(bool, dark);
        if (dark) // Qt derives the text and base colours from a dark button and window
            QApplication::setPalette(QPalette(QColor(0x35, 0x37, 0x3b), QColor(0x2b, 0x2d, 0x31)));
        Machine m;
        CreateArrayDialog d(m.ctx, {QStringLiteral("vdb"), QStringLiteral("vdc"), QStringLiteral("vdj2")});
        child<QToolButton>(d, "advancedToggle")->click();
        d.resize(d.sizeHint());
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        // Nothing is squeezed below what it needs.
        QVERIFY(d.width() >= d.minimumSizeHint().width() && d.height() >= d.minimumSizeHint().height());
        QDir().mkpath(screenshotDir);
        const QString file = screenshotDir + (dark ? QStringLiteral("/create-dialog-dark.png") : QStringLiteral("/create-dialog.png"));
        QVERIFY(d.grab().save(file));
    }

private:
    QPalette m_lightPalette;
};

QTEST_MAIN(TestCreateDialog)
#include "tst_createdialog.moc"

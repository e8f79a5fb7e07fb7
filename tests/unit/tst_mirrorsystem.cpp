// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// MirrorSystem (engine/ops/mirrorsystem.cpp) on a machine built in code: a
// Debian-like system on sda (BIOS boot, /boot, /, swap) and spare disks. The
// plan, what it leaves alone before the restart, and every refusal.

#include "tst_engine_fixture.h"

#include "engine/ops/mirrorsystem.h"
#include "engine/textedits.h"

#include <QTest>

using namespace plexus;
using namespace plexus::fixture;

namespace {

const QString bootUuid = QStringLiteral("b0000000-0000-4000-8000-000000000001");
const QString rootUuid = QStringLiteral("a0000000-0000-4000-8000-000000000002");
const QString swapUuid = QStringLiteral("c0000000-0000-4000-8000-000000000003");

Partition fs(const QString &name, int number, qint64 start, qint64 size, const QString &type, const QString &uuid)
{
    Partition p = part(name, number, start, size, type);
    p.uuid = uuid;
    p.partTypeId = QStringLiteral("0FC63DAF-8483-4772-8E79-3D69D8477DE4");
    return p;
}

//   sda 20 GiB gpt: sda1 BIOS boot, sda2 /boot ext4, sda3 / ext4 "root", sda4 swap
//   sdb 20 GiB blank; sdc 10 GiB blank; sdd 32 GiB USB stick; sde 32 GiB ext4
Snapshot oneDiskSystem()
{
    Snapshot s;
    Disk sda = disk(QStringLiteral("sda"), 20 * GiB);
    sda.partitionTable = QStringLiteral("gpt");
    Partition grub = part(QStringLiteral("sda1"), 1, MiB, MiB);
    grub.partTypeId = QStringLiteral("21686148-6449-6e6f-744e-656564454649");
    sda.partitions = {grub, fs(QStringLiteral("sda2"), 2, 2 * MiB, 512 * MiB, QStringLiteral("ext4"), bootUuid),
                      fs(QStringLiteral("sda3"), 3, 514 * MiB, 18 * GiB, QStringLiteral("ext4"), rootUuid),
                      fs(QStringLiteral("sda4"), 4, 514 * MiB + 18 * GiB, GiB, QStringLiteral("swap"), swapUuid)};
    sda.partitions[2].label = QStringLiteral("root");
    Disk sdd = disk(QStringLiteral("sdd"), 32 * GiB);
    sdd.bus = QStringLiteral("usb");
    sdd.removable = true;
    Disk sde = disk(QStringLiteral("sde"), 32 * GiB);
    sde.fsType = QStringLiteral("ext4");
    s.disks = {sda, disk(QStringLiteral("sdb"), 20 * GiB), disk(QStringLiteral("sdc"), 10 * GiB), sdd, sde};
    s.mounts = {Mount{QStringLiteral("sda3"), QStringLiteral("/dev/sda3"), QStringLiteral("/"), QStringLiteral("ext4")},
                Mount{QStringLiteral("sda2"), QStringLiteral("/dev/sda2"), QStringLiteral("/boot"), QStringLiteral("ext4")},
                Mount{QString(), QStringLiteral("proc"), QStringLiteral("/proc"), QStringLiteral("proc")}};
    s.swaps = {QStringLiteral("sda4")};
    return s;
}

const QString debianFstab = QStringLiteral("# /etc/fstab\n"
                                           "UUID=%1 / ext4 errors=remount-ro 0 1\n"
                                           "/dev/sda2  /boot  ext4  defaults  0  2\n"
                                           "UUID=%2 none swap sw 0 0\n")
                                .arg(rootUuid, swapUuid);

// The running system's tools, as Debian has them.
void debianTools(FakeSystem *sys)
{
    sys->setPrograms({QStringLiteral("grub-install"), QStringLiteral("update-grub"), QStringLiteral("update-initramfs"), QStringLiteral("rsync"),
                      QStringLiteral("mdadm")});
    sys->setFstab(debianFstab);
    sys->addPath(QStringLiteral("/etc/mdadm"));
}

// The same system started by UEFI: sda5, the EFI system partition (FAT, on
// /boot/efi, Debian's GRUB behind shim and the removable-media path in it);
// the disks have serial numbers, which name their boot entries.
const QString espGuid = QStringLiteral("e5e5e5e5-0000-4000-8000-000000000005");
Snapshot uefiSystem()
{
    Snapshot s = oneDiskSystem();
    Partition esp = fs(QStringLiteral("sda5"), 5, 514 * MiB + 19 * GiB, 256 * MiB, QStringLiteral("vfat"), QStringLiteral("ABCD-1234"));
    esp.partTypeId = QStringLiteral("c12a7328-f81f-11d2-ba4b-00a0c93ec93b");
    esp.partUuid = espGuid;
    s.disks[0].partitions << esp;
    s.disks[0].serial = QStringLiteral("OLD-1");
    s.disks[1].serial = QStringLiteral("NEW-2");
    s.mounts.insert(2, Mount{QStringLiteral("sda5"), QStringLiteral("/dev/sda5"), QStringLiteral("/boot/efi"), QStringLiteral("vfat")});
    return s;
}

void uefiTools(FakeSystem *sys)
{
    sys->setFirmware(QStringLiteral("uefi"));
    sys->setPrograms({QStringLiteral("grub-install"), QStringLiteral("update-grub"), QStringLiteral("update-initramfs"), QStringLiteral("rsync"),
                      QStringLiteral("mdadm"), QStringLiteral("efibootmgr"), QStringLiteral("lvm")});
    sys->setFstab(debianFstab + QStringLiteral("UUID=ABCD-1234 /boot/efi vfat umask=0077 0 1\n"));
    for (const char *path : {"/usr/lib/grub/x86_64-efi", "/boot/efi/EFI/debian/shimx64.efi", "/boot/efi/EFI/BOOT/BOOTX64.EFI"})
        sys->addPath(QLatin1String(path));
}

MirrorSystemRequest onto(const Snapshot &s, const QString &disk)
{
    MirrorSystemRequest r;
    r.disk = deviceSpecFor(s, disk);
    return r;
}

} // namespace

class TestMirrorSystem : public QObject
{
    Q_OBJECT
    Snapshot snap = oneDiskSystem();

    Status check(const MirrorSystemRequest &r, const Snapshot &s, const std::function<void(FakeSystem *)> &tweak = {},
                 ValidMirrorSystem *out = nullptr, const QString &stamp = QStringLiteral("20261205-070000"))
    {
        FakeSystem sys(s);
        debianTools(&sys);
        if (tweak)
            tweak(&sys);
        ValidMirrorSystem v;
        return validate(Validator(s, sys, stamp), r, out ? out : &v);
    }

private Q_SLOTS:
    void plan()
    {
        ValidMirrorSystem v;
        EXPECT_OK(check(onto(snap, QStringLiteral("/dev/sdb")), snap, {}, &v));
        // / first (its copy holds the others' mount points), then /boot, then swap.
        QCOMPARE(v.partitions.size(), 3);
        QCOMPARE(v.partitions[0].old.path, QStringLiteral("/dev/sda3"));
        QCOMPARE(v.partitions[0].device, QStringLiteral("/dev/md0"));
        QCOMPARE(v.mirrors.size(), 3);
        QCOMPARE(v.mirrors[0].array, QStringLiteral("/dev/md0"));
        QCOMPARE(v.mirrors[0].metadata, QStringLiteral("1.2"));
        QCOMPARE(v.mirrors[0].onOld.path, QStringLiteral("/dev/sda3"));
        QCOMPARE(v.partitions[1].mountPoint, QStringLiteral("/boot"));
        QCOMPARE(v.mirrors[1].metadata, QStringLiteral("1.0")); // GRUB and the firmware read it as a plain filesystem
        QCOMPARE(v.mirrors[1].onNew.path, QStringLiteral("/dev/sdb2"));
        QCOMPARE(v.partitions[2].fsType, QStringLiteral("swap"));
        QCOMPARE(v.raidNumbers, (QList<int>{2, 3, 4}));
        QVERIFY(v.partitions[0].newUuid != rootUuid);

        const Plan plan = makePlan(v);
        const QString text = plan.toText();
        if (qEnvironmentVariableIsSet("SHOW_PLAN"))
            qInfo().noquote() << text;
        for (const char *command : {"sfdisk --dump /dev/sda", "mdadm --create /dev/md0 --run --level=raid1 --raid-devices=2 --metadata=1.2 /dev/sdb3 missing", "/dev/sdb3 missing",
                                    "--metadata=1.0", "mkfs.ext4 -F -q -L root -U", "mkswap -f -U",
                                    "rsync -aHAXx --numeric-ids --delete /run/plexus/mirror-system-source/ /run/plexus/mirror-system/ # twice, then compared; after mount /dev/sda3 /run/plexus/mirror-system-source",
                                    "rsync -aHAXx --numeric-ids --delete /run/plexus/mirror-system-source/ /run/plexus/mirror-system/boot/ # twice, then compared; after mount /dev/sda2",
                                    "chroot /run/plexus/mirror-system update-initramfs -u -k all", "chroot /run/plexus/mirror-system grub-install /dev/sdb",
                                    "chroot /run/plexus/mirror-system update-grub", "umount -R /run/plexus/mirror-system", "systemctl reboot",
                                    "sfdisk --dump /dev/sdb", "mdadm /dev/md1 --add /dev/sda2", "grub-install /dev/sda"})
            QVERIFY2(text.contains(QLatin1String(command)), command);

        // Before the restart, nothing writes to sda: it still starts the old system.
        int restart = -1;
        for (int i = 0; i < plan.steps.size(); ++i)
            if (plan.steps[i].waitsForRestart)
                restart = i;
        QVERIFY(restart > 0);
        QCOMPARE(plan.steps.size() - restart - 1, 1 + 4 + 3 + 1 + 3); // check /, the table (save, read, write, reread), 3 adds, GRUB, 3 waits
        for (int i = 0; i < restart; ++i)
            for (const Erasure &e : plan.steps[i].erases)
                QVERIFY2(e.name.startsWith(QLatin1String("sdb")), qPrintable(plan.steps[i].description));
        QVERIFY(plan.steps[restart + 1].description.contains(QLatin1String("runs from /dev/md0")));
        bool erasesOld = false;
        for (int i = restart + 1; i < plan.steps.size(); ++i)
            for (const Erasure &e : plan.steps[i].erases)
                erasesOld = erasesOld || e.name == QLatin1String("sda");
        QVERIFY(erasesOld);
        QCOMPARE(plan.exclusive, QStringList{QStringLiteral("/dev/sdb")});
    }

    // The lvm layout: /boot a mirror of its own, the rest LVM
    // volumes (root, swap) of rootvg on one big mirror; the new disk's table
    // is written from a script, and the old disk gets it after the restart.
    void lvmLayout()
    {
        MirrorSystemRequest r = onto(snap, QStringLiteral("/dev/sdb"));
        r.layout = QStringLiteral("lvm");
        const auto withLvm = [](FakeSystem *sys) { sys->setPrograms({QStringLiteral("grub-install"), QStringLiteral("update-grub"),
                                                                     QStringLiteral("update-initramfs"), QStringLiteral("rsync"),
                                                                     QStringLiteral("mdadm"), QStringLiteral("lvm")}); };
        ValidMirrorSystem v;
        EXPECT_OK(check(r, snap, withLvm, &v));
        QCOMPARE(v.mirrors.size(), 2);
        QCOMPARE(v.mirrors[0].array, QStringLiteral("/dev/md0"));
        QCOMPARE(v.mirrors[0].metadata, QStringLiteral("1.0"));
        QCOMPARE(v.mirrors[0].onNew.path, QStringLiteral("/dev/sdb2"));
        QCOMPARE(v.mirrors[1].array, QStringLiteral("/dev/md1"));
        QCOMPARE(v.mirrors[1].metadata, QStringLiteral("1.2"));
        QCOMPARE(v.mirrors[1].onOld.path, QStringLiteral("/dev/sda3")); // after the restart: sda3 as sdb3 is then, not as it is now
        QCOMPARE(v.raidNumbers, (QList<int>{2, 3}));
        QCOMPARE(v.newTable, QByteArray("label: gpt\n"
                                        "start=2048, size=2048, type=21686148-6449-6E6F-744E-656564454649\n"
                                        "start=4096, size=1048576, type=R\n"
                                        "start=1052672, size=40888320, type=R\n")); // to 1 MiB before the end of 20 GiB
        QCOMPARE(v.partitions[0].device, QStringLiteral("/dev/rootvg/root"));
        QCOMPARE(v.partitions[0].mirror, QStringLiteral("/dev/md1"));
        QCOMPARE(v.partitions[0].volumeBytes, 18 * GiB); // there is room for all of it
        QCOMPARE(v.partitions[1].device, QStringLiteral("/dev/md0"));
        QCOMPARE(v.partitions[2].device, QStringLiteral("/dev/rootvg/swap"));
        QCOMPARE(v.partitions[2].volumeBytes, GiB);

        const QString text = makePlan(v).toText();
        if (qEnvironmentVariableIsSet("SHOW_PLAN"))
            qInfo().noquote() << text;
        for (const char *command : {"sfdisk --no-reread --no-tell-kernel --wipe=always --wipe-partitions=always /dev/sdb <<< $'label: gpt",
                                    "--metadata=1.0 /dev/sdb2 missing", "--metadata=1.2 /dev/sdb3 missing", "pvcreate -y /dev/md1",
                                    "vgcreate rootvg /dev/md1", "lvcreate -y -n root -L 19327352832b rootvg", "lvcreate -y -n swap -L 1073741824b rootvg",
                                    "mkfs.ext4 -F -q -L root -U", "/dev/rootvg/root", "mkswap -f -U", "mount /dev/rootvg/root /run/plexus/mirror-system",
                                    "chroot /run/plexus/mirror-system grub-install /dev/sdb", "sfdisk --dump /dev/sdb", "mdadm /dev/md1 --add /dev/sda3",
                                    "mdadm /dev/md0 --add /dev/sda2"})
            QVERIFY2(text.contains(QLatin1String(command)), command);
        QVERIFY(text.contains(QLatin1String("Check that the system now runs from /dev/rootvg/root")));

        // A disk just big enough: / gets what is left after swap and what md and LVM take.
        Snapshot tight = snap;
        tight.disks[0].partitions[2].sizeBytes = 18 * GiB + 900 * MiB; // / 19332 MiB, swap 1 GiB, both disks full
        tight.disks[0].partitions[3].startBytes += 900 * MiB;
        tight.disks[0].sizeBytes = tight.disks[1].sizeBytes = 20871 * MiB;
        MirrorSystemRequest tightRequest = onto(tight, QStringLiteral("/dev/sdb"));
        tightRequest.layout = r.layout;
        ValidMirrorSystem t;
        EXPECT_OK(check(tightRequest, tight, withLvm, &t));
        // The big mirror: 20870 - 514 MiB; less 132 MiB for md and LVM and 1 GiB of swap.
        QCOMPARE(t.partitions[0].volumeBytes, 19200 * MiB);
        QCOMPARE(t.partitions[2].volumeBytes, GiB);

        // Refused: no LVM tools in the system; a rootvg already there; a layout it does not know.
        EXPECT_REFUSAL(check(r, snap), ErrorCode::NotFound, "The running system has no LVM tools (lvm)");
        Snapshot withGroup = snap;
        withGroup.volumeGroups = {VolumeGroup{}};
        withGroup.volumeGroups[0].name = QStringLiteral("rootvg");
        EXPECT_REFUSAL(check(r, withGroup, withLvm), ErrorCode::Invalid, "a volume group named rootvg already");
        r.layout = QStringLiteral("zfs");
        EXPECT_REFUSAL(check(r, snap, withLvm), ErrorCode::Invalid, "The layout is same (a mirror for each partition) or lvm");
    }

    // Started by UEFI: the ESP is a mirror too (metadata 1.0, its halves keep
    // the ESP type), GRUB goes into it from the copy, and each disk gets a
    // boot entry of its own: the new disk's before the restart, the old
    // disk's once its half of the ESP is rebuilt, replacing the entry of the
    // ESP it had. No GRUB boot code for a BIOS.
    void uefi()
    {
        const Snapshot s = uefiSystem();
        ValidMirrorSystem v;
        EXPECT_OK(check(onto(s, QStringLiteral("/dev/sdb")), s, uefiTools, &v));
        QCOMPARE(v.firmware, QStringLiteral("uefi"));
        QCOMPARE(v.partitions.size(), 4);
        QCOMPARE(v.partitions[2].mountPoint, QStringLiteral("/boot/efi")); // after /boot, which holds its mount point
        QVERIFY(v.partitions[2].esp);
        QCOMPARE(v.mirrors[2].metadata, QStringLiteral("1.0"));
        QCOMPARE(v.mirrors[2].onNew.path, QStringLiteral("/dev/sdb5"));
        QCOMPARE(v.raidNumbers, (QList<int>{2, 3, 4})); // not 5: the firmware looks for the ESP's type
        QCOMPARE(v.espNumber, 5);
        QCOMPARE(v.efiLoader, QStringLiteral("\\EFI\\debian\\shimx64.efi"));
        QCOMPARE(v.newDiskEntry, QStringLiteral("debian mirror NEW-2"));
        QCOMPARE(v.oldDiskEntry, QStringLiteral("debian mirror OLD-1"));
        QCOMPARE(v.oldEspGuid, espGuid);
        // A serial the firmware's menu could not show as it is: the kernel's name instead.
        Snapshot spaced = s;
        spaced.disks[1].serial = QStringLiteral("WD 1234\u00e9");
        ValidMirrorSystem w;
        EXPECT_OK(check(onto(spaced, QStringLiteral("/dev/sdb")), spaced, uefiTools, &w));
        QCOMPARE(w.newDiskEntry, QStringLiteral("debian mirror sdb"));

        const Plan plan = makePlan(v);
        const QString text = plan.toText();
        if (qEnvironmentVariableIsSet("SHOW_PLAN"))
            qInfo().noquote() << text;
        for (const char *command : {"--metadata=1.0 /dev/sdb5 missing", "mkfs.vfat -i",
                                    "rsync -rtx --modify-window=2 --delete /run/plexus/mirror-system-source/ /run/plexus/mirror-system/boot/efi/",
                                    "chroot /run/plexus/mirror-system grub-install --target=x86_64-efi --efi-directory=/boot/efi --no-nvram "
                                    "--bootloader-id=debian # then again with --removable",
                                    "efibootmgr -q --create --disk /dev/sdb --part 5 --label 'debian mirror NEW-2' --loader '\\EFI\\debian\\shimx64.efi'",
                                    "efibootmgr -q --create --disk /dev/sda --part 5 --label 'debian mirror OLD-1' --loader '\\EFI\\debian\\shimx64.efi' "
                                    "# after removing any entry labelled so or starting from e5e5e5e5-0000-4000-8000-000000000005"})
            QVERIFY2(text.contains(QLatin1String(command)), command);
        QVERIFY(!text.contains(QLatin1String("grub-install /dev/sd")));
        QVERIFY(text.contains(QLatin1String("restart it from /dev/sdb (its boot entry comes first in the firmware's boot order then)")));
        // The old disk's entry comes last, after every rebuild.
        QVERIFY(plan.steps.last().command.contains(QStringLiteral("/dev/sda")));
        QVERIFY(plan.steps.last().command.first() == QLatin1String("efibootmgr"));

        // The lvm layout: the ESP a mirror of its own, typed ESP in the new table.
        MirrorSystemRequest r = onto(s, QStringLiteral("/dev/sdb"));
        r.layout = QStringLiteral("lvm");
        ValidMirrorSystem l;
        EXPECT_OK(check(r, s, uefiTools, &l));
        QCOMPARE(l.mirrors.size(), 3);
        QCOMPARE(l.espNumber, 3);
        QCOMPARE(l.raidNumbers, (QList<int>{2, 4}));
        QVERIFY(l.newTable.contains("start=1052672, size=524288, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B\n"));
        QVERIFY(makePlan(l).toText().contains(QLatin1String("efibootmgr -q --create --disk /dev/sdb --part 3")));

        // Refused, changing nothing: what a UEFI start needs is missing.
        const MirrorSystemRequest toSdb = onto(s, QStringLiteral("/dev/sdb"));
        EXPECT_REFUSAL(check(toSdb, s, [](FakeSystem *sys) {
                           uefiTools(sys);
                           sys->setPrograms({QStringLiteral("grub-install"), QStringLiteral("update-grub"), QStringLiteral("update-initramfs"),
                                             QStringLiteral("rsync"), QStringLiteral("mdadm")});
                       }),
                       ErrorCode::NotFound, "no efibootmgr");
        EXPECT_REFUSAL(check(toSdb, s, [](FakeSystem *sys) { sys->setFirmware(QStringLiteral("uefi")); sys->addPath(QStringLiteral("/etc/mdadm")); }),
                       ErrorCode::NotFound, "no GRUB for UEFI (/usr/lib/grub/x86_64-efi)");
        EXPECT_REFUSAL(check(toSdb, s, [](FakeSystem *sys) { uefiTools(sys); sys->setOsReleaseId(QString()); }), ErrorCode::Invalid,
                       "/etc/os-release names no distribution");
        EXPECT_REFUSAL(check(onto(snap, QStringLiteral("/dev/sdb")), snap, uefiTools), ErrorCode::Invalid,
                       "started through UEFI, but no EFI system partition of /dev/sda is mounted");
        Snapshot espElsewhere = s;
        espElsewhere.mounts[2].device = QStringLiteral("sde");
        EXPECT_REFUSAL(check(onto(espElsewhere, QStringLiteral("/dev/sdb")), espElsewhere, uefiTools), ErrorCode::Invalid,
                       "/boot/efi is on /dev/sde and / on /dev/sda");
    }

    // The new UUIDs come from the request's stamp: the plan made again from
    // its journal reads the same; another request gets others.
    void newUuidsAreStable()
    {
        ValidMirrorSystem a, b, c;
        EXPECT_OK(check(onto(snap, QStringLiteral("/dev/sdb")), snap, {}, &a));
        EXPECT_OK(check(onto(snap, QStringLiteral("/dev/sdb")), snap, {}, &b));
        EXPECT_OK(check(onto(snap, QStringLiteral("/dev/sdb")), snap, {}, &c, QStringLiteral("20261206-080000")));
        QCOMPARE(a.partitions[0].newUuid, b.partitions[0].newUuid);
        QVERIFY(a.partitions[0].newUuid != c.partitions[0].newUuid);
        QVERIFY(a.partitions[0].newUuid != a.partitions[1].newUuid);
        QCOMPARE(makePlan(a).previews(), makePlan(b).previews());
    }

    void copyEdits()
    {
        const QByteArray dump = "label: gpt\nunit: sectors\n\n"
                                "/dev/sda1 : start=        2048, size=        2048, type=21686148-6449-6E6F-744E-656564454649\n"
                                "/dev/sda2 : start=        4096, size=     1048576, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4\n"
                                "/dev/sda10 : start=     1052672, size=     2048, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4";
        const QByteArray typed = raidTypedDump(dump, {2});
        QVERIFY(typed.contains("/dev/sda1 : start=        2048, size=        2048, type=21686148-6449-6E6F-744E-656564454649\n"));
        QVERIFY(typed.contains("/dev/sda2 : start=        4096, size=     1048576, type=A19D880F-05FC-4D3B-A006-743F0F84911E\n"));
        QVERIFY(typed.endsWith("/dev/sda10 : start=     1052672, size=     2048, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4"));
        QCOMPARE(raidTypedDump("label: dos\n/dev/sda1 : start=2048, size=100, type=83, bootable", {1}),
                 QByteArray("label: dos\n/dev/sda1 : start=2048, size=100, type=fd, bootable"));

        const QByteArray fstab = "# comment UUID=x\n  /dev/sda2\t/boot ext4 defaults 0 2\nUUID=abc / ext4 defaults 0 1\ntmpfs /tmp tmpfs defaults 0 0";
        const QByteArray edited = rewriteFstabSources(fstab, [](const FstabEntry &e) {
            return e.source == QLatin1String("/dev/sda2") ? QStringLiteral("UUID=new-boot")
                                                          : e.source == QLatin1String("UUID=abc") ? QStringLiteral("UUID=new-root") : QString();
        });
        QCOMPARE(edited, QByteArray("# comment UUID=x\n  UUID=new-boot\t/boot ext4 defaults 0 2\nUUID=new-root / ext4 defaults 0 1\n"
                                    "tmpfs /tmp tmpfs defaults 0 0"));
        QCOMPARE(replaceUuids("RESUME=UUID=ABC-1\nGRUB_CMDLINE_LINUX=\"resume=UUID=abc-1 quiet\"\n", {{QStringLiteral("abc-1"), QStringLiteral("new")}}),
                 QByteArray("RESUME=UUID=new\nGRUB_CMDLINE_LINUX=\"resume=UUID=new quiet\"\n"));
    }

    void refusals()
    {
        const MirrorSystemRequest toSdb = onto(snap, QStringLiteral("/dev/sdb"));
        EXPECT_REFUSAL(check(onto(snap, QStringLiteral("/dev/sda")), snap), ErrorCode::Invalid, "/dev/sda is the disk the system runs from");
        EXPECT_REFUSAL(check(onto(snap, QStringLiteral("/dev/sda3")), snap), ErrorCode::Invalid, "/dev/sda3 is a partition");
        EXPECT_REFUSAL(check(onto(snap, QStringLiteral("/dev/sdc")), snap), ErrorCode::TooSmall, "/dev/sdc (10.0 GiB) is too small for a copy of /dev/sda");
        EXPECT_REFUSAL(check(onto(snap, QStringLiteral("/dev/sdd")), snap), ErrorCode::Invalid, "/dev/sdd is removable media (usb)");
        MirrorSystemRequest stick = onto(snap, QStringLiteral("/dev/sdd"));
        stick.allowRemovable = true;
        EXPECT_OK(check(stick, snap));
        EXPECT_REFUSAL(check(onto(snap, QStringLiteral("/dev/sde")), snap), ErrorCode::Invalid, "ext4");

        Snapshot onMd = snap;
        onMd.arrays = {Array{}};
        onMd.arrays[0].name = QStringLiteral("md5");
        onMd.arrays[0].level = QStringLiteral("raid1");
        onMd.mounts[0].device = QStringLiteral("md5");
        EXPECT_REFUSAL(check(onto(onMd, QStringLiteral("/dev/sdb")), onMd), ErrorCode::Invalid, "already runs from the md array /dev/md5 (raid1)");
        Snapshot live = snap;
        live.mounts[0] = Mount{QString(), QStringLiteral("overlay"), QStringLiteral("/"), QStringLiteral("overlay")};
        EXPECT_REFUSAL(check(onto(live, QStringLiteral("/dev/sdb")), live), ErrorCode::Invalid, "does not start from a disk (/ is overlay)");
        const Snapshot lvm = machine(); // / on vg0/root
        EXPECT_REFUSAL(check(onto(lvm, QStringLiteral("/dev/sdb")), lvm), ErrorCode::Invalid, "/ is on /dev/dm-0, a device-mapper volume");

        EXPECT_REFUSAL(check(toSdb, snap, [](FakeSystem *s) { s->setPrograms({QStringLiteral("update-grub"), QStringLiteral("rsync")}); }),
                       ErrorCode::NotFound, "no GRUB (grub-install)");
        EXPECT_REFUSAL(check(toSdb, snap, [](FakeSystem *s) {
                           s->setPrograms({QStringLiteral("grub-install"), QStringLiteral("update-grub"), QStringLiteral("update-initramfs")});
                       }),
                       ErrorCode::NotFound, "no rsync");
        EXPECT_REFUSAL(check(toSdb, snap, [](FakeSystem *s) { s->setCrypttab(QStringLiteral("# none\nsda5_crypt UUID=1 none luks\n")); }),
                       ErrorCode::Invalid, "encrypted volumes (/etc/crypttab: sda5_crypt)");
        EXPECT_REFUSAL(check(toSdb, snap, [](FakeSystem *s) { s->setFstab(QStringLiteral("PARTUUID=1234-02 /boot ext4 defaults 0 2\n")); }),
                       ErrorCode::Invalid, "/etc/fstab mounts /boot from PARTUUID=1234-02, which the copy cannot be pointed at");

        Snapshot unmounted = snap;
        unmounted.disks[0].partitions << fs(QStringLiteral("sda5"), 5, 19 * GiB + 600 * MiB, 100 * MiB, QStringLiteral("ext4"), QStringLiteral("d-1"));
        EXPECT_REFUSAL(check(onto(unmounted, QStringLiteral("/dev/sdb")), unmounted), ErrorCode::Invalid,
                       "/dev/sda5 holds ext4 but is not mounted");
        Snapshot btrfs = snap;
        btrfs.disks[0].partitions[2].fsType = QStringLiteral("btrfs");
        EXPECT_REFUSAL(check(onto(btrfs, QStringLiteral("/dev/sdb")), btrfs), ErrorCode::Invalid, "/dev/sda3 holds btrfs (mounted on /)");
        Snapshot noBiosBoot = snap;
        noBiosBoot.disks[0].partitions[0].partTypeId = QStringLiteral("0FC63DAF-8483-4772-8E79-3D69D8477DE4");
        EXPECT_REFUSAL(check(onto(noBiosBoot, QStringLiteral("/dev/sdb")), noBiosBoot), ErrorCode::Invalid, "without a BIOS boot partition");
        Snapshot bootElsewhere = snap;
        bootElsewhere.mounts[1].device = QStringLiteral("sde");
        EXPECT_REFUSAL(check(onto(bootElsewhere, QStringLiteral("/dev/sdb")), bootElsewhere), ErrorCode::Invalid,
                       "/boot is on /dev/sde and / on /dev/sda");
    }
};

QTEST_GUILESS_MAIN(TestMirrorSystem)
#include "tst_mirrorsystem.moc"

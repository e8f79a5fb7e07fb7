// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mirrorsystem.h"

#include "copypartitiontable.h"
#include "engine/checks/refusal.h"
#include "engine/restart.h"
#include "engine/steps/bootsteps.h"
#include "engine/steps/mdsteps.h"
#include "engine/steps/partitionsteps.h"
#include "engine/steps/systemcopysteps.h"
#include "engine/steps/volumesteps.h"
#include "engine/textedits.h"
#include "model/describe.h"

#include <KLocalizedString>

#include <QSysInfo>
#include <QUuid>

#include <algorithm>

namespace plexus {

namespace {

const QString biosBootType = QStringLiteral("21686148-6449-6E6F-744E-656564454649");
const QString espType = QStringLiteral("C12A7328-F81F-11D2-BA4B-00A0C93EC93B");

bool isEsp(const Partition &p)
{
    return p.partTypeId.compare(espType, Qt::CaseInsensitive) == 0 || p.partTypeId.compare(QLatin1String("0xef"), Qt::CaseInsensitive) == 0;
}

// What / is mounted from when the system did not start from a disk of its own.
bool liveRoot(const Mount &root)
{
    static const QStringList live = {QStringLiteral("overlay"), QStringLiteral("squashfs"), QStringLiteral("iso9660"), QStringLiteral("tmpfs"),
                                     QStringLiteral("ramfs"), QStringLiteral("rootfs"), QStringLiteral("nfs"), QStringLiteral("nfs4"),
                                     QStringLiteral("9p"), QStringLiteral("virtiofs"), QStringLiteral("cifs")};
    return root.device.isEmpty() || live.contains(root.fsType);
}

// The copy's filesystem UUID: new (the old filesystem stays beside it until
// the old disk joins), and the same whenever the plan is made again from its
// journal (the request's stamp), so that a resumed plan reads as it did.
QString newUuid(const QString &stamp, const QString &oldUuid, const QString &fsType)
{
    static const QUuid space(QStringLiteral("{2f1c6f0e-62a4-4d4e-9a53-8d0c7e1f5b21}"));
    const QString uuid = QUuid::createUuidV5(space, stamp + QLatin1Char(':') + oldUuid).toString(QUuid::WithoutBraces);
    if (fsType != QLatin1String("vfat"))
        return uuid;
    const QString id = uuid.left(8).toUpper(); // a FAT volume id: 32 bits
    return id.left(4) + QLatin1Char('-') + id.mid(4);
}

// How /etc/fstab may name the partition now; each becomes UUID=NEW in the copy.
QStringList fstabNames(const MirroredPartition &p)
{
    QStringList names = {QStringLiteral("UUID=") + p.oldUuid, p.old.path, QStringLiteral("/dev/disk/by-uuid/") + p.oldUuid};
    if (!p.label.isEmpty())
        names << QStringLiteral("LABEL=") + p.label << QStringLiteral("/dev/disk/by-label/") + p.label;
    return names;
}

// A program the copy needs is missing (`program`: its name); `package`: a command that installs it.
Status refuseProgram(const QString &program, const QString &package)
{
    return notFound(mi18nc("@info %1 a program's name, %2 a command that installs it",
                          "The running system has no %1, which the copy needs to start by itself. Install it first (%2), then try again.", program,
                          package));
}

// This machine's UEFI: GRUB's platform, and the suffix of the loaders' file names.
struct EfiPlatform {
    const char *cpu;
    const char *grub;    // "x86_64-efi"
    const char *suffix;  // "x64": grubx64.efi, shimx64.efi, BOOTX64.EFI
};
const EfiPlatform *efiPlatform()
{
    static const EfiPlatform known[] = {{"x86_64", "x86_64-efi", "x64"}, {"arm64", "arm64-efi", "aa64"}, {"i386", "i386-efi", "ia32"}};
    for (const EfiPlatform &p : known)
        if (QSysInfo::buildCpuArchitecture() == QLatin1String(p.cpu))
            return &p;
    return nullptr;
}

// With UEFI: GRUB's modules for this machine's firmware, efibootmgr, and the
// distribution's name for its directory in the ESP.
Status findEfiTools(const SystemView &sys, ValidMirrorSystem *v)
{
    v->efiGrub.grubInstall = v->grubInstall;
    if (const EfiPlatform *platform = efiPlatform())
        v->efiGrub.platform = QLatin1String(platform->grub);
    if (v->efiGrub.platform.isEmpty())
        return invalid(mi18nc("@info %1 a processor architecture (x86_64)", "Plexus does not know how GRUB starts a %1 computer through UEFI.",
                             QSysInfo::buildCpuArchitecture()));
    if (!sys.exists(QStringLiteral("/usr/lib/grub/") + v->efiGrub.platform))
        return notFound(mi18nc("@info %1 GRUB's platform (x86_64-efi), %2 commands that install it",
                              "The running system has no GRUB for UEFI (/usr/lib/grub/%1), which the copy needs to start by itself. "
                              "Install it first (%2), then try again.",
                              v->efiGrub.platform, QStringLiteral("apt install grub-efi-amd64-bin, or dnf install grub2-efi-x64-modules")));
    if (!sys.hasProgram(QStringLiteral("efibootmgr")))
        return notFound(mi18nc("@info %1 a command that installs efibootmgr",
                              "The running system has no efibootmgr, which gives each disk a boot entry in the firmware so that the copy "
                              "starts by itself. Install it first (%1), then try again.",
                              QStringLiteral("apt install efibootmgr")));
    v->efiGrub.bootloaderId = sys.osReleaseId();
    if (v->efiGrub.bootloaderId.isEmpty())
        return invalid(mi18n("/etc/os-release names no distribution (ID=), so Plexus cannot tell where in the EFI system partition "
                            "its GRUB belongs."));
    return {};
}

// The tools of the running system (the copy has the same) that make the copy start.
Status findBootTools(const SystemView &sys, ValidMirrorSystem *v)
{
    v->firmware = sys.firmware() == QLatin1String("uefi") ? QStringLiteral("uefi") : QStringLiteral("bios");
    if (sys.hasProgram(QStringLiteral("grub-install")))
        v->grubInstall = QStringLiteral("grub-install");
    else if (sys.hasProgram(QStringLiteral("grub2-install")))
        v->grubInstall = QStringLiteral("grub2-install");
    else
        return refuseProgram(QStringLiteral("GRUB (grub-install)"), QStringLiteral("apt install grub-pc, or dnf install grub2-pc"));
    if (sys.hasProgram(QStringLiteral("update-grub")))
        v->grubConfig = {QStringLiteral("update-grub")};
    else if (sys.hasProgram(QStringLiteral("grub2-mkconfig")))
        v->grubConfig = {QStringLiteral("grub2-mkconfig"), QStringLiteral("-o"), QStringLiteral("/boot/grub2/grub.cfg")};
    else
        return notFound(mi18nc("@info %1 a command that installs the tool",
                              "The running system has no tool that writes GRUB's menu (update-grub or grub2-mkconfig), which the copy needs "
                              "to start by itself. Install it first (%1), then try again.",
                              QStringLiteral("apt install grub2-common")));
    if (sys.hasProgram(QStringLiteral("update-initramfs")))
        v->initramfs = {QStringLiteral("update-initramfs"), QStringLiteral("-u"), QStringLiteral("-k"), QStringLiteral("all")};
    else if (sys.hasProgram(QStringLiteral("dracut")))
        v->initramfs = {QStringLiteral("dracut"), QStringLiteral("--force"), QStringLiteral("--regenerate-all")};
    else
        return notFound(mi18nc("@info %1 a command that installs the tool",
                              "The running system has no tool that makes the initramfs (update-initramfs or dracut), which the copy needs "
                              "to start by itself. Install it first (%1), then try again.",
                              QStringLiteral("apt install initramfs-tools")));
    if (!sys.hasProgram(QStringLiteral("rsync")))
        return refuseProgram(QStringLiteral("rsync"), QStringLiteral("apt install rsync"));
    if (!sys.hasProgram(QStringLiteral("mdadm")))
        return refuseProgram(QStringLiteral("mdadm"), QStringLiteral("apt install mdadm"));
    v->mdadmConf = sys.exists(QStringLiteral("/etc/mdadm")) ? QStringLiteral("/etc/mdadm/mdadm.conf") : QStringLiteral("/etc/mdadm.conf");
    if (v->firmware == QLatin1String("uefi"))
        if (Status s = findEfiTools(sys, v); !s)
            return s;
    for (const QString &line : sys.crypttab().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty() && !line.trimmed().startsWith(QLatin1Char('#')))
            return invalid(mi18nc("@info %1 the name of an encrypted volume in /etc/crypttab",
                                 "The system has encrypted volumes (/etc/crypttab: %1). Plexus does not mirror encrypted systems yet.",
                                 line.trimmed().section(QLatin1Char(' '), 0, 0)));
    return {};
}

// Each partition of the system disk: mirrored (mounted or swap), left to the
// table copy (BIOS boot, empty), or refused (data nobody could reach after).
Status choosePartitions(const Validator &checks, const Disk &disk, ValidMirrorSystem *v)
{
    const Snapshot &snap = checks.snapshot();
    bool biosBoot = false;
    for (const Partition &p : disk.partitions) {
        const QString path = QStringLiteral("/dev/") + p.name;
        if (p.partTypeId.compare(biosBootType, Qt::CaseInsensitive) == 0) {
            biosBoot = true;
            continue;
        }
        QStringList mountPoints;
        for (const Mount *m : snap.mountsOf(p.name))
            mountPoints << m->mountPoint;
        const bool swap = snap.isSwap(p.name);
        if (mountPoints.isEmpty() && !swap) {
            if (p.fsType.isEmpty())
                continue; // nothing on it: the table copy gives the new disk the same empty partition
            return invalid(mi18nc("@info %1 a partition, %2 its filesystem type, %3 the system disk",
                                 "%1 holds %2 but is not mounted, so it would not be copied, and it is wiped when %3 joins the mirrors "
                                 "after the restart. Mount it (it is then mirrored too), or move its data elsewhere and erase it first.",
                                 path, p.fsType, QStringLiteral("/dev/") + disk.name));
        }
        static const QStringList copyable = {QStringLiteral("ext2"), QStringLiteral("ext3"), QStringLiteral("ext4"), QStringLiteral("xfs"),
                                             QStringLiteral("vfat"), QStringLiteral("swap")};
        if (!copyable.contains(p.fsType)) {
            const QString fs = p.fsType.isEmpty() ? i18nc("@info what a partition holds", "an unknown filesystem") : p.fsType;
            if (mountPoints.isEmpty())
                return invalid(mi18nc("@info %1 a partition, %2 its filesystem type (or 'an unknown filesystem')",
                                     "%1 holds %2, which Plexus cannot copy faithfully yet (it copies ext2/3/4, xfs, vfat and swap "
                                     "file by file; btrfs subvolumes and snapshots would not survive that).",
                                     path, fs));
            return invalid(mi18nc("@info %1 a partition, %2 its filesystem type (or 'an unknown filesystem'), %3 where it is mounted",
                                 "%1 holds %2 (mounted on %3), which Plexus cannot copy faithfully yet (it copies ext2/3/4, xfs, vfat and swap "
                                 "file by file; btrfs subvolumes and snapshots would not survive that).",
                                 path, fs, mountPoints.first()));
        }
        if (p.uuid.isEmpty())
            return invalid(mi18nc("@info %1 a partition", "%1 has no filesystem UUID, so the copy could not tell its filesystem from the old one.", path));
        std::sort(mountPoints.begin(), mountPoints.end(), [](const QString &a, const QString &b) { return a.size() < b.size(); });
        MirroredPartition m;
        if (Status s = checks.resolve(deviceSpecFor(snap, path), &m.old); !s)
            return s;
        m.fsType = p.fsType;
        m.label = p.label;
        m.oldUuid = p.uuid;
        m.newUuid = newUuid(checks.stamp(), p.uuid, p.fsType);
        m.mountPoint = swap ? QString() : mountPoints.first();
        m.number = p.number;
        m.esp = isEsp(p);
        m.readAsIs = m.mountPoint == QLatin1String("/boot") || m.mountPoint == QLatin1String("/boot/efi") || m.esp;
        if (m.esp && v->table == QLatin1String("gpt")) // MBR entries name the disk's id, not a partition GUID
            v->oldEspGuid = p.partUuid;
        v->partitions << m;
    }
    if (v->firmware == QLatin1String("bios") && v->table == QLatin1String("gpt") && !biosBoot)
        return invalid(mi18nc("@info %1 the system disk",
                             "%1 has a GPT partition table without a BIOS boot partition, where GRUB keeps its core on such a disk: "
                             "GRUB could not be installed on the new disk. Add a 1 MiB BIOS boot partition to %1 first.",
                             v->systemDisk.path));
    if (v->table == QLatin1String("dos") && !disk.partitions.isEmpty() && disk.partitions.first().startBytes < 1024 * 1024)
        return invalid(mi18nc("@info %1 the system disk",
                             "%1's first partition starts before 1 MiB, leaving GRUB no room for its core. Plexus cannot mirror that layout.",
                             v->systemDisk.path));
    // Mount order: each filesystem after the one its mount point is in ("/" before "/boot"); swap last.
    std::stable_sort(v->partitions.begin(), v->partitions.end(), [](const MirroredPartition &a, const MirroredPartition &b) {
        const int la = a.mountPoint.isEmpty() ? 1 << 20 : int(a.mountPoint.size());
        const int lb = b.mountPoint.isEmpty() ? 1 << 20 : int(b.mountPoint.size());
        return la < lb;
    });
    return {};
}

// The copy's fstab names each mirrored filesystem by its new UUID: every entry
// for them must name them in a way that can be told apart and rewritten.
Status mapFstab(const SystemView &sys, const ValidMirrorSystem &v, QMap<QString, QString> *sources)
{
    for (const FstabEntry &e : fstabEntries(sys.fstab().toUtf8())) {
        for (const MirroredPartition &p : v.partitions) {
            const bool sameMount = !p.mountPoint.isEmpty() && e.mountPoint == p.mountPoint;
            if (fstabSourceIsOneOf(e.source, fstabNames(p))) {
                sources->insert(e.source, QStringLiteral("UUID=") + p.newUuid);
                break;
            }
            if (sameMount)
                return invalid(mi18nc("@info %1 a mount point, %2 how /etc/fstab names its device, %3 a filesystem UUID",
                                     "/etc/fstab mounts %1 from %2, which the copy cannot be pointed at. Write it as UUID=%3 "
                                     "(its filesystem's UUID) first.",
                                     e.mountPoint, e.source, p.oldUuid));
        }
    }
    return {};
}

// A boot entry's label: the distribution and the disk as its serial number
// says (the firmware merges entries that have the same label), or as the
// kernel names it (`byName`, or a serial the firmware's menu could not show).
QString entryLabel(const QString &id, const Disk &disk, bool byName = false)
{
    const QString serial = disk.serial.left(36);
    const bool printable = std::all_of(serial.begin(), serial.end(), [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
    return QStringLiteral("%1 mirror %2").arg(id, byName || serial.isEmpty() || !printable ? disk.name : serial);
}

// With UEFI: the ESP (mirrored like the rest), where it is mounted, what the
// boot entries start (what the distribution installed there), their labels.
Status chooseEfi(const SystemView &sys, const Disk &disk, const Disk &target, ValidMirrorSystem *v)
{
    const MirroredPartition *esp = nullptr;
    for (const MirroredPartition &p : v->partitions) {
        if (!p.esp)
            continue;
        if (esp)
            return invalid(mi18nc("@info %1 the system disk, %2 and %3 partitions",
                                 "%1 has two EFI system partitions (%2 and %3): Plexus cannot tell which one the firmware starts.",
                                 v->systemDisk.path, esp->old.path, p.old.path));
        esp = &p;
    }
    if (!esp)
        return invalid(mi18nc("@info %1 the system disk",
                             "This computer started through UEFI, but no EFI system partition of %1 is mounted: the new disk could "
                             "not start the system. Mount it on /boot/efi (as /etc/fstab says), then try again.",
                             v->systemDisk.path));
    if (esp->mountPoint != QLatin1String("/boot/efi") && esp->mountPoint != QLatin1String("/efi"))
        return invalid(mi18nc("@info %1 a partition, %2 where it is mounted",
                             "%1, the EFI system partition, is mounted on %2: GRUB looks for it on /boot/efi or /efi.", esp->old.path,
                             esp->mountPoint));
    v->efiGrub.efiDirectory = esp->mountPoint;
    const QString id = v->efiGrub.bootloaderId;
    const QString arch = QLatin1String(efiPlatform()->suffix); // findEfiTools refused an unknown one
    // Behind Secure Boot, the firmware starts shim, which starts GRUB.
    const QString loader = sys.exists(QStringLiteral("%1/EFI/%2/shim%3.efi").arg(esp->mountPoint, id, arch)) ? QStringLiteral("shim") : QStringLiteral("grub");
    v->efiLoader = QStringLiteral("\\EFI\\%1\\%2%3.efi").arg(id, loader, arch);
    v->efiGrub.removable = sys.exists(QStringLiteral("%1/EFI/BOOT/BOOT%2.EFI").arg(esp->mountPoint, arch.toUpper()));
    v->newDiskEntry = entryLabel(id, target);
    v->oldDiskEntry = entryLabel(id, disk);
    if (v->newDiskEntry == v->oldDiskEntry) {
        v->newDiskEntry = entryLabel(id, target, true);
        v->oldDiskEntry = entryLabel(id, disk, true);
    }
    return {};
}

// The next free /dev/mdN, from *from on.
QString freeArray(const Validator &checks, int *from)
{
    for (;; ++*from) {
        const QString name = QStringLiteral("md%1").arg(*from);
        if (!checks.snapshot().array(name) && !checks.system().exists(QStringLiteral("/dev/") + name))
            return QStringLiteral("/dev/") + name;
    }
}

// 1.0 sits at the end of the partition: GRUB and firmware see a plain filesystem.
QString metadataFor(bool readAsIs)
{
    return readAsIs ? QStringLiteral("1.0") : QStringLiteral("1.2");
}

// The same layout: each partition a mirror of its own, of the same number on both disks.
void sameLayout(const Validator &checks, ValidMirrorSystem *v)
{
    int next = 0;
    for (MirroredPartition &p : v->partitions) {
        SystemMirror m;
        m.array = freeArray(checks, &next);
        ++next;
        m.metadata = metadataFor(p.readAsIs);
        m.onNew = Validator::futurePartition(v->newDisk.name, p.number, p.old.sizeBytes);
        m.onOld = p.old;
        p.mirror = p.device = m.array;
        v->mirrors << m;
        if (p.esp)
            v->espNumber = p.number; // keeps its type
        else
            v->raidNumbers << p.number;
    }
    std::sort(v->raidNumbers.begin(), v->raidNumbers.end());
}

constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 extent = 4 * MiB; // LVM's default extent
// What md (its superblock, bitmap and the data offset mdadm leaves before the
// data: up to 128 MiB) and LVM (its label and metadata) take of the big mirror.
constexpr qint64 mirrorOverhead = 132 * MiB;

qint64 roundUp(qint64 bytes, qint64 unit) { return (bytes + unit - 1) / unit * unit; }

// A volume's name after its mount point: "/" root, "/var/log" var_log, swap swap.
QString volumeName(const MirroredPartition &p, const QStringList &taken)
{
    QString name = p.mountPoint.isEmpty() ? QStringLiteral("swap") : p.mountPoint == QLatin1String("/") ? QStringLiteral("root") : p.mountPoint.mid(1);
    for (QChar &c : name)
        if (!c.isLetterOrNumber() || c.unicode() > 127)
            c = QLatin1Char('_');
    const QString base = name;
    for (int n = 2; taken.contains(name); ++n)
        name = base + QString::number(n);
    return name;
}

// The lvm layout: /boot (when it has a partition of its own)
// and the ESP each a mirror with metadata 1.0, everything else volumes of the
// group rootvg on one big mirror filling the rest of the smaller disk. The new
// disk's partitions are written from a script; after the restart the old disk
// gets the same.
Status lvmLayout(const Validator &checks, const Disk &disk, const Disk &target, ValidMirrorSystem *v)
{
    if (!checks.system().hasProgram(QStringLiteral("lvm")))
        return notFound(mi18nc("@info %1 a command that installs the LVM tools",
                              "The running system has no LVM tools (lvm), which the copy needs to find its volumes when it starts. "
                              "Install it first (%1), then try again.",
                              QStringLiteral("apt install lvm2")));
    v->volumeGroup = QStringLiteral("rootvg");
    for (const VolumeGroup &g : checks.snapshot().volumeGroups)
        if (g.name == v->volumeGroup)
            return invalid(mi18n("This machine has a volume group named rootvg already, which the copy's own would clash with. "
                                "Rename it (vgrename) first, or choose the same layout."));
    QByteArray script = "label: " + v->table.toUtf8() + '\n';
    qint64 start = MiB;
    int number = 0;
    auto add = [&](qint64 size, const QByteArray &type) {
        script += QByteArray("start=") + QByteArray::number(start / 512) + ", size=" + QByteArray::number(size / 512) + ", type=" + type + '\n';
        start += size;
        return ++number;
    };
    if (v->table == QLatin1String("gpt"))
        add(MiB, biosBootType.toUtf8());
    // The big mirror ends where both disks still have room (the GPT's backup at the end).
    const qint64 end = (std::min(disk.sizeBytes, target.sizeBytes) - MiB) / MiB * MiB;
    SystemMirror bigMirror;
    int next = 0;
    for (MirroredPartition &p : v->partitions) {
        if (!p.readAsIs)
            continue;
        const qint64 size = roundUp(p.old.sizeBytes, MiB);
        const int n = add(size, p.esp ? espType.toUtf8() : QByteArray("R"));
        SystemMirror m;
        m.array = freeArray(checks, &next);
        ++next;
        m.metadata = metadataFor(true);
        m.onNew = Validator::futurePartition(v->newDisk.name, n, size);
        m.onOld = Validator::futurePartition(v->systemDisk.name, n, size);
        p.mirror = p.device = m.array;
        v->mirrors << m;
        if (p.esp)
            v->espNumber = n;
        else
            v->raidNumbers << n;
    }
    if (end - start < 1024 * MiB)
        return tooSmall(mi18nc("@info %1 a disk", "%1 leaves less than 1 GiB for the volumes after /boot: too small for this layout.", v->newDisk.path));
    const qint64 bigSize = end - start;
    const int n = add(bigSize, "R");
    bigMirror.array = freeArray(checks, &next);
    bigMirror.metadata = metadataFor(false);
    bigMirror.onNew = Validator::futurePartition(v->newDisk.name, n, bigSize);
    bigMirror.onOld = Validator::futurePartition(v->systemDisk.name, n, bigSize);
    v->mirrors << bigMirror;
    v->raidNumbers << n;
    v->newTable = script;

    // Each volume as big as its partition; / takes what is left if that is less.
    QStringList taken;
    qint64 others = 0;
    MirroredPartition *root = nullptr;
    for (MirroredPartition &p : v->partitions) {
        if (!p.mirror.isEmpty())
            continue; // /boot, the ESP
        p.mirror = bigMirror.array;
        p.volume = volumeName(p, taken);
        taken << p.volume;
        p.device = QStringLiteral("/dev/%1/%2").arg(v->volumeGroup, p.volume);
        p.volumeBytes = roundUp(p.old.sizeBytes, extent);
        if (p.mountPoint == QLatin1String("/"))
            root = &p;
        else
            others += p.volumeBytes;
    }
    if (root) {
        const qint64 left = (bigSize - mirrorOverhead - others) / extent * extent;
        root->volumeBytes = std::min(root->volumeBytes, left);
        if (root->volumeBytes < 512 * MiB)
            return tooSmall(mi18nc("@info %1 a disk, %2 a size", "%1 leaves %2 for / after the other volumes: too small to copy the system onto.",
                                  v->newDisk.path, humanSize(std::max<qint64>(0, left))));
    }
    return {};
}

} // namespace

QString MirrorSystemRequest::title() const
{
    return i18nc("@title %1 a disk", "Mirror the running system onto %1", deviceName(disk.path));
}

Status validate(const Validator &checks, const MirrorSystemRequest &r, ValidMirrorSystem *out)
{
    *out = {};
    const Snapshot &snap = checks.snapshot();
    const Mount *root = nullptr;
    for (const Mount &m : snap.mounts)
        if (m.mountPoint == QLatin1String("/"))
            root = &m; // the last mount on / is the one in use
    if (!root || liveRoot(*root))
        return invalid(mi18nc("@info %1 the filesystem type of / (overlay, nfs), or 'unknown'",
                             "The running system does not start from a disk (/ is %1): it runs from a live medium or over the network, "
                             "so there is no system disk to mirror. Install the system on a disk first.",
                             root ? Message::plain(root->fsType) : mi18nc("@info the filesystem type of /, when nothing is mounted on it", "unknown")));
    if (const Array *a = snap.array(root->device))
        return invalid(mi18nc("@info %1 an md array's kernel name, %2 its RAID level (raid1) or 'inactive'",
                             "The system already runs from the md array /dev/%1 (%2). To give it another disk, add the disk to that array.",
                             a->name, a->level ? Message::plain(*a->level) : mi18nc("@info an md array's state, shown in place of its RAID level", "inactive")));
    const Disk *disk = snap.diskOf(root->device);
    if (!disk)
        return invalid(mi18nc("@info %1 a kernel device name (dm-0)",
                             "/ is on /dev/%1, a device-mapper volume (LVM or encryption). Plexus mirrors a system whose filesystems "
                             "are on partitions of one disk.",
                             root->device));
    if (disk->name == root->device || disk->partitions.isEmpty())
        return invalid(mi18nc("@info %1 a disk's kernel name",
                             "/ fills the whole disk /dev/%1, without partitions: a mirror of it would leave no room for a boot loader.", disk->name));
    static const QStringList bootMounts = {QStringLiteral("/boot"), QStringLiteral("/boot/efi"), QStringLiteral("/efi")};
    for (const Mount &m : snap.mounts) {
        const Disk *on = bootMounts.contains(m.mountPoint) && !m.device.isEmpty() ? snap.diskOf(m.device) : nullptr;
        if (on && on->name != disk->name)
            return invalid(mi18nc("@info %1 a mount point (/boot), %2 and %3 disks' kernel names",
                                 "%1 is on /dev/%2 and / on /dev/%3: Plexus mirrors a system that one disk starts by itself.", m.mountPoint,
                                 on->name, disk->name));
    }

    if (!r.layout.isEmpty() && r.layout != QLatin1String("same") && r.layout != QLatin1String("lvm"))
        return invalid(mi18nc("@info 'same' and 'lvm' are option values, do not translate them; %1 the value given",
                             "The layout is same (a mirror for each partition) or lvm (/boot a mirror, the rest LVM volumes on one big mirror), not '%1'.", r.layout.left(40)));
    ValidMirrorSystem v;
    if (Status s = checks.resolve(deviceSpecFor(snap, QStringLiteral("/dev/") + disk->name), &v.systemDisk); !s)
        return s;
    if (Status s = checks.resolve(r.disk, &v.newDisk); !s)
        return s;
    if (!v.newDisk.wholeDisk)
        return invalid(mi18nc("@info %1 a partition, %2 its disk's kernel name",
                             "%1 is a partition: give the whole disk to copy the system onto (for example /dev/%2).", v.newDisk.path,
                             v.newDisk.diskName));
    if (v.newDisk.name == disk->name)
        return invalid(mi18nc("@info %1 a disk", "%1 is the disk the system runs from: choose a second disk to copy it onto.", v.newDisk.path));
    const Disk *target = snap.disk(v.newDisk.name);
    if ((target->removable || target->bus == QLatin1String("usb")) && !r.allowRemovable)
        return invalid(mi18nc("@info %1 a disk, %2 its bus (usb) or 'removable'; allow_removable is an option's name, do not translate it",
                             "%1 is removable media (%2): a machine that needs it to start stops starting when it is pulled out. "
                             "Choose a disk inside the machine, or say allow_removable if you mean it.",
                             v.newDisk.path, target->bus.isEmpty() ? mi18nc("@info a disk's bus, when it is not known", "removable") : Message::plain(target->bus)));
    if (target->sizeBytes < disk->layoutBytes())
        return tooSmall(mi18nc("@info %1 a disk, %2 its size, %3 the system disk, %4 a size",
                              "%1 (%2) is too small for a copy of %3, whose partitions need %4. Choose a disk of at least %4.", v.newDisk.path,
                              humanSize(target->sizeBytes), v.systemDisk.path, humanSize(disk->layoutBytes())));
    if (Status s = checks.checkFree(v.newDisk, {r.overwrite, false}); !s)
        return s;
    if (!checks.system().mdPersonalityAvailable(QStringLiteral("raid1")))
        return notFound(mi18n("This kernel cannot run RAID-1 arrays (no raid1 module): the system could not start from the mirrors."));
    if (Status s = findBootTools(checks.system(), &v); !s)
        return s;
    v.table = disk->partitionTable;
    v.newDiskHadTable = !target->partitionTable.isEmpty() || !target->partitions.isEmpty();
    if (Status s = choosePartitions(checks, *disk, &v); !s)
        return s;
    if (v.firmware == QLatin1String("uefi"))
        if (Status s = chooseEfi(checks.system(), *disk, *target, &v); !s)
            return s;
    if (Status s = mapFstab(checks.system(), v, &v.fstabSources); !s)
        return s;
    v.layout = r.layout.isEmpty() ? QStringLiteral("same") : r.layout;
    if (v.layout == QLatin1String("lvm")) {
        if (Status s = lvmLayout(checks, *disk, *target, &v); !s)
            return s;
    } else {
        sameLayout(checks, &v);
    }
    v.target = QStringLiteral("/run/plexus/mirror-system");
    *out = v;
    return {};
}

Plan makePlan(const ValidMirrorSystem &v)
{
    Plan plan;
    const QString oldDisk = v.systemDisk.path, newDisk = v.newDisk.path;
    const bool lvm = v.layout == QLatin1String("lvm");
    const bool uefi = v.firmware == QLatin1String("uefi");
    QStringList arrays;
    for (const SystemMirror &m : v.mirrors)
        arrays << m.array;
    QMap<QString, QString> uuids;
    const MirroredPartition *root = nullptr;
    for (const MirroredPartition &p : v.partitions) {
        uuids.insert(p.oldUuid, p.newUuid);
        if (p.mountPoint == QLatin1String("/"))
            root = &p;
    }
    const int count = int(arrays.size());
    plan.summary = lvm ? i18ncp("@info %1 how many mirrors, %2 the system disk, %3 the new disk, %4 the mirrors, %5 a volume group",
                                "Copy the running system from %2 onto %3 as %1 RAID-1 mirror (%4) with its volumes in the LVM group %5, start it "
                                "from them after a restart, then make %2 the mirrors' second half.",
                                "Copy the running system from %2 onto %3 as %1 RAID-1 mirrors (%4) with its volumes in the LVM group %5, start it "
                                "from them after a restart, then make %2 the mirrors' second half.",
                                count, oldDisk, newDisk, listNames(arrays), v.volumeGroup)
                       : i18ncp("@info %1 how many mirrors, %2 the system disk, %3 the new disk, %4 the mirrors",
                                "Copy the running system from %2 onto %3 as %1 RAID-1 mirror (%4), start it from them after a restart, "
                                "then make %2 the mirrors' second half.",
                                "Copy the running system from %2 onto %3 as %1 RAID-1 mirrors (%4), start it from them after a restart, "
                                "then make %2 the mirrors' second half.",
                                count, oldDisk, newDisk, listNames(arrays));
    for (const MirroredPartition &p : v.partitions) {
        const QString what = p.mountPoint.isEmpty()
            ? i18nc("@item a partition (its filesystem type)", "%1 (%2)", p.old.path, p.fsType)
            : i18nc("@item a partition (its filesystem type on its mount point)", "%1 (%2 on %3)", p.old.path, p.fsType, p.mountPoint);
        if (!p.volume.isEmpty())
            plan.notes << i18nc("@info %1 a partition (its filesystem), %2 a logical volume, %3 its size, %4 a mirror",
                                "%1 becomes the volume %2 (%3) on %4.", what, p.device, humanSize(p.volumeBytes), p.mirror);
        else
            plan.notes << i18nc("@info %1 a partition (its filesystem), %2 a mirror", "%1 becomes %2.", what, p.mirror);
    }
    for (const SystemMirror &m : v.mirrors) {
        if (m.metadata == QLatin1String("1.0"))
            plan.notes << i18nc("@info %1 a mirror, %2 and %3 partitions, %4 an md metadata version (1.0)",
                                "%1 mirrors %2 and, after the restart, %3: metadata %4 (at the end, so GRUB and the firmware read it as a plain "
                                "filesystem).",
                                m.array, m.onNew.path, m.onOld.path, m.metadata);
        else
            plan.notes << i18nc("@info %1 a mirror, %2 and %3 partitions, %4 an md metadata version (1.2)",
                                "%1 mirrors %2 and, after the restart, %3: metadata %4.", m.array, m.onNew.path, m.onOld.path, m.metadata);
    }
    plan.notes << i18nc("@info %1 the system disk",
                        "Nothing on %1 changes before the restart: until it joins the mirrors, starting from it gives back the system as it is now.",
                        oldDisk);
    plan.notes << i18nc("@info %1 the system disk, %2 the new disk",
                        "After the restart, %1 gets %2's partitions and the mirrors' copies overwrite what it held: the system "
                        "then lives on both disks.",
                        oldDisk, newDisk);
    plan.notes << i18n("Files written after the copy's second pass are not in the copy: stop what writes a lot (databases, mail) first.");
    if (uefi)
        plan.notes << i18nc("@info %1 and %2 boot entries' labels, %3 a boot loader's path in the EFI system partition",
                            "The firmware starts each disk from a boot entry of its own, \"%1\" and (after the restart) \"%2\", "
                            "both starting %3 from the disk's half of the EFI system partition's mirror.",
                            v.newDiskEntry, v.oldDiskEntry, v.efiLoader);
    if (uefi)
        plan.notes << i18nc("@info %1 the new disk",
                            "Plexus never restarts the computer itself: when the copy is ready, restart it from %1 (its boot entry comes first "
                            "in the firmware's boot order then); Plexus then goes on by itself.",
                            newDisk);
    else
        plan.notes << i18nc("@info %1 the new disk, %2 the system disk",
                            "Plexus never restarts the computer itself: when the copy is ready, restart it from %1 (choose %1 in the firmware's "
                            "boot menu if it starts from %2 again); Plexus then goes on by itself.",
                            newDisk, oldDisk);

    if (lvm) {
        QStringList made;
        for (const SystemMirror &m : v.mirrors)
            made << m.onNew.name;
        plan.steps << writeTableSteps(v.newDisk, v.newDiskHadTable, v.newTable,
                                      i18nc("@info inserted into 'Give /dev/sdb new partitions: %1, wiping old signatures where they start'; "
                                            "%1 partitions' kernel names (sdb2 and sdb3)",
                                            "%1 typed Linux RAID", listNames(made)),
                                      made);
    } else {
        plan.steps << copyTableSteps(ValidCopyTable{v.systemDisk, v.newDisk, v.table, int(v.raidNumbers.size()), v.newDiskHadTable, v.raidNumbers});
    }
    for (const SystemMirror &m : v.mirrors) {
        actions::CreateParams c;
        c.array = m.array;
        c.level = QStringLiteral("raid1");
        c.devices = {m.onNew.path, QStringLiteral("missing")};
        c.metadata = m.metadata;
        plan.steps << createArrayStep(c,
                                      i18nc("@info %1 a mirror, %2 and %3 partitions, %4 an md metadata version",
                                            "Create the mirror %1 from %2 and a missing slot, which %3 fills after the restart (metadata %4)", m.array,
                                            m.onNew.path, m.onOld.path, m.metadata),
                                      {m.onNew});
    }
    if (lvm) {
        ResolvedDevice big;
        big.path = v.mirrors.last().array;
        big.name = deviceName(big.path);
        big.kind = ResolvedDevice::Array;
        plan.steps << createPhysicalVolumeStep(big);
        plan.steps << createVolumeGroupStep(v.volumeGroup, {big});
        for (const MirroredPartition &p : v.partitions)
            if (!p.volume.isEmpty())
                plan.steps << createVolumeStep(v.volumeGroup, p.volume, VolumeSize{quint64(p.volumeBytes)}, 1, 0);
    }
    for (const MirroredPartition &p : v.partitions)
        plan.steps << makeFilesystemStep(p.device, p.fsType, p.label, p.newUuid);
    for (const MirroredPartition &p : v.partitions) {
        if (p.mountPoint.isEmpty())
            continue;
        const QString at = p.mountPoint == QLatin1String("/") ? v.target : v.target + p.mountPoint;
        plan.steps << mountCopyStep(p.device, at);
        plan.steps << copyFilesStep(p.old.path, p.fsType, p.mountPoint, v.target + QStringLiteral("-source"), at);
    }
    plan.steps << writeCopyMdadmConfStep(v.target, v.mdadmConf, arrays);
    plan.steps << pointCopyAtArraysStep(v.target, v.fstabSources, uuids);
    plan.steps << bindSystemStep(v.target);
    plan.steps << inCopyStep(v.target, v.initramfs,
                             lvm ? i18nc("@info %1 a volume group",
                                         "Make the copy's initramfs anew, with its mdadm.conf, so that it assembles the mirrors at boot and starts "
                                         "the volume group %1",
                                         v.volumeGroup)
                                 : i18n("Make the copy's initramfs anew, with its mdadm.conf, so that it assembles the mirrors at boot"));
    if (uefi) {
        plan.steps << installEfiGrubStep(v.target, v.efiGrub);
        plan.steps << bootEntryStep(newDisk, v.espNumber, v.newDiskEntry, v.efiLoader);
    } else {
        plan.steps << installGrubStep(v.grubInstall, newDisk, v.target);
    }
    plan.steps << inCopyStep(v.target, v.grubConfig,
                             i18nc("@info %1 a device (a mirror or a logical volume)", "Write the copy's GRUB menu anew: it starts the kernel with / on %1",
                                   root ? root->device : QString()));
    plan.steps << unmountCopyStep(v.target);
    plan.steps << restartStep(i18nc("@info inserted into 'Restart the computer %1 (you do it, when you are ready: ...)'; %1 the new disk",
                                    "from %1, to start the system from the mirrors", newDisk));

    if (root)
        plan.steps << checkRunsFromStep(root->device, root->old.path);
    plan.steps << copyTableSteps(ValidCopyTable{v.newDisk, v.systemDisk, v.table, int(v.raidNumbers.size()), true, v.raidNumbers});
    for (const SystemMirror &m : v.mirrors)
        plan.steps << addIntoSlotStep(m.array, deviceName(m.array), m.onOld);
    if (!uefi)
        plan.steps << installGrubStep(v.grubInstall, oldDisk);
    for (const SystemMirror &m : v.mirrors)
        plan.steps << waitRebuildStep(m.array, deviceName(m.array), m.onOld);
    // Only now: the firmware reads the old disk's half of the ESP as it is, whole once rebuilt.
    if (uefi)
        plan.steps << bootEntryStep(oldDisk, v.espNumber, v.oldDiskEntry, v.efiLoader, v.oldEspGuid);
    if (root)
        plan.handOver = journalHandOver(root->device, v.target);
    // The new partitions do not exist yet: hold the new disk.
    plan.exclusive = {newDisk};
    return plan;
}

} // namespace plexus

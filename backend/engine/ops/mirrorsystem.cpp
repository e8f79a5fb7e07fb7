// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mirrorsystem.h"

#include "copypartitiontable.h"
#include "engine/checks/refusal.h"
#include "engine/restart.h"
#include "engine/steps/mdsteps.h"
#include "engine/steps/partitionsteps.h"
#include "engine/steps/systemcopysteps.h"
#include "engine/steps/volumesteps.h"
#include "engine/textedits.h"
#include "model/describe.h"

#include <QUuid>

#include <algorithm>

namespace plexus {

namespace {

const QString biosBootType = QStringLiteral("21686148-6449-6E6F-744E-656564454649");
const QString espType = QStringLiteral("C12A7328-F81F-11D2-BA4B-00A0C93EC93B");

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

Status refuseProgram(const QString &what, const QString &package)
{
    return notFound(QStringLiteral("The running system has no %1, which the copy needs to start by itself. Install it first (%2), then try again.")
                        .arg(what, package));
}

// The tools of the running system (the copy has the same) that make the copy start.
Status findBootTools(const SystemView &sys, ValidMirrorSystem *v)
{
    if (sys.firmware() == QLatin1String("uefi"))
        return invalid(QStringLiteral("This computer started through UEFI. Plexus mirrors only systems that a BIOS (or UEFI's legacy mode) "
                                      "starts so far: an EFI system partition on each disk, with a boot entry for each, is not built yet."));
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
        return refuseProgram(QStringLiteral("tool that writes GRUB's menu (update-grub or grub2-mkconfig)"), QStringLiteral("apt install grub2-common"));
    if (sys.hasProgram(QStringLiteral("update-initramfs")))
        v->initramfs = {QStringLiteral("update-initramfs"), QStringLiteral("-u"), QStringLiteral("-k"), QStringLiteral("all")};
    else if (sys.hasProgram(QStringLiteral("dracut")))
        v->initramfs = {QStringLiteral("dracut"), QStringLiteral("--force"), QStringLiteral("--regenerate-all")};
    else
        return refuseProgram(QStringLiteral("tool that makes the initramfs (update-initramfs or dracut)"), QStringLiteral("apt install initramfs-tools"));
    if (!sys.hasProgram(QStringLiteral("rsync")))
        return refuseProgram(QStringLiteral("rsync"), QStringLiteral("apt install rsync"));
    if (!sys.hasProgram(QStringLiteral("mdadm")))
        return refuseProgram(QStringLiteral("mdadm"), QStringLiteral("apt install mdadm"));
    v->mdadmConf = sys.exists(QStringLiteral("/etc/mdadm")) ? QStringLiteral("/etc/mdadm/mdadm.conf") : QStringLiteral("/etc/mdadm.conf");
    for (const QString &line : sys.crypttab().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty() && !line.trimmed().startsWith(QLatin1Char('#')))
            return invalid(QStringLiteral("The system has encrypted volumes (/etc/crypttab: %1). Plexus does not mirror encrypted systems yet.")
                               .arg(line.trimmed().section(QLatin1Char(' '), 0, 0)));
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
            return invalid(QStringLiteral("%1 holds %2 but is not mounted, so it would not be copied, and it is wiped when %3 joins the mirrors "
                                          "after the restart. Mount it (it is then mirrored too), or move its data elsewhere and erase it first.")
                               .arg(path, p.fsType, QStringLiteral("/dev/") + disk.name));
        }
        static const QStringList copyable = {QStringLiteral("ext2"), QStringLiteral("ext3"), QStringLiteral("ext4"), QStringLiteral("xfs"),
                                             QStringLiteral("vfat"), QStringLiteral("swap")};
        if (!copyable.contains(p.fsType))
            return invalid(QStringLiteral("%1 holds %2%3, which Plexus cannot copy faithfully yet (it copies ext2/3/4, xfs, vfat and swap "
                                          "file by file; btrfs subvolumes and snapshots would not survive that).")
                               .arg(path, p.fsType.isEmpty() ? QStringLiteral("an unknown filesystem") : p.fsType,
                                    mountPoints.isEmpty() ? QString() : QStringLiteral(" (mounted on %1)").arg(mountPoints.first())));
        if (p.uuid.isEmpty())
            return invalid(QStringLiteral("%1 has no filesystem UUID, so the copy could not tell its filesystem from the old one.").arg(path));
        std::sort(mountPoints.begin(), mountPoints.end(), [](const QString &a, const QString &b) { return a.size() < b.size(); });
        MirroredPartition m;
        if (Status s = checks.resolve(deviceSpecFor(snap, path), &m.old); !s)
            return s;
        m.copy = Validator::futurePartition(v->newDisk.name, p.number, p.sizeBytes);
        m.fsType = p.fsType;
        m.label = p.label;
        m.oldUuid = p.uuid;
        m.newUuid = newUuid(checks.stamp(), p.uuid, p.fsType);
        m.mountPoint = swap ? QString() : mountPoints.first();
        const bool readAsIs = m.mountPoint == QLatin1String("/boot") || m.mountPoint == QLatin1String("/boot/efi")
                              || p.partTypeId.compare(espType, Qt::CaseInsensitive) == 0;
        m.metadata = readAsIs ? QStringLiteral("1.0") : QStringLiteral("1.2"); // 1.0 sits at the end: GRUB and firmware see a plain filesystem
        v->partitions << m;
        v->raidNumbers << p.number;
    }
    if (v->table == QLatin1String("gpt") && !biosBoot)
        return invalid(QStringLiteral("%1 has a GPT partition table without a BIOS boot partition, where GRUB keeps its core on such a disk: "
                                      "GRUB could not be installed on the new disk. Add a 1 MiB BIOS boot partition to %1 first.").arg(v->systemDisk.path));
    if (v->table == QLatin1String("dos") && !disk.partitions.isEmpty() && disk.partitions.first().startBytes < 1024 * 1024)
        return invalid(QStringLiteral("%1's first partition starts before 1 MiB, leaving GRUB no room for its core. Plexus cannot mirror that layout.")
                           .arg(v->systemDisk.path));
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
                return invalid(QStringLiteral("/etc/fstab mounts %1 from %2, which the copy cannot be pointed at. Write it as UUID=%3 "
                                              "(its filesystem's UUID) first.").arg(e.mountPoint, e.source, p.oldUuid));
        }
    }
    return {};
}

// The next free /dev/mdN.
QString freeArray(const Validator &checks, int *from)
{
    for (;; ++*from) {
        const QString name = QStringLiteral("md%1").arg(*from);
        if (!checks.snapshot().array(name) && !checks.system().exists(QStringLiteral("/dev/") + name))
            return QStringLiteral("/dev/") + name;
    }
}

} // namespace

Status validate(const Validator &checks, const MirrorSystemRequest &r, ValidMirrorSystem *out)
{
    *out = {};
    const Snapshot &snap = checks.snapshot();
    const Mount *root = nullptr;
    for (const Mount &m : snap.mounts)
        if (m.mountPoint == QLatin1String("/"))
            root = &m; // the last mount on / is the one in use
    if (!root || liveRoot(*root))
        return invalid(QStringLiteral("The running system does not start from a disk (/ is %1): it runs from a live medium or over the network, "
                                      "so there is no system disk to mirror. Install the system on a disk first.")
                           .arg(root ? root->fsType : QStringLiteral("unknown")));
    if (const Array *a = snap.array(root->device))
        return invalid(QStringLiteral("The system already runs from the md array /dev/%1 (%2). To give it another disk, add the disk to that array.")
                           .arg(a->name, a->level.value_or(QStringLiteral("inactive"))));
    const Disk *disk = snap.diskOf(root->device);
    if (!disk)
        return invalid(QStringLiteral("/ is on /dev/%1, a device-mapper volume (LVM or encryption). Plexus mirrors a system whose filesystems "
                                      "are on partitions of one disk.").arg(root->device));
    if (disk->name == root->device || disk->partitions.isEmpty())
        return invalid(QStringLiteral("/ fills the whole disk /dev/%1, without partitions: a mirror of it would leave no room for a boot loader.")
                           .arg(disk->name));
    for (const Mount &m : snap.mounts) {
        const Disk *on = m.mountPoint == QLatin1String("/boot") && !m.device.isEmpty() ? snap.diskOf(m.device) : nullptr;
        if (on && on->name != disk->name)
            return invalid(QStringLiteral("/boot is on /dev/%1 and / on /dev/%2: Plexus mirrors a system that one disk starts by itself.")
                               .arg(on->name, disk->name));
    }

    ValidMirrorSystem v;
    if (Status s = checks.resolve(deviceSpecFor(snap, QStringLiteral("/dev/") + disk->name), &v.systemDisk); !s)
        return s;
    if (Status s = checks.resolve(r.disk, &v.newDisk); !s)
        return s;
    if (!v.newDisk.wholeDisk)
        return invalid(QStringLiteral("%1 is a partition: give the whole disk to copy the system onto (for example /dev/%2).")
                           .arg(v.newDisk.path, v.newDisk.diskName));
    if (v.newDisk.name == disk->name)
        return invalid(QStringLiteral("%1 is the disk the system runs from: choose a second disk to copy it onto.").arg(v.newDisk.path));
    const Disk *target = snap.disk(v.newDisk.name);
    if ((target->removable || target->bus == QLatin1String("usb")) && !r.allowRemovable)
        return invalid(QStringLiteral("%1 is removable media (%2): a machine that needs it to start stops starting when it is pulled out. "
                                      "Choose a disk inside the machine, or say allow_removable if you mean it.")
                           .arg(v.newDisk.path, target->bus.isEmpty() ? QStringLiteral("removable") : target->bus));
    if (target->sizeBytes < disk->layoutBytes())
        return tooSmall(QStringLiteral("%1 (%2) is too small for a copy of %3, whose partitions need %4. Choose a disk of at least %4.")
                            .arg(v.newDisk.path, humanSize(target->sizeBytes), v.systemDisk.path, humanSize(disk->layoutBytes())));
    if (Status s = checks.checkFree(v.newDisk, {r.overwrite, false}); !s)
        return s;
    if (!checks.system().mdPersonalityAvailable(QStringLiteral("raid1")))
        return notFound(QStringLiteral("This kernel cannot run RAID-1 arrays (no raid1 module): the system could not start from the mirrors."));
    if (Status s = findBootTools(checks.system(), &v); !s)
        return s;
    v.table = disk->partitionTable;
    v.newDiskHadTable = !target->partitionTable.isEmpty() || !target->partitions.isEmpty();
    if (Status s = choosePartitions(checks, *disk, &v); !s)
        return s;
    if (Status s = mapFstab(checks.system(), v, &v.fstabSources); !s)
        return s;
    int next = 0;
    for (MirroredPartition &p : v.partitions)
        p.array = freeArray(checks, &next), ++next;
    v.target = QStringLiteral("/run/plexus/mirror-system");
    *out = v;
    return {};
}

Plan makePlan(const ValidMirrorSystem &v)
{
    Plan plan;
    const QString oldDisk = v.systemDisk.path, newDisk = v.newDisk.path;
    QStringList arrays;
    QMap<QString, QString> uuids;
    const MirroredPartition *root = nullptr;
    for (const MirroredPartition &p : v.partitions) {
        arrays << p.array;
        uuids.insert(p.oldUuid, p.newUuid);
        if (p.mountPoint == QLatin1String("/"))
            root = &p;
    }
    plan.summary = QStringLiteral("Copy the running system from %1 onto %2 as %3 RAID-1 mirror(s) (%4), start it from them after a restart, "
                                  "then make %1 the mirrors' second half.").arg(oldDisk, newDisk).arg(arrays.size()).arg(listNames(arrays));
    for (const MirroredPartition &p : v.partitions)
        plan.notes << QStringLiteral("%1 (%2%3) becomes %4, metadata %5%6.")
                          .arg(p.old.path, p.fsType, p.mountPoint.isEmpty() ? QString() : QStringLiteral(" on %1").arg(p.mountPoint), p.array, p.metadata,
                               p.metadata == QLatin1String("1.0") ? QStringLiteral(" (at the end, so GRUB reads it as a plain filesystem)") : QString());
    plan.notes << QStringLiteral("Nothing on %1 changes before the restart: until it joins the mirrors, starting from it gives back the system as it is now.")
                      .arg(oldDisk);
    plan.notes << QStringLiteral("After the restart, %1 gets %2's partitions and the mirrors' copies overwrite what it held: the system "
                                 "then lives on both disks.").arg(oldDisk, newDisk);
    plan.notes << QStringLiteral("Files written after the copy's second pass are not in the copy: stop what writes a lot (databases, mail) first.");
    plan.notes << QStringLiteral("Plexus never restarts the computer itself: when the copy is ready, restart it from %1 (choose %1 in the firmware's "
                                 "boot menu if it starts from %2 again); Plexus then goes on by itself.").arg(newDisk, oldDisk);

    ValidCopyTable onNew{v.systemDisk, v.newDisk, v.table, int(v.raidNumbers.size()), v.newDiskHadTable, v.raidNumbers};
    plan.steps << copyTableSteps(onNew);
    for (const MirroredPartition &p : v.partitions) {
        actions::CreateParams c;
        c.array = p.array;
        c.level = QStringLiteral("raid1");
        c.devices = {p.copy.path, QStringLiteral("missing")};
        c.metadata = p.metadata;
        plan.steps << createArrayStep(c, QStringLiteral("Create the mirror %1 from %2 and a missing slot, which %3 fills after the restart (metadata %4)")
                                             .arg(p.array, p.copy.path, p.old.path, p.metadata), {p.copy});
    }
    for (const MirroredPartition &p : v.partitions)
        plan.steps << makeFilesystemStep(p.array, p.fsType, p.label, p.newUuid);
    for (const MirroredPartition &p : v.partitions) {
        if (p.mountPoint.isEmpty())
            continue;
        const QString at = p.mountPoint == QLatin1String("/") ? v.target : v.target + p.mountPoint;
        plan.steps << mountCopyStep(p.array, at);
        plan.steps << copyFilesStep(p.old.path, p.mountPoint, v.target + QStringLiteral("-source"), at);
    }
    plan.steps << writeCopyMdadmConfStep(v.target, v.mdadmConf, arrays);
    plan.steps << pointCopyAtArraysStep(v.target, v.fstabSources, uuids);
    plan.steps << bindSystemStep(v.target);
    plan.steps << inCopyStep(v.target, v.initramfs, QStringLiteral("Make the copy's initramfs anew, with its mdadm.conf, so that it assembles the mirrors at boot"));
    plan.steps << installGrubStep(v.grubInstall, newDisk, v.target);
    plan.steps << inCopyStep(v.target, v.grubConfig, QStringLiteral("Write the copy's GRUB menu anew: it starts the kernel with / on %1").arg(root ? root->array : QString()));
    plan.steps << unmountCopyStep(v.target);
    plan.steps << restartStep(QStringLiteral("from %1, to start the system from the mirrors").arg(newDisk));

    if (root)
        plan.steps << checkRunsFromStep(root->array, root->old.path);
    ValidCopyTable onOld{v.newDisk, v.systemDisk, v.table, int(v.raidNumbers.size()), true, v.raidNumbers};
    plan.steps << copyTableSteps(onOld);
    for (const MirroredPartition &p : v.partitions)
        plan.steps << addIntoSlotStep(p.array, deviceName(p.array), p.old);
    plan.steps << installGrubStep(v.grubInstall, oldDisk);
    for (const MirroredPartition &p : v.partitions)
        plan.steps << waitRebuildStep(p.array, deviceName(p.array), p.old);
    if (root)
        plan.handOver = journalHandOver(root->array, v.target);
    // The new partitions do not exist yet: hold the new disk.
    plan.exclusive = {newDisk};
    return plan;
}

} // namespace plexus

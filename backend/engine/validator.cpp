// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "validator.h"

#include "checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"

#include <KLocalizedString>

#include <QRegularExpression>
#include <QSet>

namespace plexus {

namespace {

// NodeInfo::kind is a fixed word (it is journaled with the machine's answers):
// the sentence is chosen here, in the reader's language.
QString notBlockDevice(const QString &path, const QString &kind)
{
    if (kind == QLatin1String("regular file"))
        return i18nc("%1 a path", "%1 is a regular file, not a block device. Give a disk or partition, for example /dev/sdb1.", path);
    if (kind == QLatin1String("directory"))
        return i18nc("%1 a path", "%1 is a directory, not a block device. Give a disk or partition, for example /dev/sdb1.", path);
    if (kind == QLatin1String("character device"))
        return i18nc("%1 a path", "%1 is a character device, not a block device. Give a disk or partition, for example /dev/sdb1.", path);
    if (kind == QLatin1String("special file"))
        return i18nc("%1 a path", "%1 is a special file, not a block device. Give a disk or partition, for example /dev/sdb1.", path);
    if (kind.isEmpty())
        return i18nc("%1 a path", "%1 is a file, not a block device. Give a disk or partition, for example /dev/sdb1.", path);
    return i18nc("%1 a path, %2 what kind of file it is", "%1 is a %2, not a block device. Give a disk or partition, for example /dev/sdb1.",
                 path, kind);
}

// What usageOf() says uses `name`, as a kind (its words are for people only).
enum class Use { Mounted, Swap, Array, PhysicalVolume, Other };

Use useOf(const Snapshot &snap, const QString &name)
{
    if (!snap.mountsOf(name).isEmpty())
        return Use::Mounted;
    if (snap.isSwap(name))
        return Use::Swap;
    if (!snap.arraysUsing(name).isEmpty())
        return Use::Array;
    if (snap.physicalVolume(name))
        return Use::PhysicalVolume;
    QStringList holders;
    if (const Disk *d = snap.diskOf(name))
        holders = d->name == name ? d->holders : d->partition(name)->holders;
    if (!holders.isEmpty() && holders.first().startsWith(QLatin1String("md")))
        return Use::Array;
    return Use::Other;
}

} // namespace

QString ResolvedDevice::display() const
{
    if (missing)
        return i18nc("a device slot with no device in it", "missing");
    return i18nc("%1 a device path, %2 its size", "%1 (%2)", path, humanSize(sizeBytes));
}

Validator::Validator(const Snapshot &snapshot, const SystemView &system, const QString &stamp)
    : m_snap(snapshot), m_sys(system), m_stamp(stamp)
{
}

QString Validator::normaliseLevel(const QString &level)
{
    const RaidLevel *l = raidLevel(level);
    return l && l->creatable ? l->name : QString();
}

bool Validator::validName(const QString &name)
{
    // A leading '-' reads as an option to mdadm, a leading '.' hides the node.
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$"));
    return re.match(name).hasMatch();
}

// ---- devices ---------------------------------------------------------------

Status Validator::resolveNode(const QString &path, NodeInfo *out) const
{
    if (path.isEmpty())
        return invalid(mi18n("The request names a device with an empty path. Give its path under /dev, for example /dev/sdb1."));
    if (!path.startsWith(QLatin1String("/dev/")))
        return invalid(mi18n("'%1' is not a device path. Give the device's path under /dev, for example /dev/sdb1.", path));
    const QStringList parts = path.split(QLatin1Char('/'));
    if (parts.contains(QStringLiteral("..")) || parts.contains(QStringLiteral(".")))
        return invalid(mi18n("'%1' contains '..' or '.'. Give the device's plain path, for example /dev/sdb1.", path));
    const NodeInfo node = m_sys.node(path);
    if (!node.unsafeAt.isEmpty())
        return invalid(mi18nc("%1 a device path, %2 a directory on the way to it",
                             "%1 leads through %2, which users other than root can write, so the helper does not look there. "
                             "Give the device's own path under /dev, for example /dev/sdb1.",
                             path, node.unsafeAt));
    if (!node.exists)
        return notFound(mi18n("%1 does not exist. Check the name (plexusctl status lists the disks and partitions), or connect the disk.", path));
    if (!node.canonicalPath.startsWith(QLatin1String("/dev/")))
        return invalid(mi18nc("%1 a path, %2 where it leads", "%1 leads to %2, which is not under /dev. Give a disk or partition under /dev.", path, node.canonicalPath));
    if (!node.isBlock)
        return invalid(notBlockDevice(path, node.kind));
    *out = node;
    return {};
}

Status Validator::resolve(const DeviceSpec &spec, ResolvedDevice *out) const
{
    NodeInfo node;
    if (Status s = resolveNode(spec.path, &node); !s)
        return s;
    return resolveAt(spec, node, out);
}

Status Validator::resolveAt(const DeviceSpec &spec, const NodeInfo &node, ResolvedDevice *out) const
{
    const QString path = spec.path;
    const QString name = node.kernelName;
    const Disk *disk = m_snap.diskOf(name);
    if (!disk) {
        if (name.startsWith(QLatin1String("md")))
            return invalid(mi18nc("%1 a device path, %2 an md array", "%1 is the md array %2. Arrays are built from disks and partitions: give those.", path, name));
        if (name.startsWith(QLatin1String("dm-")))
            return invalid(mi18nc("%1 a device path, %2 its kernel name", "%1 is a device-mapper volume (%2). Plexus builds arrays from disks and partitions: give those.", path, name));
        return notFound(mi18nc("%1 a device path, %2 its kernel name", "%1 (%2) is not a disk or partition this machine lists. Check the name with plexusctl status.", path, name));
    }
    ResolvedDevice dev;
    dev.path = QStringLiteral("/dev/") + name;
    dev.name = name;
    dev.diskName = disk->name;
    dev.wholeDisk = disk->name == name;
    dev.sizeBytes = dev.wholeDisk ? disk->sizeBytes : disk->partition(name)->sizeBytes;

    if (spec.identity.isEmpty())
        return invalid(mi18n("The request names %1 without the identity of its disk (serial number or WWN) and its size, "
                            "so the helper cannot tell it is the disk you chose. Choose the device again.",
                            path));
    const bool sameDisk = spec.identity == disk->serial || spec.identity == disk->wwn || spec.identity == disk->identity();
    if (!sameDisk)
        return notFound(mi18nc("%1 a device path, %2 and %3 disk identities (serial or WWN)",
                              "%1 is now on the disk %2, not on the disk you chose (%3). Disks can be renumbered when one is "
                              "plugged in or out: choose the device again.",
                              path, disk->identity(), spec.identity));
    if (qint64(spec.sizeBytes) != dev.sizeBytes)
        return notFound(mi18nc("%1 a device path, %2 and %4 sizes, %3 and %5 the same sizes in bytes",
                              "%1 is %2 (%3 bytes) now, not %4 (%5 bytes) as you chose it: its partition table has changed. "
                              "Choose the device again.",
                              path, humanSize(dev.sizeBytes), QString::number(dev.sizeBytes), humanSize(qint64(spec.sizeBytes)),
                              QString::number(spec.sizeBytes)));
    *out = dev;
    return {};
}

Status Validator::resolveOnce(const DeviceSpec &spec, QSet<QString> *seen, ResolvedDevice *out) const
{
    if (Status s = resolve(spec, out); !s)
        return s;
    if (seen->contains(out->name))
        return invalid(mi18n("%1 is named twice in the request.", out->path));
    seen->insert(out->name);
    return {};
}

void Validator::underlyingDisks(const QString &blockName, QStringList *out, int depth) const
{
    if (depth > 8 || blockName.isEmpty())
        return;
    auto add = [out](const QString &d) {
        if (!out->contains(d))
            out->append(d);
    };
    if (const Disk *d = m_snap.diskOf(blockName)) {
        add(d->name);
        return;
    }
    if (const Array *a = m_snap.array(blockName)) {
        for (const Member &m : a->members)
            underlyingDisks(m.device, out, depth + 1);
        return;
    }
    if (blockName.startsWith(QLatin1String("dm-"))) {
        for (const VolumeGroup &vg : m_snap.volumeGroups)
            for (const LogicalVolume &lv : vg.logicalVolumes)
                if (lv.device == blockName)
                    for (const PhysicalVolume &pv : vg.physicalVolumes)
                        underlyingDisks(pv.device, out, depth + 1);
    }
    for (const QString &s : m_sys.slaves(blockName))
        underlyingDisks(s, out, depth + 1);
}

QMap<QString, QString> Validator::systemDisks() const
{
    static const QStringList systemMounts = {QStringLiteral("/"), QStringLiteral("/boot"), QStringLiteral("/boot/efi"),
                                             QStringLiteral("/usr")};
    QMap<QString, QStringList> holds;
    for (const Mount &m : m_snap.mounts) {
        if (!systemMounts.contains(m.mountPoint) || m.device.isEmpty())
            continue;
        QStringList disks;
        underlyingDisks(m.device, &disks);
        for (const QString &d : disks)
            if (!holds[d].contains(m.mountPoint))
                holds[d].append(m.mountPoint);
    }
    QMap<QString, QString> result;
    for (auto it = holds.begin(); it != holds.end(); ++it)
        result.insert(it.key(), i18nc("why a disk is the system disk; %1 mount points such as '/ and /boot'", "it holds %1", listNames(it.value())));
    return result;
}

Message Validator::usageOf(const QString &name) const
{
    const auto mounts = m_snap.mountsOf(name);
    if (!mounts.isEmpty())
        return mi18nc("follows a device path ('/dev/sdb1 is mounted on /srv'); %1 a mount point", "is mounted on %1", mounts.first()->mountPoint);
    if (m_snap.isSwap(name))
        return mi18nc("follows a device path ('/dev/sdb1 is active swap')", "is active swap");
    for (const Array *a : m_snap.arraysUsing(name)) {
        if (!a->level)
            return mi18nc("follows a device path ('/dev/sdb1 is a member of md0 (inactive)'); %1 an md array",
                         "is a member of %1 (inactive)", a->name);
        return mi18nc("follows a device path ('/dev/sdb1 is a member of md0 (raid1)'); %1 an md array, %2 its RAID level",
                     "is a member of %1 (%2)", a->name, *a->level);
    }
    if (const PhysicalVolume *pv = m_snap.physicalVolume(name))
        return mi18nc("follows a device path; %1 a volume group", "is a physical volume of the LVM volume group %1", pv->vgName);
    QStringList holders;
    if (const Disk *d = m_snap.diskOf(name))
        holders = d->name == name ? d->holders : d->partition(name)->holders;
    for (const QString &h : holders) {
        if (h.startsWith(QLatin1String("md")))
            return mi18nc("follows a device path; %1 an md array", "is held by the md array %1", h);
        return mi18nc("follows a device path; %1 a kernel device name such as dm-0",
                     "is in use by %1 (device-mapper: an LVM, encrypted or multipath volume)", h);
    }
    return {};
}

Status Validator::checkFree(const ResolvedDevice &dev, const Consent &c) const
{
    const Disk *disk = m_snap.disk(dev.diskName);
    if (!disk)
        return notFound(mi18n("%1 is gone.", dev.path));
    const bool whole = dev.wholeDisk;
    if (disk->readOnly)
        return invalid(whole ? mi18nc("%1 a disk, %2 its kernel name", "%1 is on a read-only disk (%2). Choose another disk.", dev.path, disk->name)
                             : mi18nc("%1 a partition, %2 its disk", "%1 is on a read-only disk (%2). Choose another partition.", dev.path, disk->name));

    const auto system = systemDisks();
    if (system.contains(dev.diskName) && !c.allowSystemDisk)
        return inUse(mi18nc("%1 a device, %2 its disk, %3 why it is the system disk (e.g. 'it holds / and /boot')",
                           "%1 is on %2, the disk the running system uses (%3). Choose another disk, or say allow_system_disk "
                           "if you really mean it (for example to mirror the system disk).",
                           dev.path, dev.diskName, system.value(dev.diskName)));

    // What uses it (for a whole disk: it or any of its partitions).
    QStringList names = {dev.name};
    if (dev.wholeDisk)
        for (const Partition &p : disk->partitions)
            names << p.name;
    for (const QString &n : names) {
        const Message use = usageOf(n);
        if (use.isEmpty())
            continue;
        const Message what = n == dev.name
            ? mi18nc("%1 a device, %2 what uses it (e.g. 'is mounted on /srv')", "%1 %2", dev.path, use)
            : mi18nc("%1 a disk, %2 its partition, %3 what uses the partition (e.g. 'is mounted on /srv')", "%1 has the partition %2, which %3",
                    dev.path, n, use);
        Message advice;
        switch (useOf(m_snap, n)) {
        case Use::Mounted:
            advice = whole ? mi18n("Unmount it first, or choose another disk.") : mi18n("Unmount it first, or choose another partition.");
            break;
        case Use::Swap:
            advice = whole ? mi18nc("%1 a kernel device name", "Turn it off first (swapoff /dev/%1), or choose another disk.", n)
                           : mi18nc("%1 a kernel device name", "Turn it off first (swapoff /dev/%1), or choose another partition.", n);
            break;
        case Use::Array:
            advice = whole ? mi18n("Remove it from that array (or stop the array) first, or choose another disk.")
                           : mi18n("Remove it from that array (or stop the array) first, or choose another partition.");
            break;
        case Use::PhysicalVolume: {
            const PhysicalVolume *pv = m_snap.physicalVolume(n);
            const QString vg = pv ? pv->vgName : QStringLiteral("VG");
            advice = whole ? mi18nc("%1 a kernel device name, %2 its volume group",
                                   "Move its data off (pvmove /dev/%1) and take it out of the group (vgreduce %2 /dev/%1) first, or choose "
                                   "another disk.", n, vg)
                           : mi18nc("%1 a kernel device name, %2 its volume group",
                                   "Move its data off (pvmove /dev/%1) and take it out of the group (vgreduce %2 /dev/%1) first, or choose "
                                   "another partition.", n, vg);
            break;
        }
        case Use::Other:
            advice = whole ? mi18n("Close whatever uses it first, or choose another disk.")
                           : mi18n("Close whatever uses it first, or choose another partition.");
            break;
        }
        return inUse(mi18nc("%1 a sentence saying what uses a device (without its full stop), %2 a sentence saying what to do", "%1. %2", what, advice));
    }
    // A loop device reads it (an open backup, open-backup): holders do not show that.
    for (const QString &n : names)
        if (const QStringList loops = m_sys.loopsOver(n); !loops.isEmpty()) {
            const QString path = n == dev.name ? dev.path : QStringLiteral("/dev/") + n;
            return inUse(whole ? mi18nc("%1 a device, %2 a loop device's kernel name",
                                       "%1 is read through the loop device /dev/%2 (an open backup?). Close it first (close-backup, or "
                                       "losetup --detach /dev/%2), or choose another disk.", path, loops.first())
                               : mi18nc("%1 a device, %2 a loop device's kernel name",
                                       "%1 is read through the loop device /dev/%2 (an open backup?). Close it first (close-backup, or "
                                       "losetup --detach /dev/%2), or choose another partition.", path, loops.first()));
        }

    // What writing would destroy.
    const QString fsType = dev.wholeDisk ? disk->fsType : disk->partition(dev.name)->fsType;
    const QString label = dev.wholeDisk ? disk->label : disk->partition(dev.name)->label;
    const QString uuid = dev.wholeDisk ? disk->uuid : disk->partition(dev.name)->uuid;
    if (c.overwrite)
        return {};
    if (dev.wholeDisk && (!disk->partitionTable.isEmpty() || !disk->partitions.isEmpty())) {
        const int count = int(disk->partitions.size());
        if (disk->partitionTable.isEmpty())
            return invalid(mi18ncp("%2 a disk",
                                  "%2 has a partition table with %1 partition. Using the whole disk destroys them: choose one of "
                                  "its partitions instead, or say overwrite if they may go.",
                                  "%2 has a partition table with %1 partitions. Using the whole disk destroys them: choose one of "
                                  "its partitions instead, or say overwrite if they may go.",
                                  count, dev.path));
        return invalid(mi18ncp("%2 a disk, %3 its partition table type (gpt, dos)",
                              "%2 has a partition table (%3) with %1 partition. Using the whole disk destroys them: choose one of "
                              "its partitions instead, or say overwrite if they may go.",
                              "%2 has a partition table (%3) with %1 partitions. Using the whole disk destroys them: choose one of "
                              "its partitions instead, or say overwrite if they may go.",
                              count, dev.path, disk->partitionTable));
    }
    if (fsType.isEmpty())
        return {};
    if (fsType == QLatin1String("linux_raid_member")) {
        if (c.expectMdSuperblock)
            return {};
        if (!c.ownArrayUuid.isEmpty() && sameUuid(uuid, c.ownArrayUuid))
            return {};
        const QString shownUuid = uuid.isEmpty() ? i18nc("an array UUID that is not known", "unknown") : uuid;
        return invalid(whole ? mi18nc("%1 a disk, %2 an array UUID",
                                     "%1 carries the md superblock of another array (UUID %2). Its data would be destroyed: if that "
                                     "array is gone, erase the superblock first (zero-superblock); or choose another disk, or say "
                                     "overwrite.", dev.path, shownUuid)
                             : mi18nc("%1 a partition, %2 an array UUID",
                                     "%1 carries the md superblock of another array (UUID %2). Its data would be destroyed: if that "
                                     "array is gone, erase the superblock first (zero-superblock); or choose another partition, or say "
                                     "overwrite.", dev.path, shownUuid));
    }
    return invalid(whole ? mi18nc("%1 a disk, %2 what it holds (e.g. 'a filesystem (ext4)')",
                                 "%1 contains %2. Its data would be destroyed: choose another disk, or say overwrite if it may go.",
                                 dev.path, describeContents(fsType, label))
                         : mi18nc("%1 a partition, %2 what it holds (e.g. 'a filesystem (ext4)')",
                                 "%1 contains %2. Its data would be destroyed: choose another partition, or say overwrite if it may go.",
                                 dev.path, describeContents(fsType, label)));
}

// ---- arrays ----------------------------------------------------------------
} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "validator.h"

#include "checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"

#include <QRegularExpression>
#include <QSet>

namespace plexus {

QString ResolvedDevice::display() const
{
    if (missing)
        return QStringLiteral("missing");
    return QStringLiteral("%1 (%2)").arg(path, humanSize(sizeBytes));
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
        return invalid(QStringLiteral("The request names a device with an empty path. Give its path under /dev, for example /dev/sdb1."));
    if (!path.startsWith(QLatin1String("/dev/")))
        return invalid(QStringLiteral("'%1' is not a device path. Give the device's path under /dev, for example /dev/sdb1.").arg(path));
    const QStringList parts = path.split(QLatin1Char('/'));
    if (parts.contains(QStringLiteral("..")) || parts.contains(QStringLiteral(".")))
        return invalid(QStringLiteral("'%1' contains '..' or '.'. Give the device's plain path, for example /dev/sdb1.").arg(path));
    const NodeInfo node = m_sys.node(path);
    if (!node.unsafeAt.isEmpty())
        return invalid(QStringLiteral("%1 leads through %2, which users other than root can write, so the helper does not look there. "
                                      "Give the device's own path under /dev, for example /dev/sdb1.").arg(path, node.unsafeAt));
    if (!node.exists)
        return notFound(QStringLiteral("%1 does not exist. Check the name (plexusctl status lists the disks and partitions), or connect the disk.").arg(path));
    if (!node.canonicalPath.startsWith(QLatin1String("/dev/")))
        return invalid(QStringLiteral("%1 leads to %2, which is not under /dev. Give a disk or partition under /dev.").arg(path, node.canonicalPath));
    if (!node.isBlock)
        return invalid(QStringLiteral("%1 is a %2, not a block device. Give a disk or partition, for example /dev/sdb1.").arg(path, node.kind.isEmpty() ? QStringLiteral("file") : node.kind));
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
            return invalid(QStringLiteral("%1 is the md array %2. Arrays are built from disks and partitions: give those.").arg(path, name));
        if (name.startsWith(QLatin1String("dm-")))
            return invalid(QStringLiteral("%1 is a device-mapper volume (%2). Plexus builds arrays from disks and partitions: give those.").arg(path, name));
        return notFound(QStringLiteral("%1 (%2) is not a disk or partition this machine lists. Check the name with plexusctl status.").arg(path, name));
    }
    ResolvedDevice dev;
    dev.path = QStringLiteral("/dev/") + name;
    dev.name = name;
    dev.diskName = disk->name;
    dev.wholeDisk = disk->name == name;
    dev.sizeBytes = dev.wholeDisk ? disk->sizeBytes : disk->partition(name)->sizeBytes;

    if (spec.identity.isEmpty())
        return invalid(QStringLiteral("The request names %1 without the identity of its disk (serial number or WWN) and its size, "
                                      "so the helper cannot tell it is the disk you chose. Choose the device again.").arg(path));
    const bool sameDisk = spec.identity == disk->serial || spec.identity == disk->wwn || spec.identity == disk->identity();
    if (!sameDisk)
        return notFound(QStringLiteral("%1 is now on the disk %2, not on the disk you chose (%3). Disks can be renumbered when one is "
                                       "plugged in or out: choose the device again.").arg(path, disk->identity(), spec.identity));
    if (qint64(spec.sizeBytes) != dev.sizeBytes)
        return notFound(QStringLiteral("%1 is %2 (%3 bytes) now, not %4 (%5 bytes) as you chose it: its partition table has changed. "
                                       "Choose the device again.")
                            .arg(path, humanSize(dev.sizeBytes)).arg(dev.sizeBytes).arg(humanSize(qint64(spec.sizeBytes))).arg(spec.sizeBytes));
    *out = dev;
    return {};
}

Status Validator::resolveOnce(const DeviceSpec &spec, QSet<QString> *seen, ResolvedDevice *out) const
{
    if (Status s = resolve(spec, out); !s)
        return s;
    if (seen->contains(out->name))
        return invalid(QStringLiteral("%1 is named twice in the request.").arg(out->path));
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
        result.insert(it.key(), QStringLiteral("it holds %1").arg(listNames(it.value())));
    return result;
}

QString Validator::usageOf(const QString &name) const
{
    const auto mounts = m_snap.mountsOf(name);
    if (!mounts.isEmpty())
        return QStringLiteral("is mounted on %1").arg(mounts.first()->mountPoint);
    if (m_snap.isSwap(name))
        return QStringLiteral("is active swap");
    for (const Array *a : m_snap.arraysUsing(name))
        return QStringLiteral("is a member of %1 (%2)").arg(a->name, a->level.value_or(QStringLiteral("inactive")));
    if (const PhysicalVolume *pv = m_snap.physicalVolume(name))
        return QStringLiteral("is a physical volume of the LVM volume group %1").arg(pv->vgName);
    QStringList holders;
    if (const Disk *d = m_snap.diskOf(name))
        holders = d->name == name ? d->holders : d->partition(name)->holders;
    for (const QString &h : holders) {
        if (h.startsWith(QLatin1String("md")))
            return QStringLiteral("is held by the md array %1").arg(h);
        return QStringLiteral("is in use by %1 (device-mapper: an LVM, encrypted or multipath volume)").arg(h);
    }
    return {};
}

Status Validator::checkFree(const ResolvedDevice &dev, const Consent &c) const
{
    const Disk *disk = m_snap.disk(dev.diskName);
    if (!disk)
        return notFound(QStringLiteral("%1 is gone.").arg(dev.path));
    const QString noun = dev.wholeDisk ? QStringLiteral("disk") : QStringLiteral("partition");
    if (disk->readOnly)
        return invalid(QStringLiteral("%1 is on a read-only disk (%2). Choose another %3.").arg(dev.path, disk->name, noun));

    const auto system = systemDisks();
    if (system.contains(dev.diskName) && !c.allowSystemDisk)
        return inUse(QStringLiteral("%1 is on %2, the disk the running system uses (%3). Choose another disk, or say allow_system_disk "
                                    "if you really mean it (for example to mirror the system disk).")
                         .arg(dev.path, dev.diskName, system.value(dev.diskName)));

    // What uses it (for a whole disk: it or any of its partitions).
    QStringList names = {dev.name};
    if (dev.wholeDisk)
        for (const Partition &p : disk->partitions)
            names << p.name;
    for (const QString &n : names) {
        const QString use = usageOf(n);
        if (use.isEmpty())
            continue;
        const QString subject = n == dev.name ? dev.path : QStringLiteral("%1 has the partition %2, which").arg(dev.path, n);
        QString advice;
        if (use.startsWith(QLatin1String("is mounted")))
            advice = QStringLiteral("Unmount it first");
        else if (use.startsWith(QLatin1String("is active swap")))
            advice = QStringLiteral("Turn it off first (swapoff /dev/%1)").arg(n);
        else if (use.startsWith(QLatin1String("is a member")) || use.startsWith(QLatin1String("is held by the md")))
            advice = QStringLiteral("Remove it from that array (or stop the array) first");
        else if (use.startsWith(QLatin1String("is a physical volume"))) {
            const PhysicalVolume *pv = m_snap.physicalVolume(n);
            advice = QStringLiteral("Move its data off (pvmove /dev/%1) and take it out of the group (vgreduce %2 /dev/%1) first").arg(n, pv ? pv->vgName : QStringLiteral("VG"));
        } else
            advice = QStringLiteral("Close whatever uses it first");
        return inUse(QStringLiteral("%1 %2. %3, or choose another %4.").arg(subject, use, advice, noun));
    }
    // A loop device reads it (an open backup, open-backup): holders do not show that.
    for (const QString &n : names)
        if (const QStringList loops = m_sys.loopsOver(n); !loops.isEmpty())
            return inUse(QStringLiteral("%1 is read through the loop device /dev/%2 (an open backup?). Close it first (close-backup, or "
                                        "losetup --detach /dev/%2), or choose another %3.")
                             .arg(n == dev.name ? dev.path : QStringLiteral("/dev/") + n, loops.first(), noun));

    // What writing would destroy.
    const QString fsType = dev.wholeDisk ? disk->fsType : disk->partition(dev.name)->fsType;
    const QString label = dev.wholeDisk ? disk->label : disk->partition(dev.name)->label;
    const QString uuid = dev.wholeDisk ? disk->uuid : disk->partition(dev.name)->uuid;
    if (c.overwrite)
        return {};
    if (dev.wholeDisk && (!disk->partitionTable.isEmpty() || !disk->partitions.isEmpty()))
        return invalid(QStringLiteral("%1 has a partition table%2 with %3 partition(s). Using the whole disk destroys them: choose one of "
                                      "its partitions instead, or say overwrite if they may go.")
                           .arg(dev.path, disk->partitionTable.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(disk->partitionTable))
                           .arg(disk->partitions.size()));
    if (fsType.isEmpty())
        return {};
    if (fsType == QLatin1String("linux_raid_member")) {
        if (c.expectMdSuperblock)
            return {};
        if (!c.ownArrayUuid.isEmpty() && sameUuid(uuid, c.ownArrayUuid))
            return {};
        return invalid(QStringLiteral("%1 carries the md superblock of another array (UUID %2). Its data would be destroyed: if that "
                                      "array is gone, erase the superblock first (zero-superblock); or choose another %3, or say "
                                      "overwrite.").arg(dev.path, uuid.isEmpty() ? QStringLiteral("unknown") : uuid, noun));
    }
    return invalid(QStringLiteral("%1 contains %2. Its data would be destroyed: choose another %3, or say overwrite if it may go.")
                       .arg(dev.path, describeContents(fsType, label), noun));
}

// ---- arrays ----------------------------------------------------------------
} // namespace plexus

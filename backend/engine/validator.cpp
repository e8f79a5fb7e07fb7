#include "validator.h"

#include "model/describe.h"

#include <QRegularExpression>
#include <QSet>

#include <functional>

namespace plexus {

namespace {

Status invalid(const QString &m) { return Status::failure(ErrorCode::Invalid, m); }
Status inUse(const QString &m) { return Status::failure(ErrorCode::InUse, m); }
Status notFound(const QString &m) { return Status::failure(ErrorCode::NotFound, m); }
Status tooSmall(const QString &m) { return Status::failure(ErrorCode::TooSmall, m); }
Status busy(const QString &m) { return Status::failure(ErrorCode::Busy, m); }

// Partition `number` of `disk`, still to be made, as the kernel will name it
// (vdd -> vdd2, nvme0n1 -> nvme0n1p2), with the size it will have.
ResolvedDevice futurePartition(const QString &disk, int number, qint64 sizeBytes)
{
    ResolvedDevice p;
    p.name = disk + (disk.back().isDigit() ? QStringLiteral("p") : QString()) + QString::number(number);
    p.path = QStringLiteral("/dev/") + p.name;
    p.diskName = disk;
    p.sizeBytes = sizeBytes;
    return p;
}

// Plexus writes partition tables only onto disks without partitions.
Status requireNoPartitions(const Disk *disk, const QString &path, const QString &instead)
{
    if (disk && !disk->partitions.isEmpty())
        return inUse(QStringLiteral("%1 already has %2 partition(s): Plexus partitions only blank disks. %3").arg(path).arg(disk->partitions.size()).arg(instead));
    return {};
}

const QStringList knownLevels = {QStringLiteral("linear"), QStringLiteral("raid0"), QStringLiteral("raid1"),
                                 QStringLiteral("raid4"), QStringLiteral("raid5"), QStringLiteral("raid6"),
                                 QStringLiteral("raid10")};

bool isRedundantLevel(const QString &level)
{
    return level == QLatin1String("raid1") || level == QLatin1String("raid4") || level == QLatin1String("raid5")
        || level == QLatin1String("raid6") || level == QLatin1String("raid10");
}

bool isStripedLevel(const QString &level)
{
    return level == QLatin1String("raid0") || level == QLatin1String("raid4") || level == QLatin1String("raid5")
        || level == QLatin1String("raid6") || level == QLatin1String("raid10");
}

int minimumDevices(const QString &level, bool forceSingle)
{
    if (level == QLatin1String("raid1"))
        return forceSingle ? 1 : 2;
    if (level == QLatin1String("raid4") || level == QLatin1String("raid5"))
        return 3;
    if (level == QLatin1String("raid6"))
        return 4;
    return 2; // linear, raid0, raid10
}

QString hexOnly(const QString &uuid)
{
    QString out;
    for (QChar c : uuid)
        if (c.isDigit() || (c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f')))
            out += c.toLower();
    return out;
}

bool sameUuid(const QString &a, const QString &b)
{
    const QString ha = hexOnly(a), hb = hexOnly(b);
    return !ha.isEmpty() && ha == hb;
}

// "an ext4 filesystem labelled 'data'", "swap space", "a LUKS container".
QString describeContents(const QString &fsType, const QString &label)
{
    QString what;
    if (fsType == QLatin1String("swap"))
        what = QStringLiteral("swap space");
    else if (fsType == QLatin1String("LVM2_member"))
        what = QStringLiteral("an LVM physical volume");
    else if (fsType == QLatin1String("crypto_LUKS"))
        what = QStringLiteral("an encrypted LUKS container");
    else if (fsType == QLatin1String("linux_raid_member"))
        what = QStringLiteral("an md superblock");
    else
        what = QStringLiteral("a filesystem (%1)").arg(fsType);
    if (!label.isEmpty())
        what += QStringLiteral(" labelled '%1'").arg(label);
    return what;
}

QString listNames(const QStringList &names)
{
    if (names.size() <= 1)
        return names.join(QString());
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + names.last();
}

} // namespace

QString ResolvedDevice::display() const
{
    if (missing)
        return QStringLiteral("missing");
    return QStringLiteral("%1 (%2)").arg(path, humanSize(sizeBytes));
}

Validator::Validator(const Snapshot &snapshot, const SystemView &system) : m_snap(snapshot), m_sys(system) {}

QString Validator::normaliseLevel(const QString &level)
{
    const QString l = level.trimmed().toLower();
    if (knownLevels.contains(l))
        return l;
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("0"), QStringLiteral("raid0")},   {QStringLiteral("stripe"), QStringLiteral("raid0")},
        {QStringLiteral("1"), QStringLiteral("raid1")},   {QStringLiteral("mirror"), QStringLiteral("raid1")},
        {QStringLiteral("4"), QStringLiteral("raid4")},   {QStringLiteral("5"), QStringLiteral("raid5")},
        {QStringLiteral("6"), QStringLiteral("raid6")},   {QStringLiteral("10"), QStringLiteral("raid10")},
        {QStringLiteral("concat"), QStringLiteral("linear")},
    };
    return aliases.value(l);
}

bool Validator::validName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.-]{1,32}$"));
    return re.match(name).hasMatch() && name != QLatin1String(".") && name != QLatin1String("..");
}

// ---- devices ---------------------------------------------------------------

Status Validator::resolve(const DeviceSpec &spec, ResolvedDevice *out) const
{
    const QString path = spec.path;
    if (path.isEmpty())
        return invalid(QStringLiteral("The request names a device with an empty path. Give its path under /dev, for example /dev/sdb1."));
    if (!path.startsWith(QLatin1String("/dev/")))
        return invalid(QStringLiteral("'%1' is not a device path. Give the device's path under /dev, for example /dev/sdb1.").arg(path));
    const QStringList parts = path.split(QLatin1Char('/'));
    if (parts.contains(QStringLiteral("..")) || parts.contains(QStringLiteral(".")))
        return invalid(QStringLiteral("'%1' contains '..' or '.'. Give the device's plain path, for example /dev/sdb1.").arg(path));
    const NodeInfo node = m_sys.node(path);
    if (!node.exists)
        return notFound(QStringLiteral("%1 does not exist. Check the name (plexusctl status lists the disks and partitions), or connect the disk.").arg(path));
    if (!node.canonicalPath.startsWith(QLatin1String("/dev/")))
        return invalid(QStringLiteral("%1 leads to %2, which is not under /dev. Give a disk or partition under /dev.").arg(path, node.canonicalPath));
    if (!node.isBlock)
        return invalid(QStringLiteral("%1 is a %2, not a block device. Give a disk or partition, for example /dev/sdb1.").arg(path, node.kind.isEmpty() ? QStringLiteral("file") : node.kind));
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

Status Validator::resolveExistingArray(const QString &path, const CommonOptions &common, ResolvedArray *out) const
{
    static const QRegularExpression numbered(QStringLiteral("^/dev/(md[0-9]{1,4})$"));
    static const QRegularExpression named(QStringLiteral("^/dev/md/([A-Za-z0-9_.-]{1,32})$"));
    const auto mNumbered = numbered.match(path);
    const auto mNamed = named.match(path);
    if (!mNumbered.hasMatch() && (!mNamed.hasMatch() || mNamed.captured(1).startsWith(QLatin1Char('.'))))
        return invalid(QStringLiteral("'%1' is not an md array device. Give /dev/mdN or /dev/md/NAME.").arg(path));
    QString name;
    const NodeInfo node = m_sys.node(path);
    if (node.exists && node.isBlock && node.kernelName.startsWith(QLatin1String("md")))
        name = node.kernelName;
    else if (mNumbered.hasMatch())
        name = mNumbered.captured(1);
    else
        return notFound(QStringLiteral("%1 does not exist: no array by that name is running. plexusctl status lists the arrays.").arg(path));
    const Array *a = m_snap.array(name);
    if (!a)
        return notFound(QStringLiteral("%1 does not exist: no such array is running. plexusctl status lists the arrays.").arg(path));
    if (!common.arrayUuid.isEmpty() && !sameUuid(common.arrayUuid, a->uuid))
        return notFound(QStringLiteral("%1 is now another array (UUID %2, not %3). Arrays can be renumbered when they are started: "
                                       "choose the array again.").arg(path, a->uuid.isEmpty() ? QStringLiteral("unknown") : a->uuid, common.arrayUuid));
    out->path = QStringLiteral("/dev/") + name;
    out->requested = path;
    out->array = *a;
    return {};
}

Status Validator::requireActive(const ResolvedArray &a) const
{
    if (a.array.state == ArrayState::Inactive)
        return invalid(QStringLiteral("%1 is inactive (assembled but not started). Start it with assemble --run, or stop it first.").arg(a.path));
    if (a.array.state == ArrayState::ReadOnly)
        return invalid(QStringLiteral("%1 is read-only. Make it writable first (mdadm --readwrite %1).").arg(a.path));
    return {};
}

Status Validator::requireRedundant(const ResolvedArray &a, const QString &what) const
{
    if (!a.array.isRedundant())
        return invalid(QStringLiteral("%1 is %2, which keeps no redundant copy of the data, so %3.")
                           .arg(a.path, levelWords(a.array.level.value_or(QStringLiteral("of unknown level"))), what));
    return {};
}

Status Validator::resolveMember(const ResolvedArray &a, const DeviceSpec &spec, ResolvedDevice *out, const Member **member) const
{
    if (Status s = resolve(spec, out); !s)
        return s;
    *member = a.array.member(out->name);
    if (!*member) {
        QStringList names;
        for (const Member &m : a.array.members)
            names << m.device;
        return invalid(QStringLiteral("%1 is not a member of %2 (its members are %3). Choose one of those.")
                           .arg(out->path, a.path, names.isEmpty() ? QStringLiteral("none") : listNames(names)));
    }
    return {};
}

Status Validator::checkNotInArray(const ResolvedArray &a, const ResolvedDevice &dev) const
{
    if (a.array.member(dev.name))
        return invalid(QStringLiteral("%1 is already a member of %2.").arg(dev.path, a.path));
    return {};
}

Status Validator::checkNewArrayPath(const QString &path) const
{
    static const QRegularExpression numbered(QStringLiteral("^/dev/(md[0-9]{1,4})$"));
    static const QRegularExpression named(QStringLiteral("^/dev/md/(.*)$"));
    const auto mNumbered = numbered.match(path);
    const auto mNamed = named.match(path);
    if (mNamed.hasMatch() && !validName(mNamed.captured(1)))
        return invalid(QStringLiteral("'%1' is not a usable array name: use 1 to 32 letters, digits, '_', '.' or '-', for example /dev/md/data.").arg(mNamed.captured(1)));
    if (!mNumbered.hasMatch() && !mNamed.hasMatch())
        return invalid(QStringLiteral("'%1' is not an md array device. Give /dev/mdN (for example %2) or /dev/md/NAME.").arg(path, suggestFreeArray()));
    if (mNumbered.hasMatch()) {
        if (const Array *a = m_snap.array(mNumbered.captured(1))) {
            if (a->state != ArrayState::Inactive || !a->members.isEmpty())
                return inUse(QStringLiteral("%1 already exists (%2, %3, %4 member(s)). Choose a free one, for example %5.")
                                 .arg(path, a->level.value_or(QStringLiteral("no level")), toString(a->state))
                                 .arg(a->members.size()).arg(suggestFreeArray()));
        }
    } else if (m_sys.exists(path)) {
        const NodeInfo node = m_sys.node(path);
        return inUse(QStringLiteral("%1 already exists%2. Choose another name.")
                         .arg(path, node.kernelName.isEmpty() ? QString() : QStringLiteral(" (it is %1)").arg(node.kernelName)));
    }
    return {};
}

QString Validator::suggestFreeArray() const
{
    for (int i = 0; i < 10000; ++i) {
        const QString name = QStringLiteral("md%1").arg(i);
        if (!m_snap.array(name))
            return QStringLiteral("/dev/") + name;
    }
    return QStringLiteral("/dev/md0");
}

Status Validator::checkNewMemberSize(const ResolvedArray &a, const ResolvedDevice &dev) const
{
    const Array &arr = a.array;
    std::optional<qint64> component = m_sys.componentSizeBytes(arr.name);
    if (!component && arr.sizeKib && arr.raidDisks && *arr.raidDisks > 0) {
        const qint64 size = *arr.sizeKib * 1024;
        const int n = *arr.raidDisks;
        const QString level = arr.level.value_or(QString());
        if (level == QLatin1String("raid1"))
            component = size;
        else if ((level == QLatin1String("raid4") || level == QLatin1String("raid5")) && n > 1)
            component = size / (n - 1);
        else if (level == QLatin1String("raid6") && n > 2)
            component = size / (n - 2);
        else if (level == QLatin1String("raid10"))
            component = size * 2 / n;
    }
    if (!component)
        return {};
    qint64 offset = 0;
    for (const Member &m : arr.members)
        if (auto o = m_sys.dataOffsetBytes(arr.name, m.device))
            offset = qMax(offset, *o);
    const qint64 needed = *component + offset;
    if (dev.sizeBytes < needed) {
        const QString noun = dev.wholeDisk ? QStringLiteral("disk") : QStringLiteral("partition");
        return tooSmall(QStringLiteral("%1 (%2) is too small for %3: each member needs at least %4 (%5 of data plus %6 for md's "
                                       "metadata). Choose a %7 of at least %4.")
                            .arg(dev.path, humanSize(dev.sizeBytes), a.path, humanSize(needed), humanSize(*component),
                                 humanSize(offset), noun));
    }
    return {};
}

Status Validator::checkIdle(const ResolvedArray &a, const QString &what) const
{
    QString action = m_sys.syncAction(a.array.name);
    if (action.isEmpty() && a.array.sync)
        action = toString(a.array.sync->action);
    if (action.isEmpty() || action == QLatin1String("idle"))
        return {};
    QString progress;
    if (a.array.sync && a.array.sync->percent)
        progress = QStringLiteral(", %1% done").arg(*a.array.sync->percent, 0, 'f', 1);
    QString advice = QStringLiteral("Wait until it finishes, then %1.").arg(what);
    if (action == QLatin1String("check") || action == QLatin1String("repair"))
        advice = QStringLiteral("Stop it (scrub idle) or wait until it finishes, then %1.").arg(what);
    return busy(QStringLiteral("%1 is busy with %2%3. %4").arg(a.path, action, progress, advice));
}

// Would the array still hold every block of data without `lost` (kernel names)?
Status Validator::checkCanLose(const ResolvedArray &a, const QStringList &lost, const QString &verb) const
{
    const Array &arr = a.array;
    const int n = arr.raidDisks.value_or(int(arr.members.size()));
    QSet<int> working;
    for (const Member &m : arr.members) {
        if (lost.contains(m.device) || m.faulty || m.spare || m.replacement || !m.slot)
            continue;
        // sysfs says in_sync; a snapshot from /proc/mdstat alone cannot tell: trust it.
        if (m.inSync || m.rawState.isEmpty())
            working.insert(*m.slot);
    }
    const int missing = n - int(working.size());
    const QString level = arr.level.value_or(QString());
    QString problem;
    if (level == QLatin1String("raid1") && working.isEmpty())
        problem = QStringLiteral("no member with a complete copy would be left");
    else if ((level == QLatin1String("raid4") || level == QLatin1String("raid5")) && missing > 1)
        problem = QStringLiteral("%1 of %2 members would be missing; it survives one").arg(missing).arg(n);
    else if (level == QLatin1String("raid6") && missing > 2)
        problem = QStringLiteral("%1 of %2 members would be missing; it survives two").arg(missing).arg(n);
    else if (level == QLatin1String("raid10")) {
        const bool near2 = arr.raid10Layout.isEmpty() || arr.raid10Layout.startsWith(QLatin1String("2 near"));
        if (!near2 && missing > 1)
            problem = QStringLiteral("%1 members would be missing").arg(missing);
        for (int s = 0; near2 && s < n && problem.isEmpty(); ++s) {
            // near-2: chunk copies sit on slots (2k, 2k+1), or on neighbours when n is odd.
            const int partner = n % 2 == 0 ? (s ^ 1) : (s + 1) % n;
            if (!working.contains(s) && !working.contains(partner))
                problem = QStringLiteral("both copies of some data (slots %1 and %2) would be missing").arg(s).arg(partner);
        }
    }
    if (problem.isEmpty())
        return {};
    QStringList paths;
    for (const QString &d : lost)
        paths << QStringLiteral("/dev/") + d;
    return invalid(QStringLiteral("%1 %2 would leave %3 without a complete copy of the data: %4. Add or rebuild a member first.")
                       .arg(verb, listNames(paths), a.path, problem));
}

// ---- operations ------------------------------------------------------------

Status Validator::validate(const CreateArrayRequest &r, ValidCreate *out) const
{
    *out = {};
    ValidCreate v;
    v.level = normaliseLevel(r.level);
    if (v.level.isEmpty())
        return invalid(QStringLiteral("Unknown RAID level '%1'. Choose one of %2.").arg(r.level, listNames(knownLevels)));
    if (Status s = checkNewArrayPath(r.array); !s)
        return s;
    v.arrayPath = r.array;
    if (!r.name.isEmpty() && !validName(r.name))
        return invalid(QStringLiteral("'%1' is not a usable array name: use 1 to 32 letters, digits, '_', '.' or '-'.").arg(r.name));
    v.name = r.name;

    // Counts.
    const int n = int(r.members.size());
    const int minimum = minimumDevices(v.level, r.forceSingle);
    if (n < minimum) {
        QString hint;
        if (v.level == QLatin1String("raid1") && n == 1)
            hint = QStringLiteral(" A mirror of one device is possible with force_single (add the second later).");
        else if (v.level == QLatin1String("raid5") || v.level == QLatin1String("raid4"))
            hint = QStringLiteral(" For two devices, use raid1.");
        return invalid(QStringLiteral("%1 needs at least %2 devices; the request has %3. Add devices (or 'missing' slots where the level "
                                      "allows), or choose another level.%4").arg(levelWords(v.level)).arg(minimum).arg(n).arg(hint));
    }
    if (n > 64)
        return invalid(QStringLiteral("%1 devices is more than Plexus creates arrays from (64).").arg(n));
    QList<int> missingSlots;
    for (int i = 0; i < n; ++i)
        if (r.members[i].isMissing())
            missingSlots << i;
    const int missing = int(missingSlots.size());
    if (missing > 0) {
        QString problem;
        if (v.level == QLatin1String("linear") || v.level == QLatin1String("raid0"))
            problem = QStringLiteral("%1 keeps no redundant copy, so it cannot start with a missing slot").arg(levelWords(v.level));
        else if (v.level == QLatin1String("raid1") && missing >= n)
            problem = QStringLiteral("a mirror needs at least one real device");
        else if ((v.level == QLatin1String("raid4") || v.level == QLatin1String("raid5")) && missing > 1)
            problem = QStringLiteral("%1 survives one missing member, not %2").arg(levelWords(v.level)).arg(missing);
        else if (v.level == QLatin1String("raid6") && missing > 2)
            problem = QStringLiteral("RAID-6 survives two missing members, not %1").arg(missing);
        else if (v.level == QLatin1String("raid10")) {
            for (int s : missingSlots) {
                const int partner = n % 2 == 0 ? (s ^ 1) : (s + 1) % n;
                if (missingSlots.contains(partner) && partner != s) {
                    problem = QStringLiteral("slots %1 and %2 hold the two copies of the same data, so they cannot both be missing")
                                  .arg(qMin(s, partner)).arg(qMax(s, partner));
                    break;
                }
            }
        }
        if (!problem.isEmpty())
            return invalid(QStringLiteral("%1. Give a device for more of the slots.").arg(problem.left(1).toUpper() + problem.mid(1)));
    }
    if (!r.spares.isEmpty() && !isRedundantLevel(v.level))
        return invalid(QStringLiteral("%1 keeps no redundant copy, so a spare would never be used. Leave the spares out, or choose a "
                                      "redundant level.").arg(levelWords(v.level)));
    v.force = v.level == QLatin1String("raid1") && n == 1;

    // Geometry and metadata.
    if (r.chunkKib != 0) {
        if (!isStripedLevel(v.level))
            return invalid(QStringLiteral("%1 has no chunk size (it does not stripe). Leave chunk_kib out.").arg(levelWords(v.level)));
        if (r.chunkKib < 4 || r.chunkKib > 262144 || (r.chunkKib & (r.chunkKib - 1)) != 0)
            return invalid(QStringLiteral("A chunk of %1 KiB is not possible: it must be a power of two from 4 KiB to 256 MiB, for example "
                                          "64 or 512 KiB.").arg(r.chunkKib));
    }
    v.chunkKib = r.chunkKib;
    if (!r.bitmap.isEmpty() && r.bitmap != QLatin1String("none") && r.bitmap != QLatin1String("internal"))
        return invalid(QStringLiteral("Unknown bitmap '%1': choose none or internal.").arg(r.bitmap));
    if (r.bitmap == QLatin1String("internal") && !isRedundantLevel(v.level))
        return invalid(QStringLiteral("%1 keeps no redundant copy, so a write-intent bitmap has nothing to speed up. Leave the bitmap out.").arg(levelWords(v.level)));
    if (isRedundantLevel(v.level))
        v.bitmap = r.bitmap.isEmpty() ? QStringLiteral("internal") : r.bitmap;
    static const QStringList metadataVersions = {QStringLiteral("1.2"), QStringLiteral("1.1"), QStringLiteral("1.0"), QStringLiteral("0.90")};
    v.metadata = r.metadata.isEmpty() ? QStringLiteral("1.2") : r.metadata;
    if (!metadataVersions.contains(v.metadata))
        return invalid(QStringLiteral("Unknown metadata version '%1': choose 1.2 (the default), 1.1, 1.0 or 0.90.").arg(r.metadata));

    // Devices.
    Consent consent;
    consent.overwrite = r.overwrite;
    consent.allowSystemDisk = r.common.allowSystemDisk;
    QHash<QString, QString> seen; // kernel name -> path as requested
    auto take = [&](const DeviceSpec &spec, QList<ResolvedDevice> *list) -> Status {
        if (spec.isMissing()) {
            ResolvedDevice m;
            m.missing = true;
            m.path = QStringLiteral("missing");
            list->append(m);
            return {};
        }
        ResolvedDevice dev;
        if (Status s = resolve(spec, &dev); !s)
            return s;
        if (seen.contains(dev.name))
            return invalid(QStringLiteral("%1 is named twice in the request%2. Each device can hold only one slot.")
                               .arg(dev.path, seen.value(dev.name) == spec.path ? QString() : QStringLiteral(" (as %1 and %2)").arg(seen.value(dev.name), spec.path)));
        for (auto it = seen.begin(); it != seen.end(); ++it) {
            const ResolvedDevice *other = nullptr;
            for (const auto *l : {&v.members, &v.spares})
                for (const ResolvedDevice &d : *l)
                    if (d.name == it.key())
                        other = &d;
            if (other && other->diskName == dev.diskName && (other->wholeDisk || dev.wholeDisk))
                return invalid(QStringLiteral("%1 and %2 overlap (one is the whole disk, the other a part of it). Choose separate devices.").arg(other->path, dev.path));
        }
        seen.insert(dev.name, spec.path);
        if (Status s = checkFree(dev, consent); !s)
            return s;
        list->append(dev);
        return {};
    };
    for (const DeviceSpec &spec : r.members)
        if (Status s = take(spec, &v.members); !s)
            return s;
    for (const DeviceSpec &spec : r.spares) {
        if (spec.isMissing())
            return invalid(QStringLiteral("A spare cannot be 'missing': leave it out."));
        if (Status s = take(spec, &v.spares); !s)
            return s;
    }
    if (r.partitionDisks) {
        // Whole disks get a GPT with one Linux RAID partition filling them, made
        // first; the partitions are the members (as installers do it: the disk
        // says what it holds to every tool, and a replacement disk a little
        // smaller still fits).
        for (auto *list : {&v.members, &v.spares})
            for (ResolvedDevice &d : *list) {
                if (d.missing || !d.wholeDisk)
                    continue;
                if (Status s = requireNoPartitions(m_snap.disk(d.name), d.path, QStringLiteral("Choose one of its partitions, or do not partition the disks."));
                    !s)
                    return s;
                v.partitionDisks << d;
                // sfdisk starts it at 1 MiB and leaves the GPT's backup (33 sectors) at the end.
                constexpr qint64 MiB = 1024 * 1024;
                d = futurePartition(d.name, 1, qMax<qint64>(0, (d.sizeBytes - MiB - 33 * 512) / MiB * MiB));
            }
    }
    if (isRedundantLevel(v.level) && !r.allowSameDisk) {
        QHash<QString, QString> byDisk;
        for (const ResolvedDevice &d : v.members) {
            if (d.missing)
                continue;
            if (byDisk.contains(d.diskName))
                return invalid(QStringLiteral("%1 and %2 are both on the disk %3: if that disk fails, both copies go with it. Choose devices on "
                                              "different disks, or say allow_same_disk (for a test).").arg(byDisk.value(d.diskName), d.path, d.diskName));
            byDisk.insert(d.diskName, d.path);
        }
    }

    // Sizes: the smallest member decides.
    constexpr qint64 minimumMember = 4 * 1024 * 1024;
    qint64 smallest = 0, largest = 0;
    for (const ResolvedDevice &d : v.members) {
        if (d.missing)
            continue;
        if (d.sizeBytes < minimumMember)
            return tooSmall(QStringLiteral("%1 is only %2: an md member needs at least %3. Choose a larger %4.")
                                .arg(d.path, humanSize(d.sizeBytes), humanSize(minimumMember), d.wholeDisk ? QStringLiteral("disk") : QStringLiteral("partition")));
        if (smallest == 0 || d.sizeBytes < smallest) {
            smallest = d.sizeBytes;
            v.smallest = d.path;
        }
        largest = qMax(largest, d.sizeBytes);
    }
    v.memberDataBytes = smallest;
    for (const ResolvedDevice &d : v.spares)
        if (d.sizeBytes < smallest)
            return tooSmall(QStringLiteral("The spare %1 is smaller than the smallest member (%2, %3): it could never take a member's place. "
                                           "Choose a spare of at least %3.").arg(d.display(), v.smallest, humanSize(smallest)));
    (void)largest;
    *out = v;
    return {};
}

Status Validator::validate(const StopArrayRequest &r, ValidStop *out) const
{
    *out = {};
    ResolvedArray a;
    if (Status s = resolveExistingArray(r.array, r.common, &a); !s)
        return s;
    const QString name = a.array.name;
    for (const Mount &m : m_snap.mounts) {
        if (m.device.isEmpty())
            continue;
        // Mounted directly, or through LVM/dm on top of it.
        bool onTop = m.device == name;
        if (!onTop && m.device.startsWith(QLatin1String("dm-"))) {
            QStringList below;
            std::function<void(const QString &, int)> walk = [&](const QString &dev, int depth) {
                if (depth > 8)
                    return;
                below << dev;
                for (const VolumeGroup &vg : m_snap.volumeGroups)
                    for (const LogicalVolume &lv : vg.logicalVolumes)
                        if (lv.device == dev)
                            for (const PhysicalVolume &pv : vg.physicalVolumes)
                                walk(pv.device, depth + 1);
                for (const QString &s : m_sys.slaves(dev))
                    walk(s, depth + 1);
            };
            walk(m.device, 0);
            onTop = below.contains(name);
        }
        if (onTop)
            return inUse(QStringLiteral("%1 is in use: %2 is mounted on %3. Unmount it first.")
                             .arg(a.path, m.device == name ? a.path : QStringLiteral("/dev/") + m.device, m.mountPoint));
    }
    if (m_snap.isSwap(name))
        return inUse(QStringLiteral("%1 is active swap. Turn it off first (swapoff %1).").arg(a.path));
    if (const PhysicalVolume *pv = m_snap.physicalVolume(name)) {
        const VolumeGroup *vg = m_snap.volumeGroup(pv->vgName);
        int active = 0;
        if (vg)
            for (const LogicalVolume &lv : vg->logicalVolumes)
                active += lv.active ? 1 : 0;
        if (active > 0)
            return inUse(QStringLiteral("%1 holds the LVM volume group %2 with %3 active logical volume(s). Deactivate them first "
                                        "(vgchange -an %2).").arg(a.path, pv->vgName).arg(active));
    }
    for (const Array *outer : m_snap.arraysUsing(name))
        return inUse(QStringLiteral("%1 is a member of the array %2. Stop %2 first.").arg(a.path, outer->name));
    out->array = a;
    return {};
}

Status Validator::validate(const AssembleArrayRequest &r, ValidAssemble *out) const
{
    *out = {};
    static const QRegularExpression numbered(QStringLiteral("^/dev/(md[0-9]{1,4})$"));
    static const QRegularExpression named(QStringLiteral("^/dev/md/(.*)$"));
    const auto mNamed = named.match(r.array);
    if (mNamed.hasMatch() && !validName(mNamed.captured(1)))
        return invalid(QStringLiteral("'%1' is not a usable array name: use 1 to 32 letters, digits, '_', '.' or '-'.").arg(mNamed.captured(1)));
    if (!numbered.match(r.array).hasMatch() && !mNamed.hasMatch())
        return invalid(QStringLiteral("'%1' is not an md array device. Give /dev/mdN or /dev/md/NAME.").arg(r.array));
    const auto mNumbered = numbered.match(r.array);
    if (mNumbered.hasMatch()) {
        if (const Array *a = m_snap.array(mNumbered.captured(1)); a && (a->state != ArrayState::Inactive || !a->members.isEmpty()))
            return inUse(QStringLiteral("%1 is already running (%2). Stop it first, or choose another device name.")
                             .arg(r.array, a->level.value_or(toString(a->state))));
    } else if (m_sys.exists(r.array)) {
        return inUse(QStringLiteral("%1 already exists. Stop that array first, or choose another name.").arg(r.array));
    }
    if (r.members.isEmpty())
        return invalid(QStringLiteral("Name the members to assemble %1 from.").arg(r.array));
    Consent consent;
    consent.allowSystemDisk = r.common.allowSystemDisk;
    consent.expectMdSuperblock = true;
    QString arrayUuid;
    QSet<QString> seen;
    for (const DeviceSpec &spec : r.members) {
        ResolvedDevice dev;
        if (Status s = resolve(spec, &dev); !s)
            return s;
        if (seen.contains(dev.name))
            return invalid(QStringLiteral("%1 is named twice in the request.").arg(dev.path));
        seen.insert(dev.name);
        const Disk *disk = m_snap.disk(dev.diskName);
        const QString fsType = dev.wholeDisk ? disk->fsType : disk->partition(dev.name)->fsType;
        const QString uuid = dev.wholeDisk ? disk->uuid : disk->partition(dev.name)->uuid;
        if (fsType != QLatin1String("linux_raid_member"))
            return invalid(QStringLiteral("%1 carries no md superblock%2, so it is not a member of any array. Choose the array's members "
                                          "(plexusctl status shows them as md members).")
                               .arg(dev.path, fsType.isEmpty() ? QString() : QStringLiteral(" (it contains %1)").arg(describeContents(fsType, QString()))));
        if (Status s = checkFree(dev, consent); !s)
            return s;
        if (!arrayUuid.isEmpty() && !uuid.isEmpty() && !sameUuid(arrayUuid, uuid))
            return invalid(QStringLiteral("%1 belongs to another array (UUID %2) than the first member (UUID %3). Assemble each array "
                                          "from its own members.").arg(dev.path, uuid, arrayUuid));
        if (arrayUuid.isEmpty())
            arrayUuid = uuid;
        out->members.append(dev);
    }
    out->arrayPath = r.array;
    out->run = r.runDegraded;
    return {};
}

Status Validator::partitionLike(const ResolvedDevice &like, const DeviceSpec &blankSpec, ResolvedDevice *member, bool overwrite,
                                const CommonOptions &common, ValidCopyTable *table) const
{
    const ResolvedDevice blank = *member;
    if (!blank.wholeDisk)
        return invalid(QStringLiteral("%1 is a partition: give the whole, blank disk that is to get %2's partitions.").arg(blank.path, like.diskName));
    if (Status s = requireNoPartitions(m_snap.disk(blank.name), blank.path, QStringLiteral("Choose a blank disk, or one of its partitions.")); !s)
        return s;
    CopyPartitionTableRequest copy;
    copy.source = deviceSpecFor(m_snap, QStringLiteral("/dev/") + like.diskName);
    copy.target = blankSpec;
    copy.overwrite = overwrite;
    copy.common = common;
    if (Status s = validate(copy, table); !s)
        return s;
    const Disk *likeDisk = m_snap.disk(like.diskName);
    const Partition *likePart = likeDisk ? likeDisk->partition(like.name) : nullptr;
    if (!likePart)
        return notFound(QStringLiteral("%1 is not among %2's partitions any more.").arg(like.path, like.diskName));
    *member = futurePartition(blank.name, likePart->number, likePart->sizeBytes);
    return {};
}

Status Validator::validate(const AddDeviceRequest &r, ValidAdd *out) const
{
    *out = {};
    ResolvedArray a;
    if (Status s = resolveExistingArray(r.array, r.common, &a); !s)
        return s;
    if (Status s = requireActive(a); !s)
        return s;
    if (Status s = requireRedundant(a, r.spare ? QStringLiteral("a spare would never be used") : QStringLiteral("it has no missing member to fill")); !s)
        return s;
    ResolvedDevice dev;
    if (Status s = resolve(r.device, &dev); !s)
        return s;
    if (Status s = checkNotInArray(a, dev); !s)
        return s;
    Consent consent;
    consent.overwrite = r.overwrite;
    consent.allowSystemDisk = r.common.allowSystemDisk;
    consent.ownArrayUuid = a.array.uuid;
    if (Status s = checkFree(dev, consent); !s)
        return s;
    if (!r.spare && a.array.missingCount() == 0) {
        const int n = a.array.raidDisks.value_or(int(a.array.members.size()));
        return invalid(QStringLiteral("%1 has no missing member (%2 of %2 slots are filled). Add %3 as a spare, or grow %1 to %4 devices "
                                      "to keep another copy on it.").arg(a.path).arg(n).arg(dev.path).arg(n + 1));
    }
    if (r.partitionLikeMembers) {
        const Member *m = m_snap.partitionMemberToCopy(a.array);
        if (!m)
            return invalid(QStringLiteral("%1's working members are whole disks, not partitions: there is no partition table to copy. "
                                          "Add %2 without partitioning it.").arg(a.path, dev.path));
        const ResolvedDevice like{QStringLiteral("/dev/") + m->device, m->device, m_snap.diskOf(m->device)->name, 0, false, false};
        ValidCopyTable table;
        if (Status s = partitionLike(like, r.device, &dev, r.overwrite, r.common, &table); !s)
            return s;
        out->partitionFirst = table;
    }
    if (Status s = checkNewMemberSize(a, dev); !s)
        return s;
    out->array = a;
    out->device = dev;
    out->spare = r.spare;
    return {};
}

Status Validator::validate(const FailMemberRequest &r, ValidFail *out) const
{
    *out = {};
    ResolvedArray a;
    if (Status s = resolveExistingArray(r.array, r.common, &a); !s)
        return s;
    if (Status s = requireActive(a); !s)
        return s;
    if (Status s = requireRedundant(a, QStringLiteral("failing a member would stop it")); !s)
        return s;
    ResolvedDevice dev;
    const Member *member = nullptr;
    if (Status s = resolveMember(a, r.member, &dev, &member); !s)
        return s;
    if (member->faulty)
        return invalid(QStringLiteral("%1 is already marked faulty in %2. Remove it (remove), or replace it.").arg(dev.path, a.path));
    if (Status s = checkCanLose(a, {dev.name}, QStringLiteral("Failing")); !s)
        return s;
    out->array = a;
    out->member = dev;
    return {};
}

Status Validator::validate(const RemoveMemberRequest &r, ValidRemove *out) const
{
    *out = {};
    ResolvedArray a;
    if (Status s = resolveExistingArray(r.array, r.common, &a); !s)
        return s;
    ResolvedDevice dev;
    const Member *member = nullptr;
    // A member whose disk has gone (unplugged, dead) has no node any more: md
    // still lists it, faulty, and it can only be removed by its kernel name.
    const NodeInfo node = m_sys.node(r.member.path);
    const QString vanishedName = r.member.path.startsWith(QLatin1String("/dev/")) ? r.member.path.mid(5) : QString();
    if (!node.exists && !vanishedName.contains(QLatin1Char('/')) && a.array.member(vanishedName)) {
        member = a.array.member(vanishedName);
        if (!member->faulty)
            return invalid(QStringLiteral("%1 has no device node but md still counts it as working. Fail it first.").arg(r.member.path));
        if (r.zeroSuperblock)
            return invalid(QStringLiteral("%1 is gone, so its superblock cannot be erased. Leave zero_superblock out.").arg(r.member.path));
        dev.path = r.member.path;
        dev.name = vanishedName;
        out->vanished = true;
    } else if (Status s = resolveMember(a, r.member, &dev, &member); !s) {
        return s;
    }
    if (!member->faulty && !member->spare) {
        if (!r.fail)
            return invalid(QStringLiteral("%1 is a working member of %2. Mark it faulty first (fail), or say fail to do both, or replace "
                                          "it (replace) to keep the array complete.").arg(dev.path, a.path));
        if (Status s = requireActive(a); !s)
            return s;
        if (Status s = checkCanLose(a, {dev.name}, QStringLiteral("Removing")); !s)
            return s;
        out->failFirst = true;
    }
    out->array = a;
    out->member = dev;
    out->zeroSuperblock = r.zeroSuperblock;
    return {};
}

Status Validator::validate(const ReplaceMemberRequest &r, ValidReplace *out) const
{
    *out = {};
    ResolvedArray a;
    if (Status s = resolveExistingArray(r.array, r.common, &a); !s)
        return s;
    if (Status s = requireActive(a); !s)
        return s;
    if (Status s = requireRedundant(a, QStringLiteral("a member cannot be replaced while it runs")); !s)
        return s;
    ResolvedDevice oldDev;
    const Member *member = nullptr;
    if (Status s = resolveMember(a, r.oldMember, &oldDev, &member); !s)
        return s;
    if (member->spare && !member->faulty)
        return invalid(QStringLiteral("%1 is a spare of %2, not a member holding data. Remove it and add the new device as a spare instead.").arg(oldDev.path, a.path));
    ResolvedDevice newDev;
    if (Status s = resolve(r.newDevice, &newDev); !s)
        return s;
    if (newDev.name == oldDev.name)
        return invalid(QStringLiteral("%1 cannot replace itself. Choose another device to copy it to.").arg(newDev.path));
    if (Status s = checkNotInArray(a, newDev); !s)
        return s;
    Consent consent;
    consent.overwrite = r.overwrite;
    consent.allowSystemDisk = r.common.allowSystemDisk;
    consent.ownArrayUuid = a.array.uuid;
    if (Status s = checkFree(newDev, consent); !s)
        return s;
    if (r.partitionLikeOld) {
        // The new member is exactly as large and placed as the old.
        if (oldDev.wholeDisk)
            return invalid(QStringLiteral("%1 is a whole disk, not a partition: there is no partition to match. Replace it without "
                                          "partitioning the new disk.").arg(oldDev.path));
        ValidCopyTable table;
        if (Status s = partitionLike(oldDev, r.newDevice, &newDev, r.overwrite, r.common, &table); !s)
            return s;
        out->partitionFirst = table;
    }
    if (Status s = checkNewMemberSize(a, newDev); !s)
        return s;
    if (r.zeroOld && !m_sys.exists(oldDev.path))
        return notFound(QStringLiteral("%1 is gone, so there is no superblock on it to erase. Replace it without erasing the old member.").arg(oldDev.path));
    out->zeroOld = r.zeroOld;
    out->hot = !member->faulty;
    if (out->hot && r.zeroOld && !r.wait)
        return invalid(QStringLiteral("%1 leaves %2 only when the copy is done: erasing its superblock needs the replacement to wait for the copy.")
                           .arg(oldDev.path, a.path));
    if (out->hot) {
        if (a.array.missingCount() > 0)
            return invalid(QStringLiteral("%1 is degraded (%2 member(s) missing): a new device would fill the missing slot, not replace %3. "
                                          "Add %4 as a member first (add); replace %3 once %1 is complete.")
                               .arg(a.path).arg(a.array.missingCount()).arg(oldDev.path, newDev.path));
        if (Status s = checkIdle(a, QStringLiteral("replace the member")); !s)
            return s;
    }
    out->array = a;
    out->oldMember = oldDev;
    out->newDevice = newDev;
    out->wait = r.wait;
    return {};
}

Status Validator::validate(const GrowArrayRequest &r, ValidGrow *out) const
{
    *out = {};
    ResolvedArray a;
    if (Status s = resolveExistingArray(r.array, r.common, &a); !s)
        return s;
    if (Status s = requireActive(a); !s)
        return s;
    const QString level = a.array.level.value_or(QString());
    if (!r.size.isEmpty() && r.size != QLatin1String("max"))
        return invalid(QStringLiteral("Unknown size '%1': Plexus grows an array onto its members' whole size (size max) and nothing else.").arg(r.size));
    out->sizeMax = r.size == QLatin1String("max");
    if (r.raidDevices < 0)
        return invalid(QStringLiteral("%1 devices is not a number of devices.").arg(r.raidDevices));
    const int current = a.array.raidDisks.value_or(int(a.array.members.size()));
    const int wanted = r.raidDevices == 0 ? current : r.raidDevices;
    if (wanted == current && !out->sizeMax && r.add.isEmpty() && r.remove.isEmpty())
        return invalid(QStringLiteral("Nothing to change: %1 already has %2 devices. Give another number of devices, or size max.").arg(a.path).arg(current));
    if (out->sizeMax && (level == QLatin1String("raid0") || level == QLatin1String("linear")))
        return invalid(QStringLiteral("%1 is %2: its size follows its members and cannot be grown with size max.").arg(a.path, levelWords(level)));
    if (wanted != current || !r.add.isEmpty() || !r.remove.isEmpty()) {
        if (level != QLatin1String("raid1") && level != QLatin1String("raid4") && level != QLatin1String("raid5") && level != QLatin1String("raid6"))
            return invalid(QStringLiteral("Plexus changes the number of devices of RAID-1, RAID-4, RAID-5 and RAID-6 arrays; %1 is %2.").arg(a.path, levelWords(level)));
        if (wanted < current && level != QLatin1String("raid1"))
            return invalid(QStringLiteral("Plexus does not shrink %1 arrays: that needs the filesystem and the array's size reduced first "
                                          "(mdadm --grow --array-size). Shrink a mirror, or copy the data to a smaller array.").arg(levelWords(level)));
        if (wanted < minimumDevices(level, r.forceSingle))
            return invalid(QStringLiteral("%1 needs at least %2 devices; the request asks for %3.%4")
                               .arg(levelWords(level)).arg(minimumDevices(level, r.forceSingle)).arg(wanted)
                               .arg(level == QLatin1String("raid1") && wanted == 1 ? QStringLiteral(" A mirror of one device is possible with force_single.") : QString()));
        if (wanted > 64)
            return invalid(QStringLiteral("%1 devices is more than Plexus manages in one array (64).").arg(wanted));
    }
    if (Status s = checkIdle(a, QStringLiteral("grow it")); !s)
        return s;

    // New devices.
    Consent consent;
    consent.overwrite = r.overwrite;
    consent.allowSystemDisk = r.common.allowSystemDisk;
    consent.ownArrayUuid = a.array.uuid;
    QSet<QString> seen;
    for (const DeviceSpec &spec : r.add) {
        ResolvedDevice dev;
        if (Status s = resolve(spec, &dev); !s)
            return s;
        if (seen.contains(dev.name))
            return invalid(QStringLiteral("%1 is named twice in the request.").arg(dev.path));
        seen.insert(dev.name);
        if (Status s = checkNotInArray(a, dev); !s)
            return s;
        if (Status s = checkFree(dev, consent); !s)
            return s;
        if (Status s = checkNewMemberSize(a, dev); !s)
            return s;
        out->add.append(dev);
    }
    QStringList removed;
    for (const DeviceSpec &spec : r.remove) {
        ResolvedDevice dev;
        const Member *member = nullptr;
        if (Status s = resolveMember(a, spec, &dev, &member); !s)
            return s;
        if (seen.contains(dev.name))
            return invalid(QStringLiteral("%1 is named twice in the request.").arg(dev.path));
        seen.insert(dev.name);
        if (member->faulty || member->spare)
            out->removeFaulty << dev.name;
        removed << dev.name;
        out->remove.append(dev);
    }

    int working = 0, spares = 0;
    for (const Member &m : a.array.members) {
        if (m.faulty || removed.contains(m.device))
            continue;
        if (m.spare)
            ++spares;
        else
            ++working;
    }
    if (wanted > current) {
        if (!r.remove.isEmpty())
            return invalid(QStringLiteral("Growing %1 to %2 devices does not remove members. Leave the removals out.").arg(a.path).arg(wanted));
        if (int(out->add.size()) + spares < wanted - current)
            return invalid(QStringLiteral("Growing %1 from %2 to %3 devices needs %4 more device(s); the request adds %5 and %1 has %6 spare(s).")
                               .arg(a.path).arg(current).arg(wanted).arg(wanted - current).arg(out->add.size()).arg(spares));
    } else if (wanted < current) {
        if (!out->add.isEmpty())
            return invalid(QStringLiteral("Shrinking %1 does not add devices. Leave the additions out.").arg(a.path));
        if (working > wanted) {
            return invalid(QStringLiteral("Shrinking %1 from %2 to %3 devices leaves %4 working member(s): name %5 member(s) to remove "
                                          "(they keep a copy of the data as it is now).").arg(a.path).arg(current).arg(wanted).arg(working).arg(working - wanted));
        }
        QStringList lose;
        for (const QString &d : removed)
            if (!out->removeFaulty.contains(d))
                lose << d;
        if (Status s = checkCanLose(a, lose, QStringLiteral("Removing")); !s)
            return s;
    } else if (!out->add.isEmpty() || !out->remove.isEmpty()) {
        return invalid(QStringLiteral("%1 already has %2 devices: to add a device as a spare use add-spare, to take one out use remove.").arg(a.path).arg(current));
    }
    out->array = a;
    out->raidDevices = wanted == current ? 0 : wanted;
    return {};
}

Status Validator::validate(const SyncActionRequest &r, ValidSyncAction *out) const
{
    *out = {};
    static const QStringList allowed = {QStringLiteral("check"), QStringLiteral("repair"), QStringLiteral("idle")};
    if (!allowed.contains(r.action))
        return invalid(QStringLiteral("Unknown sync action '%1'. Choose check (read and compare every copy), repair (also fix "
                                      "mismatches) or idle (stop a check or repair).").arg(r.action));
    ResolvedArray a;
    if (Status s = resolveExistingArray(r.array, r.common, &a); !s)
        return s;
    if (Status s = requireActive(a); !s)
        return s;
    if (Status s = requireRedundant(a, QStringLiteral("there is nothing to check against")); !s)
        return s;
    if (r.action != QLatin1String("idle")) {
        if (Status s = checkIdle(a, QStringLiteral("start the %1").arg(r.action)); !s)
            return s;
        if (a.array.missingCount() > 0)
            return invalid(QStringLiteral("%1 is degraded: with a member missing there is no second copy to compare. Add a member first.").arg(a.path));
    } else {
        const QString now = m_sys.syncAction(a.array.name);
        if (now == QLatin1String("resync") || now == QLatin1String("recover") || now == QLatin1String("reshape"))
            return busy(QStringLiteral("%1 is doing %2, which Plexus does not interrupt (it restores redundancy). Wait until it finishes.").arg(a.path, now));
    }
    out->array = a;
    out->action = r.action;
    return {};
}

Status Validator::validate(const SpeedLimitsRequest &r, ValidSpeedLimits *out) const
{
    *out = {};
    auto parse = [](const QString &value, const char *which, std::optional<qint64> *number) -> Status {
        if (value.isEmpty() || value == QLatin1String("system"))
            return {};
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,10}$"));
        bool ok = false;
        const qint64 n = value.toLongLong(&ok);
        if (!digits.match(value).hasMatch() || !ok || n <= 0 || n > 2000000000)
            return invalid(QStringLiteral("The sync speed %1 must be a positive number of KiB/s (for example 50000) or 'system', not '%2'.")
                               .arg(QLatin1String(which), value));
        *number = n;
        return {};
    };
    std::optional<qint64> min, max;
    if (Status s = parse(r.min, "minimum", &min); !s)
        return s;
    if (Status s = parse(r.max, "maximum", &max); !s)
        return s;
    if (r.min.isEmpty() && r.max.isEmpty())
        return invalid(QStringLiteral("Nothing to change: give a minimum, a maximum or both."));
    ResolvedArray a;
    if (Status s = resolveExistingArray(r.array, r.common, &a); !s)
        return s;
    if (Status s = requireActive(a); !s)
        return s;
    const std::optional<qint64> effectiveMin = min ? min : (r.min.isEmpty() ? a.array.syncSpeedMin : std::nullopt);
    const std::optional<qint64> effectiveMax = max ? max : (r.max.isEmpty() ? a.array.syncSpeedMax : std::nullopt);
    if (min && max && *min > *max)
        return invalid(QStringLiteral("The minimum (%1 KiB/s) is above the maximum (%2 KiB/s). Give a minimum at or below the maximum.").arg(*min).arg(*max));
    if (min && !max && effectiveMax && *min > *effectiveMax)
        return invalid(QStringLiteral("The minimum (%1 KiB/s) would be above %2's maximum (%3 KiB/s). Raise the maximum too.").arg(*min).arg(a.path).arg(*effectiveMax));
    if (max && !min && effectiveMin && *max < *effectiveMin)
        return invalid(QStringLiteral("The maximum (%1 KiB/s) would be below %2's minimum (%3 KiB/s). Lower the minimum too.").arg(*max).arg(a.path).arg(*effectiveMin));
    out->array = a;
    out->min = r.min;
    out->max = r.max;
    return {};
}

Status Validator::validate(const ZeroSuperblockRequest &r, ValidZero *out) const
{
    *out = {};
    ResolvedDevice dev;
    if (Status s = resolve(r.device, &dev); !s)
        return s;
    const Disk *disk = m_snap.disk(dev.diskName);
    const QString fsType = dev.wholeDisk ? disk->fsType : disk->partition(dev.name)->fsType;
    if (fsType != QLatin1String("linux_raid_member"))
        return invalid(QStringLiteral("%1 carries no md superblock%2: there is nothing to erase.")
                           .arg(dev.path, fsType.isEmpty() ? QString() : QStringLiteral(" (it contains %1)").arg(describeContents(fsType, QString()))));
    Consent consent;
    consent.allowSystemDisk = r.common.allowSystemDisk;
    consent.expectMdSuperblock = true;
    if (Status s = checkFree(dev, consent); !s)
        return s;
    out->device = dev;
    out->formerArray = dev.wholeDisk ? disk->uuid : disk->partition(dev.name)->uuid;
    return {};
}

Status Validator::validate(const CopyPartitionTableRequest &r, ValidCopyTable *out) const
{
    *out = {};
    ResolvedDevice src, dst;
    if (Status s = resolve(r.source, &src); !s)
        return s;
    if (Status s = resolve(r.target, &dst); !s)
        return s;
    if (!src.wholeDisk)
        return invalid(QStringLiteral("%1 is a partition: give the whole disk whose partition table is to be copied (for example /dev/%2).").arg(src.path, src.diskName));
    if (!dst.wholeDisk)
        return invalid(QStringLiteral("%1 is a partition: give the whole disk to copy the partition table to (for example /dev/%2).").arg(dst.path, dst.diskName));
    if (src.name == dst.name)
        return invalid(QStringLiteral("The source and the target are the same disk (%1).").arg(src.path));
    const Disk *s = m_snap.disk(src.diskName);
    const Disk *t = m_snap.disk(dst.diskName);
    if (s->partitionTable.isEmpty() && s->partitions.isEmpty())
        return invalid(QStringLiteral("%1 has no partition table to copy.").arg(src.path));
    const qint64 needed = s->layoutBytes();
    if (t->sizeBytes < needed)
        return tooSmall(QStringLiteral("%1 (%2) is too small for %3's partitions, which need %4. Choose a disk of at least %4.")
                            .arg(dst.path, humanSize(t->sizeBytes), src.path, humanSize(needed)));
    Consent consent;
    consent.overwrite = r.overwrite;
    consent.allowSystemDisk = r.common.allowSystemDisk;
    if (Status st = checkFree(dst, consent); !st)
        return st;
    out->source = src;
    out->target = dst;
    out->sourceTable = s->partitionTable;
    out->targetHadTable = !t->partitionTable.isEmpty() || !t->partitions.isEmpty();
    return {};
}

Status Validator::validate(const WriteMdadmConfRequest &, ValidWriteConf *out) const
{
    *out = {};
    int running = 0;
    for (const Array &a : m_snap.arrays)
        if (a.state != ArrayState::Inactive)
            ++running;
    if (running == 0)
        return invalid(QStringLiteral("No array is running, so there is nothing to write: mdadm.conf keeps its ARRAY lines as they are."));
    out->confPath = m_sys.exists(QStringLiteral("/etc/mdadm")) ? QStringLiteral("/etc/mdadm/mdadm.conf") : QStringLiteral("/etc/mdadm.conf");
    out->confExists = m_sys.exists(out->confPath);
    out->arrays = running;
    return {};
}

} // namespace plexus

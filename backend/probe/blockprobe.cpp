// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "blockprobe.h"
#include "textfile.h"
#include "udevdb.h"

#include <QDir>
#include <QFileInfo>

namespace plexus {

namespace {

QString sysBlock(const QString &root) { return root + QStringLiteral("/sys/block/"); }

// udev escapes spaces in ID_MODEL as '_'; the sysfs model is padded with spaces.
QString cleanModel(const QString &s) { return QString(s).replace(QLatin1Char('_'), QLatin1Char(' ')).simplified(); }

// Without udev's ID_BUS (virtio and NVMe have none), the sysfs path tells the bus.
QString busFromPath(const QString &name, const QString &canonicalPath)
{
    if (name.startsWith(QLatin1String("nvme")))
        return QStringLiteral("nvme");
    static const std::pair<const char *, const char *> markers[] = {
        {"/usb", "usb"}, {"/virtio", "virtio"}, {"/ata", "ata"}, {"/mmc", "mmc"}, {"/firewire", "ieee1394"}};
    for (const auto &[marker, bus] : markers)
        if (canonicalPath.contains(QLatin1String(marker)))
            return QString::fromLatin1(bus);
    if (name.startsWith(QLatin1String("vd")))
        return QStringLiteral("virtio");
    if (name.startsWith(QLatin1String("mmcblk")))
        return QStringLiteral("mmc");
    return name.startsWith(QLatin1String("sd")) ? QStringLiteral("scsi") : QString();
}

QString firstOf(const QHash<QString, QString> &props, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const QString v = props.value(QString::fromLatin1(k));
        if (!v.isEmpty())
            return v;
    }
    return {};
}

} // namespace

BlockProbe::BlockProbe(const QString &root) : m_root(root == QLatin1String("/") ? QString() : root) {}

bool BlockProbe::isDiskName(const QString &name)
{
    static const char *skipped[] = {"md", "dm-", "loop", "ram", "zram", "sr", "fd", "nbd"};
    for (const char *prefix : skipped)
        if (name.startsWith(QLatin1String(prefix)))
            return false;
    return true;
}

QList<Disk> BlockProbe::disks() const
{
    QList<Disk> result;
    for (const QString &name : listDir(sysBlock(m_root))) {
        // A real disk has a "device" (the hardware it sits on); md, dm and loop don't.
        if (isDiskName(name) && QFileInfo::exists(sysBlock(m_root) + name + QStringLiteral("/device")))
            result.append(readDisk(name));
    }
    return result;
}

Disk BlockProbe::readDisk(const QString &name) const
{
    const QString dir = sysBlock(m_root) + name;
    const auto udev = udevProperties(m_root, dir);
    Disk d;
    d.name = name;
    d.sizeBytes = readNumber(dir + QStringLiteral("/size")).value_or(0) * 512;
    d.removable = readNumber(dir + QStringLiteral("/removable")).value_or(0) == 1;
    d.readOnly = readNumber(dir + QStringLiteral("/ro")).value_or(0) == 1;
    d.rotational = readNumber(dir + QStringLiteral("/queue/rotational")).value_or(0) == 1;
    d.model = cleanModel(readTrimmed(dir + QStringLiteral("/device/model")).value_or(udev.value(QStringLiteral("ID_MODEL"))));
    d.serial = firstOf(udev, {"ID_SERIAL_SHORT", "ID_SERIAL"});
    if (d.serial.isEmpty())
        d.serial = readTrimmed(dir + QStringLiteral("/serial")).value_or(readTrimmed(dir + QStringLiteral("/device/serial")).value_or(QString()));
    d.wwn = firstOf(udev, {"ID_WWN_WITH_EXTENSION", "ID_WWN"});
    if (d.wwn.isEmpty())
        d.wwn = readTrimmed(dir + QStringLiteral("/device/wwid")).value_or(QString());
    d.bus = udev.value(QStringLiteral("ID_BUS"));
    d.path = udev.value(QStringLiteral("ID_PATH"));
    if (d.bus.isEmpty() || d.bus == QLatin1String("scsi")) {
        const QString fromPath = busFromPath(name, QFileInfo(dir).canonicalFilePath());
        if (!fromPath.isEmpty())
            d.bus = fromPath;
    }
    d.hotpluggable = d.removable || d.bus == QLatin1String("usb") || d.bus == QLatin1String("ieee1394") || d.bus == QLatin1String("mmc");
    d.partitionTable = udev.value(QStringLiteral("ID_PART_TABLE_TYPE"));
    d.fsType = udev.value(QStringLiteral("ID_FS_TYPE"));
    d.label = udev.value(QStringLiteral("ID_FS_LABEL"));
    d.uuid = udev.value(QStringLiteral("ID_FS_UUID"));
    d.holders = listDir(dir + QStringLiteral("/holders"));
    for (const QString &entry : listDir(dir))
        if (QFileInfo::exists(dir + QLatin1Char('/') + entry + QStringLiteral("/partition")))
            d.partitions.append(readPartition(dir, entry));
    std::sort(d.partitions.begin(), d.partitions.end(),
              [](const Partition &a, const Partition &b) { return a.number < b.number; });
    return d;
}

Partition BlockProbe::readPartition(const QString &diskDir, const QString &name) const
{
    const QString dir = diskDir + QLatin1Char('/') + name;
    const auto udev = udevProperties(m_root, dir);
    Partition p;
    p.name = name;
    p.number = int(readNumber(dir + QStringLiteral("/partition")).value_or(0));
    p.startBytes = readNumber(dir + QStringLiteral("/start")).value_or(0) * 512;
    p.sizeBytes = readNumber(dir + QStringLiteral("/size")).value_or(0) * 512;
    p.fsType = udev.value(QStringLiteral("ID_FS_TYPE"));
    p.label = udev.value(QStringLiteral("ID_FS_LABEL"));
    p.uuid = udev.value(QStringLiteral("ID_FS_UUID"));
    p.partTypeId = udev.value(QStringLiteral("ID_PART_ENTRY_TYPE"));
    p.partUuid = udev.value(QStringLiteral("ID_PART_ENTRY_UUID"));
    p.holders = listDir(dir + QStringLiteral("/holders"));
    return p;
}

QString kernelNameForDevicePath(const QString &root, const QString &devPath, FollowLinks follow)
{
    if (!devPath.startsWith(QLatin1String("/dev/")))
        return {};
    const QString sys = sysBlock(root == QLatin1String("/") ? QString() : root);
    if (devPath.startsWith(QLatin1String("/dev/mapper/"))) {
        const QString dmName = devPath.mid(12);
        for (const QString &name : listDir(sys))
            if (name.startsWith(QLatin1String("dm-")) && readTrimmed(sys + name + QStringLiteral("/dm/name")) == dmName)
                return name;
        return {};
    }
    // /dev/md/home, /dev/disk/by-uuid/...: symlinks on a live system.
    QString path = devPath;
    if (follow == FollowLinks::Yes && (root == QLatin1String("/") || root.isEmpty())) {
        const QString target = QFileInfo(devPath).canonicalFilePath();
        if (!target.isEmpty())
            path = target;
    }
    const QString name = path.mid(5);
    if (name.contains(QLatin1Char('/')))
        return {};
    if (QFileInfo::exists(sys + name))
        return name;
    // A partition: its sysfs dir sits inside its disk's dir.
    for (const QString &disk : listDir(sys))
        if (QFileInfo::exists(sys + disk + QLatin1Char('/') + name + QStringLiteral("/partition")))
            return name;
    return name; // unknown to sysfs (fixture without that device): keep the name
}

QHash<QString, QString> blockDeviceNumbers(const QString &root)
{
    const QString sys = sysBlock(root == QLatin1String("/") ? QString() : root);
    QHash<QString, QString> names;
    const auto add = [&names](const QString &dir, const QString &name) {
        if (const auto number = readTrimmed(dir + QStringLiteral("/dev")))
            names.insert(*number, name);
    };
    for (const QString &name : listDir(sys)) {
        add(sys + name, name);
        for (const QString &entry : listDir(sys + name))
            if (QFileInfo::exists(sys + name + QLatin1Char('/') + entry + QStringLiteral("/partition")))
                add(sys + name + QLatin1Char('/') + entry, entry);
    }
    return names;
}

} // namespace plexus

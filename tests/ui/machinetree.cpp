// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "machinetree.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace {

const char raidPartitionType[] = "a19d880f-05fc-4d3b-a006-743f0f84911e";

QByteArray line(const QString &text) { return text.toUtf8() + '\n'; }
QByteArray line(qint64 n) { return QByteArray::number(n) + '\n'; }

bool inSync(const MachineTree::Member &m) { return m.state.split(QLatin1Char(',')).contains(QLatin1String("in_sync")); }
bool faulty(const MachineTree::Member &m) { return m.state.split(QLatin1Char(',')).contains(QLatin1String("faulty")); }

// The kernel's own rounding (md.c status_resync).
int perMille(qint64 doneKiB, qint64 totalKiB)
{
    const qint64 done = doneKiB * 2, total = totalKiB * 2;
    return int(qMin<qint64>(1000, ((done >> 10) * 1000) / ((total >> 10) + 1)));
}

const QByteArray procMount = "23 22 0:22 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw\n";

QString diskName(int index)
{
    QString name;
    for (int i = index; i >= 0; i = i / 26 - 1)
        name.prepend(QChar(u'a' + i % 26));
    return QStringLiteral("sd") + name;
}

} // namespace

MachineTree::MachineTree(const QString &root) : m_root(root) {}

MachineTree::Disk MachineTree::disk(const QString &name, qint64 sizeGiB, const QList<Partition> &partitions, const QString &serial)
{
    Disk d;
    d.name = name;
    d.sizeGiB = sizeGiB;
    d.serial = serial;
    d.partitions = partitions;
    if (partitions.isEmpty())
        d.table.clear();
    return d;
}

void MachineTree::write(const QString &path, const QByteArray &content) const
{
    const QString full = m_root + QLatin1Char('/') + path;
    QDir().mkpath(QFileInfo(full).path());
    QFile f(full);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(content);
}

void MachineTree::writeDeviceNumber(const QString &dir, const QString &number) const
{
    write(dir + QStringLiteral("dev"), line(number));
    // And the kernel's link from the number to the device, which is how the
    // probes name a mount's device on a real machine (one readlink, no scan).
    QDir().mkpath(m_root + QStringLiteral("/sys/dev/block"));
    QFile::link(QStringLiteral("../../block/") + dir.sliced(QStringLiteral("sys/block/").size()).chopped(1),
                m_root + QStringLiteral("/sys/dev/block/") + number);
}

QByteArray MachineTree::read(const QString &path) const
{
    QFile f(m_root + QLatin1Char('/') + path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool MachineTree::remove(const QString &path) const
{
    const QString full = m_root + QLatin1Char('/') + path;
    return QFileInfo(full).isDir() ? QDir(full).removeRecursively() : QFile::remove(full);
}

bool MachineTree::copyFrom(const QString &fixture)
{
    QDirIterator it(fixture, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        const QString dst = m_root + src.mid(fixture.size());
        if (it.fileInfo().isDir()) {
            if (!QDir().mkpath(dst))
                return false;
        } else if (!QDir().mkpath(QFileInfo(dst).path()) || !QFile::copy(src, dst)) {
            return false;
        }
    }
    return true;
}

void MachineTree::build(const QList<Disk> &disks, const QList<Array> &arrays)
{
    m_disks.clear();
    for (const Disk &d : disks)
        addDisk(d);
    m_arrays = arrays;
    for (int i = 0; i < m_arrays.size(); ++i)
        writeArray(m_arrays[i], m_arrays[i].name.mid(2).toInt());
    writeMdstat();
    write(QStringLiteral("proc/swaps"), "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
    write(QStringLiteral("proc/self/mountinfo"), procMount);
}

void MachineTree::addMount(const QString &device, const QString &mountPoint, const QString &fsType)
{
    // The kernel names the device by its number (what the probe reads).
    const QString number = QString::fromUtf8(deviceNumber(device));
    m_mounts << QStringLiteral("%1 22 %2 / %3 rw,relatime - %4 /dev/%5 rw")
                    .arg(30 + m_mounts.size()).arg(number, mountPoint, fsType, device);
    write(QStringLiteral("proc/self/mountinfo"), procMount + m_mounts.join(QLatin1Char('\n')).toUtf8() + '\n');
}

QByteArray MachineTree::deviceNumber(const QString &name) const
{
    if (const QByteArray own = read(QStringLiteral("sys/block/%1/dev").arg(name)); !own.isEmpty())
        return own.trimmed();
    for (const QString &disk : QDir(m_root + QStringLiteral("/sys/block")).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (const QByteArray part = read(QStringLiteral("sys/block/%1/%2/dev").arg(disk, name)); !part.isEmpty())
            return part.trimmed();
    return "0:0";
}

void MachineTree::addDisk(const Disk &d)
{
    m_disks << d;
    writeDisk(d, int(m_disks.size()) - 1);
}

void MachineTree::writeDisk(const Disk &d, int index)
{
    const QString dir = QStringLiteral("sys/block/%1/").arg(d.name);
    const int minor = index * 16; // major 259 (blkext) keeps every minor free for us
    writeDeviceNumber(dir, QStringLiteral("259:%1").arg(minor));
    write(dir + QStringLiteral("size"), line(d.sizeGiB * 1024 * 1024 * 2));
    write(dir + QStringLiteral("removable"), line(d.removable ? 1 : 0));
    write(dir + QStringLiteral("ro"), line(0));
    write(dir + QStringLiteral("queue/rotational"), line(d.rotational ? 1 : 0));
    write(dir + QStringLiteral("device/model"), line(d.model));
    QStringList udev{QStringLiteral("E:ID_TYPE=disk"), QStringLiteral("E:ID_BUS=%1").arg(d.bus),
                     QStringLiteral("E:ID_MODEL=%1").arg(QString(d.model).replace(QLatin1Char(' '), QLatin1Char('_'))),
                     QStringLiteral("E:ID_SERIAL_SHORT=%1").arg(d.serial.isEmpty() ? QStringLiteral("SN%1").arg(1000 + index) : d.serial),
                     QStringLiteral("E:ID_WWN=0x5000c500%1").arg(index, 8, 16, QLatin1Char('0')),
                     QStringLiteral("E:ID_PATH=pci-0000:00:1f.2-ata-%1").arg(index + 1)};
    if (!d.table.isEmpty())
        udev << QStringLiteral("E:ID_PART_TABLE_TYPE=%1").arg(d.table);
    if (!d.fsType.isEmpty())
        udev << QStringLiteral("E:ID_FS_TYPE=%1").arg(d.fsType);
    write(QStringLiteral("run/udev/data/b259:%1").arg(minor), udev.join(QLatin1Char('\n')).toUtf8() + '\n');
    if (!d.holder.isEmpty())
        write(dir + QStringLiteral("holders/%1").arg(d.holder), {});
    for (int n = 0; n < d.partitions.size(); ++n) {
        const Partition &p = d.partitions[n];
        const QString pdir = dir + p.name + QLatin1Char('/');
        writeDeviceNumber(pdir, QStringLiteral("259:%1").arg(minor + n + 1));
        write(pdir + QStringLiteral("partition"), line(n + 1));
        write(pdir + QStringLiteral("start"), line(p.startMiB * 2048));
        write(pdir + QStringLiteral("size"), line(p.sizeMiB * 2048));
        if (!p.holder.isEmpty())
            write(pdir + QStringLiteral("holders/%1").arg(p.holder), {});
        QStringList pudev{QStringLiteral("E:ID_PART_ENTRY_NUMBER=%1").arg(n + 1)};
        if (!p.fsType.isEmpty())
            pudev << QStringLiteral("E:ID_FS_TYPE=%1").arg(p.fsType);
        if (!p.uuid.isEmpty())
            pudev << QStringLiteral("E:ID_FS_UUID=%1").arg(p.uuid);
        if (!p.type.isEmpty() || p.fsType == QLatin1String("linux_raid_member"))
            pudev << QStringLiteral("E:ID_PART_ENTRY_TYPE=%1").arg(p.type.isEmpty() ? QLatin1String(raidPartitionType) : p.type);
        write(QStringLiteral("run/udev/data/b259:%1").arg(minor + n + 1), pudev.join(QLatin1Char('\n')).toUtf8() + '\n');
    }
}

void MachineTree::writeArray(const Array &a, int number)
{
    const QString dir = QStringLiteral("sys/block/%1/").arg(a.name);
    const QString md = dir + QStringLiteral("md/");
    writeDeviceNumber(dir, QStringLiteral("9:%1").arg(number));
    write(dir + QStringLiteral("size"), line(a.sizeKiB * 2));
    QDir().mkpath(m_root + QLatin1Char('/') + dir + QStringLiteral("holders"));
    write(md + QStringLiteral("level"), line(a.level));
    write(md + QStringLiteral("raid_disks"), line(a.raidDisks));
    write(md + QStringLiteral("array_state"), line(a.arrayState));
    write(md + QStringLiteral("metadata_version"), line(QStringLiteral("1.2")));
    write(md + QStringLiteral("chunk_size"), line(qint64(a.chunkKiB) * 1024));
    const int layout = a.level == QLatin1String("raid10") ? 0x102 : (a.level == QLatin1String("raid5") || a.level == QLatin1String("raid6")) ? 2 : 0;
    write(md + QStringLiteral("layout"), line(layout));
    write(md + QStringLiteral("uuid"), line(QStringLiteral("3d1f2a6b-8c44-11ef-9a55-0d0e5e1a%1").arg(number, 4, 10, QLatin1Char('0'))));
    if (a.level != QLatin1String("raid0") && a.level != QLatin1String("linear")) {
        write(md + QStringLiteral("degraded"), line(a.degraded));
        write(md + QStringLiteral("mismatch_cnt"), line(0));
        write(md + QStringLiteral("sync_action"), line(a.syncAction));
        write(md + QStringLiteral("sync_completed"),
              line(a.syncDoneKiB < 0 ? QStringLiteral("none") : QStringLiteral("%1 / %2").arg(a.syncDoneKiB * 2).arg(a.syncTotalKiB * 2)));
        write(md + QStringLiteral("sync_speed"), line(a.syncDoneKiB < 0 ? QStringLiteral("none") : QString::number(a.syncSpeedKiB)));
        write(md + QStringLiteral("sync_speed_min"), line(QStringLiteral("1000 (system)")));
        write(md + QStringLiteral("sync_speed_max"), line(QStringLiteral("200000 (system)")));
    }
    for (const Member &m : a.members) {
        const QString dev = md + QStringLiteral("dev-%1/").arg(m.device);
        write(dev + QStringLiteral("state"), line(m.state));
        write(dev + QStringLiteral("slot"), line(m.slot));
        write(dev + QStringLiteral("errors"), line(0));
    }
}

void MachineTree::writeMdstat()
{
    QStringList out{QStringLiteral("Personalities : [raid1] [raid6] [raid5] [raid4] [raid10] [raid0] ")};
    for (auto it = m_arrays.crbegin(); it != m_arrays.crend(); ++it) { // the kernel lists the newest first
        const Array &a = *it;
        QStringList members;
        for (auto m = a.members.crbegin(); m != a.members.crend(); ++m) {
            QString word = QStringLiteral("%1[%2]").arg(m->device).arg(m->index);
            if (m->state.contains(QLatin1String("write_mostly")))
                word += QStringLiteral("(W)");
            if (faulty(*m))
                word += QStringLiteral("(F)");
            else if (m->slot == QLatin1String("none"))
                word += QStringLiteral("(S)");
            else if (m->state.contains(QLatin1String("replacement")))
                word += QStringLiteral("(R)");
            members << word;
        }
        out << QStringLiteral("%1 : active %2 %3").arg(a.name, a.level, members.join(QLatin1Char(' ')));
        QString status;
        for (int slot = 0; slot < a.raidDisks; ++slot) {
            const bool up = std::any_of(a.members.begin(), a.members.end(), [&](const Member &m) {
                return m.slot == QString::number(slot) && inSync(m) && !faulty(m);
            });
            status += up ? QLatin1Char('U') : QLatin1Char('_');
        }
        const QString counts = QStringLiteral("[%1/%2] [%3]").arg(a.raidDisks).arg(a.raidDisks - a.degraded).arg(status);
        QString geometry;
        if (a.level == QLatin1String("raid1"))
            geometry = counts;
        else if (a.level == QLatin1String("raid10"))
            geometry = QStringLiteral("%1K chunks 2 near-copies %2").arg(a.chunkKiB).arg(counts);
        else if (a.level == QLatin1String("raid0"))
            geometry = QStringLiteral("%1k chunks").arg(a.chunkKiB);
        else
            geometry = QStringLiteral("level %1, %2k chunk, algorithm 2 %3").arg(a.level.mid(4)).arg(a.chunkKiB).arg(counts);
        out << QStringLiteral("      %1 blocks super 1.2 %2").arg(a.sizeKiB).arg(geometry);
        if (a.syncDoneKiB >= 0) {
            const int pm = perMille(a.syncDoneKiB, a.syncTotalKiB);
            const int bar = pm / 50;
            const QString label = a.syncAction == QLatin1String("recover") ? QStringLiteral("recovery")
                                : a.syncAction == QLatin1String("repair")  ? QStringLiteral("resync")
                                                                           : a.syncAction;
            const qint64 seconds = a.syncSpeedKiB > 0 ? (a.syncTotalKiB - a.syncDoneKiB) / a.syncSpeedKiB : 0;
            out << QStringLiteral("      [%1>%2]  %3 =%4.%5% (%6/%7) finish=%8.%9min speed=%10K/sec")
                       .arg(QString(bar, QLatin1Char('=')), QString(20 - bar, QLatin1Char('.')), label)
                       .arg(pm / 10, 3)
                       .arg(pm % 10)
                       .arg(a.syncDoneKiB)
                       .arg(a.syncTotalKiB)
                       .arg(seconds / 60)
                       .arg((seconds % 60) / 6)
                       .arg(a.syncSpeedKiB);
        }
        out << QStringLiteral("      ");
    }
    out << QStringLiteral("unused devices: <none>");
    write(QStringLiteral("proc/mdstat"), out.join(QLatin1Char('\n')).toUtf8() + '\n');
}

MachineTree::Array *MachineTree::array(const QString &name)
{
    for (Array &a : m_arrays)
        if (a.name == name)
            return &a;
    return nullptr;
}

void MachineTree::failMember(const QString &arrayName, const QString &device)
{
    Array *a = array(arrayName);
    for (Member &m : a->members) {
        if (m.device != device)
            continue;
        m.state = QStringLiteral("faulty");
        m.slot = QStringLiteral("none"); // md takes the role away once it stops using the device
        const QString dev = QStringLiteral("sys/block/%1/md/dev-%2/").arg(arrayName, device);
        write(dev + QStringLiteral("state"), line(m.state));
        write(dev + QStringLiteral("slot"), line(m.slot));
    }
    a->degraded += 1;
    write(QStringLiteral("sys/block/%1/md/degraded").arg(arrayName), line(a->degraded));
    writeMdstat();
}

void MachineTree::startSync(const QString &arrayName, const QString &action, qint64 doneKiB, qint64 totalKiB, qint64 speedKiB)
{
    Array *a = array(arrayName);
    a->syncAction = action;
    a->syncTotalKiB = totalKiB;
    a->syncSpeedKiB = speedKiB;
    write(QStringLiteral("sys/block/%1/md/sync_action").arg(arrayName), line(action));
    advanceSync(arrayName, doneKiB);
}

void MachineTree::advanceSync(const QString &arrayName, qint64 doneKiB)
{
    Array *a = array(arrayName);
    a->syncDoneKiB = doneKiB;
    const QString md = QStringLiteral("sys/block/%1/md/").arg(arrayName);
    write(md + QStringLiteral("sync_completed"), line(QStringLiteral("%1 / %2").arg(doneKiB * 2).arg(a->syncTotalKiB * 2)));
    write(md + QStringLiteral("sync_speed"), line(a->syncSpeedKiB));
    writeMdstat();
}

void MachineTree::finishSync(const QString &arrayName)
{
    Array *a = array(arrayName);
    const QString md = QStringLiteral("sys/block/%1/md/").arg(arrayName);
    a->syncAction = QStringLiteral("idle");
    a->syncDoneKiB = -1;
    int working = 0;
    for (Member &m : a->members) {
        if (m.slot != QLatin1String("none") && !faulty(m) && !inSync(m)) {
            m.state = QStringLiteral("in_sync");
            write(md + QStringLiteral("dev-%1/state").arg(m.device), line(m.state));
        }
        working += m.slot != QLatin1String("none") && inSync(m) && !faulty(m);
    }
    a->degraded = a->raidDisks - working;
    write(md + QStringLiteral("sync_action"), line(a->syncAction));
    write(md + QStringLiteral("sync_completed"), line(QStringLiteral("none")));
    write(md + QStringLiteral("sync_speed"), line(QStringLiteral("none")));
    write(md + QStringLiteral("degraded"), line(a->degraded));
    writeMdstat();
}

void MachineTree::addMember(const QString &arrayName, const Member &member)
{
    Array *a = array(arrayName);
    a->members << member;
    const QString dev = QStringLiteral("sys/block/%1/md/dev-%2/").arg(arrayName, member.device);
    write(dev + QStringLiteral("state"), line(member.state));
    write(dev + QStringLiteral("slot"), line(member.slot));
    write(dev + QStringLiteral("errors"), line(0));
    for (const Disk &d : m_disks)
        for (const Partition &p : d.partitions)
            if (p.name == member.device)
                write(QStringLiteral("sys/block/%1/%2/holders/%3").arg(d.name, p.name, arrayName), {});
    writeMdstat();
}

void MachineTree::removeMemberDir(const QString &arrayName, const QString &device)
{
    Array *a = array(arrayName);
    a->members.erase(std::remove_if(a->members.begin(), a->members.end(), [&](const Member &m) { return m.device == device; }),
                     a->members.end());
    remove(QStringLiteral("sys/block/%1/md/dev-%2").arg(arrayName, device));
    writeMdstat();
}

void MachineTree::describeLargeMachine(int diskCount, int arrayCount, QList<Disk> *disks, QList<Array> *arrays)
{
    const qint64 diskGiB = 3726; // a "4 TB" drive
    for (int i = 0; i < diskCount; ++i) {
        Disk d;
        d.name = diskName(i);
        d.sizeGiB = diskGiB;
        d.model = i % 2 ? QStringLiteral("ST4000NM000A-2HZ100") : QStringLiteral("WDC WD40EFZX-68AWUN0");
        d.partitions << Partition{d.name + QLatin1Char('1'), 1, 1024, QStringLiteral("ext4"), {}}
                     << Partition{d.name + QLatin1Char('2'), 1025, diskGiB * 1024 - 1026, {}, {}};
        *disks << d;
    }
    static const char *levels[] = {"raid1", "raid5", "raid10", "raid6"};
    const int perArray = qMax(2, diskCount / qMax(1, arrayCount));
    for (int n = 0; n < arrayCount; ++n) {
        Array a;
        a.name = QStringLiteral("md%1").arg(n);
        a.level = QLatin1String(levels[n % 4]);
        if (a.level == QLatin1String("raid6") && perArray < 4)
            a.level = QStringLiteral("raid5");
        a.raidDisks = perArray;
        a.chunkKiB = a.level == QLatin1String("raid1") ? 0 : 512;
        const qint64 memberKiB = (diskGiB * 1024 - 1026) * 1024;
        // Usable size in member-sized units, times two so RAID-10's n/2 stays whole.
        const int halves = a.level == QLatin1String("raid1") ? 2 : a.level == QLatin1String("raid5") ? 2 * (a.raidDisks - 1)
                         : a.level == QLatin1String("raid6") ? 2 * (a.raidDisks - 2) : a.raidDisks;
        a.sizeKiB = memberKiB * halves / 2;
        for (int s = 0; s < a.raidDisks; ++s) {
            const int diskIndex = (n * perArray + s) % diskCount;
            Disk &d = (*disks)[diskIndex];
            d.partitions[1].fsType = QStringLiteral("linux_raid_member");
            d.partitions[1].holder = a.name;
            a.members << Member{d.partitions[1].name, QStringLiteral("in_sync"), QString::number(s), s};
        }
        *arrays << a;
    }
}

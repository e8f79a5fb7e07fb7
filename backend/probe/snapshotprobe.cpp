// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "snapshotprobe.h"
#include "blockprobe.h"
#include "drivehealthprobe.h"
#include "lvmprobe.h"
#include "mdstatparser.h"
#include "mdsysfsprobe.h"
#include "mountprobe.h"
#include "soliddrives.h"
#include "textfile.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace plexus {

namespace {

bool isArrayName(const QString &name) { return name.startsWith(QLatin1String("md")); }
bool isMapperName(const QString &name) { return name.startsWith(QLatin1String("dm-")); }

bool holdsPhysicalVolume(const Disk &d)
{
    const QLatin1String pv("LVM2_member");
    return d.fsType == pv || std::any_of(d.partitions.begin(), d.partitions.end(), [&](const Partition &p) { return p.fsType == pv; });
}

// statvfs is asked with a whole snapshot only (it can wait on a busy disk):
// a partial one keeps what was read for the mounts that stayed.
void keepUsage(const QList<Mount> &before, QList<Mount> *now)
{
    for (Mount &m : *now)
        for (const Mount &was : before)
            if (was.device == m.device && was.mountPoint == m.mountPoint) {
                m.sizeBytes = was.sizeBytes;
                m.usedBytes = was.usedBytes;
                m.availableBytes = was.availableBytes;
                break;
            }
}

// mdstat's lines of the arrays `only` and those of no array (personalities,
// unused devices): a progress tick reads one array, and parsing every array's
// lines took most of its time on a large machine.
QString linesOf(const QString &mdstat, const QSet<QString> &only)
{
    QString kept;
    QString array; // whose lines these are; empty: no array's
    for (const QStringView line : QStringView(mdstat).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("md")) && line.contains(QLatin1String(" : ")))
            array = line.left(line.indexOf(QLatin1Char(' '))).toString();
        else if (line.startsWith(QLatin1String("Personalities")) || line.startsWith(QLatin1String("unused devices")))
            array.clear();
        if (array.isEmpty() || only.contains(array)) {
            kept += line;
            kept += QLatin1Char('\n');
        }
    }
    return kept;
}

} // namespace

SnapshotProbe::SnapshotProbe(const QString &root, Detail detail) : m_root(root), m_detail(detail) {}

void mergeMdstatDetails(Array *a, const Array &m)
{
    for (Member &member : a->members)
        if (const Member *fromText = m.member(member.device))
            member.index = fromText->index;
    if (a->sync && m.sync) {
        // md/sync_completed moves only at checkpoints (1/16 of the array, or
        // every 5 min); mdstat prints the live position: take it when ahead.
        if (m.sync->action == a->sync->action && m.sync->doneKib && m.sync->totalKib == a->sync->totalKib
            && (!a->sync->doneKib || *m.sync->doneKib > *a->sync->doneKib)) {
            a->sync->doneKib = m.sync->doneKib;
            a->sync->percent = m.sync->percent;
        }
        if (m.sync->finishMinutes)
            a->sync->finishMinutes = m.sync->finishMinutes;
        if (m.sync->status == SyncStatus::Pending)
            a->sync->status = SyncStatus::Pending;
    } else if (!a->sync && m.sync && m.sync->status != SyncStatus::Running) {
        a->sync = m.sync; // a pending resync shows in mdstat only
    }
    if (m.bitmap)
        a->bitmap = m.bitmap;
    if (a->memberStatus.isEmpty())
        a->memberStatus = m.memberStatus;
}

SnapshotPtr SnapshotProbe::take(QStringList *warnings) const
{
    auto snap = std::make_shared<Snapshot>();
    snap->takenAt = QDateTime::currentDateTimeUtc();
    readArrays(snap.get(), warnings);

    snap->disks = BlockProbe(m_root).disks();
    const bool full = m_detail == Detail::Full;
    if (full && m_root == QLatin1String("/"))
        enrichWithSolid(&snap->disks);
    if (m_health)
        applyDriveHealth(&snap->disks, *m_health);
    else if (full && m_root == QLatin1String("/"))
        applyDriveHealth(&snap->disks, readDriveHealth());
    snap->mounts = readMounts(m_root);
    if (full && m_root == QLatin1String("/"))
        readUsage(&snap->mounts);
    snap->swaps = readSwaps(m_root);
    snap->volumeGroups = LvmProbe(m_root, full).volumeGroups(warnings);
    return snap;
}

SnapshotPtr SnapshotProbe::takeArrays(const Snapshot &previous, const std::optional<QSet<QString>> &only, QStringList *warnings) const
{
    auto snap = std::make_shared<Snapshot>(previous);
    snap->takenAt = QDateTime::currentDateTimeUtc();
    readArrays(snap.get(), warnings, only);
    if (m_health)
        applyDriveHealth(&snap->disks, *m_health);
    // Mounts and swaps change with no md notification, and what an array holds
    // decides whether shutdown is held off (monitor/shutdownhold.h); two small reads.
    snap->mounts = readMounts(m_root);
    keepUsage(previous.mounts, &snap->mounts);
    snap->swaps = readSwaps(m_root);
    return snap;
}

QSet<QString> SnapshotProbe::disksOf(const QString &name, const Snapshot &previous) const
{
    const QString sysBlock = (m_root == QLatin1String("/") ? QString() : m_root) + QStringLiteral("/sys/block/");
    QSet<QString> disks;
    // What it was: a disk, a partition's disk, or (md, dm) what it held.
    for (const Disk &d : previous.disks) {
        if (d.name == name || d.partition(name) || d.holders.contains(name))
            disks.insert(d.name);
        for (const Partition &p : d.partitions)
            if (p.holders.contains(name))
                disks.insert(d.name);
    }
    // What it is now: an array or volume's slaves, a disk, a new partition's disk.
    QStringList now{name};
    if (isArrayName(name) || isMapperName(name)) {
        now = listDir(sysBlock + name + QStringLiteral("/slaves"));
        for (const QString &entry : listDir(sysBlock + name + QStringLiteral("/md")))
            if (entry.startsWith(QLatin1String("dev-"))) // md's own word, where slaves/ lags
                now << entry.mid(4);
    }
    for (const QString &n : now) {
        if (!BlockProbe::isDiskName(n))
            continue; // md on dm and the like: that layer reports itself
        if (QFileInfo::exists(sysBlock + n)) {
            disks.insert(n);
            continue;
        }
        // A partition lies in its disk's directory: look where it was, else everywhere.
        const auto holds = [&](const QString &disk) { return QFileInfo::exists(sysBlock + disk + QLatin1Char('/') + n + QStringLiteral("/partition")); };
        if (std::any_of(disks.begin(), disks.end(), holds))
            continue;
        for (const QString &disk : listDir(sysBlock))
            if (holds(disk)) {
                disks.insert(disk);
                break;
            }
    }
    return disks;
}

SnapshotPtr SnapshotProbe::takeDevices(const Snapshot &previous, const QSet<QString> &names, QStringList *warnings) const
{
    QSet<QString> arrays, disks;
    bool volumes = false;
    for (const QString &name : names) {
        if (isArrayName(name))
            arrays.insert(name);
        volumes = volumes || isMapperName(name);
        disks.unite(disksOf(name, previous));
    }
    auto snap = std::make_shared<Snapshot>(*takeArrays(previous, arrays, warnings));

    const QString sysBlock = (m_root == QLatin1String("/") ? QString() : m_root) + QStringLiteral("/sys/block/");
    QList<Disk> read;
    for (const QString &name : disks) {
        const auto was = std::find_if(snap->disks.begin(), snap->disks.end(), [&](const Disk &d) { return d.name == name; });
        volumes = volumes || (was != snap->disks.end() && holdsPhysicalVolume(*was));
        if (was != snap->disks.end())
            snap->disks.erase(was);
        // As disks() counts them: a real disk has the hardware it sits on.
        if (QFileInfo::exists(sysBlock + name + QStringLiteral("/device")))
            read.append(BlockProbe(m_root).disk(name));
    }
    if (m_detail == Detail::Full && m_root == QLatin1String("/"))
        enrichWithSolid(&read);
    if (m_health)
        applyDriveHealth(&read, *m_health);
    for (const Disk &d : read) {
        volumes = volumes || holdsPhysicalVolume(d);
        // disks() lists /sys/block by name: keep that order.
        const auto at = std::find_if(snap->disks.begin(), snap->disks.end(), [&](const Disk &other) { return d.name < other.name; });
        snap->disks.insert(at, d);
    }
    if (volumes)
        snap->volumeGroups = LvmProbe(m_root, m_detail == Detail::Full).volumeGroups(warnings);
    return snap;
}

void SnapshotProbe::readArrays(Snapshot *snap, QStringList *warnings, const std::optional<QSet<QString>> &only) const
{
    const QString base = m_root == QLatin1String("/") ? QString() : m_root;

    MdstatContents mdstat;
    QFile mdstatFile(base + QStringLiteral("/proc/mdstat"));
    if (mdstatFile.open(QIODevice::ReadOnly)) {
        QString error;
        const QString text = QString::fromUtf8(mdstatFile.readAll());
        if (!parseMdstat(only ? linesOf(text, *only) : text, &mdstat, &error) && warnings)
            warnings->append(QStringLiteral("/proc/mdstat: %1").arg(error));
    }
    snap->personalities = mdstat.personalities;
    snap->unusedDevices = mdstat.unusedDevices;

    const MdSysfsProbe md(m_root);
    if (!only) {
        snap->arrays = md.arrays(warnings);
    } else {
        for (const QString &name : *only) {
            const auto it = std::find_if(snap->arrays.begin(), snap->arrays.end(), [&](const Array &a) { return a.name == name; });
            std::optional<Array> now = md.array(name, warnings);
            if (now && it != snap->arrays.end())
                *it = *now;
            else if (now)
                snap->arrays.append(*now);
            else if (it != snap->arrays.end())
                snap->arrays.erase(it);
        }
        std::sort(snap->arrays.begin(), snap->arrays.end(), [](const Array &a, const Array &b) { return MdSysfsProbe::nameLess(a.name, b.name); });
    }
    for (Array &a : snap->arrays) {
        if (only && !only->contains(a.name))
            continue; // as merged when it was read
        for (const Array &m : mdstat.arrays)
            if (m.name == a.name)
                mergeMdstatDetails(&a, m);
    }
}

SnapshotPtr SnapshotProbe::fromMdstat(const MdstatContents &contents)
{
    auto snap = std::make_shared<Snapshot>();
    snap->takenAt = QDateTime::currentDateTimeUtc();
    snap->arrays = contents.arrays;
    snap->personalities = contents.personalities;
    snap->unusedDevices = contents.unusedDevices;
    return snap;
}

} // namespace plexus

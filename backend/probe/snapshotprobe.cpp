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

#include <QFile>

#include <algorithm>

namespace plexus {

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
    snap->swaps = readSwaps(m_root);
    return snap;
}

void SnapshotProbe::readArrays(Snapshot *snap, QStringList *warnings, const std::optional<QSet<QString>> &only) const
{
    const QString base = m_root == QLatin1String("/") ? QString() : m_root;

    MdstatContents mdstat;
    QFile mdstatFile(base + QStringLiteral("/proc/mdstat"));
    if (mdstatFile.open(QIODevice::ReadOnly)) {
        QString error;
        if (!parseMdstat(QString::fromUtf8(mdstatFile.readAll()), &mdstat, &error) && warnings)
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

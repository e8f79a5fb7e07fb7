// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "storagemonitor.h"
#include "probe/plannedfailures.h"
#include "probe/snapshotprobe.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

namespace plexus {

namespace {
Q_LOGGING_CATEGORY(lcStorage, "plexus.storage", QtInfoMsg) // QT_LOGGING_RULES=plexus.storage.debug=true: what each change read
}

StorageMonitor::StorageMonitor(const QString &root, QObject *parent)
    : QObject(parent)
    , m_root(root)
    , m_watcher(root)
    , m_current(SnapshotProbe(root, SnapshotProbe::Detail::Fast).take())
{
    connect(&m_watcher, &MdWatcher::changed, this, &StorageMonitor::takeSnapshot);
    // That whole snapshot is the baseline: the next change reads only what it is about.
    m_watcher.takeChangedDevices();
    m_watcher.takeChangedArrays();
}

void StorageMonitor::watchDriveHealth()
{
    if (m_root != QLatin1String("/") || m_healthWatcher)
        return;
    m_health = readDriveHealth();
    m_healthWatcher = new DriveHealthWatcher(this);
    connect(m_healthWatcher, &DriveHealthWatcher::changed, this, [this] {
        m_health = readDriveHealth();
        takeSnapshot();
    });
    // The drives as they are now join the baseline: only changes from here are news.
    // The arrays stay as first read: whatever md did meanwhile is told at its notification.
    auto baseline = std::make_shared<Snapshot>(*m_current);
    applyDriveHealth(&baseline->disks, *m_health);
    m_current = baseline;
}

SnapshotProbe StorageMonitor::probe() const
{
    SnapshotProbe probe(m_root, SnapshotProbe::Detail::Fast);
    if (m_health)
        probe.setDriveHealth(*m_health);
    return probe;
}

void StorageMonitor::refresh()
{
    m_watcher.refresh(); // re-reads, then changed() arrives coalesced
}

void StorageMonitor::takeSnapshot()
{
    // An md notification re-reads the arrays it was about only: that is the
    // failure-to-notification latency, which must not grow with the machine
    // (a whole snapshot reads every disk's udev record).
    const SnapshotProbe fast = probe();
    const std::optional<QSet<QString>> devices = m_watcher.takeChangedDevices();
    const std::optional<QSet<QString>> arrays = m_watcher.takeChangedArrays();
    QElapsedTimer clock;
    clock.start();
    SnapshotPtr next = devices ? fast.takeArrays(*m_current, arrays) : fast.take();
    if (devices && !devices->isEmpty())
        next = fast.takeDevices(*next, *devices);
    const qint64 read = clock.elapsed();
    QList<Event> events = deriveEvents(*m_current, *next);
    markPlanned(&events, m_root);
    const auto names = [](const QSet<QString> &set) { return QStringList(set.begin(), set.end()).join(QLatin1Char(' ')); };
    const QString what = !devices            ? QStringLiteral("everything")
        : !devices->isEmpty()                ? names(*devices) + (arrays && !arrays->isEmpty() ? QLatin1Char(' ') + names(*arrays) : QString())
        : arrays                             ? names(*arrays)
                                             : QStringLiteral("every array");
    qCDebug(lcStorage, "read %s in %lld ms, %lld ms with its events", qPrintable(what), read, clock.elapsed());
    m_current = next;
    Q_EMIT snapshotChanged(m_current);
    if (!events.isEmpty())
        Q_EMIT eventsOccurred(events);
}

} // namespace plexus

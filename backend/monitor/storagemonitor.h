// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The machine's storage, kept current: on every kernel notification (MdWatcher)
// it takes a fast snapshot, compares it with the last one, and reports typed
// events. Shared by the window, `plexus --monitor` and `plexusctl monitor`.

#include "events.h"
#include "mdwatcher.h"
#include "probe/drivehealthprobe.h"
#include "model/snapshot.h"
#include "probe/snapshotprobe.h"

#include <QObject>

namespace plexus {

class StorageMonitor : public QObject
{
    Q_OBJECT
public:
    explicit StorageMonitor(const QString &root = QStringLiteral("/"), QObject *parent = nullptr);

    SnapshotPtr snapshot() const { return m_current; }
    MdWatcher *watcher() { return &m_watcher; }

    // Also follow the drives' own health (UDisks; the live machine only): what
    // `plexusctl monitor` and `plexus --monitor` tell of. plexus-helper, which
    // watches md only to hold off shutdown, does not ask UDisks at all.
    void watchDriveHealth();

public Q_SLOTS:
    // Re-read now (tests that edit a fixture tree; the user pressing F5).
    void refresh();

Q_SIGNALS:
    void snapshotChanged(plexus::SnapshotPtr snapshot);
    void eventsOccurred(const QList<plexus::Event> &events);

private:
    void takeSnapshot();
    SnapshotProbe probe() const;

    QString m_root;
    MdWatcher m_watcher;
    // Drives' own health, from UDisks (live machine only): read again when UDisks
    // says it read a drive, and put on every snapshot in between.
    DriveHealthWatcher *m_healthWatcher = nullptr;
    std::optional<QHash<QString, DriveHealth>> m_health;
    SnapshotPtr m_current;
};

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Says when md state may have changed, without polling while nothing happens.
//
// md calls sysfs_notify() on ROOT/proc/mdstat and on md/{array_state, degraded,
// sync_action, sync_completed} and md/dev-*/state: each is watched with
// poll(POLLPRI) through a QSocketNotifier. sync_completed only fires at
// checkpoints, so a 1 s timer re-reads while some array's sync_action is not
// idle, and only then. On the live system, Solid reports disks arriving and
// leaving. Listeners get changed() (coalesced) and take a new snapshot, of
// the arrays that changed only when nothing else did (takeChangedArrays).

#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <utility>

namespace plexus {

class MdWatcher : public QObject
{
    Q_OBJECT
public:
    explicit MdWatcher(const QString &root = QStringLiteral("/"), QObject *parent = nullptr);
    ~MdWatcher() override;

    // Files with an open notifier, sorted: for tests and diagnostics.
    QStringList watchedPaths() const;
    // True while the progress timer runs (some array syncs).
    bool isFollowingProgress() const;
    // The block devices ("sdb1", "md0") udev saw come or go since the last
    // call: those are read again (SnapshotProbe::takeDevices). nullopt when
    // everything must be (a refresh(), the first call). Resets.
    std::optional<QSet<QString>> takeChangedDevices();
    // The arrays ("md0") whose files changed since the last call: /proc/mdstat
    // counts for the arrays whose lines in it changed. nullopt when every array
    // must be read again (a refresh(), mdstat's other lines, the first call).
    // Resets.
    std::optional<QSet<QString>> takeChangedArrays();

    // The kernel name in UDisks' object path of a block device, which Solid
    // uses as its UDI: ".../block_devices/dm_2d0" -> "dm-0" (UDisks writes each
    // byte outside [A-Za-z0-9] as _XX). Empty for drives (each comes with its
    // block device) and for other kinds of device.
    static QString blockDeviceOfUdi(const QString &udi);

public Q_SLOTS:
    // Re-reads every watched file, re-scans arrays and members, then emits
    // changed(). Tests call it after editing a fixture tree: regular files
    // never signal POLLPRI.
    void refresh();
    // Re-reads every watched file and reports what changed, as md's own
    // notifications would: only the arrays whose files differ, and nothing at
    // all when none does. The benchmark and tests call it after editing a
    // fixture tree, where files never signal.
    void recheck();
    // The progress timer's tick: the same for /proc/mdstat and each array's
    // sync_completed and sync_action only, with no look for new arrays or
    // members (md's notifications bring those).
    void progressTick();
    // What md's notification on the watched file `path` makes the watcher do:
    // re-read it and, when it changed, look for new files among the arrays
    // noted and report. Its notifier calls it; tests and the benchmark call it
    // after editing a fixture tree, where files never signal.
    void notified(const QString &path);
    // What udev's word that the block device `name` ("sdb") came or went makes
    // the watcher do: note it and report. Solid calls it on the live system;
    // tests and the benchmark on fixture trees, which have no udev.
    void deviceCameOrWent(const QString &name);

Q_SIGNALS:
    void changed();

private:
    struct Watch;

    // The files to watch: mdstat and those of `arrays` ("md0"), or of every array.
    QStringList wantedPaths(const std::optional<QSet<QString>> &arrays = std::nullopt) const;
    // Watches what wantedPaths() lists and drops what is gone, among `arrays`
    // only when given; true when the set of watched files changed.
    bool rescan(const std::optional<QSet<QString>> &arrays = std::nullopt);
    bool reread(Watch *watch);            // true when its content changed
    void drop(const QString &path);
    // Re-reads the watched files `which` accepts; `lookForNew`: rescan() after a change.
    void rereadWatches(const std::function<bool(const QString &)> &which, bool lookForNew);
    void afterChange(bool lookForNew = true);
    // The md directories (".../sys/block/md0/md/") of the arrays whose
    // sync_action, as last read, says md is at work on them.
    QStringList workingArrays() const;
    void updateProgressTimer();
    void onCooldownEnded();
    void noteChanged(const QString &path, const Watch &watch);
    void noteArrayOf(const QString &path);

    QString m_base;                       // root without trailing '/'; empty for "/"
    std::map<QString, std::unique_ptr<Watch>> m_watches;
    QTimer m_progressTimer;
    QTimer m_emitSoon;                    // 0 ms: the first change is told at once
    QTimer m_cooldown;                    // then at most one changed() per window
    bool m_changedInCooldown = false;
    QSet<QString> m_changedDevices;
    bool m_allDevicesChanged = true;      // the first snapshot is a whole one
    QSet<QString> m_changedArrays;
    bool m_allArraysChanged = true;
};

} // namespace plexus

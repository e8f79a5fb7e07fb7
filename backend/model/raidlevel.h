// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What each md RAID level needs and survives: the one place that knows. The
// probe, the mdstat parser, the validator, the planner, the events, the words and
// the create dialog all ask here, so they cannot disagree.

#include <QList>
#include <QSet>
#include <QString>

namespace plexus {

struct RaidLevel {
    QString name;          // the kernel's and mdadm's spelling: "raid1", "linear", "multipath"
    int minDevices = 2;    // to create (a RAID-1 of one device needs force_single)
    bool redundant = false;  // keeps a copy of every block elsewhere: spares, bitmap, check/repair make sense
    bool striped = false;    // has a chunk size
    int parities = 0;        // parity blocks per stripe (raid4/5: 1, raid6: 2); these have md's "algorithm" layouts
    bool reshapeDevices = false; // the number of devices can be changed (grow)
    bool shrinkDevices = false;  // ... also downwards (Plexus shrinks mirrors only)
    bool growSize = false;       // "size max" grows it onto its members' whole size
    bool creatable = true;       // Plexus creates it (multipath: no, it is deprecated)
    bool slotStatus = false;     // md tracks each slot's health and prints "[n/m] [UU_]" for it

    // Usable bytes of an array of `devices` slots whose smallest member holds
    // `smallest` bytes of data and whose members hold `sum` bytes together.
    qint64 capacity(int devices, qint64 smallest, qint64 sum) const;
    // Does the data survive with the slots in `lost` (0-based) missing or failed?
    // raid10Layout is md's "2 near-copies" etc. (empty: md's default, near 2).
    bool survives(int devices, const QSet<int> &lost, const QString &raid10Layout = {}) const;
    // Why not, in words, when it does not: "2 of 4 members would be missing; it survives one".
    QString lossProblem(int devices, const QSet<int> &lost, const QString &raid10Layout = {}) const;
    // How many failed devices, whichever they are, it always survives (RAID-10 near 2: 1).
    int failuresAlwaysSurvived(int devices, const QString &raid10Layout = {}) const;
    // How many more devices, whichever they are, it survives with `lost` already
    // missing; 0 when it does not survive `lost` itself.
    int failuresStillSurvived(int devices, const QSet<int> &lost, const QString &raid10Layout = {}) const;
    // How many devices may fail at best (RAID-10 near 2 with 4 devices: 2, one per pair).
    int failuresAtBestSurvived(int devices, const QString &raid10Layout = {}) const;
    // Read and write throughput relative to one disk (for the create dialog).
    double readFactor(int devices) const;
    double writeFactor(int devices) const;
};

// The level `nameOrAlias` names ("1", "mirror", "RAID5", "concat", "raid10"); nullptr if none.
const RaidLevel *raidLevel(const QString &nameOrAlias);
// Every level Plexus knows, in the order the create dialog offers them.
const QList<RaidLevel> &raidLevels();
// The names of the levels Plexus creates, for messages: "linear, raid0, raid1, ...".
QStringList creatableLevelNames();

} // namespace plexus

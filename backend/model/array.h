// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The md side of the model: an array, its members and the kernel's sync work.
// Plain values: a Snapshot owns them and never changes after it is built.

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace plexus {

// What the kernel says the array is doing as a whole (mdstat's first word, or
// derived from md/array_state).
enum class ArrayState { Active, Inactive, ReadOnly, AutoReadOnly, Broken };
QString toString(ArrayState s);   // "active", "inactive", "read-only", "auto-read-only", "broken"

// Kernel-started background work. Repair prints as "resync" in /proc/mdstat;
// only md/sync_action tells them apart.
enum class SyncAction { Resync, Recovery, Reshape, Check, Repair };
QString toString(SyncAction a);   // "resync", "recovery", "reshape", "check", "repair"
std::optional<SyncAction> syncActionFromKernelWord(const QString &word); // accepts "recover" too

enum class SyncStatus { Running, Delayed, Pending };
QString toString(SyncStatus s);   // "running", "delayed", "pending"

struct SyncProgress {
    SyncAction action = SyncAction::Resync;
    SyncStatus status = SyncStatus::Running;
    std::optional<double> percent;       // 0..100, one decimal as the kernel prints it
    std::optional<qint64> doneKib;
    std::optional<qint64> totalKib;
    std::optional<double> finishMinutes; // kernel's estimate
    std::optional<qint64> speedKibPerSec;

    bool operator==(const SyncProgress &) const = default;
};

struct Member {
    QString device;                 // kernel name: "sdb1", "vdc", "scsi/host0/bus0/target1/lun0/part6"
    int index = -1;                 // the number md prints in brackets (superblock desc_nr)
    std::optional<int> slot;        // role in the array (md/dev-*/slot); none for spares/faulty
    bool faulty = false;
    bool spare = false;
    bool writeMostly = false;
    bool replacement = false;       // a hot-replacement being rebuilt next to the member it replaces
    bool journal = false;
    bool inSync = false;            // only known from sysfs
    bool wantReplacement = false;   // only known from sysfs
    bool blocked = false;           // only known from sysfs
    bool writeError = false;        // only known from sysfs
    std::optional<qint64> errors;   // md/dev-*/errors: corrected read errors
    QStringList rawState;           // md/dev-*/state words as read, for the details pane

    bool operator==(const Member &) const = default;
};

struct Bitmap {
    qint64 pagesInMemory = 0;       // "P/T pages": bitmap pages loaded in memory / total
    qint64 pagesTotal = 0;
    qint64 memoryKib = 0;
    qint64 chunkBytes = 0;
    QString file;                   // empty for an internal bitmap

    bool operator==(const Bitmap &) const = default;
};

struct Array {
    QString name;                   // "md0", "md127"
    ArrayState state = ArrayState::Active;
    std::optional<QString> level;   // "raid1", "raid5", "linear", ...; none for inactive
    std::optional<int> raidDisks;
    std::optional<int> activeDisks;
    bool degraded = false;
    std::optional<qint64> sizeKib;
    std::optional<QString> metadata; // "1.2", "0.90", "external:imsm", "non-persistent"
    std::optional<int> chunkKib;
    std::optional<int> layout;      // raid4/5/6 algorithm number
    QString raid10Layout;           // "2 near-copies", "2 far-copies", "2 offset-copies"
    QString memberStatus;           // "UU_" as the kernel prints it, when it does
    QList<Member> members;
    std::optional<SyncProgress> sync;
    std::optional<Bitmap> bitmap;
    // Known only from sysfs:
    QString arrayStateWord;         // md/array_state raw word: clean, active, readonly, ...
    std::optional<qint64> mismatchCount;
    std::optional<int> degradedCount; // md/degraded: how many slots lack a working member
    std::optional<qint64> syncSpeedMin; // KiB/s, effective
    std::optional<qint64> syncSpeedMax;
    QString uuid;
    // What the array holds (udev): "ext4", "LVM2_member", "swap"; empty when blank or unknown.
    QString fsType;
    QString fsLabel;

    const Member *member(const QString &device) const;
    int missingCount() const;       // slots without a working member
    bool isRedundant() const;       // keeps a second copy of its data (model/raidlevel)
    // Slots without a working member, where the kernel says which ("[UU_U]", or
    // the members' slots); may hold fewer than missingCount() when it does not.
    QSet<int> missingSlots() const;
    // Too many members, or the wrong ones, are missing for its level: the data is gone.
    bool dataLost() const;

    // Field by field: whether a card must be drawn again.
    bool operator==(const Array &) const = default;
};

} // namespace plexus

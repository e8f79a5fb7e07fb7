// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The backup copies the helper recorded (Backups(), engine/backuprecord.h), and
// which of them the window can see now. The window cannot read md superblocks
// without root, so it pairs a record with a device by what udev says: a disk or
// partition carrying the md superblock of a running mirror's UUID without being
// in it is a copy cut off from it; a record whose device is not there is "not
// plugged in". An open copy is one a loop device reads (its backing file).

#include "engine/backuprecord.h"
#include "model/snapshot.h"

#include <QObject>
#include <QVariantMap>

namespace plexus {

class SystemView;

// One copy of an array, as the card draws it.
struct DetachedCopy {
    QString device;                      // its kernel name now ("sdc1"); empty: not plugged in
    std::optional<BackupRecord> record;  // none: a copy Plexus has no record of
    QStringList loops;                   // loop devices reading it ("loop0"): it is open

    // "sdc1", or the record's name at the cut for one not plugged in.
    QString name() const;
};

class BackupList : public QObject
{
    Q_OBJECT
public:
    explicit BackupList(QObject *parent = nullptr);

    // As Backups() returns them; unreadable entries are skipped.
    void setRecords(const QList<QVariantMap> &records);
    const QList<BackupRecord> &records() const { return m_records; }

Q_SIGNALS:
    void changed();

private:
    QList<BackupRecord> m_records;
};

// The disks and partitions of a snapshot by their UUID's hex digits, in disk
// order: made once per snapshot, so that each card looking for its copies does
// not go through every device.
using DevicesByUuid = QHash<QString, QStringList>;
DevicesByUuid devicesByUuid(const Snapshot &snapshot);
// The copies of `array`: those plugged in (in disk order), then records of
// copies not plugged in (newest first). `system` answers which loops are open.
QList<DetachedCopy> detachedCopies(const Array &array, const Snapshot &snapshot, const DevicesByUuid &devices, const QList<BackupRecord> &records,
                                   const SystemView *system);
// Whether the disk or partition `device` holds a copy cut off `array` (udev's view, see above).
bool isDetachedCopyOf(const Snapshot &snapshot, const Array &array, const QString &device);
// The running mirror `device` holds a copy of, if any.
const Array *copiedArray(const Snapshot &snapshot, const QString &device);
// "just now", "5 minutes ago", "2 hours ago", "3 days ago", "4 months ago".
QString ageWords(const QDateTime &then, const QDateTime &now);

} // namespace plexus

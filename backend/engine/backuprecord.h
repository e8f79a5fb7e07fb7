// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Which disk holds a copy of which mirror (BackUpToDisk, ops/backup.h): one
// record per copy, kept by the helper beside the job journal, named by the
// copy's md Device UUID (which stays with the disk whatever the kernel calls
// it). A refresh is incremental only while the copy is as the record left it.

#include "status.h"

#include <QDateTime>
#include <QJsonObject>
#include <optional>

namespace plexus {

struct BackupRecord {
    QString arrayUuid;        // the mirror copied, as mdadm prints it
    QString array;            // its name then: "md0"
    QString deviceUuid;       // the copy's own superblock identity
    QString device;           // its kernel name then: "vdc1"
    qint64 sizeBytes = 0;     // the copy's data: the array's size then
    qint64 events = 0;        // the copy's superblock event count at the cut
    QString contentStamp;     // what the filesystem on it says of its writes at the cut (SystemView::contentStamp)
    QDateTime cutAt;          // when it was detached (UTC)
    qint64 copiedBytes = 0;   // written onto the copy by this backup
    bool incremental = false; // only what changed was copied
    QString job;

    QJsonObject toJson() const;
    static std::optional<BackupRecord> fromJson(const QJsonObject &o);
    // "a copy of md0 as of 2026-12-04 09:55 UTC (event 120): 3 MiB copied of 96 MiB, only what had changed"
    QString words() const;
};

// <journal directory>/backups
QString backupRecordDirectory(const QString &journalDirectory);
// "3f0c1a2b:..." -> "3f0c1a2b-....json": a plain file name.
QString backupRecordFileName(const QString &deviceUuid);
Status writeBackupRecord(const BackupRecord &record, const QString &directory);
// Forgets the copy whose Device UUID is `deviceUuid` (it was overwritten).
void removeBackupRecord(const QString &deviceUuid, const QString &directory);
// Every record kept, newest cut first; unreadable files are skipped.
QList<BackupRecord> readBackupRecords(const QString &directory);

} // namespace plexus

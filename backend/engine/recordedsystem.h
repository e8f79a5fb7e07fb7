// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What validation asked the machine beyond the snapshot, and what it was told,
// kept in the job's journal with the snapshot: a plan can then be rebuilt later
// (engine/unfinished.h) from the very answers it was first made from, whatever
// the machine looks like by then.

#include "systemview.h"

#include <QJsonObject>
#include <QMutex>

namespace plexus {

// Asks `live` and writes down each answer.
class RecordingSystem : public SystemView
{
public:
    explicit RecordingSystem(const SystemView &live) : m_live(live) {}
    QJsonObject record() const;

    NodeInfo node(const QString &path) const override;
    std::optional<qint64> componentSizeBytes(const QString &md) const override;
    std::optional<qint64> dataOffsetBytes(const QString &md, const QString &member) const override;
    QString syncAction(const QString &md) const override;
    DeviceIdentity identity(const QString &name) const override;
    bool exists(const QString &path) const override;
    QStringList slaves(const QString &name) const override;
    bool mdPersonalityAvailable(const QString &level) const override;
    std::optional<qint64> ext4MinimumBytes(const QString &name) const override;
    QString mdExamine(const QString &name) const override;
    QString contentStamp(const QString &name, qint64 offsetBytes) const override;
    QString backupRecord(const QString &deviceUuid) const override;
    QStringList loopsOver(const QString &name) const override;
    QString fstab() const override;
    QString filesystemUuid(const QString &name) const override;
    Status mountPointUsable(const QString &path) const override;
    ScrubSchedule scrubSchedule() const override;
    bool serviceManagerRunning() const override;
    Status calendarValid(const QString &expression) const override;
    QString syncSpeedLimit(const QString &md, const QString &which) const override;
    QString firmware() const override;
    bool hasProgram(const QString &name) const override;
    QString crypttab() const override;
    QString osReleaseId() const override;

private:
    template<class T> T keep(const QString &question, const T &answer) const;
    const SystemView &m_live;
    mutable QMutex m_lock;
    mutable QJsonObject m_record;
};

// Answers from a record. A question the record has no answer for means the
// plan would not come out the same: missedAny() then says so.
class ReplayedSystem : public SystemView
{
public:
    explicit ReplayedSystem(QJsonObject record) : m_record(std::move(record)) {}
    bool missedAny() const { return m_missed; }

    NodeInfo node(const QString &path) const override;
    std::optional<qint64> componentSizeBytes(const QString &md) const override;
    std::optional<qint64> dataOffsetBytes(const QString &md, const QString &member) const override;
    QString syncAction(const QString &md) const override;
    DeviceIdentity identity(const QString &name) const override;
    bool exists(const QString &path) const override;
    QStringList slaves(const QString &name) const override;
    bool mdPersonalityAvailable(const QString &level) const override;
    std::optional<qint64> ext4MinimumBytes(const QString &name) const override;
    QString mdExamine(const QString &name) const override;
    QString contentStamp(const QString &name, qint64 offsetBytes) const override;
    QString backupRecord(const QString &deviceUuid) const override;
    QStringList loopsOver(const QString &name) const override;
    QString fstab() const override;
    QString filesystemUuid(const QString &name) const override;
    Status mountPointUsable(const QString &path) const override;
    ScrubSchedule scrubSchedule() const override;
    bool serviceManagerRunning() const override;
    Status calendarValid(const QString &expression) const override;
    QString syncSpeedLimit(const QString &md, const QString &which) const override;
    QString firmware() const override;
    bool hasProgram(const QString &name) const override;
    QString crypttab() const override;
    QString osReleaseId() const override;

private:
    QJsonValue answer(const QString &question) const;
    QJsonObject m_record;
    mutable bool m_missed = false;
};

// The kernel names a record's node answers led to: the devices the plan was made for.
QStringList recordedKernelNames(const QJsonObject &record);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The object /org/plexus/Helper1 (interface org.plexus.Helper1, see
// data/org.plexus.Helper1.xml; the adaptor is generated from that file).
// Every method: ask polkit (asynchronously, with a delayed D-Bus reply: other
// callers are answered while one authentication prompt is open), then
// validate against a fresh snapshot of the machine, plan, journal and run; the
// reply is the job's id, or one typed org.plexus.Error.*. The job's signals
// (commands, tool output, progress) go to the caller alone, not to the bus.

#include "polkitauthority.h"
#include "shutdowninhibitor.h"
#include "engine/devicespec.h"
#include "engine/jobrunner.h"
#include "engine/systemview.h"

#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusServiceWatcher>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QVariantMap>
#include <functional>
#include <memory>

namespace plexus {

class SignalObserver;

class HelperService : public QObject, protected QDBusContext
{
    Q_OBJECT
public:
    // idleSeconds: quit after this long without a call, a running job or md
    // resyncing, rebuilding or reshaping (shutdowninhibitor.h) (0: never).
    explicit HelperService(int idleSeconds, QObject *parent = nullptr);
    // Logs the jobs an earlier helper (or boot) left unfinished.
    void reportUnfinishedJobs();
    // Resumes the jobs that waited for a restart, now that it has happened
    // (engine/restart.h), one after the other, off the main thread.
    void pickUpAfterRestart();

public Q_SLOTS:
    // Each is the one generic path (submit): the call's arguments are parsed into
    // the operation's request (ops/registry.h) from message(), not from these.
    QString CreateArray(const QString &array, const QString &level, const plexus::DeviceSpecList &members,
                        const plexus::DeviceSpecList &spares, const QVariantMap &options);
    QString StopArray(const QString &array, const QVariantMap &options);
    QString AssembleArray(const QString &array, const plexus::DeviceSpecList &members, const QVariantMap &options);
    QString AddMember(const QString &array, const plexus::DeviceSpec &device, const QVariantMap &options);
    QString AddSpare(const QString &array, const plexus::DeviceSpec &device, const QVariantMap &options);
    QString FailMember(const QString &array, const plexus::DeviceSpec &member, const QVariantMap &options);
    QString RemoveMember(const QString &array, const plexus::DeviceSpec &member, const QVariantMap &options);
    QString ReplaceMember(const QString &array, const plexus::DeviceSpec &old_member, const plexus::DeviceSpec &new_device,
                          const QVariantMap &options);
    QString ReplaceDisk(const plexus::DeviceSpec &old_disk, const plexus::DeviceSpec &new_disk, const QVariantMap &options);
    QString TakeDiskOut(const plexus::DeviceSpec &disk, const QVariantMap &options);
    QString GrowArray(const QString &array, int raid_devices, const plexus::DeviceSpecList &add, const plexus::DeviceSpecList &remove,
                      const QVariantMap &options);
    QString BackUpToDisk(const QString &array, const plexus::DeviceSpec &device, const QVariantMap &options);
    QString OpenBackup(const plexus::DeviceSpec &device, const QVariantMap &options);
    QString CloseBackup(const plexus::DeviceSpec &device, const QVariantMap &options);
    QString RequestSyncAction(const QString &array, const QString &action, const QVariantMap &options);
    QString SetSyncSpeedLimits(const QString &array, const QString &min, const QString &max, const QVariantMap &options);
    QString ZeroSuperblock(const plexus::DeviceSpec &device, const QVariantMap &options);
    QString CopyPartitionTable(const plexus::DeviceSpec &source, const plexus::DeviceSpec &target, const QVariantMap &options);
    QString WriteMdadmConf(const QVariantMap &options);
    QString MirrorSystem(const plexus::DeviceSpec &disk, const QVariantMap &options);
    QString SetCheckSchedule(const QString &when, const QVariantMap &options);
    QString MakeFilesystem(const plexus::DeviceSpec &device, const QString &type, const QVariantMap &options);
    QString CreateVolumeGroup(const QString &name, const plexus::DeviceSpecList &devices, const QVariantMap &options);
    QString ExtendVolumeGroup(const QString &group, const plexus::DeviceSpecList &devices, const QVariantMap &options);
    QString ReduceVolumeGroup(const QString &group, const plexus::DeviceSpec &device, const QVariantMap &options);
    QString CreateVolume(const QString &group, const QString &name, const QVariantMap &options);
    QString GrowVolume(const plexus::DeviceSpec &volume, const QVariantMap &options);
    QString ShrinkVolume(const plexus::DeviceSpec &volume, const QVariantMap &options);
    QString UseNewSpace(const QString &array, const QVariantMap &options);
    QString RemoveVolume(const plexus::DeviceSpec &volume, const QVariantMap &options);
    QString RemoveVolumeGroup(const QString &group, const QVariantMap &options);
    QList<QVariantMap> UnfinishedJobs();
    QList<QVariantMap> Backups();
    QList<QVariantMap> VolumeGroups();
    QList<QVariantMap> MdSuperblocks();
    QString ResumeJob(const QString &job, const QVariantMap &options);
    QString RollBackJob(const QString &job, const QVariantMap &options);
    void DropJob(const QString &job);
    void FollowJob(const QString &job);

private:
    // Answers the method being called with this refusal.
    void refuse(const Status &status);
    // Sends the interface's signal NAME to `busName` only (a targeted signal:
    // no other bus user sees it). The signals are declared in the XML, not here,
    // so nothing broadcasts them.
    static void signalTo(const QString &busName, const char *name, const QVariantList &arguments);
    // The same to the job's caller (none for a job picked up after a restart)
    // and to whoever follows the job (FollowJob); its JobFinished ends the following.
    void signalJob(const QString &caller, const QString &job, const char *name, const QVariantList &arguments);
    // Reports a job's progress by the signals (main thread).
    std::unique_ptr<SignalObserver> observe(const QString &job, const QString &caller);
    static Caller callerOf(const QDBusMessage &call); // from the bus daemon
    // Parses the call into its operation's request and runs it on the job runner
    // off the main thread; the reply (job id or typed error) is sent from there.
    QString submit();
    // Runs a job that takes up an unfinished one (engine/unfinishedjobs.h).
    QString submitTakeUp(Job job);
    // Asks polkit for the job's actions, then runs it (or replies the refusal).
    void authorizeThenRun(const Job &job, const QDBusMessage &call);
    // Asks polkit for `actions`; then `authorized` (on the main thread), or the refusal is the reply.
    void authorize(const QStringList &actions, const QDBusMessage &call, std::function<void()> authorized);
    void runJob(const Job &job, const QDBusMessage &call);
    void post(std::function<void()> f); // run on the main thread, in order
    // Replies to the current call with `rows()`, computed on the thread pool
    // (read-only methods whose tools may block: LVM's locks, slow disks).
    void answerOffMainThread(std::function<QList<QVariantMap>()> rows);
    void callStarted();
    void callFinished();
    static SnapshotPtr snapshotNow(); // the machine now (any thread)

    PolkitAuthority m_polkit;
    Authorization m_authorization;
    QDBusServiceWatcher m_callersLeaving; // cancels their checks
    LiveSystem m_system;
    JobRunner m_runner;
    QTimer m_idle;
    int m_active = 0;   // calls in progress (main thread only)
    QHash<QString, QStringList> m_followers; // job -> bus names that follow it (main thread only)
    ShutdownInhibitor m_shutdownHold; // the helper stays up while md works
};

} // namespace plexus

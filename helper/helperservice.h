#pragma once
// The object /org/plexus/Helper1 (interface org.plexus.Helper1, see
// data/org.plexus.Helper1.xml; the adaptor is generated from that file).
// Every method: ask polkit (off the main thread, with a delayed D-Bus reply), then
// validate against a fresh snapshot of the machine, plan, journal and run; the
// reply is the job's id, or one typed org.plexus.Error.*.

#include "authorizer.h"
#include "engine/devicespec.h"
#include "engine/engine.h"

#include <QDBusContext>
#include <QDBusMessage>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QTimer>
#include <QVariantMap>
#include <functional>

namespace plexus {

class HelperService : public QObject, protected QDBusContext
{
    Q_OBJECT
public:
    // idleSeconds: quit after this long without a call or a running job (0: never).
    explicit HelperService(int idleSeconds, QObject *parent = nullptr);
    // Logs the jobs an earlier helper (or boot) left unfinished.
    void reportUnfinishedJobs();

public Q_SLOTS:
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
    QString GrowArray(const QString &array, int raid_devices, const plexus::DeviceSpecList &add, const plexus::DeviceSpecList &remove,
                      const QVariantMap &options);
    QString RequestSyncAction(const QString &array, const QString &action, const QVariantMap &options);
    QString SetSyncSpeedLimits(const QString &array, const QString &min, const QString &max, const QVariantMap &options);
    QString ZeroSuperblock(const plexus::DeviceSpec &device, const QVariantMap &options);
    QString CopyPartitionTable(const plexus::DeviceSpec &source, const plexus::DeviceSpec &target, const QVariantMap &options);
    QString WriteMdadmConf(const QVariantMap &options);
    QList<QVariantMap> UnfinishedJobs();
    void AcknowledgeJob(const QString &job);

Q_SIGNALS:
    void JobStarted(const QString &job, const QString &caller, const QString &tag, const QString &operation,
                    const QString &summary, const QStringList &notes, const QStringList &descriptions, const QStringList &commands);
    void StepStarted(const QString &job, int index, const QString &description, const QString &command);
    void StepProgress(const QString &job, int index, double percent);
    void StepFinished(const QString &job, int index, const QString &error, const QString &message);
    void JobFinished(const QString &job, const QString &error, const QString &message);

private:
    using Prepare = std::function<Status(const Engine &, Plan *)>;
    struct Job {
        QString operation;
        QStringList actions;   // polkit actions, all required
        QString tag;
        QJsonObject request;   // for the journal
        Prepare prepare;       // parses the options, validates and plans
        std::function<Status()> direct; // instead of a plan (AcknowledgeJob)
    };
    QString submit(Job job);
    void runJob(const Job &job, const QString &id, const QDBusMessage &call);
    void post(std::function<void()> f); // run on the main thread, in order
    void callStarted();
    void callFinished();
    SnapshotPtr snapshotNow(); // the machine now (any thread)

    Authorizer m_authorizer;
    QMutex m_execution; // one plan at a time
    QString m_running;  // "JOB (operation)" while one runs; guarded by m_runningLock
    QMutex m_runningLock;
    QTimer m_idle;
    int m_active = 0;   // calls in progress (main thread only)
};

} // namespace plexus

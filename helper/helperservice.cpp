// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "helperservice.h"
#include "jobhistory.h"

#include "engine/actions.h"
#include "engine/backuprecord.h"
#include "engine/checks/refusal.h"
#include "engine/dbusstatus.h"
#include "engine/engine.h"
#include "engine/ops/anyrequest.h"
#include "engine/executor.h"
#include "engine/journal.h"
#include "engine/restart.h"
#include "engine/unfinishedjobs.h"
#include "engine/systemview.h"
#include "model/volumedetails.h"
#include "model/stoppedmembers.h"
#include "probe/blockprobe.h"
#include "probe/lvmprobe.h"
#include "probe/mdsysfsprobe.h"
#include "probe/mountprobe.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QThreadPool>

namespace plexus {

namespace {

QString newJobId()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")) + QLatin1Char('-')
        + QString::number(QRandomGenerator::global()->bounded(0x10000), 16).rightJustified(4, QLatin1Char('0'));
}

} // namespace

// Reports a running plan as D-Bus signals (posted to the main thread, in order).
class SignalObserver : public JobObserver
{
public:
    SignalObserver(std::function<void(std::function<void()>)> post, QString job) : m_post(std::move(post)), m_job(std::move(job)) {}

    std::function<void(const Job &, const Plan &)> jobBegan;
    std::function<void(const QString &, int, const QString &, const QString &)> started;
    std::function<void(const QString &, int, double)> progressed;
    std::function<void(const QString &, int, const QString &, const QString &)> finished;

    // The plan's summary, once the job started (for the history).
    QString summary() const { return m_summary; }

    void jobStarted(const Job &job, const Plan &plan) override
    {
        m_summary = plan.summary;
        qInfo("job %s (%s) for %s: %s", qPrintable(job.id), qPrintable(job.operation), qPrintable(job.caller.describe()), qPrintable(plan.summary));
        auto f = jobBegan;
        m_post([f, job, plan] { f(job, plan); });
    }
    void stepStarted(int index, const Step &step) override
    {
        qInfo("job %s: step %d: %s\n    $ %s", qPrintable(m_job), index + 1, qPrintable(step.description), qPrintable(step.preview()));
        const QString d = step.description, c = step.preview(), job = m_job;
        auto f = started;
        m_post([f, job, index, d, c] { f(job, index, d, c); });
    }
    void stepProgress(int index, double percent) override
    {
        const QString job = m_job;
        auto f = progressed;
        m_post([f, job, index, percent] { f(job, index, percent); });
    }
    void stepFinished(int index, const Status &status) override
    {
        if (!status.ok())
            qWarning("job %s: step %d failed: %s", qPrintable(m_job), index + 1, qPrintable(status.message()));
        const QString job = m_job, name = status.name(), message = status.message();
        auto f = finished;
        m_post([f, job, index, name, message] { f(job, index, name, message); });
    }
    void log(int index, const QString &line) override
    {
        Q_UNUSED(index);
        qInfo("job %s: %s", qPrintable(m_job), qPrintable(line));
    }

private:
    std::function<void(std::function<void()>)> m_post;
    QString m_job;
    QString m_summary;
};

namespace {
// How long an authentication prompt may stay open: a person finding a password.
constexpr std::chrono::minutes authenticationLimit{5};
} // namespace

HelperService::HelperService(int idleSeconds, QObject *parent)
    : QObject(parent), m_polkit(authenticationLimit), m_authorization(m_polkit, authenticationLimit),
      m_callersLeaving(QString(), QDBusConnection::systemBus(), QDBusServiceWatcher::WatchForUnregistration),
      m_runner(&HelperService::snapshotNow, m_system)
{
    connect(&m_callersLeaving, &QDBusServiceWatcher::serviceUnregistered, this, [this](const QString &name) {
        m_callersLeaving.removeWatchedService(name);
        m_authorization.callerLeft(name);
    });
    QThreadPool::globalInstance()->setMaxThreadCount(8);
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleSeconds * 1000);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_active == 0 && !m_shutdownHold.following()) {
            qInfo("idle for %d s: exiting", int(m_idle.interval() / 1000));
            QCoreApplication::quit();
        }
    });
    connect(&m_shutdownHold, &ShutdownInhibitor::followingChanged, this, [this](bool following) {
        if (following)
            m_idle.stop();
        else if (m_active == 0 && m_idle.interval() > 0)
            m_idle.start();
    });
    if (idleSeconds > 0 && !m_shutdownHold.following())
        m_idle.start();
}

void HelperService::reportUnfinishedJobs()
{
    for (const JournalSummary &s : Journal::unfinishedPlans()) {
        const int total = int(s.steps.size());
        qWarning("unfinished job %s (%s, started %s): %s", qPrintable(s.job), qPrintable(s.operation),
                 qPrintable(s.started.toString(Qt::ISODate)), qPrintable(s.summary));
        if (s.waitsForRestart())
            qWarning("  it waits for a restart (boot %s): %s", qPrintable(s.waitingBoot), qPrintable(restartWords(s)));
        if (s.lastStarted >= 0 && s.lastStarted < total)
            qWarning("  it stopped in step %d of %d: %s\n    $ %s", s.lastStarted + 1, total, qPrintable(s.steps[s.lastStarted]),
                     qPrintable(s.commands[s.lastStarted]));
        for (int i = s.lastStarted + 1; i < total; ++i)
            qWarning("  not run: step %d: %s\n    $ %s", i + 1, qPrintable(s.steps[i]), qPrintable(s.commands[i]));
        qWarning("  journal: %s (plexusctl journal shows it; plexusctl resume, roll-back or drop %s)", qPrintable(s.file), qPrintable(s.job));
    }
}

void HelperService::pickUpAfterRestart()
{
    callStarted();
    QThreadPool::globalInstance()->start([this] {
        // Nobody called: its signals go to whoever follows it (FollowJob).
        auto observer = [this](const QString &job) -> std::unique_ptr<JobObserver> { return observe(job, QString()); };
        plexus::pickUpAfterRestart(m_runner, observer, [this](const PickedUp &p) {
            const Status &s = p.result.status;
            if (s)
                qInfo("job %s, which waited for the restart: %s", qPrintable(p.job), s.message().isEmpty() ? "done" : qPrintable(s.message()));
            else
                qWarning("job %s, which waited for the restart, %s: %s: %s (plexusctl journal shows it)", qPrintable(p.job),
                         p.result.ran ? "failed" : "could not go on", qPrintable(s.name()), qPrintable(s.message()));
            const QString job = p.job, name = s.name(), message = s.message();
            if (p.result.ran)
                post([this, job, name, message] { signalJob(QString(), job, "JobFinished", {job, name, message}); });
        });
        post([this] { callFinished(); });
    });
}

void HelperService::post(std::function<void()> f)
{
    QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
}

void HelperService::callStarted()
{
    ++m_active;
    m_idle.stop();
}

void HelperService::callFinished()
{
    if (--m_active == 0 && m_idle.interval() > 0 && !m_shutdownHold.following())
        m_idle.start();
}

void HelperService::signalTo(const QString &busName, const char *name, const QVariantList &arguments)
{
    QDBusMessage signal = QDBusMessage::createTargetedSignal(busName, QStringLiteral("/org/plexus/Helper1"),
                                                             QStringLiteral("org.plexus.Helper1"), QLatin1String(name));
    signal.setArguments(arguments);
    QDBusConnection::systemBus().send(signal);
}

Caller HelperService::callerOf(const QDBusMessage &call)
{
    Caller caller;
    caller.busName = call.service();
    const QDBusConnectionInterface *bus = QDBusConnection::systemBus().interface();
    if (const QDBusReply<uint> uid = bus->serviceUid(caller.busName); uid.isValid())
        caller.uid = uid.value();
    if (const QDBusReply<uint> pid = bus->servicePid(caller.busName); pid.isValid())
        caller.pid = pid.value();
    return caller;
}

SnapshotPtr HelperService::snapshotNow()
{
    // Let udev finish with recent changes (ID_FS_TYPE, symlinks), then look.
    actions::QuietContext quiet;
    actions::udevSettle(quiet);
    // What validation needs, read fresh: disks and partitions (sysfs + udev),
    // arrays (md sysfs), mounts, swap, LVM (as root: every PV, active or not).
    // Solid is left out: it only adds how drives are attached, and costs time.
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->takenAt = QDateTime::currentDateTimeUtc();
    const QString root = QStringLiteral("/");
    snapshot->disks = BlockProbe(root).disks();
    snapshot->arrays = MdSysfsProbe(root).arrays();
    snapshot->mounts = readMounts(root);
    snapshot->swaps = readSwaps(root);
    snapshot->volumeGroups = LvmProbe(root).volumeGroups();
    return snapshot;
}

QString HelperService::submit()
{
    setDelayedReply(true);
    const QDBusMessage call = message();
    AnyRequest request;
    Job job;
    job.id = newJobId();
    job.caller = callerOf(call);
    job.operation = call.member();
    if (Status parsed = AnyRequest::fromDBus(call.member(), call.arguments(), &request); !parsed) {
        // Ill-formed: refused before polkit is asked (nothing to authorize).
        qInfo("refused %s (%s) for %s: %s: %s", qPrintable(job.id), qPrintable(job.operation), qPrintable(job.caller.describe()),
              qPrintable(parsed.name()), qPrintable(parsed.message()));
        sendRefusal(QDBusConnection::systemBus(), call, parsed);
        return QString();
    }
    // Authorized on what the parsed request will really do.
    job.actions = request.actions();
    job.tag = request.tag();
    job.request = request.json();
    job.prepare = [request](const Engine &engine, Plan *plan) { return request.prepare(engine, plan); };
    authorizeThenRun(job, call);
    return QString();
}

void HelperService::authorize(const QStringList &actions, const QDBusMessage &call, std::function<void()> authorized)
{
    callStarted();
    const QString caller = call.service();
    m_callersLeaving.addWatchedService(caller);
    QElapsedTimer clock;
    clock.start();
    m_authorization.authorize(actions, caller, [this, call, caller, clock, authorized = std::move(authorized)](const Status &status) {
        if (m_authorization.pendingFor(caller) == 0)
            m_callersLeaving.removeWatchedService(caller);
        qInfo("polkit for %s (%s): %s, %lld ms", qPrintable(caller), qPrintable(call.member()), status ? "yes" : qPrintable(status.name()),
              qlonglong(clock.elapsed()));
        if (status) {
            authorized();
        } else {
            sendRefusal(QDBusConnection::systemBus(), call, status);
        }
        callFinished();
    });
}

void HelperService::authorizeThenRun(const Job &job, const QDBusMessage &call)
{
    authorize(job.actions, call, [this, job, call] {
        callStarted();
        QThreadPool::globalInstance()->start([this, job, call] { runJob(job, call); });
    });
}

void HelperService::signalJob(const QString &caller, const QString &job, const char *name, const QVariantList &arguments)
{
    if (!caller.isEmpty())
        signalTo(caller, name, arguments);
    for (const QString &follower : m_followers.value(job))
        if (follower != caller)
            signalTo(follower, name, arguments);
    if (qstrcmp(name, "JobFinished") == 0)
        m_followers.remove(job);
}

std::unique_ptr<SignalObserver> HelperService::observe(const QString &job, const QString &to)
{
    auto observer = std::make_unique<SignalObserver>([this](std::function<void()> f) { post(std::move(f)); }, job);
    observer->jobBegan = [this, to](const Job &j, const Plan &plan) {
        signalJob(to, j.id, "JobStarted", {j.id, j.caller.busName, j.tag, j.operation, plan.summary, plan.notes, plan.descriptions(), plan.previews()});
    };
    observer->started = [this, to](const QString &j, int i, const QString &d, const QString &c) { signalJob(to, j, "StepStarted", {j, i, d, c}); };
    observer->progressed = [this, to](const QString &j, int i, double p) { signalJob(to, j, "StepProgress", {j, i, p}); };
    observer->finished = [this, to](const QString &j, int i, const QString &e, const QString &m) { signalJob(to, j, "StepFinished", {j, i, e, m}); };
    return observer;
}

void HelperService::runJob(const Job &job, const QDBusMessage &call)
{
    const std::unique_ptr<SignalObserver> observer = observe(job.id, job.caller.busName);
    const QString to = job.caller.busName;
    const JobRunner::Result r = m_runner.run(job, observer.get());
    if (r.ran)
        journalJob(job, observer->summary(), r.status);
    qInfo("job %s: %s", qPrintable(job.id), qPrintable(r.timings.join(QStringLiteral(", "))));
    if (r.status)
        qInfo("job %s (%s) for %s: done", qPrintable(job.id), qPrintable(job.operation), qPrintable(job.caller.describe()));
    else
        qInfo("%s %s (%s) for %s: %s: %s", r.ran ? "failed" : "refused", qPrintable(job.id), qPrintable(job.operation),
              qPrintable(job.caller.describe()), qPrintable(r.status.name()), qPrintable(r.status.message()));
    const QString id = job.id;
    const bool ran = r.ran;
    const Status status = r.status;
    post([this, call, status, ran, to, id] {
        if (ran) {
            // Followers too read why it failed in their own language.
            if (const QString entry = catalogueEntry(status); !entry.isEmpty())
                signalJob(to, id, "Refusal", {status.message(), entry});
            signalJob(to, id, "JobFinished", {id, status.name(), status.message()});
        }
        if (status)
            QDBusConnection::systemBus().send(call.createReply(id));
        else if (ran) // its Refusal went out before JobFinished
            QDBusConnection::systemBus().send(call.createErrorReply(status.name(), status.message()));
        else
            sendRefusal(QDBusConnection::systemBus(), call, status);
        callFinished();
    });
}

// ---- the methods: one generic path each -----------------------------------

QString HelperService::CreateArray(const QString &, const QString &, const DeviceSpecList &, const DeviceSpecList &, const QVariantMap &) { return submit(); }
QString HelperService::StopArray(const QString &, const QVariantMap &) { return submit(); }
QString HelperService::AssembleArray(const QString &, const DeviceSpecList &, const QVariantMap &) { return submit(); }
QString HelperService::AddMember(const QString &, const DeviceSpec &, const QVariantMap &) { return submit(); }
QString HelperService::AddSpare(const QString &, const DeviceSpec &, const QVariantMap &) { return submit(); }
QString HelperService::FailMember(const QString &, const DeviceSpec &, const QVariantMap &) { return submit(); }
QString HelperService::RemoveMember(const QString &, const DeviceSpec &, const QVariantMap &) { return submit(); }
QString HelperService::ReplaceMember(const QString &, const DeviceSpec &, const DeviceSpec &, const QVariantMap &) { return submit(); }
QString HelperService::ReplaceDisk(const DeviceSpec &, const DeviceSpec &, const QVariantMap &) { return submit(); }
QString HelperService::TakeDiskOut(const DeviceSpec &, const QVariantMap &) { return submit(); }
QString HelperService::BackUpToDisk(const QString &, const DeviceSpec &, const QVariantMap &) { return submit(); }
QString HelperService::OpenBackup(const DeviceSpec &, const QVariantMap &) { return submit(); }
QString HelperService::CloseBackup(const DeviceSpec &, const QVariantMap &) { return submit(); }
QString HelperService::GrowArray(const QString &, int, const DeviceSpecList &, const DeviceSpecList &, const QVariantMap &) { return submit(); }
QString HelperService::RequestSyncAction(const QString &, const QString &, const QVariantMap &) { return submit(); }
QString HelperService::SetSyncSpeedLimits(const QString &, const QString &, const QString &, const QVariantMap &) { return submit(); }
QString HelperService::ZeroSuperblock(const DeviceSpec &, const QVariantMap &) { return submit(); }
QString HelperService::CopyPartitionTable(const DeviceSpec &, const DeviceSpec &, const QVariantMap &) { return submit(); }
QString HelperService::WriteMdadmConf(const QVariantMap &) { return submit(); }
QString HelperService::MirrorSystem(const DeviceSpec &, const QVariantMap &) { return submit(); }
QString HelperService::SetCheckSchedule(const QString &, const QVariantMap &) { return submit(); }
QString HelperService::MakeFilesystem(const DeviceSpec &, const QString &, const QVariantMap &) { return submit(); }
QString HelperService::CreateVolumeGroup(const QString &, const DeviceSpecList &, const QVariantMap &) { return submit(); }
QString HelperService::ExtendVolumeGroup(const QString &, const DeviceSpecList &, const QVariantMap &) { return submit(); }
QString HelperService::ReduceVolumeGroup(const QString &, const DeviceSpec &, const QVariantMap &) { return submit(); }
QString HelperService::CreateVolume(const QString &, const QString &, const QVariantMap &) { return submit(); }
QString HelperService::GrowVolume(const DeviceSpec &, const QVariantMap &) { return submit(); }
QString HelperService::ShrinkVolume(const DeviceSpec &, const QVariantMap &) { return submit(); }
QString HelperService::UseNewSpace(const QString &, const QVariantMap &) { return submit(); }
QString HelperService::RemoveVolume(const DeviceSpec &, const QVariantMap &) { return submit(); }
QString HelperService::RemoveVolumeGroup(const QString &, const QVariantMap &) { return submit(); }

QList<QVariantMap> HelperService::UnfinishedJobs()
{
    QList<QVariantMap> result;
    const QString bootId = currentBootId();
    const QString running = m_runner.runningJob();
    for (const JournalSummary &s : Journal::unfinishedPlans()) {
        QStringList states;
        for (StepState state : s.states)
            states << JournalSummary::words(state);
        result.append({{QStringLiteral("job"), s.job},
                       {QStringLiteral("operation"), s.operation},
                       {QStringLiteral("summary"), s.summary},
                       {QStringLiteral("started"), s.started.toString(Qt::ISODate)},
                       {QStringLiteral("steps"), s.steps},
                       {QStringLiteral("commands"), s.commands},
                       {QStringLiteral("states"), states},
                       {QStringLiteral("undo"), s.undo},
                       {QStringLiteral("steps_finished"), s.stepsFinished},
                       {QStringLiteral("last_started"), s.lastStarted},
                       {QStringLiteral("interrupted"), s.interrupted()},
                       {QStringLiteral("rolling_back_by"), s.rollingBackBy},
                       {QStringLiteral("error"), s.error},
                       {QStringLiteral("message"), s.message},
                       {QStringLiteral("file"), s.file},
                       {QStringLiteral("waits_for_restart"), checkRestarted(s, bootId) ? QString() : restartWords(s)},
                       {QStringLiteral("running"), s.job == running},
                       {QStringLiteral("started_by"), s.startedBy}});
    }
    return result;
}

QList<QVariantMap> HelperService::Backups()
{
    QList<QVariantMap> result;
    for (const BackupRecord &r : readBackupRecords(backupRecordDirectory(Journal::defaultDirectory()))) {
        QVariantMap m = r.toJson().toVariantMap();
        m.insert(QStringLiteral("words"), r.words());
        result.append(m);
    }
    return result;
}

void HelperService::answerOffMainThread(std::function<QList<QVariantMap>()> rows)
{
    setDelayedReply(true);
    const QDBusMessage call = message();
    callStarted();
    QThreadPool::globalInstance()->start([this, call, rows = std::move(rows)] {
        const QList<QVariantMap> answer = rows();
        post([this, call, answer] {
            QDBusConnection::systemBus().send(call.createReply(QVariant::fromValue(answer)));
            callFinished();
        });
    });
}

QList<QVariantMap> HelperService::VolumeGroups()
{
    // LVM's tools wait for a group's lock while a job changes the group, so they
    // are asked off the main thread, which must keep answering.
    answerOffMainThread([] { return volumeRows(LvmProbe(QStringLiteral("/")).volumeGroups()); });
    return {};
}

QList<QVariantMap> HelperService::MdSuperblocks()
{
    // mdadm reads each device, which may take a while on a slow disk: off the
    // main thread. Only devices the kernel lists are read, never a caller's path.
    answerOffMainThread([] {
        Snapshot s;
        s.disks = BlockProbe(QStringLiteral("/")).disks();
        s.arrays = MdSysfsProbe(QStringLiteral("/")).arrays();
        const LiveSystem live;
        QList<QVariantMap> rows;
        for (const QString &name : stoppedMembers(s))
            if (const QString text = live.mdExamine(name); !text.isEmpty())
                rows.append({{QStringLiteral("device"), name}, {QStringLiteral("examine"), text}});
        return rows;
    });
    return {};
}

QString HelperService::submitTakeUp(Job job)
{
    setDelayedReply(true);
    const QDBusMessage call = message();
    // The one option: a tag, so the caller recognises its job's signals.
    const QVariantMap options = qdbus_cast<QVariantMap>(call.arguments().value(1));
    for (auto it = options.begin(); it != options.end(); ++it) {
        if (it.key() != QLatin1String("tag") || it.value().metaType() != QMetaType::fromType<QString>()) {
            sendRefusal(QDBusConnection::systemBus(), call,
                        invalid(mi18nc("%1 a D-Bus method (ResumeJob), %2 an option's name", "%1 takes one option, tag (a string); not '%2'.", call.member(), it.key())));
            return QString();
        }
    }
    job.tag = options.value(QStringLiteral("tag")).toString();
    authorizeThenRun(job, call);
    return QString();
}

QString HelperService::ResumeJob(const QString &jobId, const QVariantMap &)
{
    return submitTakeUp(resumeJob(jobId, callerOf(message())));
}

QString HelperService::RollBackJob(const QString &jobId, const QVariantMap &)
{
    return submitTakeUp(rollBackJob(jobId, newJobId(), callerOf(message())));
}

void HelperService::refuse(const Status &status)
{
    setDelayedReply(true); // the reply is sent here, after its Refusal signal
    sendRefusal(QDBusConnection::systemBus(), message(), status);
}

void HelperService::FollowJob(const QString &jobId)
{
    // A job's signals (commands, tool output) go to who asked for it: to
    // follow it, be that user or root; no polkit (nothing changes). Only the
    // job running now can be followed, by a bounded few.
    if (jobId.isEmpty() || jobId != m_runner.runningJob()) {
        refuse(notFound(mi18nc("keep UnfinishedJobs()", "That job is not running now (it has ended, or never ran): UnfinishedJobs() says how it stands.")));
        return;
    }
    JournalSummary job;
    const Caller caller = callerOf(message());
    if (!Journal::find(jobId, &job, false) || (caller.uid != 0 && caller.uid != job.startedBy)) {
        refuse(Status::failure(ErrorCode::NotAuthorized,
                               mi18nc("%1 a user id", "Only the user who asked for that job (uid %1), or root, may follow it.", QString::number(job.startedBy))));
        return;
    }
    QStringList &followers = m_followers[jobId];
    if (!followers.contains(caller.busName)) {
        if (followers.size() >= 16) {
            refuse(busy(mi18nc("following a job: being sent its signals", "Too many are following that job already.")));
            return;
        }
        followers << caller.busName;
    }
}

void HelperService::DropJob(const QString &jobId)
{
    // Nothing to plan: asked of polkit, then done off the main thread.
    setDelayedReply(true);
    const QDBusMessage call = message();
    const Caller caller = callerOf(call);
    authorize({QLatin1String(polkitActions::modify)}, call, [this, jobId, call, caller] {
        callStarted();
        QThreadPool::globalInstance()->start([this, jobId, call, caller] {
            const Status status = Journal::drop(jobId, caller);
            post([this, call, status] {
                if (status)
                    QDBusConnection::systemBus().send(call.createReply());
                else
                    sendRefusal(QDBusConnection::systemBus(), call, status);
                callFinished();
            });
        });
    });
}

} // namespace plexus

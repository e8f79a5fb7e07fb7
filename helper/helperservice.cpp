#include "helperservice.h"

#include "engine/actions.h"
#include "engine/executor.h"
#include "engine/journal.h"
#include "engine/systemview.h"
#include "probe/blockprobe.h"
#include "probe/lvmprobe.h"
#include "probe/mdsysfsprobe.h"
#include "probe/mountprobe.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QThreadPool>

namespace plexus {

namespace {

QJsonObject specJson(const DeviceSpec &d)
{
    return {{QStringLiteral("path"), d.path}, {QStringLiteral("identity"), d.identity}, {QStringLiteral("size"), qint64(d.sizeBytes)}};
}

QJsonArray specsJson(const DeviceSpecList &list)
{
    QJsonArray a;
    for (const DeviceSpec &d : list)
        a.append(specJson(d));
    return a;
}

QJsonObject optionsJson(const QVariantMap &options)
{
    return QJsonObject::fromVariantMap(options);
}

QString newJobId()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")) + QLatin1Char('-')
        + QString::number(QRandomGenerator::global()->bounded(0x10000), 16).rightJustified(4, QLatin1Char('0'));
}

// Reports a running plan as D-Bus signals (posted to the main thread, in order).
class SignalObserver : public ExecutionObserver
{
public:
    SignalObserver(std::function<void(std::function<void()>)> post, HelperService *service, QString job)
        : m_post(std::move(post)), m_service(service), m_job(std::move(job)) {}

    std::function<void(const QString &, int, const QString &, const QString &)> started;
    std::function<void(const QString &, int, double)> progressed;
    std::function<void(const QString &, int, const QString &, const QString &)> finished;

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
    HelperService *m_service;
    QString m_job;
};

} // namespace

HelperService::HelperService(int idleSeconds, QObject *parent) : QObject(parent)
{
    QThreadPool::globalInstance()->setMaxThreadCount(8);
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleSeconds * 1000);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_active == 0) {
            qInfo("idle for %d s: exiting", int(m_idle.interval() / 1000));
            QCoreApplication::quit();
        }
    });
    if (idleSeconds > 0)
        m_idle.start();
}

void HelperService::reportUnfinishedJobs()
{
    for (const JournalSummary &s : Journal::unfinished()) {
        const int total = int(s.steps.size());
        qWarning("unfinished job %s (%s, started %s): %s", qPrintable(s.job), qPrintable(s.operation),
                 qPrintable(s.started.toString(Qt::ISODate)), qPrintable(s.summary));
        if (s.lastStarted >= 0 && s.lastStarted < total)
            qWarning("  it stopped in step %d of %d: %s\n    $ %s", s.lastStarted + 1, total, qPrintable(s.steps[s.lastStarted]),
                     qPrintable(s.commands[s.lastStarted]));
        for (int i = s.lastStarted + 1; i < total; ++i)
            qWarning("  not run: step %d: %s\n    $ %s", i + 1, qPrintable(s.steps[i]), qPrintable(s.commands[i]));
        qWarning("  journal: %s (plexusctl journal shows it; plexusctl journal --acknowledge %s once handled)", qPrintable(s.file), qPrintable(s.job));
    }
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
    if (--m_active == 0 && m_idle.interval() > 0)
        m_idle.start();
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

QString HelperService::submit(Job job)
{
    setDelayedReply(true);
    const QDBusMessage call = message();
    const QString id = newJobId();
    callStarted();
    QThreadPool::globalInstance()->start([this, job, id, call] { runJob(job, id, call); });
    return QString();
}

void HelperService::runJob(const Job &job, const QString &id, const QDBusMessage &call)
{
    const QString caller = call.service();
    QElapsedTimer clock;
    clock.start();
    QStringList timings; // where the time goes, for the log
    auto lap = [&](const char *what) { timings << QStringLiteral("%1 %2 ms").arg(QLatin1String(what)).arg(clock.restart()); };
    Status status;
    for (const QString &action : job.actions) {
        status = m_authorizer.check(action, caller);
        if (!status)
            break;
    }
    lap("polkit");
    bool ran = false;
    if (status && job.direct) {
        status = job.direct();
    } else if (status) {
        if (!m_execution.tryLock()) {
            QMutexLocker lock(&m_runningLock);
            status = Status::failure(ErrorCode::Busy, QStringLiteral("Another Plexus job is running (%1). Wait until it has finished, then try again.").arg(m_running));
        } else {
            {
                QMutexLocker lock(&m_runningLock);
                m_running = QStringLiteral("%1, %2").arg(id, job.operation);
            }
            LiveSystem system;
            const Engine engine(snapshotNow(), system);
            lap("snapshot");
            Plan plan;
            status = job.prepare(engine, &plan);
            lap("validation");
            ExclusiveClaims claims;
            if (status)
                status = claims.claimAll(plan.exclusive);
            Journal journal;
            if (status)
                status = journal.begin(id, plan, caller, job.request);
            if (status) {
                ran = true;
                qInfo("job %s (%s) for %s: %s", qPrintable(id), qPrintable(job.operation), qPrintable(caller), qPrintable(plan.summary));
                const QString tag = job.tag, operation = job.operation;
                post([this, id, caller, tag, operation, plan] {
                    Q_EMIT JobStarted(id, caller, tag, operation, plan.summary, plan.notes, plan.descriptions(), plan.previews());
                });
                SignalObserver observer([this](std::function<void()> f) { post(std::move(f)); }, this, id);
                observer.started = [this](const QString &j, int i, const QString &d, const QString &c) { Q_EMIT StepStarted(j, i, d, c); };
                observer.progressed = [this](const QString &j, int i, double p) { Q_EMIT StepProgress(j, i, p); };
                observer.finished = [this](const QString &j, int i, const QString &e, const QString &m) { Q_EMIT StepFinished(j, i, e, m); };
                status = execute(plan, &journal, &claims, &observer);
                lap("execution");
                Journal::prune();
                const QString name = status.name(), message = status.message();
                post([this, id, name, message] { Q_EMIT JobFinished(id, name, message); });
            }
            {
                QMutexLocker lock(&m_runningLock);
                m_running.clear();
            }
            m_execution.unlock();
        }
    }
    qInfo("job %s: %s", qPrintable(id), qPrintable(timings.join(QStringLiteral(", "))));
    if (status)
        qInfo("job %s (%s) for %s: done", qPrintable(id), qPrintable(job.operation), qPrintable(caller));
    else
        qInfo("%s %s (%s) for %s: %s: %s", ran ? "failed" : "refused", qPrintable(id), qPrintable(job.operation), qPrintable(caller),
              qPrintable(status.name()), qPrintable(status.message()));
    // AcknowledgeJob returns nothing; the others return the job's id.
    const QDBusMessage reply = !status ? call.createErrorReply(status.name(), status.message())
                                       : (job.direct ? call.createReply() : call.createReply(id));
    post([this, reply] {
        QDBusConnection::systemBus().send(reply);
        callFinished();
    });
}

// ---- the methods -----------------------------------------------------------

namespace {
// Changing an array, and erasing too when an option makes the request destroy
// more than the new device's contents (a partition table written, an old
// member's superblock): auth_admin asks again for that.
QStringList modifyActions(const QVariantMap &options, const QStringList &erasingOptions)
{
    QStringList actions{polkitActions::modify};
    for (const QString &o : erasingOptions)
        if (options.value(o).toBool())
            return actions << polkitActions::erase;
    return actions;
}

QString tagOf(const QVariantMap &options)
{
    return options.value(QStringLiteral("tag")).toString();
}
} // namespace

QString HelperService::CreateArray(const QString &array, const QString &level, const DeviceSpecList &members,
                                   const DeviceSpecList &spares, const QVariantMap &options)
{
    Job job;
    job.operation = QStringLiteral("CreateArray");
    job.actions = {polkitActions::create};
    job.tag = tagOf(options);
    job.request = {{QStringLiteral("array"), array}, {QStringLiteral("level"), level}, {QStringLiteral("members"), specsJson(members)},
                   {QStringLiteral("spares"), specsJson(spares)}, {QStringLiteral("options"), optionsJson(options)}};
    job.prepare = [=](const Engine &engine, Plan *plan) {
        CreateArrayRequest r;
        r.array = array;
        r.level = level;
        r.members = members;
        r.spares = spares;
        if (Status s = parseOptions(options, &r); !s)
            return s;
        return engine.prepare(r, plan);
    };
    return submit(job);
}

QString HelperService::StopArray(const QString &array, const QVariantMap &options)
{
    Job job;
    job.operation = QStringLiteral("StopArray");
    job.actions = {polkitActions::modify};
    job.tag = tagOf(options);
    job.request = {{QStringLiteral("array"), array}, {QStringLiteral("options"), optionsJson(options)}};
    job.prepare = [=](const Engine &engine, Plan *plan) {
        StopArrayRequest r;
        r.array = array;
        if (Status s = parseOptions(options, &r); !s)
            return s;
        return engine.prepare(r, plan);
    };
    return submit(job);
}

QString HelperService::AssembleArray(const QString &array, const DeviceSpecList &members, const QVariantMap &options)
{
    Job job;
    job.operation = QStringLiteral("AssembleArray");
    job.actions = {polkitActions::modify};
    job.tag = tagOf(options);
    job.request = {{QStringLiteral("array"), array}, {QStringLiteral("members"), specsJson(members)}, {QStringLiteral("options"), optionsJson(options)}};
    job.prepare = [=](const Engine &engine, Plan *plan) {
        AssembleArrayRequest r;
        r.array = array;
        r.members = members;
        if (Status s = parseOptions(options, &r); !s)
            return s;
        return engine.prepare(r, plan);
    };
    return submit(job);
}

QString HelperService::AddMember(const QString &array, const DeviceSpec &device, const QVariantMap &options)
{
    Job job;
    job.operation = QStringLiteral("AddMember");
    job.actions = modifyActions(options, {QStringLiteral("partition_like_members")});
    job.tag = tagOf(options);
    job.request = {{QStringLiteral("array"), array}, {QStringLiteral("device"), specJson(device)}, {QStringLiteral("options"), optionsJson(options)}};
    job.prepare = [=](const Engine &engine, Plan *plan) {
        AddDeviceRequest r;
        r.array = array;
        r.device = device;
        if (Status s = parseOptions(options, &r); !s)
            return s;
        return engine.prepare(r, plan);
    };
    return submit(job);
}

QString HelperService::AddSpare(const QString &array, const DeviceSpec &device, const QVariantMap &options)
{
    Job job;
    job.operation = QStringLiteral("AddSpare");
    job.actions = modifyActions(options, {QStringLiteral("partition_like_members")});
    job.tag = tagOf(options);
    job.request = {{QStringLiteral("array"), array}, {QStringLiteral("device"), specJson(device)}, {QStringLiteral("options"), optionsJson(options)}};
    job.prepare = [=](const Engine &engine, Plan *plan) {
        AddDeviceRequest r;
        r.array = array;
        r.device = device;
        r.spare = true;
        if (Status s = parseOptions(options, &r); !s)
            return s;
        return engine.prepare(r, plan);
    };
    return submit(job);
}

QString HelperService::FailMember(const QString &array, const DeviceSpec &member, const QVariantMap &options)
{
    Job job;
    job.operation = QStringLiteral("FailMember");
    job.actions = {polkitActions::modify};
    job.tag = tagOf(options);
    job.request = {{QStringLiteral("array"), array}, {QStringLiteral("member"), specJson(member)}, {QStringLiteral("options"), optionsJson(options)}};
    job.prepare = [=](const Engine &engine, Plan *plan) {
        FailMemberRequest r;
        r.array = array;
        r.member = member;
        if (Status s = parseOptions(options, &r); !s)
            return s;
        return engine.prepare(r, plan);
    };
    return submit(job);
}

QString HelperService::RemoveMember(const QString &array, const DeviceSpec &member, const QVariantMap &options)
{
    Job job;
    job.operation = QStringLiteral("RemoveMember");
    job.actions = modifyActions(options, {QStringLiteral("zero_superblock")});
    job.tag = tagOf(options);
    job.request = {{QStringLiteral("array"), array}, {QStringLiteral("member"), specJson(member)}, {QStringLiteral("options"), optionsJson(options)}};
    job.prepare = [=](const Engine &engine, Plan *plan) {
        RemoveMemberRequest r;
        r.array = array;
        r.member = member;
        if (Status s = parseOptions(options, &r); !s)
            return s;
        return engine.prepare(r, plan);
    };
    return submit(job);
}

QString HelperService::ReplaceMember(const QString &array, const DeviceSpec &old_member, const DeviceSpec &new_device, const QVariantMap &options)
{
    Job job;
    job.operation = QStringLiteral("ReplaceMember");
    job.actions = modifyActions(options, {QStringLiteral("partition_like_old"), QStringLiteral("zero_old")});
    job.tag = tagOf(options);
    job.request = {{QStringLiteral("array"), array}, {QStringLiteral("old_member"), specJson(old_member)},
                   {QStringLiteral("new_device"), specJson(new_device)}, {QStringLiteral("options"), optionsJson(options)}};
    job.prepare = [=](const Engine &engine, Plan *plan) {
        ReplaceMemberRequest r;
        r.array = array;
        r.oldMember = old_member;
        r.newDevice = new_device;
        if (Status s = parseOptions(options, &r); !s)
            return s;
        return engine.prepare(r, plan);
    };
    return submit(job);
}

QString HelperService::GrowArray(const QString &array, int raid_devices, const DeviceSpecList &add, const DeviceSpecList &remove,
                                 const QVariantMap &options)
{
    Job job;
    job.operation = QStringLiteral("GrowArray");
    job.actions = {polkitActions::modify};
    job.tag = tagOf(options);
    job.request = {{QStringLiteral("array"), array}, {QStringLiteral("raid_devices"), raid_devices}, {QStringLiteral("add"), specsJson(add)},
                   {QStringLiteral("remove"), specsJson(remove)}, {QStringLiteral("options"), optionsJson(options)}};
    job.prepare = [=](const Engine &engine, Plan *plan) {
        GrowArrayRequest r;
        r.array = array;
        r.raidDevices = raid_devices;
        r.add = add;
        r.remove = remove;
        if (Status s = parseOptions(options, &r); !s)
            return s;
        return engine.prepare(r, plan);
    };
    return submit(job);
}

QString HelperService::RequestSyncAction(const QString &array, const QString &action, const QVariantMap &options)
{
    Job job;
    job.operation = QStringLiteral("RequestSyncAction");
    job.actions = {polkitActions::scrub};
    job.tag = tagOf(options);
    job.request = {{QStringLiteral("array"), array}, {QStringLiteral("action"), action}, {QStringLiteral("options"), optionsJson(options)}};
    job.prepare = [=](const Engine &engine, Plan *plan) {
        SyncActionRequest r;
        r.array = array;
        r.action = action;
        if (Status s = parseOptions(options, &r); !s)
            return s;
        return engine.prepare(r, plan);
    };
    return submit(job);
}

QString HelperService::SetSyncSpeedLimits(const QString &array, const QString &min, const QString &max, const QVariantMap &options)
{
    Job job;
    job.operation = QStringLiteral("SetSyncSpeedLimits");
    job.actions = {polkitActions::modify};
    job.tag = tagOf(options);
    job.request = {{QStringLiteral("array"), array}, {QStringLiteral("min"), min}, {QStringLiteral("max"), max}, {QStringLiteral("options"), optionsJson(options)}};
    job.prepare = [=](const Engine &engine, Plan *plan) {
        SpeedLimitsRequest r;
        r.array = array;
        r.min = min;
        r.max = max;
        if (Status s = parseOptions(options, &r); !s)
            return s;
        return engine.prepare(r, plan);
    };
    return submit(job);
}

QString HelperService::ZeroSuperblock(const DeviceSpec &device, const QVariantMap &options)
{
    Job job;
    job.operation = QStringLiteral("ZeroSuperblock");
    job.actions = {polkitActions::erase};
    job.tag = tagOf(options);
    job.request = {{QStringLiteral("device"), specJson(device)}, {QStringLiteral("options"), optionsJson(options)}};
    job.prepare = [=](const Engine &engine, Plan *plan) {
        ZeroSuperblockRequest r;
        r.device = device;
        if (Status s = parseOptions(options, &r); !s)
            return s;
        return engine.prepare(r, plan);
    };
    return submit(job);
}

QString HelperService::CopyPartitionTable(const DeviceSpec &source, const DeviceSpec &target, const QVariantMap &options)
{
    Job job;
    job.operation = QStringLiteral("CopyPartitionTable");
    job.actions = {polkitActions::erase};
    job.tag = tagOf(options);
    job.request = {{QStringLiteral("source"), specJson(source)}, {QStringLiteral("target"), specJson(target)}, {QStringLiteral("options"), optionsJson(options)}};
    job.prepare = [=](const Engine &engine, Plan *plan) {
        CopyPartitionTableRequest r;
        r.source = source;
        r.target = target;
        if (Status s = parseOptions(options, &r); !s)
            return s;
        return engine.prepare(r, plan);
    };
    return submit(job);
}

QString HelperService::WriteMdadmConf(const QVariantMap &options)
{
    Job job;
    job.operation = QStringLiteral("WriteMdadmConf");
    job.actions = {polkitActions::modify};
    job.tag = tagOf(options);
    job.request = {{QStringLiteral("options"), optionsJson(options)}};
    job.prepare = [=](const Engine &engine, Plan *plan) {
        WriteMdadmConfRequest r;
        if (Status s = parseOptions(options, &r); !s)
            return s;
        return engine.prepare(r, plan);
    };
    return submit(job);
}

QList<QVariantMap> HelperService::UnfinishedJobs()
{
    QList<QVariantMap> result;
    for (const JournalSummary &s : Journal::unfinished()) {
        result.append({{QStringLiteral("job"), s.job},
                       {QStringLiteral("operation"), s.operation},
                       {QStringLiteral("summary"), s.summary},
                       {QStringLiteral("started"), s.started.toString(Qt::ISODate)},
                       {QStringLiteral("steps"), s.steps},
                       {QStringLiteral("commands"), s.commands},
                       {QStringLiteral("steps_finished"), s.stepsFinished},
                       {QStringLiteral("last_started"), s.lastStarted},
                       {QStringLiteral("error"), s.error},
                       {QStringLiteral("message"), s.message},
                       {QStringLiteral("file"), s.file}});
    }
    return result;
}

void HelperService::AcknowledgeJob(const QString &jobId)
{
    Job job;
    job.operation = QStringLiteral("AcknowledgeJob");
    job.actions = {polkitActions::modify};
    const QString caller = message().service();
    job.direct = [jobId, caller] { return Journal::acknowledge(jobId, caller); };
    submit(job);
}

} // namespace plexus

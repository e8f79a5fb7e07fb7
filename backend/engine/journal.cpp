// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "journal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace plexus {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// A job id or a file name in the journal: no path, no hidden file.
bool plainName(const QString &job)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return re.match(job).hasMatch() && !job.startsWith(QLatin1Char('.'));
}

// The journal holds commands, tool output and partition tables: root's only.
// Modes are given at creation (the helper's umask only takes bits away).
constexpr mode_t privateDirMode = 0700;
constexpr mode_t privateFileMode = 0600;

// DIR as a directory only root can enter. One left by an older helper with a
// wider mode is narrowed; a link or a non-directory there is refused.
bool makePrivateDir(const QString &dir)
{
    const QByteArray path = QFile::encodeName(dir);
    if (!QDir().mkpath(QFileInfo(dir).path()))
        return false;
    if (::mkdir(path.constData(), privateDirMode) == 0)
        return true;
    if (errno != EEXIST)
        return false;
    struct stat st;
    if (::lstat(path.constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid())
        return false;
    return (st.st_mode & 07777) == privateDirMode || ::chmod(path.constData(), privateDirMode) == 0;
}

bool writeAll(int fd, const QByteArray &data)
{
    const bool ok = ::write(fd, data.constData(), size_t(data.size())) == data.size();
    ::fsync(fd);
    ::close(fd);
    return ok;
}

bool appendLine(const QString &file, const QByteArray &line)
{
    const int fd = ::open(QFile::encodeName(file).constData(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, privateFileMode);
    return fd >= 0 && writeAll(fd, line + '\n');
}

} // namespace

QString Journal::defaultDirectory()
{
    const QString fromEnv = qEnvironmentVariable("PLEXUS_JOURNAL_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    // systemd's StateDirectory=plexus (plexus-helper.service); several are ':'-separated.
    const QString state = qEnvironmentVariable("STATE_DIRECTORY").section(QLatin1Char(':'), 0, 0);
    if (state.startsWith(QLatin1Char('/')))
        return state + QStringLiteral("/journal");
    return QStringLiteral("/var/lib/plexus/journal");
}

QString Caller::describe() const
{
    return QStringLiteral("%1 (uid %2, pid %3)").arg(busName).arg(uid).arg(pid);
}

namespace {

void insertCaller(QJsonObject *event, const char *nameKey, const Caller &caller)
{
    event->insert(QLatin1String(nameKey), caller.busName);
    event->insert(QStringLiteral("uid"), caller.uid);
    event->insert(QStringLiteral("pid"), caller.pid);
}

} // namespace

Journal::Journal(const QString &directory) : m_dir(directory) {}

Status Journal::begin(const QString &job, const Plan &plan, const Caller &caller, const QJsonObject &request, const QJsonObject &machine)
{
    if (!plainName(job))
        return Status::failure(ErrorCode::Invalid, mi18n("bad job id '%1'", job));
    if (!makePrivateDir(m_dir))
        return Status::failure(ErrorCode::ToolFailed, mi18n("Cannot create the journal directory %1 (mode 0700, owned by root).", m_dir));
    m_job = job;
    m_file = m_dir + QLatin1Char('/') + job + QStringLiteral(".jsonl");
    QJsonArray steps;
    for (const Step &s : plan.steps)
        steps.append(QJsonObject{{QStringLiteral("description"), s.description}, {QStringLiteral("command"), s.preview()},
                                 {QStringLiteral("undo"), s.undoWords()}});
    QJsonObject event{{QStringLiteral("event"), QStringLiteral("plan")},
                      {QStringLiteral("job"), job},
                      {QStringLiteral("operation"), plan.operation},
                      {QStringLiteral("summary"), plan.summary},
                      {QStringLiteral("request"), request},
                      {QStringLiteral("notes"), QJsonArray::fromStringList(plan.notes)},
                      {QStringLiteral("steps"), steps}};
    if (!machine.isEmpty())
        event.insert(QStringLiteral("machine"), machine);
    insertCaller(&event, "caller", caller);
    event.insert(QStringLiteral("time"), now());
    if (!appendLine(m_file, QJsonDocument(event).toJson(QJsonDocument::Compact)))
        return Status::failure(ErrorCode::ToolFailed, mi18n("Cannot write the journal %1: a plan that cannot be journaled does not run.", m_file));
    return {};
}

Status Journal::resume(const QString &job, const Caller &by)
{
    JournalSummary s;
    if (Status st = find(job, &s, false, m_dir); !st)
        return st;
    m_job = job;
    m_file = s.file;
    m_data = s.data;
    QJsonObject event{{QStringLiteral("event"), QStringLiteral("resume")}, {QStringLiteral("time"), now()}};
    insertCaller(&event, "by", by);
    if (!appendLine(m_file, QJsonDocument(event).toJson(QJsonDocument::Compact)))
        return Status::failure(ErrorCode::ToolFailed, mi18n("Cannot write the journal %1: a plan that cannot be journaled does not run.", m_file));
    return {};
}

void Journal::append(QJsonObject event)
{
    if (m_file.isEmpty())
        return;
    event.insert(QStringLiteral("time"), now());
    appendLine(m_file, QJsonDocument(event).toJson(QJsonDocument::Compact));
}

void Journal::stepStarted(int index)
{
    append({{QStringLiteral("event"), QStringLiteral("step-start")}, {QStringLiteral("index"), index}});
}

void Journal::stepFinished(int index, const Status &status, const QVariantMap &data)
{
    QJsonObject event{{QStringLiteral("event"), QStringLiteral("step-end")}, {QStringLiteral("index"), index},
                      {QStringLiteral("ok"), status.ok()}, {QStringLiteral("error"), status.name()}, {QStringLiteral("message"), status.message()}};
    // What later steps need (a partition table read) must outlive a crash, or a resumed plan would lack it.
    if (data != m_data) {
        QJsonObject changed;
        for (auto it = data.begin(); it != data.end(); ++it)
            if (m_data.value(it.key()) != it.value())
                changed.insert(it.key(), QString::fromLatin1(it.value().toByteArray().toBase64()));
        event.insert(QStringLiteral("data"), changed);
        m_data = data;
    }
    append(event);
}

void Journal::log(int index, const QString &line)
{
    append({{QStringLiteral("event"), QStringLiteral("log")}, {QStringLiteral("index"), index}, {QStringLiteral("line"), line}});
}

void Journal::waitForRestart(int index, const QString &bootId)
{
    append({{QStringLiteral("event"), QStringLiteral("waiting-for-restart")}, {QStringLiteral("index"), index}, {QStringLiteral("boot"), bootId}});
}

void Journal::finish(const Status &status)
{
    append({{QStringLiteral("event"), QStringLiteral("end")}, {QStringLiteral("ok"), status.ok()},
            {QStringLiteral("error"), status.name()}, {QStringLiteral("message"), status.message()}});
}

Status Journal::keep(const QString &fileName, const QByteArray &contents, QString *path)
{
    if (m_job.isEmpty())
        return Status::failure(ErrorCode::ToolFailed, mi18n("No job to keep %1 for.", fileName));
    return writePrivateFile(m_dir + QLatin1Char('/') + m_job + QStringLiteral(".d"), fileName, contents, path);
}

Status Journal::kept(const QString &fileName, QByteArray *contents) const
{
    const QString job = m_keptFrom.isEmpty() ? m_job : m_keptFrom;
    return readPrivateFile(m_dir + QLatin1Char('/') + job + QStringLiteral(".d"), fileName, contents);
}

Status Journal::readPrivateFile(const QString &directory, const QString &fileName, QByteArray *contents)
{
    if (!plainName(fileName))
        return Status::failure(ErrorCode::Invalid, mi18n("'%1' is not a plain file name.", fileName));
    const QString file = directory + QLatin1Char('/') + fileName;
    const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    QFile f;
    if (fd < 0 || !f.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        if (fd >= 0)
            ::close(fd);
        return Status::failure(ErrorCode::NotFound, mi18n("The job kept no file %1 (%2).", file, QString::fromLocal8Bit(strerror(errno))));
    }
    *contents = f.readAll();
    return {};
}

Status Journal::writePrivateFile(const QString &directory, const QString &fileName, const QByteArray &contents, QString *path)
{
    if (!plainName(fileName))
        return Status::failure(ErrorCode::Invalid, mi18n("'%1' is not a plain file name.", fileName));
    const QString file = directory + QLatin1Char('/') + fileName;
    if (path)
        *path = file;
    if (!makePrivateDir(directory))
        return Status::failure(ErrorCode::ToolFailed, mi18n("Cannot create %1 (mode 0700, owned by root).", directory));
    const int fd = ::open(QFile::encodeName(file).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, privateFileMode);
    if (fd < 0 || !writeAll(fd, contents))
        return Status::failure(ErrorCode::ToolFailed, mi18n("Cannot write %1: %2", file, QString::fromLocal8Bit(strerror(errno))));
    return {};
}

int JournalSummary::firstNotDone() const
{
    int i = 0;
    while (i < states.size() && states[i] == StepState::Done)
        ++i;
    return i;
}

QString JournalSummary::words(StepState state)
{
    switch (state) {
    case StepState::NotRun: return QStringLiteral("not run");
    case StepState::InProgress: return QStringLiteral("in progress when it stopped");
    case StepState::Done: return QStringLiteral("done");
    case StepState::Failed: return QStringLiteral("failed");
    }
    return {};
}

QString JournalSummary::whyNotUnfinished() const
{
    if (ok)
        return QStringLiteral("it ended well");
    if (dropped)
        return QStringLiteral("it was dropped");
    if (!rolledBackBy.isEmpty())
        return QStringLiteral("it was rolled back by job %1").arg(rolledBackBy);
    return QStringLiteral("its first step failed, so it changed nothing");
}

JournalSummary Journal::summarize(const QString &file, bool withPlan)
{
    JournalSummary s;
    s.file = file;
    s.job = QFileInfo(file).completeBaseName();
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return s;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject e = QJsonDocument::fromJson(line).object();
        const QString event = e.value(QStringLiteral("event")).toString();
        const int index = e.value(QStringLiteral("index")).toInt(-1);
        const bool stepEvent = index >= 0 && index < s.states.size();
        if (event == QLatin1String("plan")) {
            s.operation = e.value(QStringLiteral("operation")).toString();
            s.summary = e.value(QStringLiteral("summary")).toString();
            s.started = QDateTime::fromString(e.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
            s.startedBy = uint(e.value(QStringLiteral("uid")).toInteger());
            for (const QJsonValue &st : e.value(QStringLiteral("steps")).toArray()) {
                s.steps << st.toObject().value(QStringLiteral("description")).toString();
                s.commands << st.toObject().value(QStringLiteral("command")).toString();
                s.undo << st.toObject().value(QStringLiteral("undo")).toString();
                s.states << StepState::NotRun;
            }
            if (withPlan) {
                s.request = e.value(QStringLiteral("request")).toObject();
                s.machine = e.value(QStringLiteral("machine")).toObject();
            }
        } else if (event == QLatin1String("step-start") && stepEvent) {
            s.lastStarted = index;
            s.states[index] = StepState::InProgress;
        } else if (event == QLatin1String("step-end") && stepEvent) {
            const bool ok = e.value(QStringLiteral("ok")).toBool();
            s.states[index] = ok ? StepState::Done : StepState::Failed;
            if (!ok) {
                s.error = e.value(QStringLiteral("error")).toString();
                s.message = e.value(QStringLiteral("message")).toString();
            }
            const QJsonObject data = e.value(QStringLiteral("data")).toObject();
            for (auto it = data.begin(); it != data.end(); ++it)
                s.data.insert(it.key(), QByteArray::fromBase64(it.value().toString().toLatin1()));
        } else if (event == QLatin1String("end")) {
            s.finished = true;
            s.waitingBoot.clear();
            s.ok = e.value(QStringLiteral("ok")).toBool();
            if (!s.ok) {
                s.error = e.value(QStringLiteral("error")).toString();
                s.message = e.value(QStringLiteral("message")).toString();
            }
        } else if (event == QLatin1String("waiting-for-restart")) {
            s.waitingBoot = e.value(QStringLiteral("boot")).toString();
        } else if (event == QLatin1String("resume")) {
            s.waitingBoot.clear();
            s.finished = s.ok = false;
            s.error.clear();
            s.message.clear();
        } else if (event == QLatin1String("dropped") || event == QLatin1String("acknowledged")) { // older journals said acknowledged
            s.dropped = true;
        } else if (event == QLatin1String("rolling-back")) {
            s.rollingBackBy = e.value(QStringLiteral("job")).toString();
        } else if (event == QLatin1String("rolled-back")) {
            s.rolledBackBy = e.value(QStringLiteral("job")).toString();
        }
    }
    s.stepsFinished = int(std::count(s.states.cbegin(), s.states.cend(), StepState::Done));
    return s;
}

QList<JournalSummary> Journal::read(const QString &directory)
{
    QList<JournalSummary> result;
    const QFileInfoList files = QDir(directory).entryInfoList({QStringLiteral("*.jsonl")}, QDir::Files, QDir::Name);
    for (const QFileInfo &fi : files)
        result.append(summarize(fi.absoluteFilePath()));
    return result;
}

QList<JournalSummary> Journal::unfinished(const QString &directory)
{
    QList<JournalSummary> result;
    for (const JournalSummary &s : read(directory))
        if (s.interrupted() && s.unfinished())
            result.append(s);
    return result;
}

QList<JournalSummary> Journal::unfinishedPlans(const QString &directory)
{
    QList<JournalSummary> result;
    for (const JournalSummary &s : read(directory))
        if (s.unfinished())
            result.append(s);
    return result;
}

Status Journal::find(const QString &job, JournalSummary *out, bool withPlan, const QString &directory)
{
    if (!plainName(job))
        return Status::failure(ErrorCode::Invalid, mi18n("'%1' is not a job id.", job));
    const QString file = directory + QLatin1Char('/') + job + QStringLiteral(".jsonl");
    if (!QFile::exists(file))
        return Status::failure(ErrorCode::NotFound, mi18n("There is no journal for the job %1.", job));
    *out = summarize(file, withPlan);
    return {};
}

Status Journal::appendTo(const QString &job, QJsonObject event, const QString &directory)
{
    const QString file = directory + QLatin1Char('/') + job + QStringLiteral(".jsonl");
    event.insert(QStringLiteral("time"), now());
    if (!appendLine(file, QJsonDocument(event).toJson(QJsonDocument::Compact)))
        return Status::failure(ErrorCode::ToolFailed, mi18n("Cannot write %1.", file));
    return {};
}

Status Journal::drop(const QString &job, const Caller &by, const QString &directory)
{
    JournalSummary s;
    if (Status st = find(job, &s, false, directory); !st)
        return st;
    if (!s.unfinished())
        return Status::failure(ErrorCode::Invalid, mi18n("The job %1 is not unfinished (%2); there is nothing to drop.", job, s.whyNotUnfinished()));
    QJsonObject e{{QStringLiteral("event"), QStringLiteral("dropped")}};
    insertCaller(&e, "by", by);
    return appendTo(job, e, directory);
}

Status Journal::markRollingBack(const QString &job, const QString &by, const QString &directory)
{
    return appendTo(job, {{QStringLiteral("event"), QStringLiteral("rolling-back")}, {QStringLiteral("job"), by}}, directory);
}

Status Journal::markRolledBack(const QString &job, const QString &by, const QString &directory)
{
    return appendTo(job, {{QStringLiteral("event"), QStringLiteral("rolled-back")}, {QStringLiteral("job"), by}}, directory);
}

void Journal::prune(int keep, const QString &directory)
{
    QList<JournalSummary> finished;
    for (const JournalSummary &s : read(directory))
        if (!s.unfinished())
            finished.append(s);
    // Files are named by job id, which starts with the time: oldest first.
    for (int i = 0; i + keep < finished.size(); ++i) {
        QFile::remove(finished[i].file);
        QDir(directory + QLatin1Char('/') + finished[i].job + QStringLiteral(".d")).removeRecursively();
    }
}

} // namespace plexus

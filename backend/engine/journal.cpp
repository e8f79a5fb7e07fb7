// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "journal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

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

Status Journal::begin(const QString &job, const Plan &plan, const Caller &caller, const QJsonObject &request)
{
    if (!plainName(job))
        return Status::failure(ErrorCode::Invalid, QStringLiteral("bad job id '%1'").arg(job));
    if (!makePrivateDir(m_dir))
        return Status::failure(ErrorCode::ToolFailed, QStringLiteral("Cannot create the journal directory %1 (mode 0700, owned by root).").arg(m_dir));
    m_job = job;
    m_file = m_dir + QLatin1Char('/') + job + QStringLiteral(".jsonl");
    QJsonArray steps;
    for (const Step &s : plan.steps)
        steps.append(QJsonObject{{QStringLiteral("description"), s.description}, {QStringLiteral("command"), s.preview()}});
    QJsonObject event{{QStringLiteral("event"), QStringLiteral("plan")},
                      {QStringLiteral("job"), job},
                      {QStringLiteral("operation"), plan.operation},
                      {QStringLiteral("summary"), plan.summary},
                      {QStringLiteral("request"), request},
                      {QStringLiteral("notes"), QJsonArray::fromStringList(plan.notes)},
                      {QStringLiteral("steps"), steps}};
    insertCaller(&event, "caller", caller);
    event.insert(QStringLiteral("time"), now());
    if (!appendLine(m_file, QJsonDocument(event).toJson(QJsonDocument::Compact)))
        return Status::failure(ErrorCode::ToolFailed, QStringLiteral("Cannot write the journal %1: a plan that cannot be journaled does not run.").arg(m_file));
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

void Journal::stepFinished(int index, const Status &status)
{
    append({{QStringLiteral("event"), QStringLiteral("step-end")}, {QStringLiteral("index"), index},
            {QStringLiteral("ok"), status.ok()}, {QStringLiteral("error"), status.name()}, {QStringLiteral("message"), status.message()}});
}

void Journal::log(int index, const QString &line)
{
    append({{QStringLiteral("event"), QStringLiteral("log")}, {QStringLiteral("index"), index}, {QStringLiteral("line"), line}});
}

void Journal::finish(const Status &status)
{
    append({{QStringLiteral("event"), QStringLiteral("end")}, {QStringLiteral("ok"), status.ok()},
            {QStringLiteral("error"), status.name()}, {QStringLiteral("message"), status.message()}});
}

Status Journal::keep(const QString &fileName, const QByteArray &contents, QString *path)
{
    if (m_job.isEmpty())
        return Status::failure(ErrorCode::ToolFailed, QStringLiteral("No job to keep %1 for.").arg(fileName));
    return writePrivateFile(m_dir + QLatin1Char('/') + m_job + QStringLiteral(".d"), fileName, contents, path);
}

Status Journal::writePrivateFile(const QString &directory, const QString &fileName, const QByteArray &contents, QString *path)
{
    if (!plainName(fileName))
        return Status::failure(ErrorCode::Invalid, QStringLiteral("'%1' is not a plain file name.").arg(fileName));
    const QString file = directory + QLatin1Char('/') + fileName;
    if (path)
        *path = file;
    if (!makePrivateDir(directory))
        return Status::failure(ErrorCode::ToolFailed, QStringLiteral("Cannot create %1 (mode 0700, owned by root).").arg(directory));
    const int fd = ::open(QFile::encodeName(file).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, privateFileMode);
    if (fd < 0 || !writeAll(fd, contents))
        return Status::failure(ErrorCode::ToolFailed, QStringLiteral("Cannot write %1: %2").arg(file, QString::fromLocal8Bit(strerror(errno))));
    return {};
}

JournalSummary Journal::summarize(const QString &file)
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
        if (event == QLatin1String("plan")) {
            s.operation = e.value(QStringLiteral("operation")).toString();
            s.summary = e.value(QStringLiteral("summary")).toString();
            s.started = QDateTime::fromString(e.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
            for (const QJsonValue &st : e.value(QStringLiteral("steps")).toArray()) {
                s.steps << st.toObject().value(QStringLiteral("description")).toString();
                s.commands << st.toObject().value(QStringLiteral("command")).toString();
            }
        } else if (event == QLatin1String("step-start")) {
            s.lastStarted = e.value(QStringLiteral("index")).toInt();
        } else if (event == QLatin1String("step-end")) {
            if (e.value(QStringLiteral("ok")).toBool())
                ++s.stepsFinished;
            else {
                s.error = e.value(QStringLiteral("error")).toString();
                s.message = e.value(QStringLiteral("message")).toString();
            }
        } else if (event == QLatin1String("end")) {
            s.finished = true;
            s.ok = e.value(QStringLiteral("ok")).toBool();
            if (!s.ok) {
                s.error = e.value(QStringLiteral("error")).toString();
                s.message = e.value(QStringLiteral("message")).toString();
            }
        } else if (event == QLatin1String("acknowledged")) {
            s.acknowledged = true;
        }
    }
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
        if (!s.finished && !s.acknowledged)
            result.append(s);
    return result;
}

Status Journal::acknowledge(const QString &job, const Caller &by, const QString &directory)
{
    if (!plainName(job))
        return Status::failure(ErrorCode::Invalid, QStringLiteral("'%1' is not a job id.").arg(job));
    const QString file = directory + QLatin1Char('/') + job + QStringLiteral(".jsonl");
    if (!QFile::exists(file))
        return Status::failure(ErrorCode::NotFound, QStringLiteral("There is no journal for the job %1.").arg(job));
    const JournalSummary s = summarize(file);
    if (s.finished)
        return Status::failure(ErrorCode::Invalid, QStringLiteral("The job %1 finished; there is nothing to acknowledge.").arg(job));
    QJsonObject e{{QStringLiteral("event"), QStringLiteral("acknowledged")}, {QStringLiteral("time"), now()}};
    insertCaller(&e, "by", by);
    if (!appendLine(file, QJsonDocument(e).toJson(QJsonDocument::Compact)))
        return Status::failure(ErrorCode::ToolFailed, QStringLiteral("Cannot write %1.").arg(file));
    return {};
}

void Journal::prune(int keep, const QString &directory)
{
    QList<JournalSummary> finished;
    for (const JournalSummary &s : read(directory))
        if (s.finished || s.acknowledged)
            finished.append(s);
    // Files are named by job id, which starts with the time: oldest first.
    for (int i = 0; i + keep < finished.size(); ++i) {
        QFile::remove(finished[i].file);
        QDir(directory + QLatin1Char('/') + finished[i].job + QStringLiteral(".d")).removeRecursively();
    }
}

} // namespace plexus

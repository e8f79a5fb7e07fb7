// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "actions.h"

#include "probe/blockdev_c.h"
#include "probe/blockdevlib.h"
#include "probe/textfile.h"
#include "toolwatchdog.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>

#include <mutex>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace plexus::actions {

namespace {

const QStringList toolPath = {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"), QStringLiteral("/sbin"), QStringLiteral("/bin")};

bool mdraidReady()
{
    static std::once_flag once;
    static bool ready = false;
    std::call_once(once, [] {
        ensureBlockdev();
        ready = blockdevPluginAvailable("mdraid");
    });
    return ready;
}

Status fromGError(GError *err, const QStringList &argv)
{
    QString message = err ? QString::fromUtf8(err->message).trimmed() : QStringLiteral("unknown error");
    g_clear_error(&err);
    return Status::failure(ErrorCode::ToolFailed, QStringLiteral("%1 failed: %2").arg(shellJoin(argv), message));
}

// A NULL-terminated const gchar* array that owns its strings.
class CStrings
{
public:
    explicit CStrings(const QStringList &list)
    {
        for (const QString &s : list)
            m_data.append(s.toUtf8());
        for (const QByteArray &b : m_data)
            m_ptrs.append(b.constData());
        m_ptrs.append(nullptr);
    }
    const gchar **get() { return m_ptrs.data(); }

private:
    QList<QByteArray> m_data;
    QList<const gchar *> m_ptrs;
};

Status gaveUp(StepContext &ctx, const QStringList &argv, int seconds, const QString &soFar)
{
    ctx.log(QStringLiteral("gave up after %1 s: killed %2").arg(seconds).arg(argv.first()));
    return Status::failure(ErrorCode::ToolFailed,
                           QStringLiteral("%1 did not finish: gave up after %2 s and killed it. Its output so far: %3")
                               .arg(shellJoin(argv)).arg(seconds).arg(soFar.isEmpty() ? QStringLiteral("none") : soFar));
}

// Runs a libblockdev call, or the same command ourselves when the mdraid plugin
// could not be loaded.
template<typename F>
Status blockdevOrRun(StepContext &ctx, const QStringList &argv, F call)
{
    if (!mdraidReady()) {
        ctx.log(QStringLiteral("libblockdev's mdraid plugin is not available: running mdadm directly"));
        return run(ctx, argv);
    }
    // libblockdev runs the tool itself (with LC_ALL=C.UTF-8); we log the run.
    ctx.log(QStringLiteral("run: %1 (libblockdev)").arg(shellJoin(argv)));
    GError *err = nullptr;
    const int limit = timeLimitSeconds(ctx, argv.first());
    ToolWatchdog watchdog(limit); // libblockdev waits for the tool itself
    const bool ok = call(&err);
    if (watchdog.fired()) {
        const QString soFar = err ? QString::fromUtf8(err->message).trimmed() : QString();
        g_clear_error(&err);
        return gaveUp(ctx, argv, limit, soFar);
    }
    if (!ok) {
        Status s = fromGError(err, argv);
        ctx.log(QStringLiteral("failed: %1").arg(s.message()));
        return s;
    }
    ctx.log(QStringLiteral("exit 0: %1").arg(argv.value(0)));
    return {};
}

} // namespace

Status QuietContext::keep(const QString &fileName, const QByteArray &, QString *)
{
    return Status::failure(ErrorCode::ToolFailed, QStringLiteral("A check has no job to keep %1 for.").arg(fileName));
}

Status QuietContext::kept(const QString &fileName, QByteArray *)
{
    return Status::failure(ErrorCode::NotFound, QStringLiteral("A check has no job that kept %1.").arg(fileName));
}

int timeLimitSeconds(const StepContext &ctx, const QString &tool)
{
    if (ctx.timeLimitSeconds > 0)
        return ctx.timeLimitSeconds;
    // Generous: a tool that takes longer is stuck (a hung device, a lock).
    static const QHash<QString, int> limits = {
        {QStringLiteral("mdadm"), 300}, {QStringLiteral("sfdisk"), 120}, {QStringLiteral("wipefs"), 120},
        {QStringLiteral("blkid"), 60},  {QStringLiteral("udevadm"), 60}, {QStringLiteral("partx"), 60},
    };
    return limits.value(tool, 300);
}

namespace {

// Starts argv[0] (from toolPath, with LC_ALL=C.UTF-8), logged, `input` on its stdin.
Status startTool(StepContext &ctx, const QStringList &argv, const QByteArray &input, QProcess *p)
{
    if (argv.isEmpty())
        return Status::failure(ErrorCode::Invalid, QStringLiteral("nothing to run"));
    const QString program = QStandardPaths::findExecutable(argv.first(), toolPath);
    if (program.isEmpty())
        return Status::failure(ErrorCode::ToolFailed, QStringLiteral("%1 is not installed (looked in %2).").arg(argv.first(), toolPath.join(QLatin1Char(':'))));
    QProcessEnvironment env;
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("PATH"), toolPath.join(QLatin1Char(':')));
    p->setProcessEnvironment(env);
    p->setProgram(program);
    p->setArguments(argv.mid(1));
    // A tool outlives a helper that dies under it (killed, crashed): writing to
    // the closed pipe then fails instead of killing the tool half-way, so mdadm
    // still lets go of the array it froze and the resumed plan finds it whole.
    p->setUnixProcessParameters(QProcess::UnixProcessFlag::IgnoreSigPipe);
    ctx.log(QStringLiteral("run: %1%2").arg(shellJoin(argv), input.isEmpty() ? QString() : QStringLiteral(" (%1 bytes on stdin)").arg(input.size())));
    p->start();
    if (!p->waitForStarted(30000))
        return Status::failure(ErrorCode::ToolFailed, QStringLiteral("%1 could not be started: %2").arg(argv.first(), p->errorString()));
    if (!input.isEmpty())
        p->write(input);
    p->closeWriteChannel();
    return {};
}

// Logs how a finished tool ended; a non-zero exit is ToolFailed unless exitCode is given.
Status finishTool(StepContext &ctx, const QStringList &argv, QProcess &p, const QByteArray &out, QByteArray *output, int *exitCode)
{
    // Merged channels (runReportingLines): stderr is in `out` already.
    const QString err = p.processChannelMode() == QProcess::MergedChannels ? QString() : QString::fromUtf8(p.readAllStandardError()).trimmed();
    const int code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    ctx.log(QStringLiteral("exit %1: %2%3").arg(code).arg(argv.first(), err.isEmpty() ? QString() : QStringLiteral(" stderr: ") + err));
    if (output)
        *output = out;
    if (exitCode) {
        *exitCode = code;
        return {};
    }
    if (code != 0) {
        const QString detail = !err.isEmpty() ? err : QString::fromUtf8(out).trimmed();
        return Status::failure(ErrorCode::ToolFailed, QStringLiteral("%1 failed (%2): %3")
                                   .arg(shellJoin(argv), code < 0 ? QStringLiteral("crashed") : QStringLiteral("exit code %1").arg(code),
                                        detail.isEmpty() ? QStringLiteral("no message") : detail));
    }
    return {};
}

} // namespace

Status run(StepContext &ctx, const QStringList &argv, const QByteArray &input, QByteArray *output, int *exitCode)
{
    QProcess p;
    if (Status s = startTool(ctx, argv, input, &p); !s)
        return s;
    const int limit = timeLimitSeconds(ctx, argv.first());
    if (!p.waitForFinished(limit * 1000) && p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(5000);
        const QString soFar = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed();
        return gaveUp(ctx, argv, limit, soFar);
    }
    return finishTool(ctx, argv, p, p.readAllStandardOutput(), output, exitCode);
}

Status runReportingLines(StepContext &ctx, const QStringList &argv, const std::function<void(const QString &)> &onLine)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels); // stderr read too: a full pipe would stall the tool
    if (Status s = startTool(ctx, argv, {}, &p); !s)
        return s;
    // A tool that keeps reporting is working, however long it takes: the limit
    // runs from its last line.
    const int limit = timeLimitSeconds(ctx, argv.first());
    QByteArray out, pending;
    QDeadlineTimer quiet(limit * 1000);
    // Passes on the whole lines read so far.
    const auto drain = [&] {
        const QByteArray chunk = p.readAllStandardOutput();
        out += chunk;
        pending += chunk;
        for (qsizetype nl; (nl = pending.indexOf('\n')) >= 0; pending.remove(0, nl + 1)) {
            onLine(QString::fromUtf8(pending.left(nl)).trimmed());
            quiet.setRemainingTime(limit * 1000);
        }
    };
    while (p.state() != QProcess::NotRunning) {
        p.waitForReadyRead(1000);
        drain();
        if (quiet.hasExpired() && p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(5000);
            return gaveUp(ctx, argv, limit, QString::fromUtf8(out + p.readAllStandardOutput()).trimmed());
        }
    }
    drain(); // what it printed as it ended
    if (!pending.trimmed().isEmpty())
        onLine(QString::fromUtf8(pending).trimmed());
    return finishTool(ctx, argv, p, out, nullptr, nullptr);
}

QStringList mdCreateArgv(const CreateParams &p)
{
    // The order libblockdev's bd_md_create uses.
    QStringList argv = {QStringLiteral("mdadm"), QStringLiteral("--create"), p.array, QStringLiteral("--run")};
    if (p.force)
        argv << QStringLiteral("--force");
    argv << QStringLiteral("--level=%1").arg(p.level) << QStringLiteral("--raid-devices=%1").arg(p.devices.size() - p.spares);
    if (p.spares)
        argv << QStringLiteral("--spare-devices=%1").arg(p.spares);
    if (!p.metadata.isEmpty())
        argv << QStringLiteral("--metadata=%1").arg(p.metadata);
    if (!p.bitmap.isEmpty())
        argv << QStringLiteral("--bitmap=%1").arg(p.bitmap);
    if (p.chunkKib)
        argv << QStringLiteral("--chunk=%1").arg(p.chunkKib);
    argv << p.devices;
    if (!p.name.isEmpty())
        argv << QStringLiteral("--name=%1").arg(p.name);
    return argv;
}

Status mdCreate(StepContext &ctx, const CreateParams &p)
{
    const QStringList argv = mdCreateArgv(p);
    // mdadm only takes --force before --raid-devices, and libblockdev puts extra
    // options last: a single-device mirror is created by running mdadm directly.
    if (p.force)
        return run(ctx, argv);
    return blockdevOrRun(ctx, argv, [&](GError **err) {
        CStrings disks(p.devices);
        const QByteArray array = p.array.toUtf8(), level = p.level.toUtf8(), metadata = p.metadata.toUtf8(), bitmap = p.bitmap.toUtf8();
        const QByteArray nameOpt = QStringLiteral("--name=%1").arg(p.name).toUtf8();
        BDExtraArg nameArg = {const_cast<gchar *>(nameOpt.constData()), const_cast<gchar *>("")};
        const BDExtraArg *extra[] = {p.name.isEmpty() ? nullptr : &nameArg, nullptr};
        return bd_md_create(array.constData(), level.constData(), disks.get(), guint64(p.spares),
                            p.metadata.isEmpty() ? nullptr : metadata.constData(),
                            p.bitmap.isEmpty() ? nullptr : bitmap.constData(), guint64(p.chunkKib) * 1024, extra, err);
    });
}

QStringList mdAddArgv(const QString &array, const QString &device)
{
    return {QStringLiteral("mdadm"), array, QStringLiteral("--add"), device};
}

Status mdAdd(StepContext &ctx, const QString &array, const QString &device)
{
    return blockdevOrRun(ctx, mdAddArgv(array, device), [&](GError **err) {
        return bd_md_add(array.toUtf8().constData(), device.toUtf8().constData(), 0, nullptr, err);
    });
}

QStringList mdRemoveArgv(const QString &array, const QString &device)
{
    return {QStringLiteral("mdadm"), array, QStringLiteral("--remove"), device};
}

Status mdRemove(StepContext &ctx, const QString &array, const QString &device)
{
    return blockdevOrRun(ctx, mdRemoveArgv(array, device), [&](GError **err) {
        return bd_md_remove(array.toUtf8().constData(), device.toUtf8().constData(), FALSE, nullptr, err);
    });
}

QStringList mdStopArgv(const QString &array)
{
    return {QStringLiteral("mdadm"), QStringLiteral("--stop"), array};
}

Status mdStop(StepContext &ctx, const QString &array)
{
    return blockdevOrRun(ctx, mdStopArgv(array), [&](GError **err) { return bd_md_deactivate(array.toUtf8().constData(), err); });
}

QStringList mdAssembleArgv(const QString &array, const QStringList &members, bool runDegraded)
{
    QStringList argv = {QStringLiteral("mdadm"), QStringLiteral("--assemble"), array};
    if (runDegraded)
        argv << QStringLiteral("--run");
    return argv + members;
}

Status mdAssemble(StepContext &ctx, const QString &array, const QStringList &members, bool runDegraded)
{
    return blockdevOrRun(ctx, mdAssembleArgv(array, members, runDegraded), [&](GError **err) {
        CStrings m(members);
        return bd_md_activate(array.toUtf8().constData(), m.get(), nullptr, runDegraded, nullptr, err);
    });
}

QStringList mdZeroSuperblockArgv(const QString &device)
{
    return {QStringLiteral("mdadm"), QStringLiteral("--zero-superblock"), device};
}

Status mdZeroSuperblock(StepContext &ctx, const QString &device)
{
    return blockdevOrRun(ctx, mdZeroSuperblockArgv(device), [&](GError **err) { return bd_md_destroy(device.toUtf8().constData(), err); });
}

Status writeSysfs(StepContext &ctx, const QString &path, const QString &value)
{
    ctx.log(QStringLiteral("write: echo %1 > %2").arg(shellQuote(value), path));
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CLOEXEC);
    int error = fd < 0 ? errno : 0;
    if (fd >= 0) {
        const QByteArray data = value.toUtf8() + '\n';
        if (::write(fd, data.constData(), size_t(data.size())) < 0)
            error = errno;
        ::close(fd);
    }
    if (error == 0)
        return {};
    const QString reason = QString::fromLocal8Bit(strerror(error));
    ctx.log(QStringLiteral("failed: %1").arg(reason));
    if (error == EBUSY)
        return Status::failure(ErrorCode::Busy, QStringLiteral("The kernel is busy and refused '%1' in %2: %3. Try again when the array is idle.").arg(value, path, reason));
    return Status::failure(ErrorCode::ToolFailed, QStringLiteral("The kernel refused '%1' in %2: %3").arg(value, path, reason));
}

Status writeFileAtomically(StepContext &ctx, const QString &path, const QByteArray &contents)
{
    // The new file gets the old one's mode and owner before it replaces it, so
    // nobody sees it otherwise; a new file: 0644, its writer's.
    struct stat old {};
    const bool existed = ::stat(QFile::encodeName(path).constData(), &old) == 0;
    QSaveFile f(path); // a new file beside it, synced, then renamed over it
    ctx.log(QStringLiteral("write: %1 (%2 bytes)").arg(path).arg(contents.size()));
    if (!f.open(QIODevice::WriteOnly))
        return Status::failure(ErrorCode::ToolFailed, QStringLiteral("Writing %1 failed: %2").arg(path, f.errorString()));
    if (::fchmod(f.handle(), existed ? (old.st_mode & 07777) : 0644) != 0 || (existed && ::fchown(f.handle(), old.st_uid, old.st_gid) != 0)) {
        f.cancelWriting();
        return Status::failure(ErrorCode::ToolFailed, QStringLiteral("Writing %1 failed: cannot give it the mode and owner of the old one.").arg(path));
    }
    if (f.write(contents) != contents.size() || !f.commit())
        return Status::failure(ErrorCode::ToolFailed, QStringLiteral("Writing %1 failed: %2").arg(path, f.errorString()));
    return {};
}

void udevSettle(StepContext &ctx)
{
    int code = 0;
    run(ctx, {QStringLiteral("udevadm"), QStringLiteral("settle"), QStringLiteral("--timeout=15")}, {}, nullptr, &code);
}

std::function<Status(StepContext &)> runThenSettle(const QStringList &argv)
{
    return [argv](StepContext &ctx) {
        const Status st = run(ctx, argv);
        udevSettle(ctx);
        return st;
    };
}

bool waitFor(int timeoutMs, const std::function<bool()> &condition)
{
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        if (condition())
            return true;
        if (deadline.hasExpired())
            return false;
        QThread::msleep(100);
    }
}

QString mdAttribute(const QString &md, const QString &attribute)
{
    return readTrimmed(QStringLiteral("/sys/block/%1/md/%2").arg(md, attribute)).value_or(QString());
}

QStringList memberState(const QString &md, const QString &member)
{
    const QString state = mdAttribute(md, QStringLiteral("dev-%1/state").arg(member));
    return state.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

bool memberPresent(const QString &md, const QString &member)
{
    return QFileInfo::exists(QStringLiteral("/sys/block/%1/md/dev-%2").arg(md, member));
}

bool arrayRunning(const QString &md)
{
    QFile f(QStringLiteral("/proc/mdstat"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray prefix = md.toUtf8() + " : active";
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(prefix))
            return true;
    return false;
}

QString mdKernelName(const QString &arrayPath)
{
    const QString target = QFileInfo(arrayPath).canonicalFilePath();
    if (!target.startsWith(QLatin1String("/dev/md")) || target.startsWith(QLatin1String("/dev/md/")))
        return {};
    return target.mid(5);
}

} // namespace plexus::actions

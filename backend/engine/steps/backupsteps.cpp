// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "backupsteps.h"

#include "engine/actions.h"
#include "engine/backuprecord.h"
#include "engine/checks/refusal.h"
#include "mdsteps.h"
#include "model/mdsuperblock.h"
#include "probe/mountprobe.h"
#include "probe/plannedfailures.h"
#include "probe/textfile.h"

#include <QDateTime>
#include <QFile>

#include <KLocalizedString>

#include <cerrno>
#include <utility>
#include <vector>
#include <cstring>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace plexus {

using namespace actions;

namespace {

const QString writtenKey = QStringLiteral("backup_written_before");

// Bytes written to block device NAME since boot (field 7 of its stat: sectors).
std::optional<qint64> bytesWritten(const QString &name)
{
    const QStringList f = readTrimmed(QStringLiteral("/sys/class/block/%1/stat").arg(name)).value_or(QString()).simplified().split(QLatin1Char(' '));
    if (f.size() < 7)
        return std::nullopt;
    bool ok = false;
    const qint64 sectors = f.at(6).toLongLong(&ok);
    return ok ? std::optional<qint64>(sectors * 512) : std::nullopt;
}

std::optional<dev_t> deviceNumber(const QString &name)
{
    const QString mm = readTrimmed(QStringLiteral("/sys/class/block/%1/dev").arg(name)).value_or(QString());
    bool ok1 = false, ok2 = false;
    const unsigned maj = mm.section(QLatin1Char(':'), 0, 0).toUInt(&ok1), min = mm.section(QLatin1Char(':'), 1, 1).toUInt(&ok2);
    return ok1 && ok2 ? std::optional<dev_t>(makedev(maj, min)) : std::nullopt;
}

// One filesystem held frozen for the cut; thawed when it goes out of scope, so
// no path out of the cut leaves it frozen.
class Frozen
{
public:
    explicit Frozen(int fd) : m_fd(fd) {}
    Frozen(Frozen &&o) noexcept : m_fd(std::exchange(o.m_fd, -1)) {}
    Frozen(const Frozen &) = delete;
    ~Frozen()
    {
        if (m_fd < 0)
            return;
        ::ioctl(m_fd, FITHAW, 0);
        ::close(m_fd);
    }

private:
    int m_fd;
};

// Freezes the filesystem mounted at `m` (which must be the one on `device`:
// the mount point is opened, then checked by its device number, so a path
// swapped under it is never frozen by mistake).
Status freeze(StepContext &ctx, const Mount &m, std::vector<Frozen> *held)
{
    const auto expected = deviceNumber(m.device);
    const int fd = ::open(QFile::encodeName(m.mountPoint).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOCTTY);
    struct stat st {};
    if (!expected || fd < 0 || ::fstat(fd, &st) != 0 || st.st_dev != *expected) {
        if (fd >= 0)
            ::close(fd);
        return toolFailed(mi18nc("%1 a mount point, %2 a device name (vdb1)",
                                "%1 is not the filesystem on /dev/%2 any more (it was unmounted or mounted over): nothing was cut. Try again.",
                                m.mountPoint, m.device));
    }
    ctx.log(QStringLiteral("freeze %1 (/dev/%2)").arg(m.mountPoint, m.device));
    if (::ioctl(fd, FIFREEZE, 0) == 0) {
        held->emplace_back(fd);
        return {};
    }
    const int e = errno;
    Status result;
    if (e == EBUSY) { // frozen already by someone else: it stays theirs to thaw
        ctx.log(QStringLiteral("%1 was frozen already").arg(m.mountPoint));
    } else if (e == EOPNOTSUPP || e == ENOTTY) { // no freeze in this filesystem: the most it allows is a sync
        ctx.log(QStringLiteral("%1 cannot be frozen (%2): synced instead").arg(m.mountPoint, QString::fromLocal8Bit(strerror(e))));
        ::syncfs(fd);
    } else {
        result = toolFailed(mi18nc("%1 a mount point, %2 the system's error message", "Cannot freeze %1: %2", m.mountPoint, QString::fromLocal8Bit(strerror(e))));
    }
    ::close(fd);
    return result;
}

} // namespace

Step noteWrittenStep(const ResolvedDevice &dev)
{
    Step s;
    s.description = i18nc("%1 a device", "Note how much has been written to %1 so far, to tell how much the backup copies", dev.path);
    s.command = {QStringLiteral("cat"), QStringLiteral("/sys/class/block/%1/stat").arg(dev.name)};
    const QString name = dev.name;
    s.action = [name](StepContext &ctx) {
        if (const auto w = bytesWritten(name))
            ctx.data.insert(writtenKey, *w);
        return Status();
    };
    return s.changesNothing();
}

Step reAddStep(const QString &arrayPath, const QString &md, const ResolvedDevice &dev)
{
    Step s;
    s.description = i18nc("%1 a device, %2 an array", "Take %1 back into %2 in its old slot; md copies onto it only what changed since it left", dev.path, md);
    s.command = {QStringLiteral("mdadm"), arrayPath, QStringLiteral("--re-add"), dev.path};
    s.precondition = arrayIsRunning(md, arrayPath);
    const QStringList argv = s.command;
    s.action = [argv](StepContext &ctx) { return run(ctx, argv); };
    s.check = memberAdded(md, dev.name);
    s.undo = [path = arrayPath, md, name = dev.name] { return giveSlotBackSteps(path, md, name); };
    return s;
}

Step cutCopyStep(const QString &arrayPath, const QString &md, const ResolvedDevice &dev, const QStringList &stacked)
{
    Step s;
    s.description = i18nc("%1 an array, %2 a device",
                          "Cut the copy: freeze the filesystems on %1, mark %2 faulty so md writes it no more, thaw them. %2 then "
                          "holds %1 as it was at that instant",
                          md, dev.path);
    s.command = {QStringLiteral("mdadm"), arrayPath, QStringLiteral("--fail"), dev.path};
    s.commandNote = QStringLiteral("# between fsfreeze --freeze and fsfreeze --unfreeze of each filesystem on %1").arg(md);
    const QString name = dev.name, path = arrayPath;
    s.precondition = [md, name, path] {
        if (!memberState(md, name).contains(QStringLiteral("in_sync"))) {
            const QString done = mdAttribute(md, QStringLiteral("sync_completed"));
            if (done == QLatin1String("none"))
                return invalid(mi18nc("%1 a device name (vdb), %2 an array", "/dev/%1 does not hold a whole copy of %2 yet (copied: unknown): cutting it "
                                     "now would leave a half-made backup.", name, path));
            return invalid(mi18nc("%1 a device name (vdb), %2 an array, %3 how much md copied (its sync_completed: sectors done / all)",
                                 "/dev/%1 does not hold a whole copy of %2 yet (copied: %3): cutting it now would leave a half-made backup.",
                                 name, path, done));
        }
        return Status();
    };
    s.action = [md, name, stacked](StepContext &ctx) {
        std::vector<Frozen> held;
        bool anyMounted = false;
        for (const Mount &m : readMounts(QString())) {
            if (!stacked.contains(m.device))
                continue;
            anyMounted = true;
            if (Status st = freeze(ctx, m, &held); !st)
                return st;
        }
        if (!anyMounted) {
            // Nothing mounted: what the kernel still buffers for the array goes out first.
            const int fd = ::open(QFile::encodeName(QStringLiteral("/dev/") + md).constData(), O_RDONLY | O_CLOEXEC);
            if (fd >= 0) {
                ::fsync(fd);
                ::close(fd);
            }
        }
        announcePlannedFailure(md, name, QStringLiteral("The backup on /dev/%1 was cut off: it holds %2 as it was now, and %2 runs without it "
                                                        "until the next backup").arg(name, md));
        return writeSysfs(ctx, sysfsMd(md, QStringLiteral("dev-%1/state").arg(name)), QStringLiteral("faulty"));
        // `held` thaws here, on every way out.
    };
    s.check = [md, name] {
        if (!waitFor(5000, [&] { const QStringList st = memberState(md, name); return st.isEmpty() || st.contains(QStringLiteral("faulty")); }))
            return toolFailed(mi18nc("%1 a device name (vdb)", "md did not mark /dev/%1 faulty.", name));
        return Status();
    };
    s.cannotUndo = i18nc("why a step cannot be undone, after 'cannot be undone: '", "the copy was cut off; back up to it again to bring it up to date");
    return s;
}

Step recordBackupStep(const BackupRecord &planned, const ResolvedDevice &dev, const QString &journalDirectory, const QString &overwritten)
{
    Step s;
    s.description = i18nc("%1 a device, %2 an array", "Record that %1 holds a copy of %2, as of the cut, with its event count", dev.path, planned.array);
    s.command = {QStringLiteral("mdadm"), QStringLiteral("--examine"), dev.path};
    s.commandNote = QStringLiteral("> %1/…").arg(backupRecordDirectory(journalDirectory));
    const QString name = dev.name, dir = journalDirectory;
    s.action = [planned, name, dir, overwritten](StepContext &ctx) {
        const LiveSystem live;
        const auto sb = parseExamine(QStringLiteral("/dev/") + name, live.mdExamine(name));
        if (!sb || !sameUuid(sb->arrayUuid, planned.arrayUuid))
            return toolFailed(mi18nc("%1 a device name (vdb), %2 an array", "/dev/%1 no longer carries %2's superblock.", name, planned.array));
        BackupRecord r = planned;
        r.deviceUuid = sb->deviceUuid;
        r.device = name;
        r.events = sb->events;
        r.contentStamp = live.contentStamp(name, sb->dataOffsetBytes);
        r.cutAt = QDateTime::currentDateTimeUtc();
        const auto now = bytesWritten(name);
        if (now && ctx.data.contains(writtenKey))
            r.copiedBytes = *now - ctx.data.value(writtenKey).toLongLong();
        if (Status st = writeBackupRecord(r, backupRecordDirectory(dir)); !st)
            return st;
        if (!overwritten.isEmpty() && overwritten != r.deviceUuid)
            removeBackupRecord(overwritten, backupRecordDirectory(dir));
        return Status::success(i18nc("what a step did: %1 a device name (vdb), %2 what the backup copy is (of which array, as of when)", "/dev/%1 holds %2",
                                     name, r.words()));
    };
    return s.changesNothing();
}

} // namespace plexus

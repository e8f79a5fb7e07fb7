// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "systemcopysteps.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "engine/journal.h"
#include "engine/textedits.h"

#include <KLocalizedString>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <ftw.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace plexus {

using namespace actions;

namespace {

QString withSlash(const QString &dir)
{
    return dir.endsWith(QLatin1Char('/')) ? dir : dir + QLatin1Char('/');
}

// One filesystem's tree, as nftw walks it without leaving the filesystem.
struct TreeWalk {
    qint64 entries = 0;
    QStringList sample;       // every 97th regular file, up to 400: relative paths
    qsizetype rootLength = 0;
};
thread_local TreeWalk *walking = nullptr;

int visitEntry(const char *path, const struct stat *st, int flag, struct FTW *)
{
    if (flag == FTW_NS)
        return 0;
    ++walking->entries;
    if (S_ISREG(st->st_mode) && walking->entries % 97 == 0 && walking->sample.size() < 400)
        walking->sample << QString::fromUtf8(path).mid(walking->rootLength);
    return 0;
}

TreeWalk walkTree(const QString &root)
{
    TreeWalk w;
    w.rootLength = withSlash(root).size();
    walking = &w;
    nftw(QFile::encodeName(root).constData(), visitEntry, 64, FTW_PHYS | FTW_MOUNT);
    walking = nullptr;
    return w;
}

QByteArray sha256Of(const QString &path)
{
    QFile f(path);
    QCryptographicHash h(QCryptographicHash::Sha256);
    if (!f.open(QIODevice::ReadOnly) || !h.addData(&f))
        return {};
    return h.result();
}

// The copy holds what the system held: about as many entries (a running
// system creates and deletes files meanwhile), and the same bytes in a
// sample of the files that nobody changed since the last pass began.
Status compareTrees(StepContext &ctx, const QString &from, const QString &to, const QDateTime &lastPass)
{
    const TreeWalk src = walkTree(from), dst = walkTree(to);
    ctx.log(QStringLiteral("%1 has %2 entries, the copy %3").arg(from).arg(src.entries).arg(dst.entries));
    const qint64 slack = std::max<qint64>(50, src.entries / 1000);
    if (std::abs(src.entries - dst.entries) > slack)
        return toolFailed(mi18nc("@info %1 a directory, %2 and %3 numbers of entries",
                                "The copy of %1 has %2 files and directories, the system %3: more apart than files changing meanwhile "
                                "explain. The copy is not used.",
                                from, QString::number(dst.entries), QString::number(src.entries)));
    int compared = 0;
    for (const QString &rel : src.sample) {
        const QFileInfo a(withSlash(from) + rel);
        if (!a.isFile() || a.isSymLink() || a.lastModified() >= lastPass || a.size() > 64 * 1024 * 1024)
            continue;
        if (sha256Of(a.filePath()) != sha256Of(withSlash(to) + rel))
            return toolFailed(mi18nc("@info %1 a file, %2 its copy", "%1 differs in the copy (%2). The copy is not used.", a.filePath(), withSlash(to) + rel));
        ++compared;
    }
    ctx.log(QStringLiteral("%1 sampled files read back identical").arg(compared));
    return {};
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Whether something is mounted exactly on `dir` (/proc/self/mounts' second field).
bool mountedOn(const QString &dir)
{
    for (const QString &line : readText(QStringLiteral("/proc/self/mounts")).split(QLatin1Char('\n')))
        if (line.section(QLatin1Char(' '), 1, 1) == dir)
            return true;
    return false;
}

// rsync twice (the second pass after sync), then the comparison.
Status copyTwice(StepContext &ctx, const QStringList &argv, const QString &from, const QString &to)
{
    QDateTime lastPass;
    for (int pass = 1; pass <= 2; ++pass) {
        if (pass == 2) {
            run(ctx, {QStringLiteral("sync")});
            lastPass = QDateTime::currentDateTime().addSecs(-2); // mtimes have coarse clocks on some filesystems
        }
        QStringList said; // its last words, for the refusal
        const Status st = runReportingLines(ctx, argv, [&said](const QString &line) {
            said << line;
            if (said.size() > 6)
                said.removeFirst();
        });
        // Exit code 24: files vanished while rsync ran, as they do on a running system.
        if (!st && !st.message().contains(QLatin1String("(exit code 24)")))
            return toolFailed(mi18nc("@info %1 and %2 directories, %3 what rsync said", "rsync could not copy %1 to %2: %3", from, to,
                                    said.isEmpty() ? st.message() : said.join(QLatin1Char(' '))));
        ctx.progress(pass * 45.0);
    }
    return compareTrees(ctx, from, to, lastPass);
}

} // namespace

Step mountCopyStep(const QString &device, const QString &dir)
{
    Step s;
    s.description = i18nc("@info %1 a device, %2 a directory", "Mount %1 on %2, where the copy is made", device, dir);
    s.command = {QStringLiteral("mount"), device, dir};
    s.action = [device, dir](StepContext &ctx) {
        const QFileInfo at(dir);
        if (at.isSymLink() || (at.exists() && !at.isDir()))
            return toolFailed(mi18nc("@info %1 a path", "%1 is not a directory: the copy is not mounted there.", dir));
        if (!at.exists() && !QDir().mkpath(dir))
            return toolFailed(mi18nc("@info %1 a path", "Cannot make the directory %1.", dir));
        return run(ctx, {QStringLiteral("mount"), device, dir});
    };
    s.check = [device, dir] {
        if (mountedOn(dir))
            return Status();
        return toolFailed(mi18nc("@info %1 a device, %2 a directory", "%1 is not mounted on %2 after the step.", device, dir));
    };
    s.undo = [dir] { return QList<Step>{unmountCopyStep(dir)}; };
    return s;
}

Step copyFilesStep(const QString &device, const QString &fsType, const QString &mountPoint, const QString &source, const QString &to)
{
    Step s;
    // FAT times have two seconds' resolution: without the window, the second pass copies everything again.
    const QStringList keep = fsType == QLatin1String("vfat") ? QStringList{QStringLiteral("-rtx"), QStringLiteral("--modify-window=2")}
                                                             : QStringList{QStringLiteral("-aHAXx"), QStringLiteral("--numeric-ids")};
    const QStringList argv = QStringList{QStringLiteral("rsync")} + keep + QStringList{QStringLiteral("--delete"), withSlash(source), withSlash(to)};
    s.description = i18nc("@info %1 a mount point, %2 its device, %3 and %4 directories",
                          "Copy the files of %1 (%2, all of it: mounted again on %3) to %4, twice: the second pass takes what changed "
                          "during the first; then compare the copy with the system",
                          mountPoint, device, source, to);
    s.command = argv;
    s.commandNote = QStringLiteral("# twice, then compared; after mount %1 %2").arg(device, source);
    s.timeLimitSeconds = 24 * 3600; // a few terabytes of small files take hours; a stuck copy is stopped after a day
    s.action = [argv, device, source, to](StepContext &ctx) {
        if (Status st = mountCopyStep(device, source).action(ctx); !st)
            return st;
        const Status copied = copyTwice(ctx, argv, source, to);
        const Status unmounted = unmountCopyStep(source).action(ctx);
        return copied ? unmounted : copied;
    };
    s.cannotUndo = QStringLiteral("the copied files stay on %1 (roll back the mirrors to remove them)").arg(to);
    return s;
}

Step writeCopyMdadmConfStep(const QString &target, const QString &conf, const QStringList &arrays)
{
    Step s;
    const QString path = target + conf;
    s.description = i18nc("@info %1 arrays (/dev/md0, /dev/md1), %2 mdadm.conf's path",
                          "List the new arrays (%1) in the copy's %2, so that its initramfs assembles them at boot",
                          arrays.join(QStringLiteral(", ")), conf);
    s.command = {QStringLiteral("mdadm"), QStringLiteral("--detail"), QStringLiteral("--scan")};
    s.commandNote = QStringLiteral("# its ARRAY lines, in place of those in %1").arg(path);
    s.action = [path, arrays](StepContext &ctx) {
        QByteArray scan;
        if (Status st = run(ctx, {QStringLiteral("mdadm"), QStringLiteral("--detail"), QStringLiteral("--scan")}, {}, &scan); !st)
            return st;
        for (const QString &a : arrays)
            if (!scan.contains(QStringLiteral("ARRAY %1 ").arg(a).toUtf8()))
                return toolFailed(mi18nc("@info %1 an array", "mdadm --detail --scan does not list %1.", a));
        QFile f(path);
        const QByteArray before = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        return writeFileAtomically(ctx, path, mergeMdadmConf(before, scan, QStringLiteral("plexus mirror-system")));
    };
    s.cannotUndo = QStringLiteral("it changes only the copy");
    return s;
}

Step pointCopyAtArraysStep(const QString &target, const QMap<QString, QString> &sources, const QMap<QString, QString> &uuids)
{
    Step s;
    s.description = i18n("Make the copy name its filesystems by their new UUIDs: its /etc/fstab, and its resume setting and GRUB "
                         "defaults where they name the old ones");
    QStringList argv = {QStringLiteral("sed"), QStringLiteral("-i")};
    for (auto it = sources.begin(); it != sources.end(); ++it)
        argv << QStringLiteral("-e") << QStringLiteral("s|^%1\\s|%2 |").arg(it.key(), it.value());
    argv << target + QStringLiteral("/etc/fstab");
    s.command = argv;
    s.commandNote = QStringLiteral("# and UUID=OLD -> UUID=NEW in etc/initramfs-tools/conf.d/resume, etc/default/grub");
    s.action = [target, sources, uuids](StepContext &ctx) {
        const QString fstab = target + QStringLiteral("/etc/fstab");
        QFile f(fstab);
        if (!f.open(QIODevice::ReadOnly))
            return toolFailed(mi18nc("@info %1 a file", "The copy has no readable %1.", fstab));
        const QByteArray edited = rewriteFstabSources(f.readAll(), [&](const FstabEntry &e) {
            for (auto it = sources.begin(); it != sources.end(); ++it)
                if (fstabSourceIsOneOf(e.source, {it.key()}))
                    return it.value();
            return QString();
        });
        if (Status st = writeFileAtomically(ctx, fstab, edited); !st)
            return st;
        for (const char *rel : {"/etc/initramfs-tools/conf.d/resume", "/etc/default/grub"}) {
            QFile other(target + QLatin1String(rel));
            if (!other.exists())
                continue;
            if (!other.open(QIODevice::ReadOnly))
                return toolFailed(mi18nc("@info %1 a file", "Cannot read %1.", other.fileName()));
            const QByteArray before = other.readAll();
            const QByteArray after = replaceUuids(before, uuids);
            if (after != before)
                if (Status st = writeFileAtomically(ctx, other.fileName(), after); !st)
                    return st;
        }
        return Status();
    };
    s.check = [target, uuids] {
        const QString fstab = readText(target + QStringLiteral("/etc/fstab"));
        for (auto it = uuids.begin(); it != uuids.end(); ++it)
            if (fstab.contains(it.key(), Qt::CaseInsensitive))
                return toolFailed(mi18nc("@info %1 a filesystem UUID", "The copy's /etc/fstab still names UUID %1.", it.key()));
        return Status();
    };
    s.cannotUndo = QStringLiteral("it changes only the copy");
    return s;
}

Step bindSystemStep(const QString &target)
{
    Step s;
    s.description = i18n("Give the copy the running system's /dev, /proc, /sys and /run/udev, for its own tools");
    s.command = {QStringLiteral("mount"), QStringLiteral("--rbind"), QStringLiteral("/dev"), target + QStringLiteral("/dev")};
    s.commandNote = QStringLiteral("# and /proc, /sys, /run/udev likewise, each --make-rslave");
    s.action = [target](StepContext &ctx) {
        // rslave: unmounting the copy later must not unmount the system's own /dev/pts and the like.
        const QList<QStringList> mounts = {
            {QStringLiteral("--rbind"), QStringLiteral("/dev"), target + QStringLiteral("/dev")},
            {QStringLiteral("-t"), QStringLiteral("proc"), QStringLiteral("proc"), target + QStringLiteral("/proc")},
            {QStringLiteral("--rbind"), QStringLiteral("/sys"), target + QStringLiteral("/sys")},
            {QStringLiteral("--bind"), QStringLiteral("/run/udev"), target + QStringLiteral("/run/udev")},
        };
        for (const QStringList &m : mounts) {
            const QString dir = m.last();
            if (QFileInfo(dir).isSymLink() || (!QFileInfo(dir).isDir() && !QDir().mkpath(dir)))
                return toolFailed(mi18nc("@info %1 a path", "%1 is not a directory in the copy.", dir));
            if (Status st = run(ctx, QStringList{QStringLiteral("mount")} + m); !st)
                return st;
            if (m.first() != QLatin1String("-t"))
                if (Status st = run(ctx, {QStringLiteral("mount"), QStringLiteral("--make-rslave"), dir}); !st)
                    return st;
        }
        return Status();
    };
    s.undo = [target] { return QList<Step>{unmountCopyStep(target)}; };
    return s;
}

Step inCopyStep(const QString &target, const QStringList &argv, const QString &description)
{
    Step s;
    s.description = description;
    s.command = QStringList{QStringLiteral("chroot"), target} + argv;
    const QStringList command = s.command;
    s.timeLimitSeconds = 1800; // an initramfs for every kernel installed, on a slow disk
    s.action = [command](StepContext &ctx) { return run(ctx, command); };
    s.cannotUndo = QStringLiteral("it changes only the copy");
    return s;
}

Step unmountCopyStep(const QString &target)
{
    Step s;
    s.description = i18nc("@info %1 a directory", "Unmount the copy from %1", target);
    s.command = {QStringLiteral("umount"), QStringLiteral("-R"), target};
    s.action = [target](StepContext &ctx) {
        run(ctx, {QStringLiteral("sync")});
        Status st;
        // udev or a tool's last child may hold it a moment longer.
        for (int attempt = 0; attempt < 5; ++attempt) {
            st = run(ctx, {QStringLiteral("umount"), QStringLiteral("-R"), target});
            if (st || !mountedOn(target))
                return Status();
            udevSettle(ctx);
            QThread::msleep(500);
        }
        return st;
    };
    return s.changesNothing();
}

Step checkRunsFromStep(const QString &device, const QString &oldDevice)
{
    Step s;
    s.description = i18nc("@info %1 a device (a mirror or a logical volume), %2 a partition",
                          "Check that the system now runs from %1 (not from %2, started again by mistake)", device, oldDevice);
    s.command = {QStringLiteral("findmnt"), QStringLiteral("-n"), QStringLiteral("-o"), QStringLiteral("SOURCE"), QStringLiteral("/")};
    s.action = [device, oldDevice](StepContext &ctx) {
        // The device node (a mirror, or a volume's link to its dm node) must be what / is on.
        struct stat root{}, node{};
        if (::stat("/", &root) != 0 || ::stat(QFile::encodeName(device).constData(), &node) != 0 || !S_ISBLK(node.st_mode)
            || node.st_rdev != root.st_dev) {
            return busy(mi18nc("@info %1 a partition, %2 a device (a mirror or a logical volume)",
                              "The system started from %1 again, not from %2: the old disk is left as it was. Restart the "
                              "computer from the new disk (choose it in the firmware's boot menu), then resume this job.",
                              oldDevice, device));
        }
        ctx.log(QStringLiteral("/ is on %1 (%2:%3)").arg(device).arg(major(root.st_dev)).arg(minor(root.st_dev)));
        return Status();
    };
    return s.changesNothing();
}

std::function<Status(const QString &, const QString &)> journalHandOver(const QString &device, const QString &target)
{
    return [device, target](const QString &job, const QString &directory) {
        QuietContext ctx;
        if (Status s = mountCopyStep(device, target).action(ctx); !s)
            return toolFailed(mi18nc("@info inserted into 'The plan is ready for the restart, but %1 Do not restart the computer from the new "
                                    "disk: ...'; %1 a device, %2 the reason",
                                    "the copy on %1 could not be mounted to receive the job's journal (%2).", device, s.message()));
        const QString into = target + directory;
        QStringList files = {job + QStringLiteral(".jsonl")};
        const QString kept = job + QStringLiteral(".d");
        for (const QString &f : QDir(directory + QLatin1Char('/') + kept).entryList(QDir::Files))
            files << kept + QLatin1Char('/') + f;
        Status result;
        for (const QString &f : files) {
            QByteArray contents;
            const QString from = QFileInfo(f).path() == QLatin1String(".") ? directory : directory + QLatin1Char('/') + QFileInfo(f).path();
            const QString to = QFileInfo(f).path() == QLatin1String(".") ? into : into + QLatin1Char('/') + QFileInfo(f).path();
            result = Journal::readPrivateFile(from, QFileInfo(f).fileName(), &contents);
            if (result)
                result = Journal::writePrivateFile(to, QFileInfo(f).fileName(), contents);
            if (!result)
                break;
        }
        const Status unmounted = unmountCopyStep(target).action(ctx);
        if (!result)
            return toolFailed(mi18nc("@info inserted into 'The plan is ready for the restart, but %1 Do not restart the computer from the new "
                                    "disk: ...'; %1 the reason",
                                    "the job's journal could not be put into the copy (%1).", result.message()));
        if (!unmounted)
            return toolFailed(mi18nc("@info inserted into 'The plan is ready for the restart, but %1 Do not restart the computer from the new "
                                    "disk: ...'; %1 the reason",
                                    "the copy could not be unmounted after receiving the job's journal (%1).", unmounted.message()));
        return Status();
    };
}

} // namespace plexus

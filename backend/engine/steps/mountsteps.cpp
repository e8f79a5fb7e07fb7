// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mountsteps.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "engine/mountpoint.h"

#include <KLocalizedString>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace plexus {

using namespace actions;

namespace {

const QString fstabPath = QStringLiteral("/etc/fstab");
// What makeMountPointStep made, kept with the job for its undo.
const QString createdFile = QStringLiteral("mount-point-created");

Status readFstab(QByteArray *out)
{
    out->clear();
    if (!QFile::exists(fstabPath))
        return {};
    QFile f(fstabPath);
    if (!f.open(QIODevice::ReadOnly))
        return toolFailed(mi18nc("@info %1 a file, %2 the system's reason", "Cannot read %1: %2", fstabPath, f.errorString()));
    *out = f.readAll();
    return {};
}

// As sd_booted() tells.
bool systemdRuns() { return QFileInfo::exists(QStringLiteral("/run/systemd/system")); }

// systemd turns /etc/fstab into mount units at boot and on daemon-reload: until
// then it knows nothing of a changed line (and `mount -a` warns about it).
Status reloadSystemd(StepContext &ctx)
{
    if (!systemdRuns())
        return {};
    return run(ctx, {QStringLiteral("systemctl"), QStringLiteral("daemon-reload")});
}

// /etc/fstab with `edit` applied, written whole to a new file and renamed over
// it (the original's mode and owner kept): a crash leaves the old or the new.
Status editFstab(StepContext &ctx, const std::function<QByteArray(const QByteArray &)> &edit)
{
    QByteArray old;
    if (Status s = readFstab(&old); !s)
        return s;
    const QByteArray changed = edit(old);
    if (changed == old)
        return {};
    if (Status s = writeFileAtomically(ctx, fstabPath, changed); !s)
        return s;
    return reloadSystemd(ctx);
}

bool sameEntry(const FstabEntry &a, const FstabEntry &b) { return a.source == b.source && a.mountPoint == b.mountPoint; }

bool listedIn(const FstabEntry &e, const QList<FstabEntry> &entries)
{
    for (const FstabEntry &x : entries)
        if (sameEntry(e, x))
            return true;
    return false;
}

// Whether /etc/fstab now has an entry like one of `entries`.
bool fstabHasAny(const QList<FstabEntry> &entries)
{
    QByteArray now;
    readFstab(&now);
    for (const FstabEntry &e : fstabEntries(now))
        if (listedIn(e, entries))
            return true;
    return false;
}

// A regular expression for sed matching `text` literally (the preview only).
QString sedLiteral(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (QStringLiteral(".[]*^$\\|").contains(c))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

Step removeCreatedDirectoriesStep(const QString &path)
{
    Step s;
    s.description = i18nc("@info %1 a mount point", "Remove the directories made for %1, if still empty", path);
    s.command = {QStringLiteral("rmdir"), path};
    s.action = [](StepContext &ctx) {
        QByteArray kept;
        if (!ctx.kept(createdFile, &kept).ok())
            return Status(); // the step never made any
        QStringList made = QString::fromUtf8(kept).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        // The deepest first; one still in use (not empty) keeps those above it too.
        for (auto it = made.crbegin(); it != made.crend(); ++it) {
            if (::rmdir(QFile::encodeName(*it).constData()) == 0 || errno == ENOENT) {
                ctx.log(QStringLiteral("rmdir %1").arg(*it));
                continue;
            }
            ctx.log(QStringLiteral("%1 is kept: %2").arg(*it, QString::fromLocal8Bit(std::strerror(errno))));
            break;
        }
        return Status();
    };
    return s;
}

} // namespace

QString mapperPath(const QString &group, const QString &name)
{
    QString g = group, n = name;
    return QStringLiteral("/dev/mapper/%1-%2").arg(g.replace(QLatin1Char('-'), QStringLiteral("--")), n.replace(QLatin1Char('-'), QStringLiteral("--")));
}

QStringList fstabNamesOf(const QString &group, const QString &name, const QString &fsUuid, const QString &fsLabel)
{
    QStringList names{mapperPath(group, name), QStringLiteral("/dev/%1/%2").arg(group, name)};
    if (!fsUuid.isEmpty())
        names << QStringLiteral("UUID=") + fsUuid << QStringLiteral("/dev/disk/by-uuid/") + fsUuid;
    if (!fsLabel.isEmpty())
        names << QStringLiteral("LABEL=") + fsLabel;
    return names;
}

QByteArray fstabLine(const QString &device, const QString &mountPoint, const QString &fsType)
{
    // fsck at boot after the root filesystem (2); xfs checks itself when mounted.
    const int pass = fsType == QLatin1String("xfs") ? 0 : 2;
    return QStringLiteral("%1 %2 %3 defaults 0 %4").arg(device, mountPoint, fsType).arg(pass).toUtf8();
}

Step makeMountPointStep(const QString &path)
{
    Step s;
    s.description = i18nc("@info %1 a directory", "Make the directory %1 to mount it on", path);
    s.command = {QStringLiteral("mkdir"), QStringLiteral("-p"), path};
    s.action = [path](StepContext &ctx) {
        QStringList made;
        const Status st = makeMountPointDirectories(QString(), path, 0, &made);
        for (const QString &m : made)
            ctx.log(QStringLiteral("mkdir %1").arg(m));
        if (!made.isEmpty())
            ctx.keep(createdFile, made.join(QLatin1Char('\n')).toUtf8(), nullptr);
        return st;
    };
    s.check = [path] {
        struct stat st {};
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISDIR(st.st_mode))
            return toolFailed(mi18nc("@info %1 a path", "%1 is not a directory after the step.", path));
        return Status();
    };
    s.undo = [path] { return QList<Step>{removeCreatedDirectoriesStep(path)}; };
    return s;
}

Step addFstabLineStep(const QString &device, const QString &path, const QString &fsType)
{
    const QByteArray line = fstabLine(device, path, fsType);
    const FstabEntry entry{device, path, fsType, QString::fromUtf8(line)};
    Step s;
    s.description = i18nc("@info %1 /etc/fstab, %2 a device, %3 a mount point", "Add a line to %1 so that %2 is mounted on %3 at every start",
                          fstabPath, device, path);
    s.command = {QStringLiteral("echo"), QString::fromUtf8(line)};
    s.commandNote = QStringLiteral(">> %1 && systemctl daemon-reload").arg(fstabPath);
    s.precondition = [path] {
        QByteArray now;
        if (Status st = readFstab(&now); !st)
            return st;
        for (const FstabEntry &e : fstabEntries(now))
            if (e.mountPoint == path)
                return inUse(mi18nc("@info %1 /etc/fstab, %2 a mount point, %3 the device the line names",
                                   "%1 has had a line for %2 added since the plan was made (%3): nothing was changed.", fstabPath, path, e.source));
        return Status();
    };
    s.action = [line](StepContext &ctx) {
        return editFstab(ctx, [line](const QByteArray &old) { return appendFstabLine(old, line); });
    };
    s.check = [entry] {
        if (!fstabHasAny({entry}))
            return toolFailed(mi18nc("@info %1 /etc/fstab, %2 a device, %3 a mount point", "%1 has no line mounting %2 on %3 after the step.",
                                    fstabPath, entry.source, entry.mountPoint));
        return Status();
    };
    s.undo = [entry] { return QList<Step>{removeFstabEntriesStep({entry})}; };
    return s;
}

QString mountUnitName(const QString &path)
{
    // systemd-escape --path --suffix=mount: '/' between names becomes '-';
    // anything but ASCII letters, digits, ':', '_' and a '.' not leading, \xNN.
    const QByteArray bytes = path.mid(1).toUtf8();
    QString out;
    for (int i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c == '/')
            out += QLatin1Char('-');
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' || c == '_' || (c == '.' && i > 0))
            out += QLatin1Char(c);
        else
            out += QStringLiteral("\\x%1").arg(uint(uchar(c)), 2, 16, QLatin1Char('0'));
    }
    return out + QStringLiteral(".mount");
}

Step mountStep(const QString &device, const QString &path)
{
    // The helper runs in a mount namespace of its own (ProtectSystem=,
    // PrivateTmp=), from which nothing it mounts reaches the rest of the
    // machine: systemd mounts it, as the unit it made from the fstab line.
    // Without systemd, mount does, as that line says.
    const QString unit = mountUnitName(path);
    Step s;
    s.description = i18nc("@info %1 a device, %2 a mount point", "Mount %1 on %2", device, path);
    s.command = {QStringLiteral("systemctl"), QStringLiteral("start"), unit};
    s.commandNote = QStringLiteral("# or, without systemd: mount %1").arg(path);
    s.action = [unit, path](StepContext &ctx) {
        const Status st = systemdRuns() ? run(ctx, {QStringLiteral("systemctl"), QStringLiteral("start"), unit})
                                        : run(ctx, {QStringLiteral("mount"), path});
        udevSettle(ctx);
        return st;
    };
    s.check = [device, path] {
        // The same filesystem: the mount point's device is the volume's.
        struct stat dev {}, dir {};
        if (::stat(QFile::encodeName(device).constData(), &dev) != 0 || ::lstat(QFile::encodeName(path).constData(), &dir) != 0
            || dir.st_dev != dev.st_rdev)
            return toolFailed(mi18nc("@info %1 a device, %2 a mount point", "%1 is not mounted on %2 after the step.", device, path));
        return Status();
    };
    s.undo = [unit, path] {
        Step u;
        u.description = i18nc("@info %1 a mount point", "Unmount %1", path);
        u.command = {QStringLiteral("systemctl"), QStringLiteral("stop"), unit};
        u.commandNote = QStringLiteral("# or, without systemd: umount %1").arg(path);
        u.action = [unit, path](StepContext &ctx) {
            return systemdRuns() ? run(ctx, {QStringLiteral("systemctl"), QStringLiteral("stop"), unit})
                                 : run(ctx, {QStringLiteral("umount"), path});
        };
        return QList<Step>{u};
    };
    return s;
}

QString fstabUsesWords(const QList<FstabEntry> &entries)
{
    QStringList uses(entries.size());
    std::transform(entries.cbegin(), entries.cend(), uses.begin(), [](const FstabEntry &e) {
        return e.type == QLatin1String("swap") ? i18nc("@item how /etc/fstab uses a volume", "as swap")
                                               : i18nc("@item how /etc/fstab uses a volume; %1 a mount point", "on %1", e.mountPoint);
    });
    return i18ncp("@info appended to '/etc/fstab uses it' (or 'uses its volumes'); %2 the ways it does (on /srv/data and as swap)",
                  "%2: that line goes too, or the next start would stop waiting for it",
                  "%2: those lines go too, or the next start would stop waiting for it", int(entries.size()), listNames(uses));
}

Step removeFstabEntriesStep(const QList<FstabEntry> &entries)
{
    QStringList shown, sedArgs{QStringLiteral("sed"), QStringLiteral("-i")};
    for (const FstabEntry &e : entries) {
        shown << i18nc("@item an /etc/fstab line: a device on a mount point", "%1 on %2", e.source, e.mountPoint);
        sedArgs << QStringLiteral("-e") << QStringLiteral("\\|^[[:space:]]*%1[[:space:]]\\+%2[[:space:]]|d").arg(sedLiteral(e.source), sedLiteral(e.mountPoint));
    }
    sedArgs << fstabPath;
    Step s;
    s.description = i18ncp("@info %2 the lines' devices on their mount points, %3 /etc/fstab", "Take the line for %2 out of %3",
                           "Take the lines for %2 out of %3", int(entries.size()), listNames(shown), fstabPath);
    s.command = sedArgs;
    s.commandNote = QStringLiteral("&& systemctl daemon-reload");
    s.action = [entries](StepContext &ctx) {
        return editFstab(ctx, [entries](const QByteArray &old) {
            return removeFstabEntries(old, [entries](const FstabEntry &e) { return listedIn(e, entries); });
        });
    };
    s.check = [entries] {
        if (fstabHasAny(entries))
            return toolFailed(mi18nc("@info %1 /etc/fstab, %2 a device", "%1 still has a line for %2 after the step.", fstabPath, entries.first().source));
        return Status();
    };
    s.undo = [entries] {
        Step back;
        back.description = i18nc("@info %1 /etc/fstab", "Put the lines taken out back into %1", fstabPath);
        QStringList lines;
        for (const FstabEntry &e : entries)
            lines << e.line;
        back.command = {QStringLiteral("echo"), lines.join(QLatin1Char('\n'))};
        back.commandNote = QStringLiteral(">> %1").arg(fstabPath);
        back.action = [entries](StepContext &ctx) {
            return editFstab(ctx, [entries](const QByteArray &old) {
                QByteArray out = old;
                const QList<FstabEntry> present = fstabEntries(old);
                for (const FstabEntry &e : entries) {
                    bool there = false;
                    for (const FstabEntry &p : present)
                        there = there || sameEntry(p, e);
                    if (!there)
                        out = appendFstabLine(out, e.line.toUtf8());
                }
                return out;
            });
        };
        return QList<Step>{back};
    };
    return s;
}

} // namespace plexus

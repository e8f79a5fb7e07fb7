// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "systemview.h"

#include "backuprecord.h"
#include "journal.h"
#include "mountpoint.h"
#include "checks/refusal.h"

#include <KLocalizedString>

#include <QHash>
#include <QRegularExpression>
#include <QSysInfo>
#include "actions.h"
#include "probe/blockprobe.h"
#include "probe/textfile.h"

#include "model/snapshot.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTimeZone>
#include <QtEndian>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <climits>
#include <cstdlib>
#include <unistd.h>

namespace plexus {

QString LiveSystem::mdFile(const QString &md, const QString &rel) const
{
    return QStringLiteral("%1/sys/block/%2/md/%3").arg(m_sysRoot, md, rel);
}

// Follows `path` one component at a time (as root) and never looks into a
// directory that someone other than root may write, such as /dev/shm: a user
// could mount FUSE there (a lookup that never answers) or swap links under us.
// Returns the path with every link followed; empty when it is refused or absent.
QString LiveSystem::resolveSafely(const QString &path, NodeInfo *info)
{
    QString at = QStringLiteral("/");
    QStringList rest = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    int links = 0;
    while (!rest.isEmpty()) {
        const QString part = rest.takeFirst();
        if (part == QLatin1String("."))
            continue;
        if (part == QLatin1String("..")) {
            at = QFileInfo(at).path(); // lexical: `at` has no links left in it
            continue;
        }
        struct stat dir;
        if (lstat(QFile::encodeName(at).constData(), &dir) != 0)
            return {};
        if (dir.st_uid != 0 || (dir.st_mode & (S_IWGRP | S_IWOTH))) {
            info->unsafeAt = at;
            return {};
        }
        const QString next = (at == QLatin1String("/") ? at : at + QLatin1Char('/')) + part;
        struct stat st;
        if (lstat(QFile::encodeName(next).constData(), &st) != 0)
            return {};
        if (!S_ISLNK(st.st_mode)) {
            at = next;
            continue;
        }
        char target[PATH_MAX];
        const ssize_t n = readlink(QFile::encodeName(next).constData(), target, sizeof target - 1);
        if (n <= 0 || ++links > 40)
            return {};
        const QString to = QFile::decodeName(QByteArray(target, n));
        if (to.startsWith(QLatin1Char('/')))
            at = QStringLiteral("/");
        rest = to.split(QLatin1Char('/'), Qt::SkipEmptyParts) + rest;
    }
    return at;
}

NodeInfo LiveSystem::node(const QString &path) const
{
    NodeInfo info;
    const QString resolved = resolveSafely(path, &info);
    if (resolved.isEmpty())
        return info;
    info.canonicalPath = resolved;
    struct stat st;
    if (lstat(QFile::encodeName(resolved).constData(), &st) != 0)
        return info;
    info.exists = true;
    info.isBlock = S_ISBLK(st.st_mode);
    if (S_ISREG(st.st_mode))
        info.kind = QStringLiteral("regular file");
    else if (S_ISDIR(st.st_mode))
        info.kind = QStringLiteral("directory");
    else if (S_ISCHR(st.st_mode))
        info.kind = QStringLiteral("character device");
    else if (S_ISBLK(st.st_mode))
        info.kind = QStringLiteral("block device");
    else
        info.kind = QStringLiteral("special file");
    if (info.isBlock) {
        // The device number says which kernel device this is, whatever the node is called.
        const QString link = QStringLiteral("/sys/dev/block/%1:%2").arg(major(st.st_rdev)).arg(minor(st.st_rdev));
        const QString target = QFileInfo(link).canonicalFilePath();
        if (!target.isEmpty())
            info.kernelName = QFileInfo(target).fileName();
    }
    return info;
}

std::optional<qint64> LiveSystem::componentSizeBytes(const QString &md) const
{
    if (auto kib = readNumber(mdFile(md, QStringLiteral("component_size"))))
        return *kib * 1024;
    return std::nullopt;
}

std::optional<qint64> LiveSystem::dataOffsetBytes(const QString &md, const QString &member) const
{
    if (auto sectors = readNumber(mdFile(md, QStringLiteral("dev-%1/offset").arg(member))))
        return *sectors * 512;
    return std::nullopt;
}

QString LiveSystem::syncAction(const QString &md) const
{
    return readTrimmed(mdFile(md, QStringLiteral("sync_action"))).value_or(QString());
}

QString LiveSystem::syncSpeedLimit(const QString &md, const QString &which) const
{
    if (which != QLatin1String("min") && which != QLatin1String("max"))
        return {};
    return readTrimmed(mdFile(md, QStringLiteral("sync_speed_") + which)).value_or(QString());
}

DeviceIdentity LiveSystem::identity(const QString &name) const
{
    DeviceIdentity id;
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.startsWith(QLatin1Char('.')))
        return id;
    // sysfs only: a kernel name, never a path someone else chose.
    const QString block = m_sysRoot + QStringLiteral("/sys/block/");
    QString dir = m_sysRoot + QStringLiteral("/sys/class/block/") + name;
    if (!QFileInfo::exists(dir)) { // fixture trees have no /sys/class
        dir = block + name;
        for (const QString &disk : listDir(block))
            if (QFileInfo::exists(block + disk + QLatin1Char('/') + name + QStringLiteral("/partition")))
                dir = block + disk + QLatin1Char('/') + name;
    }
    id.number = readTrimmed(dir + QStringLiteral("/dev")).value_or(QString());
    if (!id.present())
        return id;
    id.sizeBytes = readNumber(dir + QStringLiteral("/size")).value_or(0) * 512;
    // A partition's sysfs directory sits in its disk's.
    const QString disk = QFileInfo::exists(dir + QStringLiteral("/partition")) ? QFileInfo(QFileInfo(dir).canonicalFilePath()).dir().dirName() : name;
    if (BlockProbe::isDiskName(disk) && QFileInfo::exists(block + disk + QStringLiteral("/device"))) {
        // The serial or WWN as the probe reads it for the snapshot, in the words resuming compares.
        Snapshot one;
        one.disks << BlockProbe(m_sysRoot.isEmpty() ? QStringLiteral("/") : m_sysRoot).disk(disk);
        id.who = identityOf(one, name);
    }
    return id;
}

bool LiveSystem::exists(const QString &path) const
{
    struct stat st;
    return lstat(path.toLocal8Bit().constData(), &st) == 0;
}

QStringList LiveSystem::slaves(const QString &name) const
{
    return listDir(QStringLiteral("%1/sys/block/%2/slaves").arg(m_sysRoot, name));
}

bool LiveSystem::mdPersonalityAvailable(const QString &level) const
{
    // Running now: /proc/mdstat lists it ("Personalities : [raid1] [raid6] ...").
    const QString mdstat = readTrimmed(m_sysRoot + QStringLiteral("/proc/mdstat")).value_or(QString());
    if (mdstat.section(QLatin1Char('\n'), 0, 0).contains(QLatin1Char('[') + level + QLatin1Char(']')))
        return true;
    // Loadable or built in: the module that carries it, in this kernel's module lists.
    static const QHash<QString, QStringList> modules = {
        {QStringLiteral("linear"), {QStringLiteral("linear"), QStringLiteral("md-linear")}},
        {QStringLiteral("raid0"), {QStringLiteral("raid0")}},
        {QStringLiteral("raid1"), {QStringLiteral("raid1")}},
        {QStringLiteral("raid4"), {QStringLiteral("raid456")}},
        {QStringLiteral("raid5"), {QStringLiteral("raid456")}},
        {QStringLiteral("raid6"), {QStringLiteral("raid456")}},
        {QStringLiteral("raid10"), {QStringLiteral("raid10")}},
    };
    const QString dir = m_sysRoot + QStringLiteral("/lib/modules/") + QSysInfo::kernelVersion();
    QString lists;
    for (const char *file : {"modules.dep", "modules.builtin"})
        lists += readTrimmed(dir + QLatin1Char('/') + QLatin1String(file)).value_or(QString()) + QLatin1Char('\n');
    if (lists.trimmed().isEmpty())
        return true; // no module lists to read: cannot tell
    for (const QString &module : modules.value(level))
        if (QRegularExpression(QStringLiteral("/%1\\.ko(\\.[a-z]+)?:?\\s").arg(module)).match(lists).hasMatch())
            return true;
    return false;
}

namespace {

// What a tool prints on stdout when it succeeds; empty when it fails.
QString toolOutput(const QStringList &argv)
{
    actions::QuietContext quiet;
    QByteArray out;
    int code = 0;
    actions::run(quiet, argv, {}, &out, &code);
    return code == 0 ? QString::fromUtf8(out) : QString();
}

} // namespace

std::optional<qint64> LiveSystem::ext4MinimumBytes(const QString &name) const
{
    if (!m_sysRoot.isEmpty() || name.contains(QLatin1Char('/')))
        return std::nullopt; // a fixture tree has no devices to read
    const QString dev = QStringLiteral("/dev/") + name;
    // resize2fs counts in filesystem blocks; dumpe2fs -h says how big one is.
    static const QRegularExpression blockRe(QStringLiteral("^Block size:\\s+(\\d+)$"), QRegularExpression::MultilineOption);
    static const QRegularExpression minRe(QStringLiteral("minimum size of the filesystem:\\s+(\\d+)"));
    const auto block = blockRe.match(toolOutput({QStringLiteral("dumpe2fs"), QStringLiteral("-h"), dev}));
    const auto minimum = minRe.match(toolOutput({QStringLiteral("resize2fs"), QStringLiteral("-P"), dev}));
    if (!block.hasMatch() || !minimum.hasMatch())
        return std::nullopt;
    return minimum.captured(1).toLongLong() * block.captured(1).toLongLong();
}

QString LiveSystem::mdExamine(const QString &name) const
{
    if (name.contains(QLatin1Char('/')))
        return {};
    // A fixture tree has no devices to read; a user other than root may not.
    const QString own = m_sysRoot.isEmpty() && geteuid() == 0
                          ? toolOutput({QStringLiteral("mdadm"), QStringLiteral("--examine"), QStringLiteral("/dev/") + name})
                          : QString();
    return own.isEmpty() ? m_helperSuperblocks.value(name) : own;
}

QString LiveSystem::contentStamp(const QString &name, qint64 offsetBytes) const
{
    if (!m_sysRoot.isEmpty() || name.contains(QLatin1Char('/')) || offsetBytes < 0)
        return {};
    // The ext2/3/4 superblock: 1024 bytes, 1024 into the filesystem. Its
    // counters move whenever the filesystem is mounted read-write or written.
    QFile f(QStringLiteral("/dev/") + name);
    if (!f.open(QIODevice::ReadOnly) || !f.seek(offsetBytes + 1024))
        return {};
    const QByteArray sb = f.read(1024);
    if (sb.size() < 1024 || qFromLittleEndian<quint16>(sb.constData() + 0x38) != 0xEF53)
        return {};
    const qint64 written = qint64(qFromLittleEndian<quint64>(sb.constData() + 0x178));
    return QStringLiteral("ext: mounted %1 times, last written %2, %3 KiB written in its life")
        .arg(qFromLittleEndian<quint16>(sb.constData() + 0x34))
        .arg(QDateTime::fromSecsSinceEpoch(qFromLittleEndian<quint32>(sb.constData() + 0x30), QTimeZone::UTC).toString(Qt::ISODate))
        .arg(written);
}

QStringList LiveSystem::loopsOver(const QString &name) const
{
    QStringList loops;
    if (name.isEmpty() || name.contains(QLatin1Char('/')))
        return loops;
    // The backing file's name is compared as a string, never looked up: a
    // loop someone else set up over another path is simply not counted.
    const QDir block(m_sysRoot + QStringLiteral("/sys/block"));
    for (const QString &loop : block.entryList({QStringLiteral("loop*")}, QDir::Dirs))
        if (readTrimmed(block.filePath(loop + QStringLiteral("/loop/backing_file"))).value_or(QString()) == QStringLiteral("/dev/") + name)
            loops << loop;
    return loops;
}

QString LiveSystem::backupRecord(const QString &deviceUuid) const
{
    if (!m_sysRoot.isEmpty() || deviceUuid.isEmpty())
        return {};
    QByteArray bytes;
    if (!Journal::readPrivateFile(backupRecordDirectory(Journal::defaultDirectory()), backupRecordFileName(deviceUuid), &bytes))
        return {};
    return QString::fromUtf8(bytes);
}

Status SystemView::mountPointUsable(const QString &path) const
{
    return invalid(mi18nc("%1 a path", "Whether %1 can be a mount point is unknown here.", path));
}

Status SystemView::calendarValid(const QString &expression) const
{
    return invalid(mi18nc("%1 a systemd calendar expression", "Whether '%1' is a calendar systemd accepts is unknown here.", expression));
}

ScrubSchedule LiveSystem::scrubSchedule() const
{
    return readScrubSchedule(m_sysRoot.isEmpty() ? QStringLiteral("/") : m_sysRoot);
}

bool LiveSystem::serviceManagerRunning() const
{
    return m_sysRoot.isEmpty() && QFileInfo(QStringLiteral("/run/systemd/system")).isDir();
}

Status LiveSystem::calendarValid(const QString &expression) const
{
    // systemd's own parser: whatever it accepts, the timer will. Its complaint
    // goes to stderr, not to the journal (where it logs when systemd runs it).
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SYSTEMD_LOG_TARGET"), QStringLiteral("console"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    p.setProcessEnvironment(env);
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("systemd-analyze"), {QStringLiteral("/usr/bin"), QStringLiteral("/bin")});
    if (tool.isEmpty())
        return invalid(mi18nc("%1 a systemd calendar expression", "systemd-analyze is not installed, so the calendar '%1' cannot be checked.", expression));
    p.start(tool, {QStringLiteral("calendar"), QStringLiteral("--"), expression});
    if (!p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished(1000);
        return invalid(mi18nc("%1 a systemd calendar expression", "systemd-analyze did not answer whether '%1' is a calendar.", expression));
    }
    if (p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
        return {};
    const QString said = QString::fromUtf8(p.readAllStandardError()).trimmed().section(QLatin1Char('\n'), -1);
    if (said.isEmpty())
        return invalid(mi18nc("%1 a systemd calendar expression",
                             "systemd does not understand the calendar '%1'. Write it as OnCalendar= wants it, for example "
                             "'Sun *-*-1..7 01:00' (the first Sunday of each month at 01:00) or 'weekly'.",
                             expression));
    return invalid(mi18nc("%1 a systemd calendar expression, %2 what systemd-analyze said",
                         "systemd does not understand the calendar '%1' (%2). Write it as OnCalendar= wants it, for example "
                         "'Sun *-*-1..7 01:00' (the first Sunday of each month at 01:00) or 'weekly'.",
                         expression, said));
}

QString LiveSystem::fstab() const
{
    QFile f(m_sysRoot + QStringLiteral("/etc/fstab"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString LiveSystem::crypttab() const
{
    QFile f(m_sysRoot + QStringLiteral("/etc/crypttab"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString LiveSystem::osReleaseId() const
{
    for (const char *path : {"/etc/os-release", "/usr/lib/os-release"}) {
        QFile f(m_sysRoot + QLatin1String(path));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (!line.startsWith("ID="))
                continue;
            // Names a directory later: letters, digits, '.', '_' and '-' only (os-release(5)).
            const QString id = QString::fromUtf8(line.mid(3)).remove(QLatin1Char('"')).remove(QLatin1Char('\'')).trimmed().toLower();
            static const QRegularExpression valid(QStringLiteral("^[a-z0-9._-]{1,64}$"));
            return valid.match(id).hasMatch() && !id.startsWith(QLatin1Char('.')) ? id : QString();
        }
        return {};
    }
    return {};
}

QString LiveSystem::firmware() const
{
    return QFileInfo(m_sysRoot + QStringLiteral("/sys/firmware/efi")).isDir() ? QStringLiteral("uefi") : QStringLiteral("bios");
}

bool LiveSystem::hasProgram(const QString &name) const
{
    if (name.isEmpty() || name.contains(QLatin1Char('/')))
        return false;
    for (const char *dir : {"/usr/sbin", "/usr/bin", "/sbin", "/bin"}) {
        const QFileInfo f(m_sysRoot + QLatin1String(dir) + QLatin1Char('/') + name);
        if (f.isFile() && f.isExecutable())
            return true;
    }
    return false;
}

QString LiveSystem::filesystemUuid(const QString &name) const
{
    if (!m_sysRoot.isEmpty() || name.isEmpty() || name.contains(QLatin1Char('/')))
        return {}; // a fixture tree has no devices to read
    // -p: from the device itself, not blkid's cache.
    return toolOutput({QStringLiteral("blkid"), QStringLiteral("-p"), QStringLiteral("-s"), QStringLiteral("UUID"), QStringLiteral("-o"),
                       QStringLiteral("value"), QStringLiteral("/dev/") + name});
}

Status LiveSystem::mountPointUsable(const QString &path) const
{
    // Root (0) owns every directory on the way on a live system.
    return checkMountPointDirectories(m_sysRoot, path, 0);
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mountprobe.h"
#include "blockprobe.h"

#include <QFile>
#include <QFileInfo>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace plexus {

namespace {

QString procPath(const QString &root, const char *rel)
{
    return (root == QLatin1String("/") ? QString() : root) + QLatin1String(rel);
}

QStringList readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// /proc/self/mountinfo escapes space, tab, newline and backslash as octal (\040).
QString unescapeOctal(const QString &s)
{
    QString out;
    for (int i = 0; i < s.size(); ++i) {
        if (s[i] == QLatin1Char('\\') && i + 3 < s.size()) {
            bool ok = false;
            const int code = s.mid(i + 1, 3).toInt(&ok, 8);
            if (ok) {
                out += QChar(code);
                i += 3;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

// Every directory from / down to `path` belongs to root, only root may write
// to it, and none is a symbolic link.
bool onlyRootControls(const QString &path)
{
    QString prefix;
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (int i = -1; i < parts.size(); ++i) {
        prefix += i < 0 ? QStringLiteral("/") : (i == 0 ? parts[i] : QLatin1Char('/') + parts[i]);
        struct stat st{};
        if (lstat(QFile::encodeName(prefix).constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != 0
            || (st.st_mode & (S_IWGRP | S_IWOTH)))
            return false;
    }
    return true;
}

} // namespace

void readUsage(QList<Mount> *mounts)
{
    const bool root = geteuid() == 0;
    for (Mount &m : *mounts) {
        if (m.device.isEmpty() || (root && !onlyRootControls(m.mountPoint)))
            continue;
        struct statvfs st{};
        if (statvfs(QFile::encodeName(m.mountPoint).constData(), &st) != 0)
            continue;
        const qint64 unit = qint64(st.f_frsize);
        m.sizeBytes = qint64(st.f_blocks) * unit;
        m.usedBytes = qint64(st.f_blocks - st.f_bfree) * unit;
        m.availableBytes = qint64(st.f_bavail) * unit;
    }
}

QList<Mount> readMounts(const QString &root)
{
    // Which device a mount sits on is its device number (the kernel's), never
    // its source string: anyone may mount FUSE with fsname=/dev/sdb, and
    // resolving such a string as root can hang on a FUSE mount that never answers.
    // MAJ:MIN -> kernel name through the kernel's own link /sys/dev/block/MAJ:MIN:
    // one readlink per mount, however many disks the machine has (the monitor
    // reads the mounts at every md notification). A tree without those links
    // (a fixture) is scanned whole.
    const QString devBlock = (root == QLatin1String("/") ? QString() : root) + QStringLiteral("/sys/dev/block/");
    const bool links = QFileInfo(devBlock).isDir();
    const QHash<QString, QString> scanned = links ? QHash<QString, QString>() : blockDeviceNumbers(root);
    const auto deviceNamed = [&](const QString &number) {
        if (!links || number.contains(QLatin1Char('/')))
            return scanned.value(number);
        const QString target = QFile::symLinkTarget(devBlock + number);
        return target.isEmpty() ? QString() : QFileInfo(target).fileName();
    };
    QList<Mount> mounts;
    // ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTIONS
    for (const QString &line : readLines(procPath(root, "/proc/self/mountinfo"))) {
        const QStringList f = line.split(QLatin1Char(' '));
        const qsizetype dash = f.indexOf(QStringLiteral("-"), 6);
        if (dash < 0 || dash + 2 >= f.size())
            continue;
        Mount m;
        m.mountPoint = unescapeOctal(f[4]);
        m.fsType = unescapeOctal(f[dash + 1]);
        m.source = unescapeOctal(f[dash + 2]);
        m.device = deviceNamed(f[2]);
        // btrfs reports an anonymous number (0:N); only root can mount it and the
        // kernel writes its source, so that one is read, as written, no links followed.
        if (m.device.isEmpty() && m.fsType == QLatin1String("btrfs"))
            m.device = kernelNameForDevicePath(root, m.source, FollowLinks::No);
        mounts.append(m);
    }
    return mounts;
}

QStringList readSwaps(const QString &root)
{
    QStringList names;
    const QStringList lines = readLines(procPath(root, "/proc/swaps"));
    for (int i = 1; i < lines.size(); ++i) { // first line is the header
        const QString source = unescapeOctal(lines[i].section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty));
        // The kernel's own path of the swap device or file (never a link).
        const QString name = kernelNameForDevicePath(root, source, FollowLinks::No);
        if (!name.isEmpty())
            names.append(name);
    }
    return names;
}

} // namespace plexus

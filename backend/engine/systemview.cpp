// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "systemview.h"

#include <QHash>
#include <QRegularExpression>
#include <QSysInfo>
#include "probe/textfile.h"

#include <QFileInfo>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <climits>
#include <cstdlib>

namespace plexus {

QString LiveSystem::mdFile(const QString &md, const QString &rel) const
{
    return QStringLiteral("%1/sys/block/%2/md/%3").arg(m_sysRoot, md, rel);
}

NodeInfo LiveSystem::node(const QString &path) const
{
    NodeInfo info;
    char resolved[PATH_MAX];
    const QByteArray local = path.toLocal8Bit();
    if (!realpath(local.constData(), resolved))
        return info;
    info.canonicalPath = QString::fromLocal8Bit(resolved);
    struct stat st;
    if (stat(resolved, &st) != 0)
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

} // namespace plexus

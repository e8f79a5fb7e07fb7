// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "treesystem.h"
#include "probe/textfile.h"

#include <QFileInfo>

#include <algorithm>

namespace plexus {

namespace {
QString withoutSlash(const QString &root)
{
    return root.endsWith(QLatin1Char('/')) ? root.chopped(1) : root;
}
} // namespace

TreeSystem::TreeSystem(const QString &root) : LiveSystem(withoutSlash(root)), m_root(withoutSlash(root)) {}

// A disk or an array is sys/block/NAME; a partition sys/block/DISK/NAME.
bool TreeSystem::isBlockDevice(const QString &name) const
{
    const QString block = m_root + QStringLiteral("/sys/block/");
    if (QFileInfo::exists(block + name))
        return true;
    const QStringList disks = listDir(block);
    return std::any_of(disks.begin(), disks.end(), [&](const QString &disk) { return QFileInfo::exists(block + disk + QLatin1Char('/') + name); });
}

NodeInfo TreeSystem::node(const QString &path) const
{
    NodeInfo info;
    if (!path.startsWith(QLatin1String("/dev/")))
        return info;
    const QString name = path.mid(5);
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || !isBlockDevice(name))
        return info; // trees have no /dev/md/NAME or by-id links
    info.exists = true;
    info.isBlock = true;
    info.canonicalPath = path;
    info.kernelName = name;
    info.kind = QStringLiteral("block device");
    return info;
}

bool TreeSystem::exists(const QString &path) const
{
    return node(path).exists;
}

} // namespace plexus

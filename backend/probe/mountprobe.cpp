// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mountprobe.h"
#include "blockprobe.h"

#include <QFile>

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

// /proc/self/mounts escapes space, tab, newline and backslash as octal (\040).
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

} // namespace

QList<Mount> readMounts(const QString &root)
{
    QList<Mount> mounts;
    QString mountsFile = procPath(root, "/proc/self/mounts");
    if (!QFile::exists(mountsFile))
        mountsFile = procPath(root, "/proc/mounts");
    for (const QString &line : readLines(mountsFile)) {
        const QStringList f = line.split(QLatin1Char(' '));
        if (f.size() < 3)
            continue;
        Mount m;
        m.source = unescapeOctal(f[0]);
        m.mountPoint = unescapeOctal(f[1]);
        m.fsType = f[2];
        m.device = kernelNameForDevicePath(root, m.source);
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
        const QString name = kernelNameForDevicePath(root, source);
        if (!name.isEmpty())
            names.append(name);
    }
    return names;
}

} // namespace plexus

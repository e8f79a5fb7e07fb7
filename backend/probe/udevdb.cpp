// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "udevdb.h"
#include "textfile.h"

#include <QFile>

namespace plexus {

QHash<QString, QString> udevProperties(const QString &root, const QString &sysBlockDir)
{
    QHash<QString, QString> props;
    const auto dev = readTrimmed(sysBlockDir + QStringLiteral("/dev"));
    if (!dev)
        return props;
    QFile f(root + QStringLiteral("/run/udev/data/b") + *dev);
    if (!f.open(QIODevice::ReadOnly))
        return props;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (!line.startsWith(QLatin1String("E:")))
            continue;
        const int eq = line.indexOf(QLatin1Char('='));
        if (eq > 2)
            props.insert(line.mid(2, eq - 2), line.mid(eq + 1));
    }
    return props;
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "refusal.h"

namespace plexus {

namespace {
QString hexOnly(const QString &uuid)
{
    QString out;
    for (QChar c : uuid)
        if (c.isDigit() || (c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f')))
            out += c.toLower();
    return out;
}
} // namespace

bool sameUuid(const QString &a, const QString &b)
{
    const QString ha = hexOnly(a), hb = hexOnly(b);
    return !ha.isEmpty() && ha == hb;
}

QString describeContents(const QString &fsType, const QString &label)
{
    QString what;
    if (fsType == QLatin1String("swap"))
        what = QStringLiteral("swap space");
    else if (fsType == QLatin1String("LVM2_member"))
        what = QStringLiteral("an LVM physical volume");
    else if (fsType == QLatin1String("crypto_LUKS"))
        what = QStringLiteral("an encrypted LUKS container");
    else if (fsType == QLatin1String("linux_raid_member"))
        what = QStringLiteral("an md superblock");
    else
        what = QStringLiteral("a filesystem (%1)").arg(fsType);
    if (!label.isEmpty())
        what += QStringLiteral(" labelled '%1'").arg(label);
    return what;
}

QString listNames(const QStringList &names)
{
    if (names.size() <= 1)
        return names.join(QString());
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + names.last();
}

} // namespace plexus

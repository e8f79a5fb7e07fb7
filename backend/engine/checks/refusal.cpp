// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "refusal.h"

#include <KLocalizedString>

namespace plexus {

QString hexOnly(const QString &uuid)
{
    QString out;
    for (QChar c : uuid)
        if (c.isDigit() || (c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f')))
            out += c.toLower();
    return out;
}

bool sameUuid(const QString &a, const QString &b)
{
    const QString ha = hexOnly(a), hb = hexOnly(b);
    return !ha.isEmpty() && ha == hb;
}

QString describeContents(const QString &fsType, const QString &label)
{
    QString what;
    if (fsType == QLatin1String("swap"))
        what = i18nc("what a device holds", "swap space");
    else if (fsType == QLatin1String("LVM2_member"))
        what = i18nc("what a device holds", "an LVM physical volume");
    else if (fsType == QLatin1String("crypto_LUKS"))
        what = i18nc("what a device holds", "an encrypted LUKS container");
    else if (fsType == QLatin1String("linux_raid_member"))
        what = i18nc("what a device holds", "an md superblock");
    else
        what = i18nc("what a device holds; %1 a filesystem type such as ext4", "a filesystem (%1)", fsType);
    if (!label.isEmpty())
        return i18nc("what a device holds: %1 its contents (e.g. 'a filesystem (ext4)'), %2 their label", "%1 labelled '%2'", what, label);
    return what;
}

QString listNames(const QStringList &names)
{
    if (names.size() <= 1)
        return names.join(QString());
    // A translated separator and a translated last step, each asked for when shown.
    QString head = names.first();
    for (int i = 1; i < names.size() - 1; ++i)
        head = i18nc("a list of names: %1 the names so far, %2 the next one (not the last)", "%1, %2", head, names.at(i));
    return i18nc("a list of names: %1 all but the last (comma separated), %2 the last one", "%1 and %2", head, names.last());
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "aboutplexus.h"

#include <KLocalizedString>

namespace plexus {

KAboutData plexusAboutData()
{
    KAboutData about(QLatin1String(plexusComponent), QStringLiteral("Plexus"), QStringLiteral(PLEXUS_VERSION),
                     i18n("See and manage Linux software RAID (md) and LVM volumes: every disk, partition, "
                          "array and volume at a glance, changes reviewed as the equivalent shell commands "
                          "before they run."),
                     KAboutLicense::Unknown, i18n("Copyright 2026 The Plexus developers"));
    about.setLicense(KAboutLicense::GPL_V2, KAboutLicense::OrLaterVersions);
    about.setOrganizationDomain(QByteArrayLiteral("plexus.org")); // KDBusService's name: org.plexus.plexus
    about.setDesktopFileName(QStringLiteral(PLEXUS_APP_ID));       // data/PLEXUS_APP_ID.desktop
    return about;
}

QString aboutText()
{
    const KAboutData about = plexusAboutData();
    // In our words: KAboutLicense names the licence without "or later" and
    // spells it GPL-2.0+, SPDX's retired form; every file here says GPL-2.0-or-later.
    return i18nc("the About box: %1 the name, %2 the version, %3 what it does, %4 the copyright",
                 "<h3>%1 %2</h3><p>%3</p><p>%4.<br>Licensed under the GNU General Public License, "
                 "version 2 or later (GPL-2.0-or-later).</p>",
                 about.displayName(), about.version(), about.shortDescription(), about.copyrightStatement());
}

} // namespace plexus

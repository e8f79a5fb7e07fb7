// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "drivehealthdetails.h"

#include <KLocalizedString>

#include <QLocale>

namespace plexus {

namespace {

QString source(const DriveHealth &h)
{
    return h.kind == DriveHealth::Kind::Nvme ? i18n("NVMe health log") : QStringLiteral("SMART");
}

// "9,000": counts read at a glance (the C locale would print 9000).
QString grouped(qint64 n)
{
    QLocale locale = QLocale::c();
    locale.setNumberOptions({});
    return locale.toString(n);
}

QString count(std::optional<qint64> n)
{
    return n ? grouped(*n) : i18nc("a drive's count of sectors or errors", "not reported");
}

QString riskList(const DriveHealth &h)
{
    return h.riskTexts().join(i18nc("separator between a drive's risks", "; "));
}

} // namespace

QString healthSummary(const DriveHealth &h)
{
    if (!h.atRisk())
        return i18nc("a drive's health; %1 is where it comes from (SMART, NVMe health log)", "Healthy (%1)", source(h));
    return i18nc("a drive's health; %1 is the list of its risks", "At risk: %1", riskList(h));
}

QString powerOnText(qint64 hours)
{
    const qint64 days = hours / 24;
    const qint64 years = days / 365;
    QString age;
    if (years > 0)
        age = i18nc("how long a drive has been powered on: years, then days", "%1 %2", i18np("%1 year", "%1 years", years),
                    i18np("%1 day", "%1 days", days % 365));
    else if (days > 0)
        age = i18np("%1 day", "%1 days", days);
    else
        age = i18nc("how long a drive has been powered on", "under a day");
    return i18ncp("how long a drive has been powered on: %2 in years and days, %3 the same in hours", "%2 (%3 hour)",
                  "%2 (%3 hours)", hours, age, grouped(hours));
}

DetailSection healthSection(const DriveHealth &h)
{
    DetailSection s{i18nc("details section", "Health"), {}};
    s.rows << DetailRow{i18nc("details row: a drive's health", "Verdict"), healthSummary(h),
                        h.failing ? i18nc("a drive's health", "failing")
                                  : (h.atRisk() ? i18nc("a drive's health", "at risk") : i18nc("a drive's health", "ok"))};
    if (h.kind == DriveHealth::Kind::Ata) {
        if (h.reallocatedSectors || h.pendingSectors)
            s.rows << DetailRow{i18nc("details row", "Bad sectors"),
                                i18nc("bad sectors of a drive: %1 reallocated, %2 waiting to be", "%1 reallocated, %2 waiting",
                                      count(h.reallocatedSectors), count(h.pendingSectors)),
                                QStringLiteral("5=%1 197=%2").arg(h.reallocatedSectors.value_or(-1)).arg(h.pendingSectors.value_or(-1))};
        else if (h.badSectors)
            s.rows << DetailRow{i18nc("details row", "Bad sectors"), count(h.badSectors), QString::number(*h.badSectors)};
        s.rows << DetailRow{i18nc("details row: a drive's SMART attributes", "Attributes"),
                            h.attributesFailing == 0 ? i18nc("SMART attributes", "none past its threshold")
                                                     : i18ncp("%1 SMART attributes", "%1 past the threshold now", "%1 past the threshold now", h.attributesFailing),
                            i18nc("SMART attributes past their threshold: %1 now, %2 in the past", "%1 now, %2 in the past",
                                  h.attributesFailing, h.attributesFailedInPast)};
    } else {
        if (!h.criticalWarnings.isEmpty())
            s.rows << DetailRow{i18nc("details row: a drive's critical warnings", "Warnings"), riskList(h), h.criticalWarnings.join(QLatin1Char(','))};
        if (h.mediaErrors)
            s.rows << DetailRow{i18nc("details row", "Media errors"), count(h.mediaErrors), QString::number(*h.mediaErrors)};
        if (h.wearPercent)
            s.rows << DetailRow{i18nc("details row: a drive's wear", "Wear"),
                                i18nc("a drive's wear; %1 is a percentage", "%1% of its rated life used", *h.wearPercent),
                                QString::number(*h.wearPercent)};
    }
    if (h.temperatureC)
        s.rows << DetailRow{i18nc("details row", "Temperature"),
                            h.hot() ? i18nc("a drive's temperature", "%1 \u00b0C: hot, check the cooling", qRound(*h.temperatureC))
                                    : i18nc("a drive's temperature", "%1 \u00b0C", qRound(*h.temperatureC)),
                            QString::number(*h.temperatureC, 'f', 1)};
    if (h.powerOnHours)
        s.rows << DetailRow{i18nc("details row: how long a drive has been powered on", "Powered on"), powerOnText(*h.powerOnHours), QString::number(*h.powerOnHours)};
    if (!h.selfTest.isEmpty())
        s.rows << DetailRow{i18nc("details row: a drive's last self-test", "Last self-test"), h.selfTestText(), h.selfTest};
    if (h.updated.isValid())
        s.rows << DetailRow{i18nc("details row: when the drive's health was last read", "Read"), QLocale::c().toString(h.updated.toLocalTime(), QStringLiteral("MMM d, HH:mm")),
                            h.updated.toString(Qt::ISODate)};
    return s;
}

} // namespace plexus

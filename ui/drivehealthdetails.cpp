// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "drivehealthdetails.h"

#include <QLocale>

namespace plexus {

namespace {

QString source(const DriveHealth &h)
{
    return h.kind == DriveHealth::Kind::Nvme ? QStringLiteral("NVMe health log") : QStringLiteral("SMART");
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
    return n ? grouped(*n) : QStringLiteral("not reported");
}

} // namespace

QString healthSummary(const DriveHealth &h)
{
    if (!h.atRisk())
        return QStringLiteral("Healthy (%1)").arg(source(h));
    return QStringLiteral("At risk: %1").arg(h.risks().join(QStringLiteral("; ")));
}

QString powerOnText(qint64 hours)
{
    const qint64 days = hours / 24;
    const qint64 years = days / 365;
    QString age;
    if (years > 0)
        age = QStringLiteral("%1 year%2 %3 day%4").arg(years).arg(years == 1 ? "" : "s").arg(days % 365).arg(days % 365 == 1 ? "" : "s");
    else if (days > 0)
        age = QStringLiteral("%1 day%2").arg(days).arg(days == 1 ? "" : "s");
    else
        age = QStringLiteral("under a day");
    return QStringLiteral("%1 (%2 hours)").arg(age, grouped(hours));
}

DetailSection healthSection(const DriveHealth &h)
{
    DetailSection s{QStringLiteral("Health"), {}};
    s.rows << DetailRow{QStringLiteral("Verdict"), healthSummary(h),
                        h.failing ? QStringLiteral("failing") : (h.atRisk() ? QStringLiteral("at risk") : QStringLiteral("ok"))};
    if (h.kind == DriveHealth::Kind::Ata) {
        if (h.reallocatedSectors || h.pendingSectors)
            s.rows << DetailRow{QStringLiteral("Bad sectors"),
                                QStringLiteral("%1 reallocated, %2 waiting").arg(count(h.reallocatedSectors), count(h.pendingSectors)),
                                QStringLiteral("5=%1 197=%2").arg(h.reallocatedSectors.value_or(-1)).arg(h.pendingSectors.value_or(-1))};
        else if (h.badSectors)
            s.rows << DetailRow{QStringLiteral("Bad sectors"), count(h.badSectors), QString::number(*h.badSectors)};
        s.rows << DetailRow{QStringLiteral("Attributes"),
                            h.attributesFailing == 0 ? QStringLiteral("none past its threshold")
                                                     : QStringLiteral("%1 past the threshold now").arg(h.attributesFailing),
                            QStringLiteral("%1 now, %2 in the past").arg(h.attributesFailing).arg(h.attributesFailedInPast)};
    } else {
        if (!h.criticalWarnings.isEmpty())
            s.rows << DetailRow{QStringLiteral("Warnings"), h.risks().join(QStringLiteral("; ")), h.criticalWarnings.join(QLatin1Char(','))};
        if (h.mediaErrors)
            s.rows << DetailRow{QStringLiteral("Media errors"), count(h.mediaErrors), QString::number(*h.mediaErrors)};
        if (h.wearPercent)
            s.rows << DetailRow{QStringLiteral("Wear"), QStringLiteral("%1% of its rated life used").arg(*h.wearPercent),
                                QString::number(*h.wearPercent)};
    }
    if (h.temperatureC)
        s.rows << DetailRow{QStringLiteral("Temperature"),
                            QStringLiteral("%1 \u00b0C%2").arg(qRound(*h.temperatureC)).arg(h.hot() ? QStringLiteral(": hot, check the cooling") : QString()),
                            QString::number(*h.temperatureC, 'f', 1)};
    if (h.powerOnHours)
        s.rows << DetailRow{QStringLiteral("Powered on"), powerOnText(*h.powerOnHours), QString::number(*h.powerOnHours)};
    if (!h.selfTest.isEmpty())
        s.rows << DetailRow{QStringLiteral("Last self-test"), h.selfTestText(), h.selfTest};
    if (h.updated.isValid())
        s.rows << DetailRow{QStringLiteral("Read"), QLocale::c().toString(h.updated.toLocalTime(), QStringLiteral("MMM d, HH:mm")),
                            h.updated.toString(Qt::ISODate)};
    return s;
}

} // namespace plexus

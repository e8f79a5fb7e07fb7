// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "drivehealth.h"

#include <KLocalizedString>

namespace plexus {

namespace {

QString warningText(const QString &word)
{
    if (word == QLatin1String("spare"))
        return QStringLiteral("its spare blocks are nearly used up");
    if (word == QLatin1String("temperature"))
        return QStringLiteral("it is too hot or too cold");
    if (word == QLatin1String("degraded"))
        return QStringLiteral("its reliability is degraded by media or internal errors");
    if (word == QLatin1String("readonly"))
        return QStringLiteral("it has made itself read-only");
    if (word == QLatin1String("volatile_mem"))
        return QStringLiteral("its volatile memory backup has failed");
    if (word == QLatin1String("pmr_readonly"))
        return QStringLiteral("its persistent memory region is read-only");
    return QStringLiteral("it raised the warning \"%1\"").arg(word);
}

// warningText(), translated.
QString warningWords(const QString &word)
{
    if (word == QLatin1String("spare"))
        return i18nc("an NVMe drive's critical warning", "its spare blocks are nearly used up");
    if (word == QLatin1String("temperature"))
        return i18nc("an NVMe drive's critical warning", "it is too hot or too cold");
    if (word == QLatin1String("degraded"))
        return i18nc("an NVMe drive's critical warning", "its reliability is degraded by media or internal errors");
    if (word == QLatin1String("readonly"))
        return i18nc("an NVMe drive's critical warning", "it has made itself read-only");
    if (word == QLatin1String("volatile_mem"))
        return i18nc("an NVMe drive's critical warning", "its volatile memory backup has failed");
    if (word == QLatin1String("pmr_readonly"))
        return i18nc("an NVMe drive's critical warning", "its persistent memory region is read-only");
    return i18nc("an NVMe drive's critical warning; %1 is its own word for it", "it raised the warning \"%1\"", word);
}

} // namespace

bool DriveHealth::atRisk() const
{
    return failing || !criticalWarnings.isEmpty() || attributesFailing > 0 || badSectors.value_or(0) > 0
        || reallocatedSectors.value_or(0) > 0 || pendingSectors.value_or(0) > 0 || mediaErrors.value_or(0) > 0;
}

QStringList DriveHealth::risks() const
{
    QStringList out;
    if (failing && kind == Kind::Ata)
        out << QStringLiteral("the drive reports it is failing");
    for (const QString &w : criticalWarnings)
        out << warningText(w);
    if (reallocatedSectors.value_or(0) > 0 || pendingSectors.value_or(0) > 0) {
        if (reallocatedSectors.value_or(0) > 0)
            out << QStringLiteral("%1 sectors reallocated").arg(*reallocatedSectors);
        if (pendingSectors.value_or(0) > 0)
            out << QStringLiteral("%1 sectors waiting to be reallocated").arg(*pendingSectors);
    } else if (badSectors.value_or(0) > 0) {
        out << QStringLiteral("%1 bad sectors").arg(*badSectors);
    }
    if (mediaErrors.value_or(0) > 0)
        out << (*mediaErrors == 1 ? QStringLiteral("1 media error") : QStringLiteral("%1 media errors").arg(*mediaErrors));
    if (attributesFailing > 0)
        out << (attributesFailing == 1 ? QStringLiteral("1 SMART attribute past its threshold")
                                       : QStringLiteral("%1 SMART attributes past their threshold").arg(attributesFailing));
    return out;
}

QStringList DriveHealth::riskTexts() const
{
    QStringList out;
    if (failing && kind == Kind::Ata)
        out << i18nc("a drive's risk", "the drive reports it is failing");
    for (const QString &w : criticalWarnings)
        out << warningWords(w);
    if (reallocatedSectors.value_or(0) > 0 || pendingSectors.value_or(0) > 0) {
        if (reallocatedSectors.value_or(0) > 0)
            out << i18ncp("a drive's risk", "%1 sector reallocated", "%1 sectors reallocated", *reallocatedSectors);
        if (pendingSectors.value_or(0) > 0)
            out << i18ncp("a drive's risk", "%1 sector waiting to be reallocated", "%1 sectors waiting to be reallocated", *pendingSectors);
    } else if (badSectors.value_or(0) > 0) {
        out << i18ncp("a drive's risk", "%1 bad sector", "%1 bad sectors", *badSectors);
    }
    if (mediaErrors.value_or(0) > 0)
        out << i18ncp("a drive's risk", "%1 media error", "%1 media errors", *mediaErrors);
    if (attributesFailing > 0)
        out << i18ncp("a drive's risk", "%1 SMART attribute past its threshold", "%1 SMART attributes past their threshold", attributesFailing);
    return out;
}

QString DriveHealth::badge() const
{
    if (failing)
        return i18nc("a drive's health", "failing");
    const qint64 bad = std::max(badSectors.value_or(0), reallocatedSectors.value_or(0) + pendingSectors.value_or(0));
    if (bad > 0)
        return i18ncp("a drive's health", "%1 bad sector", "%1 bad sectors", bad);
    if (atRisk())
        return i18nc("a drive's health", "at risk");
    if (hot())
        return i18nc("a drive's health: its temperature", "hot");
    return i18nc("a drive's health", "healthy");
}

QString DriveHealth::selfTestText() const
{
    const QString &s = selfTest;
    if (s.isEmpty())
        return {};
    if (s == QLatin1String("success"))
        return i18nc("the last self-test of a drive", "passed (or none run yet)");
    if (s == QLatin1String("inprogress"))
        return selfTestRemainingPercent ? i18nc("a drive's self-test; %1 is a percentage", "running, %1% left", *selfTestRemainingPercent)
                                        : i18nc("a drive's self-test", "running");
    if (s == QLatin1String("aborted"))
        return i18nc("the last self-test of a drive", "stopped before its end");
    if (s == QLatin1String("interrupted"))
        return i18nc("the last self-test of a drive", "interrupted by a reset");
    if (s == QLatin1String("error_read"))
        return i18nc("the last self-test of a drive", "failed: read error");
    if (s == QLatin1String("error_electrical"))
        return i18nc("the last self-test of a drive", "failed: electrical fault");
    if (s == QLatin1String("error_servo"))
        return i18nc("the last self-test of a drive", "failed: servo or seek fault");
    if (s == QLatin1String("error_handling"))
        return i18nc("the last self-test of a drive", "failed: damaged in handling");
    if (s == QLatin1String("fatal"))
        return i18nc("the last self-test of a drive", "failed: fatal error");
    if (s.startsWith(QLatin1String("error_")))
        return i18nc("the last self-test of a drive", "failed");
    return s;
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "drivehealth.h"

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

QString DriveHealth::badge() const
{
    if (failing)
        return QStringLiteral("failing");
    const qint64 bad = std::max(badSectors.value_or(0), reallocatedSectors.value_or(0) + pendingSectors.value_or(0));
    if (bad > 0)
        return bad == 1 ? QStringLiteral("1 bad sector") : QStringLiteral("%1 bad sectors").arg(bad);
    if (atRisk())
        return QStringLiteral("at risk");
    if (hot())
        return QStringLiteral("hot");
    return QStringLiteral("healthy");
}

QString DriveHealth::selfTestText() const
{
    const QString &s = selfTest;
    if (s.isEmpty())
        return {};
    if (s == QLatin1String("success"))
        return QStringLiteral("passed (or none run yet)");
    if (s == QLatin1String("inprogress"))
        return selfTestRemainingPercent ? QStringLiteral("running, %1% left").arg(*selfTestRemainingPercent)
                                        : QStringLiteral("running");
    if (s == QLatin1String("aborted"))
        return QStringLiteral("stopped before its end");
    if (s == QLatin1String("interrupted"))
        return QStringLiteral("interrupted by a reset");
    if (s.startsWith(QLatin1String("error_")) || s == QLatin1String("fatal")) {
        static const QList<std::pair<QLatin1String, QLatin1String>> parts{
            {QLatin1String("error_read"), QLatin1String("read error")},
            {QLatin1String("error_electrical"), QLatin1String("electrical fault")},
            {QLatin1String("error_servo"), QLatin1String("servo or seek fault")},
            {QLatin1String("error_handling"), QLatin1String("damaged in handling")},
            {QLatin1String("fatal"), QLatin1String("fatal error")}};
        for (const auto &[word, text] : parts)
            if (s == word)
                return QStringLiteral("failed: %1").arg(text);
        return QStringLiteral("failed");
    }
    return s;
}

} // namespace plexus

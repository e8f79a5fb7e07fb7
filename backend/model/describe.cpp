// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "describe.h"

#include <KLocalizedString>

#include <QRegularExpression>

#include <cmath>

namespace plexus {

QString levelWords(const QString &level)
{
    if (level == QLatin1String("linear"))
        return i18nc("an md level", "linear (concatenated)");
    if (level.startsWith(QLatin1String("raid")))
        return QStringLiteral("RAID-") + level.mid(4);
    return level;
}

QString joinedList(const QStringList &items, const KLocalizedString &step)
{
    QString text = items.value(0);
    for (qsizetype i = 1; i < items.size(); ++i)
        text = step.subs(text).subs(items[i]).toString();
    return text;
}

QString humanSize(qint64 bytes)
{
    static const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double value = double(bytes);
    int unit = 0;
    // Switch units at 1000 so 1023.9 MiB reads "1.00 GiB", never "1024 MiB".
    while (value >= 1000.0 && unit < 5) {
        value /= 1024.0;
        ++unit;
    }
    if (unit == 0)
        return QStringLiteral("%1 B").arg(bytes);
    // Three significant digits: 1.50 GiB, 15.0 GiB, 150 GiB.
    const int decimals = value < 10 ? 2 : value < 100 ? 1 : 0;
    return QStringLiteral("%1 %2").arg(value, 0, 'f', decimals).arg(QLatin1String(units[unit]));
}

std::optional<quint64> parseSize(const QString &text)
{
    static const QRegularExpression sizeRe(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)\\s*([KMGT]?)i?B?$"), QRegularExpression::CaseInsensitiveOption);
    const auto m = sizeRe.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const QString unit = m.captured(2).toUpper();
    const int shift = unit.isEmpty() ? 0 : 10 * int(QStringLiteral("KMGT").indexOf(unit) + 1);
    const double bytes = m.captured(1).toDouble() * double(quint64(1) << shift);
    if (bytes > 9.0e18)
        return std::nullopt;
    return quint64(bytes);
}

QString humanDuration(double minutes)
{
    if (minutes < 1.0)
        return i18nc("a duration", "under a minute");
    const qint64 total = qint64(std::lround(minutes));
    const qint64 days = total / 1440, hours = (total % 1440) / 60, mins = total % 60;
    if (days > 0)
        return i18nc("a duration: %1 days, %2 hours", "%1 d %2 h", days, hours);
    if (hours > 0)
        return i18nc("a duration: %1 hours, %2 minutes", "%1 h %2 min", hours, mins);
    return i18nc("a duration: %1 minutes", "%1 min", mins);
}

QString humanRate(qint64 kibPerSec)
{
    // Drive makers and users quote MB/s (decimal).
    const double mbs = double(kibPerSec) * 1024.0 / 1e6;
    if (mbs < 1.0)
        return i18nc("a transfer rate in kilobytes per second", "%1 kB/s", QString::number(qint64(std::lround(kibPerSec * 1.024))));
    return i18nc("a transfer rate in megabytes per second", "%1 MB/s", QString::number(mbs, 'f', mbs < 10 ? 1 : 0));
}

QString memberStateWord(const Member &m)
{
    if (m.faulty) return QStringLiteral("faulty");
    if (m.journal) return QStringLiteral("journal");
    if (m.spare) return QStringLiteral("spare");
    if (m.replacement) return QStringLiteral("replacement");
    if (m.inSync) return QStringLiteral("in_sync");
    if (m.slot) return QStringLiteral("rebuilding");
    return QStringLiteral("active");
}

KLocalizedString syncActionWord(const std::optional<SyncAction> &action)
{
    if (!action)
        return ki18nc("md's sync action, when not known", "sync");
    switch (*action) {
    case SyncAction::Resync: return ki18nc("md's sync action", "resync");
    case SyncAction::Recovery: return ki18nc("md's sync action", "recovery");
    case SyncAction::Reshape: return ki18nc("md's sync action", "reshape");
    case SyncAction::Check: return ki18nc("md's sync action", "check");
    case SyncAction::Repair: return ki18nc("md's sync action", "repair");
    }
    return ki18nc("md's sync action, when not known", "sync");
}

namespace {

// md's own word for a sync's status (toString(SyncStatus)), for people to read.
QString statusWord(SyncStatus s)
{
    switch (s) {
    case SyncStatus::Running: return i18nc("an md sync's status", "running");
    case SyncStatus::Delayed: return i18nc("an md sync's status", "delayed");
    case SyncStatus::Pending: return i18nc("an md sync's status", "pending");
    }
    return {};
}

QString percentText(double percent)
{
    return QString::number(percent, 'f', 1);
}

} // namespace

QString syncText(const SyncProgress &s)
{
    const QString action = syncActionWord(s.action).toString();
    if (s.status != SyncStatus::Running)
        return i18nc("an md sync action, then its status: \"resync delayed\"", "%1 %2", action, statusWord(s.status));
    const bool timed = s.finishMinutes && s.speedKibPerSec;
    const QString left = timed ? humanDuration(*s.finishMinutes) : QString();
    const QString rate = s.speedKibPerSec ? humanRate(*s.speedKibPerSec) : QString();
    if (s.percent) {
        const QString percent = percentText(*s.percent);
        if (timed)
            return i18nc("an md sync: action, percent done, time left, speed", "%1 %2%, %3 left at %4", action, percent, left, rate);
        if (s.speedKibPerSec)
            return i18nc("an md sync: action, percent done, speed", "%1 %2% at %3", action, percent, rate);
        return i18nc("an md sync: action, percent done", "%1 %2%", action, percent);
    }
    if (timed)
        return i18nc("an md sync: action, time left, speed", "%1, %2 left at %3", action, left, rate);
    if (s.speedKibPerSec)
        return i18nc("an md sync: action, speed", "%1 at %2", action, rate);
    return action;
}

QString arrayHealthText(const Array &a)
{
    if (a.state == ArrayState::Inactive)
        return i18nc("an array's health", "Inactive (not started)");
    if (a.state == ArrayState::Broken)
        return i18nc("an array's health", "Failed: a member needed for the data is gone");
    if (a.sync && (a.sync->action == SyncAction::Recovery || a.sync->action == SyncAction::Reshape
                   || a.sync->action == SyncAction::Resync || a.sync->action == SyncAction::Check
                   || a.sync->action == SyncAction::Repair)) {
        QString what;
        switch (a.sync->action) {
        case SyncAction::Recovery: {
            QStringList rebuilding;
            for (const Member &m : a.members)
                if (!m.faulty && !m.spare && !m.journal && (m.replacement || (m.slot && !m.inSync)))
                    rebuilding.append(m.device);
            what = rebuilding.isEmpty()
                ? i18nc("an array's health", "Rebuilding")
                : i18ncp("an array's health; %2 is the list of members being rebuilt", "Rebuilding %2", "Rebuilding %2",
                         int(rebuilding.size()), rebuilding.join(i18nc("separator between devices in a list", ", ")));
            break;
        }
        case SyncAction::Reshape: what = i18nc("an array's health", "Reshaping"); break;
        case SyncAction::Check: what = i18nc("an array's health", "Checking"); break;
        case SyncAction::Repair: what = i18nc("an array's health", "Repairing"); break;
        case SyncAction::Resync: what = i18nc("an array's health", "Synchronizing"); break;
        }
        if (a.sync->status != SyncStatus::Running)
            return i18nc("an array's health: what md does (\"Checking\"), then its status (\"delayed\")", "%1 (%2)", what,
                         statusWord(a.sync->status));
        const bool timed = a.sync->finishMinutes && a.sync->speedKibPerSec;
        const QString left = timed ? humanDuration(*a.sync->finishMinutes) : QString();
        const QString rate = timed ? humanRate(*a.sync->speedKibPerSec) : QString();
        if (a.sync->percent) {
            const QString percent = percentText(*a.sync->percent);
            if (timed)
                return i18nc("an array's health: what md does, percent done, time left, speed", "%1, %2% - %3 left at %4", what, percent,
                             left, rate);
            return i18nc("an array's health: what md does, percent done", "%1, %2%", what, percent);
        }
        if (timed)
            return i18nc("an array's health: what md does, time left, speed", "%1 - %2 left at %3", what, left, rate);
        return what;
    }
    if (a.degraded) {
        const int missing = a.missingCount();
        const int total = a.raidDisks.value_or(0);
        if (missing > 0 && total > 0)
            return i18ncp("an array's health: %2 of its %1 members are missing", "Degraded: %2 of %1 member missing",
                          "Degraded: %2 of %1 members missing", total, missing);
        return i18nc("an array's health", "Degraded");
    }
    if (a.state == ArrayState::ReadOnly)
        return i18nc("an array's health", "Healthy (read-only)");
    if (a.state == ArrayState::AutoReadOnly)
        return i18nc("an array's health", "Healthy (read-only until first write)");
    return i18nc("an array's health", "Healthy");
}

} // namespace plexus

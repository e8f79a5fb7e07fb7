// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "describe.h"

#include <QRegularExpression>

#include <cmath>

namespace plexus {

QString levelWords(const QString &level)
{
    if (level == QLatin1String("linear"))
        return QStringLiteral("linear (concatenated)");
    if (level.startsWith(QLatin1String("raid")))
        return QStringLiteral("RAID-") + level.mid(4);
    return level;
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
        return QStringLiteral("under a minute");
    const qint64 total = qint64(std::lround(minutes));
    const qint64 days = total / 1440, hours = (total % 1440) / 60, mins = total % 60;
    if (days > 0)
        return QStringLiteral("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return QStringLiteral("%1 h %2 min").arg(hours).arg(mins);
    return QStringLiteral("%1 min").arg(mins);
}

QString humanRate(qint64 kibPerSec)
{
    // Drive makers and users quote MB/s (decimal).
    const double mbs = double(kibPerSec) * 1024.0 / 1e6;
    if (mbs < 1.0)
        return QStringLiteral("%1 kB/s").arg(qint64(std::lround(kibPerSec * 1.024)));
    return QStringLiteral("%1 MB/s").arg(mbs, 0, 'f', mbs < 10 ? 1 : 0);
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

QString syncText(const SyncProgress &s)
{
    const QString action = toString(s.action);
    if (s.status != SyncStatus::Running)
        return QStringLiteral("%1 %2").arg(action, toString(s.status));
    QString text = action;
    if (s.percent)
        text += QStringLiteral(" %1%").arg(*s.percent, 0, 'f', 1);
    if (s.finishMinutes && s.speedKibPerSec)
        text += QStringLiteral(", %1 left at %2").arg(humanDuration(*s.finishMinutes), humanRate(*s.speedKibPerSec));
    else if (s.speedKibPerSec)
        text += QStringLiteral(" at %1").arg(humanRate(*s.speedKibPerSec));
    return text;
}

QString arrayHealthText(const Array &a)
{
    if (a.state == ArrayState::Inactive)
        return QStringLiteral("Inactive (not started)");
    if (a.state == ArrayState::Broken)
        return QStringLiteral("Failed: a member needed for the data is gone");
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
            what = rebuilding.isEmpty() ? QStringLiteral("Rebuilding")
                                        : QStringLiteral("Rebuilding %1").arg(rebuilding.join(QStringLiteral(", ")));
            break;
        }
        case SyncAction::Reshape: what = QStringLiteral("Reshaping"); break;
        case SyncAction::Check: what = QStringLiteral("Checking"); break;
        case SyncAction::Repair: what = QStringLiteral("Repairing"); break;
        case SyncAction::Resync: what = QStringLiteral("Synchronizing"); break;
        }
        if (a.sync->status != SyncStatus::Running)
            return QStringLiteral("%1 (%2)").arg(what, toString(a.sync->status));
        QString text = what;
        if (a.sync->percent)
            text += QStringLiteral(", %1%").arg(*a.sync->percent, 0, 'f', 1);
        if (a.sync->finishMinutes && a.sync->speedKibPerSec)
            text += QStringLiteral(" - %1 left at %2").arg(humanDuration(*a.sync->finishMinutes), humanRate(*a.sync->speedKibPerSec));
        return text;
    }
    if (a.degraded) {
        const int missing = a.missingCount();
        const int total = a.raidDisks.value_or(0);
        if (missing > 0 && total > 0)
            return QStringLiteral("Degraded: %1 of %2 members missing").arg(missing).arg(total);
        return QStringLiteral("Degraded");
    }
    if (a.state == ArrayState::ReadOnly)
        return QStringLiteral("Healthy (read-only)");
    if (a.state == ArrayState::AutoReadOnly)
        return QStringLiteral("Healthy (read-only until first write)");
    return QStringLiteral("Healthy");
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "shutdownhold.h"

#include "model/stacking.h"

#include <KLocalizedString>

#include <algorithm>
#include <cmath>

namespace plexus {

namespace {

// "5 min", "40 min", "2 h": coarse on purpose (at least a minute).
QString roughly(double minutes)
{
    if (minutes < 10.0)
        return QStringLiteral("%1 min").arg(int(std::ceil(minutes)));
    if (minutes < 60.0)
        return QStringLiteral("%1 min").arg(int(std::ceil(minutes / 5.0)) * 5);
    const double hours = std::round(minutes / 30.0) / 2.0; // to the nearest half hour
    return QStringLiteral("%1 h").arg(hours, 0, 'f', hours == std::floor(hours) ? 0 : 1);
}

QString beingDone(SyncAction a)
{
    switch (a) {
    case SyncAction::Recovery: return QStringLiteral("being rebuilt");
    case SyncAction::Reshape: return QStringLiteral("being reshaped");
    default: return QStringLiteral("being synchronized");
    }
}

bool cuttingItCosts(const Array &a)
{
    if (!a.sync || a.sync->status != SyncStatus::Running)
        return false;
    const SyncAction action = a.sync->action;
    return action == SyncAction::Resync || action == SyncAction::Recovery || action == SyncAction::Reshape;
}

} // namespace

bool mdIsWorking(const Snapshot &s)
{
    return std::any_of(s.arrays.cbegin(), s.arrays.cend(), cuttingItCosts);
}

QList<HeldWork> workHoldingShutdown(const Snapshot &s)
{
    QList<HeldWork> result;
    for (const Array &a : s.arrays) {
        if (!cuttingItCosts(a))
            continue;
        HeldWork w{a.name, a.sync->action, {}, a.sync->finishMinutes};
        auto use = [&](const QString &device, const QString &what) {
            QStringList arrays;
            arraysUnder(s, device, &arrays);
            if (arrays.contains(a.name) && !w.uses.contains(what))
                w.uses.append(what);
        };
        for (const Mount &m : s.mounts)
            use(m.device, m.mountPoint);
        for (const QString &swap : s.swaps)
            use(swap, QStringLiteral("swap"));
        if (!w.uses.isEmpty())
            result.append(w);
    }
    return result;
}

QString shutdownHoldReason(const QList<HeldWork> &work)
{
    QStringList parts;
    for (const HeldWork &w : work) {
        const bool system = w.uses.contains(QStringLiteral("/"));
        QString text = QStringLiteral("%1 is %2 for %3").arg(w.array, beingDone(w.action),
                                                            system ? QStringLiteral("the running system") : w.uses.join(QStringLiteral(", ")));
        if (w.minutesLeft)
            text += *w.minutesLeft < 1.0 ? QStringLiteral(" (under a minute left)") : QStringLiteral(" (about %1 left)").arg(roughly(*w.minutesLeft));
        parts << text;
    }
    return parts.join(QStringLiteral("; "));
}

QString shutdownHoldText(const QString &reason)
{
    // The reason is plexus-helper's, in the system's words (logind keeps it).
    return i18nc("@info %1 why (md0 is being rebuilt for /home)", "Shutdown is held off: %1.", reason);
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "array.h"
#include "raidlevel.h"

#include <algorithm>

namespace plexus {

QString toString(ArrayState s)
{
    switch (s) {
    case ArrayState::Active: return QStringLiteral("active");
    case ArrayState::Inactive: return QStringLiteral("inactive");
    case ArrayState::ReadOnly: return QStringLiteral("read-only");
    case ArrayState::AutoReadOnly: return QStringLiteral("auto-read-only");
    case ArrayState::Broken: return QStringLiteral("broken");
    }
    return {};
}

QString toString(SyncAction a)
{
    switch (a) {
    case SyncAction::Resync: return QStringLiteral("resync");
    case SyncAction::Recovery: return QStringLiteral("recovery");
    case SyncAction::Reshape: return QStringLiteral("reshape");
    case SyncAction::Check: return QStringLiteral("check");
    case SyncAction::Repair: return QStringLiteral("repair");
    }
    return {};
}

std::optional<SyncAction> syncActionFromKernelWord(const QString &word)
{
    if (word == QLatin1String("resync")) return SyncAction::Resync;
    if (word == QLatin1String("recovery") || word == QLatin1String("recover")) return SyncAction::Recovery;
    if (word == QLatin1String("reshape")) return SyncAction::Reshape;
    if (word == QLatin1String("check")) return SyncAction::Check;
    if (word == QLatin1String("repair")) return SyncAction::Repair;
    return std::nullopt;
}

QString toString(SyncStatus s)
{
    switch (s) {
    case SyncStatus::Running: return QStringLiteral("running");
    case SyncStatus::Delayed: return QStringLiteral("delayed");
    case SyncStatus::Pending: return QStringLiteral("pending");
    }
    return {};
}

const Member *Array::member(const QString &device) const
{
    for (const Member &m : members)
        if (m.device == device)
            return &m;
    return nullptr;
}

int Array::missingCount() const
{
    if (degradedCount)
        return *degradedCount;
    if (raidDisks && activeDisks)
        return qMax(0, *raidDisks - *activeDisks);
    return 0;
}

bool Array::isRedundant() const
{
    const RaidLevel *rules = level ? raidLevel(*level) : nullptr;
    return rules && rules->redundant;
}

QSet<int> Array::missingSlots() const
{
    const int n = raidDisks.value_or(0);
    QSet<int> missing;
    if (memberStatus.size() == n) {
        for (int i = 0; i < n; ++i)
            if (memberStatus[i] == QLatin1Char('_'))
                missing.insert(i);
        return missing;
    }
    // /proc/mdstat names no slots: then nothing is known.
    if (std::none_of(members.begin(), members.end(), [](const Member &m) { return m.slot.has_value(); }))
        return missing;
    QSet<int> working;
    for (const Member &m : members) {
        // sysfs says in_sync; members read from /proc/mdstat alone cannot tell: trust them.
        if (m.slot && !m.faulty && !m.spare && !m.replacement && !m.journal && (m.inSync || m.rawState.isEmpty()))
            working.insert(*m.slot);
    }
    for (int i = 0; i < n; ++i)
        if (!working.contains(i))
            missing.insert(i);
    return missing;
}

bool Array::dataLost() const
{
    const RaidLevel *rules = level ? raidLevel(*level) : nullptr;
    if (!rules || !raidDisks)
        return false;
    const QSet<int> slots = missingSlots();
    if (slots.size() >= missingCount())
        return !rules->survives(*raidDisks, slots, raid10Layout);
    // The kernel counts more missing than we can place: lost unless no choice
    // of that many slots could lose the data.
    return missingCount() > rules->failuresAlwaysSurvived(*raidDisks, raid10Layout);
}

} // namespace plexus

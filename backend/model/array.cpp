#include "array.h"

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
    static const QStringList redundant = {QStringLiteral("raid1"), QStringLiteral("raid4"),
                                          QStringLiteral("raid5"), QStringLiteral("raid6"),
                                          QStringLiteral("raid10")};
    return level && redundant.contains(*level);
}

} // namespace plexus

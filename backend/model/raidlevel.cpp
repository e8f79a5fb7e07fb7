// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "raidlevel.h"
#include "raid10layout.h"

#include <KLocalizedString>

#include <QHash>
#include <QStringList>
#include <algorithm>

namespace plexus {

namespace {

// How a level keeps its data, which decides what it survives.
enum class Scheme {
    NoCopy,  // linear, raid0: every member holds data found nowhere else
    Mirror,  // raid1, multipath: any one working slot holds everything
    Parity,  // raid4/5/6: any one or two slots can be computed from the rest
    Raid10,  // copies of each chunk on the slots its layout names
};

Scheme scheme(const RaidLevel &l)
{
    if (l.name == QLatin1String("raid1") || l.name == QLatin1String("multipath"))
        return Scheme::Mirror;
    if (l.parities > 0)
        return Scheme::Parity;
    if (l.name == QLatin1String("raid10"))
        return Scheme::Raid10;
    return Scheme::NoCopy;
}

// Only slots that exist count as lost.
int lostCount(int devices, const QSet<int> &lost)
{
    return int(std::count_if(lost.begin(), lost.end(), [devices](int s) { return s >= 0 && s < devices; }));
}

int stillThere(const QList<int> &copySet, const QSet<int> &lost)
{
    return int(std::count_if(copySet.begin(), copySet.end(), [&lost](int s) { return !lost.contains(s); }));
}

// The first set of slots holding every copy of some chunk that `lost` takes whole.
QList<int> wholeCopySetLost(int devices, const QSet<int> &lost, const QString &layout)
{
    for (const QList<int> &copySet : raid10CopySets(devices, raid10Geometry(layout)))
        if (stillThere(copySet, lost) == 0)
            return copySet;
    return {};
}

// The fewest slots that must keep working so that every copy set keeps one:
// scan the ring from each slot, keeping a slot only when a set would otherwise
// end with none kept. Exact when copies rotate over all slots (md's default);
// with far sets it may keep more than needed, never fewer.
int fewestSurvivors(int devices, const QList<QList<int>> &copySets)
{
    int fewest = devices;
    for (int first = 0; first < devices; ++first) {
        QSet<int> kept{first};
        auto order = [&](int slot) { return (slot - first + devices) % devices; };
        for (int step = 1; step < devices; ++step) {
            for (const QList<int> &copySet : copySets) {
                const bool hit = std::any_of(copySet.begin(), copySet.end(), [&kept](int s) { return kept.contains(s); });
                const int last = order(*std::max_element(copySet.begin(), copySet.end(),
                                                         [&](int a, int b) { return order(a) < order(b); }));
                if (!hit && last == step) {
                    kept.insert((first + step) % devices);
                    break;
                }
            }
        }
        fewest = std::min(fewest, int(kept.size()));
    }
    return fewest;
}

QString slotList(const QList<int> &slots)
{
    QStringList words;
    for (int s : slots)
        words << QString::number(s);
    const QString last = words.takeLast();
    return i18nc("a list of slot numbers: the first ones (\"0, 1\"), then the last", "%1 and %2",
                 words.join(i18nc("separator between slot numbers in a list", ", ")), last);
}

RaidLevel level(const char *name, int minDevices, bool redundant, bool striped, int parities, bool reshape, bool shrink,
                bool growSize)
{
    RaidLevel l;
    l.name = QLatin1String(name);
    l.minDevices = minDevices;
    l.redundant = redundant;
    l.slotStatus = redundant;
    l.striped = striped;
    l.parities = parities;
    l.reshapeDevices = reshape;
    l.shrinkDevices = shrink;
    l.growSize = growSize;
    return l;
}

QList<RaidLevel> makeLevels()
{
    // Plexus reshapes RAID-1/4/5/6 only and shrinks mirrors only; "size max"
    // means nothing where the size follows the members (raid0, linear).
    //                     name     min redundant striped parities reshape shrink growSize
    QList<RaidLevel> l = {level("raid1", 2, true, false, 0, true, true, true),
                          level("raid5", 3, true, true, 1, true, false, true),
                          level("raid6", 4, true, true, 2, true, false, true),
                          level("raid10", 2, true, true, 0, false, false, true),
                          level("raid0", 2, false, true, 0, false, false, false),
                          level("linear", 2, false, false, 0, false, false, false),
                          level("raid4", 3, true, true, 1, true, false, true)};
    // Multipath: several paths to one disk. md survives losing all but one path,
    // but the paths reach the same blocks, so there is no second copy of the data
    // (a spare or a check would mean nothing): not redundant. Deprecated; Plexus
    // shows it but does not create it. md still tracks each path as a slot.
    RaidLevel multipath = level("multipath", 1, false, false, 0, false, false, false);
    multipath.creatable = false;
    multipath.slotStatus = true;
    l << multipath;
    return l;
}

QString canonicalName(const QString &nameOrAlias)
{
    QString l = nameOrAlias.trimmed().toLower();
    if (l.startsWith(QLatin1String("raid")) && l.size() > 4 && (l[4] == u'-' || l[4] == u' ' || l[4] == u'_'))
        l.remove(4, 1); // "raid-5", "RAID 5"
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("0"), QStringLiteral("raid0")},      {QStringLiteral("stripe"), QStringLiteral("raid0")},
        {QStringLiteral("striped"), QStringLiteral("raid0")}, {QStringLiteral("1"), QStringLiteral("raid1")},
        {QStringLiteral("mirror"), QStringLiteral("raid1")},  {QStringLiteral("4"), QStringLiteral("raid4")},
        {QStringLiteral("5"), QStringLiteral("raid5")},       {QStringLiteral("6"), QStringLiteral("raid6")},
        {QStringLiteral("10"), QStringLiteral("raid10")},     {QStringLiteral("concat"), QStringLiteral("linear")},
        {QStringLiteral("mp"), QStringLiteral("multipath")}, // mdadm's short name
    };
    return aliases.value(l, l);
}

} // namespace

qint64 RaidLevel::capacity(int devices, qint64 smallest, qint64 sum) const
{
    switch (scheme(*this)) {
    case Scheme::NoCopy:
        return name == QLatin1String("linear") ? sum : smallest * devices;
    case Scheme::Mirror:
        return smallest;
    case Scheme::Parity:
        return smallest * std::max(0, devices - parities);
    case Scheme::Raid10:
        return smallest * devices / 2; // md's default, 2 copies
    }
    return 0;
}

bool RaidLevel::survives(int devices, const QSet<int> &lost, const QString &raid10Layout) const
{
    const int missing = lostCount(devices, lost);
    switch (scheme(*this)) {
    case Scheme::NoCopy:
        return missing == 0;
    case Scheme::Mirror:
        return missing < devices;
    case Scheme::Parity:
        return missing <= parities;
    case Scheme::Raid10:
        return wholeCopySetLost(devices, lost, raid10Layout).isEmpty();
    }
    return false;
}

QString RaidLevel::lossProblem(int devices, const QSet<int> &lost, const QString &raid10Layout) const
{
    if (survives(devices, lost, raid10Layout))
        return {};
    const int missing = lostCount(devices, lost);
    switch (scheme(*this)) {
    case Scheme::NoCopy:
        return i18ncp("an array without redundancy: %2 of its %1 members", "%2 of %1 member would be missing; it survives none",
                      "%2 of %1 members would be missing; it survives none", devices, missing);
    case Scheme::Mirror:
        return i18nc("a mirror", "no member with a complete copy would be left");
    case Scheme::Parity:
        if (parities == 2)
            return i18ncp("an array with two parities: %2 of its %1 members", "%2 of %1 member would be missing; it survives two",
                          "%2 of %1 members would be missing; it survives two", devices, missing);
        return i18ncp("an array with one parity: %2 of its %1 members", "%2 of %1 member would be missing; it survives one",
                      "%2 of %1 members would be missing; it survives one", devices, missing);
    case Scheme::Raid10: {
        const QList<int> copySet = wholeCopySetLost(devices, lost, raid10Layout);
        if (copySet.size() == 1)
            return i18nc("a RAID-10 array; %1 is a slot number", "the only copy of some data (slot %1) would be missing", copySet.first());
        if (copySet.size() == 2)
            return i18nc("a RAID-10 array; %1 and %2 are slot numbers", "both copies of some data (slots %1 and %2) would be missing",
                         copySet[0], copySet[1]);
        return i18ncp("a RAID-10 array; %2 is a list of slot numbers", "all %1 copies of some data (slots %2) would be missing",
                      "all %1 copies of some data (slots %2) would be missing", int(copySet.size()), slotList(copySet));
    }
    }
    return {};
}

int RaidLevel::failuresStillSurvived(int devices, const QSet<int> &lost, const QString &raid10Layout) const
{
    if (!survives(devices, lost, raid10Layout))
        return 0;
    const int missing = lostCount(devices, lost);
    switch (scheme(*this)) {
    case Scheme::NoCopy:
        return 0;
    case Scheme::Mirror:
        return devices - 1 - missing;
    case Scheme::Parity:
        return parities - missing;
    case Scheme::Raid10: {
        // The copy set with the fewest slots left decides: all but one of those may go.
        int fewest = devices;
        for (const QList<int> &copySet : raid10CopySets(devices, raid10Geometry(raid10Layout)))
            fewest = std::min(fewest, stillThere(copySet, lost));
        return std::max(0, fewest - 1);
    }
    }
    return 0;
}

int RaidLevel::failuresAlwaysSurvived(int devices, const QString &raid10Layout) const
{
    return failuresStillSurvived(devices, {}, raid10Layout);
}

int RaidLevel::failuresAtBestSurvived(int devices, const QString &raid10Layout) const
{
    if (scheme(*this) == Scheme::Raid10)
        return devices - fewestSurvivors(devices, raid10CopySets(devices, raid10Geometry(raid10Layout)));
    return failuresAlwaysSurvived(devices, raid10Layout);
}

double RaidLevel::readFactor(int devices) const
{
    switch (scheme(*this)) {
    case Scheme::NoCopy:
        return name == QLatin1String("linear") ? 1 : devices;
    case Scheme::Mirror:
        // md spreads reads over the copies; multipath uses one path at a time.
        return name == QLatin1String("raid1") ? devices : 1;
    case Scheme::Parity:
        return std::max(1, devices - parities);
    case Scheme::Raid10:
        return devices;
    }
    return 1;
}

double RaidLevel::writeFactor(int devices) const
{
    switch (scheme(*this)) {
    case Scheme::NoCopy:
        return name == QLatin1String("linear") ? 1 : devices;
    case Scheme::Mirror:
        return 1; // every copy is written
    case Scheme::Parity:
        return std::max(1, devices - parities); // large, full-stripe writes
    case Scheme::Raid10:
        return devices / 2.0;
    }
    return 1;
}

const QList<RaidLevel> &raidLevels()
{
    static const QList<RaidLevel> levels = makeLevels();
    return levels;
}

const RaidLevel *raidLevel(const QString &nameOrAlias)
{
    // The kernel's own spelling first: the mdstat parser asks for every array.
    for (const RaidLevel &l : raidLevels())
        if (l.name == nameOrAlias)
            return &l;
    const QString name = canonicalName(nameOrAlias);
    for (const RaidLevel &l : raidLevels())
        if (l.name == name)
            return &l;
    return nullptr;
}

QStringList creatableLevelNames()
{
    QStringList names;
    for (const RaidLevel &l : raidLevels())
        if (l.creatable)
            names << l.name;
    // Numbered levels in number order, linear (no number) first.
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return a.mid(4).toInt() - (a == QLatin1String("linear")) < b.mid(4).toInt() - (b == QLatin1String("linear"));
    });
    return names;
}

} // namespace plexus

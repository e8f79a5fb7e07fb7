// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "levelchoices.h"

#include "model/describe.h"
#include "model/raidlevel.h"
#include "words.h"

#include <KLocalizedString>
#include <QSet>
#include <algorithm>

namespace plexus {

namespace {

constexpr int mostSlots = 64; // the engine refuses more

// What each level does, in one line; what it needs and survives is model/raidlevel's.
QString description(const QString &level)
{
    if (level == QLatin1String("raid1"))
        return i18nc("@info RAID-1", "Every device holds a full copy of the data.");
    if (level == QLatin1String("raid5"))
        return i18nc("@info RAID-5", "Stripes the data with parity spread over every device.");
    if (level == QLatin1String("raid6"))
        return i18nc("@info RAID-6", "Stripes the data with two parities spread over every device.");
    if (level == QLatin1String("raid10"))
        return i18nc("@info RAID-10", "Mirrored pairs with the data striped across them.");
    if (level == QLatin1String("raid0"))
        return i18nc("@info RAID-0", "Stripes the data across every device, for speed only: one failed disk loses everything.");
    if (level == QLatin1String("linear"))
        return i18nc("@info linear (concatenation)", "Joins the devices end to end into one large volume (LVM); one failed disk loses its part.");
    if (level == QLatin1String("raid4"))
        return i18nc("@info RAID-4", "Like RAID-5, but with one fixed parity disk that every write waits for.");
    return {};
}

// The slots slotOrder() leaves empty, which decide what the level survives.
QSet<int> missingSlots(const QString &level, const LevelInput &in)
{
    const QStringList order = slotOrder(level, QStringList(in.memberSizes.size(), QStringLiteral("member")), in.missing);
    QSet<int> missing;
    for (int i = 0; i < order.size(); ++i)
        if (order[i].isEmpty())
            missing.insert(i);
    return missing;
}

QString times(double x)
{
    return ki18nc("@item a speed relative to one disk's (2×)", "%1×").subs(x, 0, 'g', 3).toString();
}

QString disks(int n)
{
    return i18ncp("@item how many disks may fail", "any %1 disk", "any %1 disks", n);
}

// The reason `level` cannot be made from `in`; empty when it can.
QString refusal(const RaidLevel &level, const LevelInput &in, const QSet<int> &missing)
{
    const QString title = levelTitle(level.name);
    const int slots = in.slots(), real = int(in.memberSizes.size());
    if (real == 0)
        return i18nc("@info why a level cannot be made", "Choose at least one device.");
    if (slots > mostSlots)
        return i18ncp("@info why a level cannot be made", "Plexus creates arrays of at most %1 device.", "Plexus creates arrays of at most %1 devices.", mostSlots);
    const bool oneDeviceMirror = level.name == QLatin1String("raid1") && slots == 1;
    if (slots < level.minDevices && !oneDeviceMirror)
        return i18ncp("@info why a level cannot be made: %2 a RAID level", "%2 needs at least %1 device.", "%2 needs at least %1 devices.", level.minDevices, title);
    if (in.missing > 0 && !level.redundant)
        return i18nc("@info why a level cannot be made: %1 a RAID level", "%1 cannot be created with a missing member: it keeps no second copy to run without it.", title);
    if (!level.survives(slots, missing)) {
        if (level.name == QLatin1String("raid10"))
            return i18nc("@info why a level cannot be made", "RAID-10 can leave only one disk of each mirror pair missing.");
        const int most = level.failuresAlwaysSurvived(slots);
        return i18ncp("@info why a level cannot be made: %2 a RAID level", "%2 can start with at most %1 missing member.",
                      "%2 can start with at most %1 missing members.", most, title);
    }
    if (in.spares > 0 && !level.redundant)
        return i18nc("@info why a level cannot be made: %1 a RAID level", "%1 keeps no redundant copy, so a spare would never be used.", title);
    return {};
}

void describeFailures(const RaidLevel &level, const LevelInput &in, const QSet<int> &missing, LevelChoice *c)
{
    const int slots = in.slots();
    c->failuresTolerated = level.failuresStillSurvived(slots, missing);
    if (level.name == QLatin1String("raid1")) {
        c->failuresText = c->failuresTolerated == 0 ? i18nc("@item how many disks may fail", "none") : i18nc("@item how many disks of a mirror may fail", "all but one");
    } else if (level.name == QLatin1String("raid10") && slots % 2 == 0 && slots > 2) {
        // md's default near-2 on an even count makes mirror pairs (0,1), (2,3), ...
        // and slotOrder() leaves at most one of each empty: one disk of each pair
        // still complete may go, if it is the right one.
        const int completePairs = slots / 2 - int(missing.size());
        c->failuresText = completePairs <= 0 ? i18nc("@item how many disks may fail", "none")
            : missing.isEmpty()              ? i18nc("@item how many disks may fail", "1 per mirror pair")
                                             : i18nc("@item how many disks may fail", "1 per complete mirror pair");
    } else {
        c->failuresText = c->failuresTolerated == 0 ? i18nc("@item how many disks may fail", "none") : disks(c->failuresTolerated);
    }
}

void describeSpeed(const RaidLevel &level, int slots, LevelChoice *c)
{
    c->readSpeed = level.readFactor(slots);
    c->writeSpeed = level.writeFactor(slots);
    // Parity levels reach their factor only writing whole stripes.
    c->speedText = level.parities > 0
        ? i18nc("@item speeds relative to one disk's (2×)", "about %1 read, %2 write for large writes; slower for small writes", times(c->readSpeed),
                times(c->writeSpeed))
        : i18nc("@item speeds relative to one disk's (2×)", "about %1 read, %2 write", times(c->readSpeed), times(c->writeSpeed));
}

qint64 capacity(const RaidLevel &level, const LevelInput &in)
{
    if (in.memberSizes.isEmpty())
        return 0;
    const qint64 smallest = *std::min_element(in.memberSizes.begin(), in.memberSizes.end());
    qint64 sum = 0;
    for (qint64 s : in.memberSizes)
        sum += s;
    return level.capacity(in.slots(), smallest, sum);
}

} // namespace

const QStringList &creatableLevels()
{
    static const QStringList levels = [] {
        QStringList l;
        for (const RaidLevel &r : raidLevels())
            if (r.creatable)
                l << r.name;
        return l;
    }();
    return levels;
}

LevelChoice levelChoice(const QString &levelName, const LevelInput &input)
{
    LevelChoice c;
    c.level = levelName;
    const RaidLevel *level = raidLevel(levelName);
    if (!level || !level->creatable) {
        c.reason = i18nc("@info %1 a RAID level", "Plexus does not create %1 arrays.", levelTitle(levelName));
        return c;
    }
    const QSet<int> missing = missingSlots(level->name, input);
    c.level = level->name;
    c.description = description(level->name);
    c.minimumSlots = level->minDevices;
    c.reason = refusal(*level, input, missing);
    c.allowed = c.reason.isEmpty();
    c.capacityBytes = capacity(*level, input);
    describeFailures(*level, input, missing, &c);
    describeSpeed(*level, input.slots(), &c);
    if (c.allowed && input.missing > 0)
        c.note = i18ncp("@info", "Starts degraded: add the missing disk later to make it redundant.",
                        "Starts degraded: add the missing disks later to make it redundant.", input.missing);
    else if (c.allowed && c.level == QLatin1String("raid1") && input.slots() == 1)
        c.note = i18nc("@info", "A mirror of one disk: no copy until a second disk is added.");
    return c;
}

QList<LevelChoice> levelChoices(const LevelInput &input)
{
    QList<LevelChoice> choices;
    for (const QString &level : creatableLevels())
        choices << levelChoice(level, input);
    return choices;
}

QString recommendedLevel(const LevelInput &input)
{
    const int slots = input.slots();
    const QString preferred = slots <= 2 ? QStringLiteral("raid1") : slots <= 4 ? QStringLiteral("raid5") : QStringLiteral("raid6");
    if (levelChoice(preferred, input).allowed)
        return preferred;
    // Otherwise the most redundant level these slots allow (missing ones rule some out).
    for (const char *level : {"raid6", "raid5", "raid10", "raid1", "raid0", "linear", "raid4"})
        if (levelChoice(QLatin1String(level), input).allowed)
            return QLatin1String(level);
    return {};
}

QStringList slotOrder(const QString &level, const QStringList &members, int missing)
{
    QStringList slots = members;
    if (level == QLatin1String("raid10")) {
        // Slot 2k+1 mirrors slot 2k: leave the odd ones empty first.
        for (int i = 0; i < missing; ++i)
            slots.insert(qMin(2 * i + 1, int(slots.size())), QString());
        return slots;
    }
    for (int i = 0; i < missing; ++i)
        slots << QString();
    return slots;
}

QString aboutSize(qint64 bytes)
{
    return i18nc("@item an approximate size (about 2.00 GiB)", "about %1", humanSize(bytes));
}

} // namespace plexus

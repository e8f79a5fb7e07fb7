#include "levelchoices.h"

#include "model/describe.h"
#include "words.h"

#include <algorithm>

namespace plexus {

namespace {

constexpr int mostSlots = 64; // the engine refuses more

// What sets the levels apart, as numbers: the rest is derived from these.
struct Rule {
    const char *level;
    int minimumSlots;
    int mostMissing(int slots) const; // empty slots the level starts with
    const char *description;
};

int Rule::mostMissing(int slots) const
{
    const QLatin1String l(level);
    if (l == QLatin1String("raid1"))
        return slots - 1;
    if (l == QLatin1String("raid4") || l == QLatin1String("raid5"))
        return 1;
    if (l == QLatin1String("raid6"))
        return 2;
    if (l == QLatin1String("raid10"))
        return slots / 2;
    return 0;
}

const Rule rules[] = {
    {"raid1", 2, "Every device holds a full copy of the data."},
    {"raid5", 3, "Stripes the data with parity spread over every device."},
    {"raid6", 4, "Stripes the data with two parities spread over every device."},
    {"raid10", 2, "Mirrored pairs with the data striped across them."},
    {"raid0", 2, "Stripes the data across every device, for speed only: one failed disk loses everything."},
    {"linear", 2, "Fills one device after the other into one large space; one failed disk loses its part."},
    {"raid4", 3, "Like RAID-5, but with one fixed parity disk that every write waits for."},
};

const Rule &ruleFor(const QString &level)
{
    for (const Rule &r : rules)
        if (level == QLatin1String(r.level))
            return r;
    return rules[0];
}

QString times(double x)
{
    return QStringLiteral("%1×").arg(QString::number(x, 'g', 3));
}

QString disks(int n)
{
    return n == 1 ? QStringLiteral("any 1 disk") : QStringLiteral("any %1 disks").arg(n);
}

// The reason `level` cannot be made from `in`; empty when it can.
QString refusal(const Rule &rule, const LevelInput &in)
{
    const QString title = levelTitle(QString::fromLatin1(rule.level));
    const int slots = in.slots(), real = int(in.memberSizes.size());
    const bool redundant = isRedundantLevel(QString::fromLatin1(rule.level));
    if (real == 0)
        return QStringLiteral("Choose at least one device.");
    if (slots > mostSlots)
        return QStringLiteral("Plexus creates arrays of at most %1 devices.").arg(mostSlots);
    const bool oneDeviceMirror = QLatin1String(rule.level) == QLatin1String("raid1") && slots == 1;
    if (slots < rule.minimumSlots && !oneDeviceMirror)
        return QStringLiteral("%1 needs at least %2 devices.").arg(title).arg(rule.minimumSlots);
    if (in.missing > 0 && !redundant)
        return QStringLiteral("%1 cannot be created with a missing member: it keeps no second copy to run without it.").arg(title);
    if (in.missing > rule.mostMissing(slots)) {
        if (QLatin1String(rule.level) == QLatin1String("raid10"))
            return QStringLiteral("RAID-10 can leave only one disk of each mirror pair missing.");
        const int most = rule.mostMissing(slots);
        return QStringLiteral("%1 can start with at most %2 missing member%3.").arg(title).arg(most).arg(most == 1 ? "" : "s");
    }
    if (in.spares > 0 && !redundant)
        return QStringLiteral("%1 keeps no redundant copy, so a spare would never be used.").arg(title);
    return {};
}

void describeFailures(const Rule &rule, const LevelInput &in, LevelChoice *c)
{
    const QLatin1String level(rule.level);
    const int slots = in.slots(), real = int(in.memberSizes.size());
    if (level == QLatin1String("raid1")) {
        c->failuresTolerated = real - 1;
        c->failuresText = real == 1 ? QStringLiteral("none") : QStringLiteral("all but one");
    } else if (level == QLatin1String("raid4") || level == QLatin1String("raid5") || level == QLatin1String("raid6")) {
        const int parities = level == QLatin1String("raid6") ? 2 : 1;
        c->failuresTolerated = std::max(0, parities - in.missing);
        c->failuresText = c->failuresTolerated == 0 ? QStringLiteral("none") : disks(c->failuresTolerated);
    } else if (level == QLatin1String("raid10")) {
        // near-2: neighbouring slots hold the same chunks. With an odd count the
        // pairs overlap, so only one failure is safe whichever disk it is.
        const int wholePairs = slots % 2 == 0 ? slots / 2 - in.missing : (in.missing == 0 ? 1 : 0);
        c->failuresTolerated = wholePairs > 0 ? 1 : 0;
        if (wholePairs <= 0)
            c->failuresText = QStringLiteral("none");
        else if (slots % 2 == 1)
            c->failuresText = disks(1);
        else
            c->failuresText = in.missing == 0 ? QStringLiteral("1 per mirror pair") : QStringLiteral("1 per complete mirror pair");
    } else {
        c->failuresTolerated = 0;
        c->failuresText = QStringLiteral("none");
    }
}

void describeSpeed(const Rule &rule, int slots, LevelChoice *c)
{
    const QLatin1String level(rule.level);
    const double n = slots;
    QString extra;
    if (level == QLatin1String("raid0")) {
        c->readSpeed = c->writeSpeed = n;
    } else if (level == QLatin1String("raid1")) {
        c->readSpeed = n; // md spreads reads over the copies
        c->writeSpeed = 1;
    } else if (level == QLatin1String("raid4") || level == QLatin1String("raid5") || level == QLatin1String("raid6")) {
        c->readSpeed = c->writeSpeed = std::max(1.0, n - (level == QLatin1String("raid6") ? 2 : 1));
        extra = QStringLiteral(" for large writes; slower for small writes");
    } else if (level == QLatin1String("raid10")) {
        c->readSpeed = n;
        c->writeSpeed = n / 2;
    }
    c->speedText = QStringLiteral("about %1 read, %2 write%3").arg(times(c->readSpeed), times(c->writeSpeed), extra);
}

qint64 capacity(const Rule &rule, const LevelInput &in)
{
    const QLatin1String level(rule.level);
    if (in.memberSizes.isEmpty())
        return 0;
    if (level == QLatin1String("linear")) {
        qint64 sum = 0;
        for (qint64 s : in.memberSizes)
            sum += s;
        return sum;
    }
    const qint64 smallest = *std::min_element(in.memberSizes.begin(), in.memberSizes.end());
    const int slots = in.slots();
    // How many slots' worth of data the level stores: the rest is copies or parity.
    int dataSlots = slots;
    if (level == QLatin1String("raid1"))
        dataSlots = 1;
    else if (level == QLatin1String("raid4") || level == QLatin1String("raid5"))
        dataSlots = slots - 1;
    else if (level == QLatin1String("raid6"))
        dataSlots = slots - 2;
    else if (level == QLatin1String("raid10"))
        return smallest * slots / 2;
    return smallest * std::max(0, dataSlots);
}

} // namespace

const QStringList &creatableLevels()
{
    static const QStringList levels = [] {
        QStringList l;
        for (const Rule &r : rules)
            l << QString::fromLatin1(r.level);
        return l;
    }();
    return levels;
}

bool isStripedLevel(const QString &level)
{
    return level != QLatin1String("raid1") && level != QLatin1String("linear") && creatableLevels().contains(level);
}

bool isRedundantLevel(const QString &level)
{
    return level != QLatin1String("raid0") && level != QLatin1String("linear") && creatableLevels().contains(level);
}

LevelChoice levelChoice(const QString &level, const LevelInput &input)
{
    const Rule &rule = ruleFor(level);
    LevelChoice c;
    c.level = QString::fromLatin1(rule.level);
    c.description = QString::fromLatin1(rule.description);
    c.minimumSlots = rule.minimumSlots;
    c.reason = refusal(rule, input);
    c.allowed = c.reason.isEmpty();
    c.capacityBytes = capacity(rule, input);
    describeFailures(rule, input, &c);
    describeSpeed(rule, input.slots(), &c);
    if (c.allowed && input.missing > 0)
        c.note = QStringLiteral("Starts degraded: add the missing %1 later to make it redundant.")
                     .arg(input.missing == 1 ? QStringLiteral("disk") : QStringLiteral("disks"));
    else if (c.allowed && c.level == QLatin1String("raid1") && input.slots() == 1)
        c.note = QStringLiteral("A mirror of one disk: no copy until a second disk is added.");
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
    return QStringLiteral("about %1").arg(humanSize(bytes));
}

} // namespace plexus

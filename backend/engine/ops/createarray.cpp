// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "createarray.h"

#include "engine/actions.h"
#include "engine/checks/filesystemchoice.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"
#include "engine/steps/partitionsteps.h"
#include "engine/steps/volumesteps.h"

#include <QFileInfo>

#include <QSet>

namespace plexus {

using namespace actions;

QString CreateArrayRequest::title() const
{
    const RaidLevel *l = raidLevel(level);
    return QStringLiteral("Create %1 %2").arg(levelWords(l ? l->name : level).section(QLatin1Char(' '), 0, 0), deviceName(array));
}

Status validate(const Validator &checks, const CreateArrayRequest &r, ValidCreate *out)
{
    *out = {};
    ValidCreate v;
    v.level = Validator::normaliseLevel(r.level);
    if (v.level.isEmpty())
        return invalid(QStringLiteral("Unknown RAID level '%1'. Choose one of %2.").arg(r.level, listNames(creatableLevelNames())));
    const RaidLevel &level = *raidLevel(v.level);
    if (Status s = checks.checkNewArrayPath(r.array); !s)
        return s;
    v.arrayPath = r.array;
    if (!r.name.isEmpty() && !Validator::validName(r.name))
        return invalid(QStringLiteral("'%1' is not a usable array name: use 1 to 32 letters, digits, '_', '.' or '-'.").arg(r.name));
    v.name = r.name;

    // Counts.
    const int n = int(r.members.size());
    const int minimum = level.name == QLatin1String("raid1") && r.forceSingle ? 1 : level.minDevices;
    if (n < minimum) {
        QString hint;
        if (v.level == QLatin1String("raid1") && n == 1)
            hint = QStringLiteral(" A mirror of one device is possible with force_single (add the second later).");
        else if (v.level == QLatin1String("raid5") || v.level == QLatin1String("raid4"))
            hint = QStringLiteral(" For two devices, use raid1.");
        return invalid(QStringLiteral("%1 needs at least %2 devices; the request has %3. Add devices (or 'missing' slots where the level "
                                      "allows), or choose another level.%4").arg(levelWords(v.level)).arg(minimum).arg(n).arg(hint));
    }
    if (n > 64)
        return invalid(QStringLiteral("%1 devices is more than Plexus creates arrays from (64).").arg(n));
    QList<int> missingSlots;
    for (int i = 0; i < n; ++i)
        if (r.members[i].isMissing())
            missingSlots << i;
    const int missing = int(missingSlots.size());
    if (missing > 0) {
        const QSet<int> lost(missingSlots.begin(), missingSlots.end());
        static const QStringList counted = {QStringLiteral("no"), QStringLiteral("one"), QStringLiteral("two")};
        QString problem;
        if (!level.redundant)
            problem = QStringLiteral("%1 keeps no redundant copy, so it cannot start with a missing slot").arg(levelWords(v.level));
        else if (missing >= n)
            problem = QStringLiteral("a mirror needs at least one real device");
        else if (level.name == QLatin1String("raid10")) {
            // Name two slots that hold the same data, where that is the reason.
            for (int a : missingSlots)
                for (int b : missingSlots)
                    if (a < b && problem.isEmpty() && !level.survives(n, {a, b}))
                        problem = QStringLiteral("slots %1 and %2 hold the two copies of the same data, so they cannot both be missing").arg(a).arg(b);
            if (problem.isEmpty() && !level.survives(n, lost))
                problem = level.lossProblem(n, lost);
        } else if (!level.survives(n, lost)) {
            const int survived = level.failuresAlwaysSurvived(n);
            problem = QStringLiteral("%1 survives %2 missing member%3, not %4")
                          .arg(levelWords(v.level).section(QLatin1Char(' '), 0, 0), counted.value(survived, QString::number(survived)),
                               survived == 1 ? QString() : QStringLiteral("s"))
                          .arg(missing);
        }
        if (!problem.isEmpty())
            return invalid(QStringLiteral("%1. Give a device for more of the slots.").arg(problem.left(1).toUpper() + problem.mid(1)));
    }
    if (!checks.system().mdPersonalityAvailable(v.level))
        return invalid(QStringLiteral("This kernel has no md %1 personality, so %2 arrays cannot be created here. Choose another level%3.")
                           .arg(v.level, levelWords(v.level),
                                v.level == QLatin1String("linear")
                                    ? QStringLiteral(" (Debian 13's kernel dropped md linear: to join devices end to end, use an LVM linear volume)")
                                    : QString()));
    if (!r.spares.isEmpty() && !level.redundant)
        return invalid(QStringLiteral("%1 keeps no redundant copy, so a spare would never be used. Leave the spares out, or choose a "
                                      "redundant level.").arg(levelWords(v.level)));
    v.force = v.level == QLatin1String("raid1") && n == 1;

    // Geometry and metadata.
    if (r.chunkKib != 0) {
        if (!level.striped)
            return invalid(QStringLiteral("%1 has no chunk size (it does not stripe). Leave chunk_kib out.").arg(levelWords(v.level)));
        if (r.chunkKib < 4 || r.chunkKib > 262144 || (r.chunkKib & (r.chunkKib - 1)) != 0)
            return invalid(QStringLiteral("A chunk of %1 KiB is not possible: it must be a power of two from 4 KiB to 256 MiB, for example "
                                          "64 or 512 KiB.").arg(r.chunkKib));
    }
    v.chunkKib = r.chunkKib;
    if (!r.bitmap.isEmpty() && r.bitmap != QLatin1String("none") && r.bitmap != QLatin1String("internal"))
        return invalid(QStringLiteral("Unknown bitmap '%1': choose none or internal.").arg(r.bitmap));
    if (r.bitmap == QLatin1String("internal") && !level.redundant)
        return invalid(QStringLiteral("%1 keeps no redundant copy, so a write-intent bitmap has nothing to speed up. Leave the bitmap out.").arg(levelWords(v.level)));
    if (level.redundant)
        v.bitmap = r.bitmap.isEmpty() ? QStringLiteral("internal") : r.bitmap;
    static const QStringList metadataVersions = {QStringLiteral("1.2"), QStringLiteral("1.1"), QStringLiteral("1.0"), QStringLiteral("0.90")};
    v.metadata = r.metadata.isEmpty() ? QStringLiteral("1.2") : r.metadata;
    if (!metadataVersions.contains(v.metadata))
        return invalid(QStringLiteral("Unknown metadata version '%1': choose 1.2 (the default), 1.1, 1.0 or 0.90.").arg(r.metadata));

    // Devices.
    const Validator::Consent consent{r.overwrite, r.common.allowSystemDisk};
    QHash<QString, QString> seen; // kernel name -> path as requested
    auto take = [&](const DeviceSpec &spec, QList<ResolvedDevice> *list) -> Status {
        if (spec.isMissing()) {
            ResolvedDevice m;
            m.missing = true;
            m.path = QStringLiteral("missing");
            list->append(m);
            return {};
        }
        ResolvedDevice dev;
        if (Status s = checks.resolve(spec, &dev); !s)
            return s;
        if (seen.contains(dev.name))
            return invalid(QStringLiteral("%1 is named twice in the request%2. Each device can hold only one slot.")
                               .arg(dev.path, seen.value(dev.name) == spec.path ? QString() : QStringLiteral(" (as %1 and %2)").arg(seen.value(dev.name), spec.path)));
        for (auto it = seen.begin(); it != seen.end(); ++it) {
            const ResolvedDevice *other = nullptr;
            for (const auto *l : {&v.members, &v.spares})
                for (const ResolvedDevice &d : *l)
                    if (d.name == it.key())
                        other = &d;
            if (other && other->diskName == dev.diskName && (other->wholeDisk || dev.wholeDisk))
                return invalid(QStringLiteral("%1 and %2 overlap (one is the whole disk, the other a part of it). Choose separate devices.").arg(other->path, dev.path));
        }
        seen.insert(dev.name, spec.path);
        if (Status s = checks.checkFree(dev, consent); !s)
            return s;
        list->append(dev);
        return {};
    };
    for (const DeviceSpec &spec : r.members)
        if (Status s = take(spec, &v.members); !s)
            return s;
    for (const DeviceSpec &spec : r.spares) {
        if (spec.isMissing())
            return invalid(QStringLiteral("A spare cannot be 'missing': leave it out."));
        if (Status s = take(spec, &v.spares); !s)
            return s;
    }
    if (r.partitionDisks) {
        // Whole disks get a GPT with one Linux RAID partition filling them, made
        // first; the partitions are the members (as installers do it: the disk
        // says what it holds to every tool, and a replacement disk a little
        // smaller still fits).
        for (auto *list : {&v.members, &v.spares})
            for (ResolvedDevice &d : *list) {
                if (d.missing || !d.wholeDisk)
                    continue;
                if (Status s = Validator::requireNoPartitions(checks.snapshot().disk(d.name), d.path, QStringLiteral("Choose one of its partitions, or do not partition the disks."));
                    !s)
                    return s;
                v.partitionDisks << d;
                // sfdisk starts it at 1 MiB and leaves the GPT's backup (33 sectors) at the end.
                constexpr qint64 MiB = 1024 * 1024;
                d = Validator::futurePartition(d.name, 1, qMax<qint64>(0, (d.sizeBytes - MiB - 33 * 512) / MiB * MiB));
            }
    }
    if (level.redundant && !r.allowSameDisk) {
        QHash<QString, QString> byDisk;
        for (const ResolvedDevice &d : v.members) {
            if (d.missing)
                continue;
            if (byDisk.contains(d.diskName))
                return invalid(QStringLiteral("%1 and %2 are both on the disk %3: if that disk fails, both copies go with it. Choose devices on "
                                              "different disks, or say allow_same_disk (for a test).").arg(byDisk.value(d.diskName), d.path, d.diskName));
            byDisk.insert(d.diskName, d.path);
        }
    }

    // Sizes: the smallest member decides.
    constexpr qint64 minimumMember = 4 * 1024 * 1024;
    qint64 smallest = 0, largest = 0;
    for (const ResolvedDevice &d : v.members) {
        if (d.missing)
            continue;
        if (d.sizeBytes < minimumMember)
            return tooSmall(QStringLiteral("%1 is only %2: an md member needs at least %3. Choose a larger %4.")
                                .arg(d.path, humanSize(d.sizeBytes), humanSize(minimumMember), d.wholeDisk ? QStringLiteral("disk") : QStringLiteral("partition")));
        if (smallest == 0 || d.sizeBytes < smallest) {
            smallest = d.sizeBytes;
            v.smallest = d.path;
        }
        largest = qMax(largest, d.sizeBytes);
    }
    v.memberDataBytes = smallest;
    for (const ResolvedDevice &d : v.spares)
        if (d.sizeBytes < smallest)
            return tooSmall(QStringLiteral("The spare %1 is smaller than the smallest member (%2, %3): it could never take a member's place. "
                                           "Choose a spare of at least %3.").arg(d.display(), v.smallest, humanSize(smallest)));
    (void)largest;
    qint64 sum = 0;
    for (const ResolvedDevice &d : v.members)
        sum += d.sizeBytes;
    if (Status s = checkOptionalFilesystem(r.filesystem, r.label, level.capacity(int(v.members.size()), v.memberDataBytes, sum), v.arrayPath); !s)
        return s;
    v.filesystem = r.filesystem;
    v.label = r.label;
    *out = v;
    return {};
}

Plan makePlan(const ValidCreate &v)
{
    Plan plan;
    CreateParams p;
    p.array = v.arrayPath;
    // mdadm's own spelling, as people type it: --level=1, --level=linear.
    p.level = v.level.startsWith(QLatin1String("raid")) ? v.level.mid(4) : v.level;
    QStringList real, memberPaths;
    int missing = 0;
    for (const ResolvedDevice &d : v.members) {
        p.devices << d.path;
        memberPaths << d.path;
        if (d.missing)
            ++missing;
        else
            real << d.path;
    }
    QStringList sparePaths;
    for (const ResolvedDevice &d : v.spares) {
        p.devices << d.path;
        sparePaths << d.path;
    }
    p.spares = int(v.spares.size());
    p.metadata = v.metadata;
    p.bitmap = v.bitmap;
    p.chunkKib = v.chunkKib;
    p.name = v.name;
    p.force = v.force;
    const int n = int(v.members.size());

    QString from = listNames(real);
    if (missing == 1)
        from += QStringLiteral(" and a missing slot");
    else if (missing > 1)
        from += QStringLiteral(" and %1 missing slots").arg(missing);
    QString extras;
    if (!sparePaths.isEmpty())
        extras += QStringLiteral(", with %1 as spare").arg(listNames(sparePaths));
    if (v.bitmap == QLatin1String("internal"))
        extras += QStringLiteral(", with an internal write-intent bitmap");
    if (v.chunkKib)
        extras += QStringLiteral(", %1 KiB chunks").arg(v.chunkKib);

    qint64 sum = 0;
    for (const ResolvedDevice &d : v.members)
        sum += d.sizeBytes;
    const RaidLevel *shape = raidLevel(v.level);
    const qint64 size = shape ? shape->capacity(n, v.memberDataBytes, sum) : 0;
    plan.summary = QStringLiteral("Create %1: %2 of %3 device(s), about %4%5.")
                       .arg(v.arrayPath, levelWords(v.level))
                       .arg(n)
                       .arg(humanSize(size), v.filesystem.isEmpty() ? QString() : QStringLiteral(", with %1 on it").arg(v.filesystem));
    for (const ResolvedDevice &d : v.members)
        if (!d.missing && d.sizeBytes > v.memberDataBytes && v.level != QLatin1String("linear"))
            plan.notes << QStringLiteral("The smallest member, %1 (%2), decides how much of each member is used: %3 of %4 (%5) stay unused.")
                              .arg(v.smallest, humanSize(v.memberDataBytes), humanSize(d.sizeBytes - v.memberDataBytes), d.path, humanSize(d.sizeBytes));
    if (missing > 0)
        plan.notes << QStringLiteral("%1 starts degraded: add a member to each missing slot later (plexusctl add) to make it redundant.").arg(v.arrayPath);
    else if (v.level != QLatin1String("raid0") && v.level != QLatin1String("linear") && n > 1)
        plan.notes << QStringLiteral("The kernel then synchronises the members in the background (resync); %1 can be used meanwhile.").arg(v.arrayPath);
    if (v.force)
        plan.notes << QStringLiteral("A mirror of one device has no redundancy until a second member is added (plexusctl grow --raid-devices 2 --add DEV).");

    // Disks to partition first: held open by their whole-disk node (the partitions do not exist yet).
    QStringList held = real + sparePaths;
    for (const ResolvedDevice &disk : v.partitionDisks) {
        for (const auto *list : {&v.members, &v.spares})
            for (const ResolvedDevice &d : *list)
                if (!d.missing && d.diskName == disk.name) {
                    plan.steps << partitionWholeDiskStep(disk, d.name);
                    held.replace(held.indexOf(d.path), disk.path);
                }
    }
    if (!v.partitionDisks.isEmpty())
        plan.notes << QStringLiteral("Each whole disk gets one partition of type Linux RAID; the partitions are the members.");

    // Undone only while nothing was put on it: stopped, its members' superblocks erased.
    QList<ResolvedDevice> used;
    for (const auto *list : {&v.members, &v.spares})
        for (const ResolvedDevice &d : *list)
            if (!d.missing)
                used << d;
    plan.steps << createArrayStep(p, QStringLiteral("Create the %1 array %2 from %3%4").arg(levelWords(v.level), v.arrayPath, from, extras), used);
    // Ready to mount: the filesystem goes on while md still resyncs, as it may.
    if (!v.filesystem.isEmpty())
        plan.steps << makeFilesystemStep(v.arrayPath, v.filesystem, v.label);
    plan.exclusive = held;
    return plan;
}

} // namespace plexus

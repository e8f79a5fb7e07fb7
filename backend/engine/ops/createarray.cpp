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

#include <KLocalizedString>

#include <QFileInfo>

#include <QSet>

namespace plexus {

using namespace actions;

QString CreateArrayRequest::title() const
{
    const RaidLevel *l = raidLevel(level);
    return i18nc("an operation's title: %1 a RAID level (RAID-1), %2 an array (md0)", "Create %1 %2",
                 levelWords(l ? l->name : level).section(QLatin1Char(' '), 0, 0), deviceName(array));
}

Status validate(const Validator &checks, const CreateArrayRequest &r, ValidCreate *out)
{
    *out = {};
    ValidCreate v;
    v.level = Validator::normaliseLevel(r.level);
    if (v.level.isEmpty())
        return invalid(mi18nc("%1 the level asked for, %2 a list of levels", "Unknown RAID level '%1'. Choose one of %2.", r.level,
                             listNames(creatableLevelNames())));
    const RaidLevel &level = *raidLevel(v.level);
    if (Status s = checks.checkNewArrayPath(r.array); !s)
        return s;
    v.arrayPath = r.array;
    if (!r.name.isEmpty() && !Validator::validName(r.name))
        return invalid(mi18nc("%1 a name", "'%1' is not a usable array name: use 1 to 32 letters, digits, '_', '.' or '-'.", r.name));
    v.name = r.name;

    // Counts.
    const int n = int(r.members.size());
    const int minimum = level.name == QLatin1String("raid1") && r.forceSingle ? 1 : level.minDevices;
    if (n < minimum) {
        const Message refusal = mi18ncp("%2 a RAID level, %3 the number of devices in the request",
                                       "%2 needs at least %1 device; the request has %3. Add devices (or 'missing' slots where the level "
                                       "allows), or choose another level.",
                                       "%2 needs at least %1 devices; the request has %3. Add devices (or 'missing' slots where the level "
                                       "allows), or choose another level.",
                                       minimum, levelWords(v.level), QString::number(n));
        Message hint;
        if (v.level == QLatin1String("raid1") && n == 1)
            hint = mi18nc("force_single is an option's name", "A mirror of one device is possible with force_single (add the second later).");
        else if (v.level == QLatin1String("raid5") || v.level == QLatin1String("raid4"))
            hint = mi18nc("raid1 is a RAID level's name", "For two devices, use raid1.");
        return invalid(hint.isEmpty() ? refusal : mi18nc("a refusal (%1), then a hint (%2)", "%1 %2", refusal, hint));
    }
    if (n > 64)
        return invalid(mi18nc("%1 a number of devices (more than 64)", "%1 devices is more than Plexus creates arrays from (64).", QString::number(n)));
    QList<int> missingSlots;
    for (int i = 0; i < n; ++i)
        if (r.members[i].isMissing())
            missingSlots << i;
    const int missing = int(missingSlots.size());
    if (missing > 0) {
        const QSet<int> lost(missingSlots.begin(), missingSlots.end());
        // Each problem is a sentence without its full stop: its first letter is
        // made a capital and ". Give a device for more of the slots." follows.
        QString problem;
        if (!level.redundant)
            problem = i18nc("a sentence without its full stop; %1 a RAID level", "%1 keeps no redundant copy, so it cannot start with a missing slot",
                            levelWords(v.level));
        else if (missing >= n)
            problem = i18nc("a sentence without its full stop", "a mirror needs at least one real device");
        else if (level.name == QLatin1String("raid10")) {
            // Name two slots that hold the same data, where that is the reason.
            for (int a : missingSlots)
                for (int b : missingSlots)
                    if (a < b && problem.isEmpty() && !level.survives(n, {a, b}))
                        problem = i18nc("a sentence without its full stop; %1 and %2 slot numbers",
                                        "slots %1 and %2 hold the two copies of the same data, so they cannot both be missing", QString::number(a),
                                        QString::number(b));
            if (problem.isEmpty() && !level.survives(n, lost))
                problem = level.lossProblem(n, lost);
        } else if (!level.survives(n, lost)) {
            const int survived = level.failuresAlwaysSurvived(n);
            const QString name = levelWords(v.level).section(QLatin1Char(' '), 0, 0), asked = QString::number(missing);
            switch (survived) {
            case 0:
                problem = i18nc("a sentence without its full stop; %1 a RAID level (RAID-5), %2 the number of missing slots asked for",
                                "%1 survives no missing members, not %2", name, asked);
                break;
            case 1:
                problem = i18nc("a sentence without its full stop; %1 a RAID level (RAID-5), %2 the number of missing slots asked for",
                                "%1 survives one missing member, not %2", name, asked);
                break;
            case 2:
                problem = i18nc("a sentence without its full stop; %1 a RAID level (RAID-5), %2 the number of missing slots asked for",
                                "%1 survives two missing members, not %2", name, asked);
                break;
            default:
                problem = i18ncp("a sentence without its full stop; %2 a RAID level (RAID-5), %3 the number of missing slots asked for",
                                 "%2 survives %1 missing member, not %3", "%2 survives %1 missing members, not %3", survived, name, asked);
                break;
            }
        }
        if (!problem.isEmpty())
            return invalid(mi18nc("%1 why these slots cannot be missing (a sentence without its full stop)", "%1. Give a device for more of the slots.",
                                 problem.left(1).toUpper() + problem.mid(1)));
    }
    if (!checks.system().mdPersonalityAvailable(v.level))
        return invalid(v.level == QLatin1String("linear")
                           ? mi18nc("%1 an md level (linear), %2 the level in words",
                                   "This kernel has no md %1 personality, so %2 arrays cannot be created here. Choose another level (Debian 13's "
                                   "kernel dropped md linear: to join devices end to end, use an LVM linear volume).",
                                   v.level, levelWords(v.level))
                           : mi18nc("%1 an md level (raid6), %2 the level in words (RAID-6)",
                                   "This kernel has no md %1 personality, so %2 arrays cannot be created here. Choose another level.", v.level,
                                   levelWords(v.level)));
    if (!r.spares.isEmpty() && !level.redundant)
        return invalid(mi18nc("%1 a RAID level", "%1 keeps no redundant copy, so a spare would never be used. Leave the spares out, or choose a "
                             "redundant level.", levelWords(v.level)));
    v.force = v.level == QLatin1String("raid1") && n == 1;

    // Geometry and metadata.
    if (r.chunkKib != 0) {
        if (!level.striped)
            return invalid(mi18nc("%1 a RAID level; chunk_kib is an option's name", "%1 has no chunk size (it does not stripe). Leave chunk_kib out.",
                                 levelWords(v.level)));
        if (r.chunkKib < 4 || r.chunkKib > 262144 || (r.chunkKib & (r.chunkKib - 1)) != 0)
            return invalid(mi18nc("%1 a number of KiB", "A chunk of %1 KiB is not possible: it must be a power of two from 4 KiB to 256 MiB, for example "
                                 "64 or 512 KiB.", QString::number(r.chunkKib)));
    }
    v.chunkKib = r.chunkKib;
    if (!r.bitmap.isEmpty() && r.bitmap != QLatin1String("none") && r.bitmap != QLatin1String("internal"))
        return invalid(mi18nc("%1 the bitmap asked for; none and internal are the option's values", "Unknown bitmap '%1': choose none or internal.", r.bitmap));
    if (r.bitmap == QLatin1String("internal") && !level.redundant)
        return invalid(mi18nc("%1 a RAID level", "%1 keeps no redundant copy, so a write-intent bitmap has nothing to speed up. Leave the bitmap out.",
                             levelWords(v.level)));
    if (level.redundant)
        v.bitmap = r.bitmap.isEmpty() ? QStringLiteral("internal") : r.bitmap;
    static const QStringList metadataVersions = {QStringLiteral("1.2"), QStringLiteral("1.1"), QStringLiteral("1.0"), QStringLiteral("0.90")};
    v.metadata = r.metadata.isEmpty() ? QStringLiteral("1.2") : r.metadata;
    if (!metadataVersions.contains(v.metadata))
        return invalid(mi18nc("%1 the metadata version asked for", "Unknown metadata version '%1': choose 1.2 (the default), 1.1, 1.0 or 0.90.", r.metadata));

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
            return invalid(seen.value(dev.name) == spec.path
                               ? mi18nc("%1 a device", "%1 is named twice in the request. Each device can hold only one slot.", dev.path)
                               : mi18nc("%1 a device, %2 and %3 the two names it was given", "%1 is named twice in the request (as %2 and %3). Each "
                                       "device can hold only one slot.", dev.path, seen.value(dev.name), spec.path));
        for (auto it = seen.begin(); it != seen.end(); ++it) {
            const ResolvedDevice *other = nullptr;
            for (const auto *l : {&v.members, &v.spares})
                for (const ResolvedDevice &d : *l)
                    if (d.name == it.key())
                        other = &d;
            if (other && other->diskName == dev.diskName && (other->wholeDisk || dev.wholeDisk))
                return invalid(mi18nc("%1 and %2 devices", "%1 and %2 overlap (one is the whole disk, the other a part of it). Choose separate devices.",
                                     other->path, dev.path));
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
            return invalid(mi18nc("'missing' is the word that leaves a slot empty", "A spare cannot be 'missing': leave it out."));
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
                if (Status s = Validator::requireNoPartitions(checks.snapshot().disk(d.name), d.path, i18nc("a sentence appended to '/dev/sdb already has 2 partitions: Plexus partitions only blank disks.'",
                                                                                                 "Choose one of its partitions, or do not partition the disks."));
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
                return invalid(mi18nc("%1 and %2 devices, %3 a disk; allow_same_disk is an option's name",
                                     "%1 and %2 are both on the disk %3: if that disk fails, both copies go with it. Choose devices on "
                                     "different disks, or say allow_same_disk (for a test).", byDisk.value(d.diskName), d.path, d.diskName));
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
            return tooSmall(d.wholeDisk ? mi18nc("%1 a disk, %2 its size, %3 a size", "%1 is only %2: an md member needs at least %3. Choose a larger disk.",
                                                d.path, humanSize(d.sizeBytes), humanSize(minimumMember))
                                        : mi18nc("%1 a partition, %2 its size, %3 a size",
                                                "%1 is only %2: an md member needs at least %3. Choose a larger partition.", d.path,
                                                humanSize(d.sizeBytes), humanSize(minimumMember)));
        if (smallest == 0 || d.sizeBytes < smallest) {
            smallest = d.sizeBytes;
            v.smallest = d.path;
        }
        largest = qMax(largest, d.sizeBytes);
    }
    v.memberDataBytes = smallest;
    for (const ResolvedDevice &d : v.spares)
        if (d.sizeBytes < smallest)
            return tooSmall(mi18nc("%1 a device, %2 the smallest member, %3 its size",
                                  "The spare %1 is smaller than the smallest member (%2, %3): it could never take a member's place. "
                                  "Choose a spare of at least %3.", d.display(), v.smallest, humanSize(smallest)));
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
    if (missing > 0)
        from = i18ncp("the devices an array is created from: %2 the real devices", "%2 and a missing slot", "%2 and %1 missing slots", missing, from);
    // Optional endings of the step "Create the RAID-1 array /dev/md0 from /dev/sdb1 and /dev/sdc1".
    QString extras;
    if (!sparePaths.isEmpty())
        extras += i18nc("appended to the step 'Create the RAID-1 array /dev/md0 from /dev/sdb1 and /dev/sdc1'; %1 one or more devices",
                        ", with %1 as spare", listNames(sparePaths));
    if (v.bitmap == QLatin1String("internal"))
        extras += i18nc("appended to the step 'Create the RAID-1 array /dev/md0 from /dev/sdb1 and /dev/sdc1'", ", with an internal write-intent bitmap");
    if (v.chunkKib)
        extras += i18nc("appended to the step 'Create the RAID-5 array /dev/md0 from /dev/sdb1, /dev/sdc1 and /dev/sdd1'; %1 a number",
                        ", %1 KiB chunks", QString::number(v.chunkKib));

    qint64 sum = 0;
    for (const ResolvedDevice &d : v.members)
        sum += d.sizeBytes;
    const RaidLevel *shape = raidLevel(v.level);
    const qint64 size = shape ? shape->capacity(n, v.memberDataBytes, sum) : 0;
    plan.summary = v.filesystem.isEmpty()
        ? i18ncp("%2 an array, %3 a RAID level, %4 a size", "Create %2: %3 of %1 device, about %4.", "Create %2: %3 of %1 devices, about %4.", n,
                 v.arrayPath, levelWords(v.level), humanSize(size))
        : i18ncp("%2 an array, %3 a RAID level, %4 a size, %5 a filesystem type (ext4)", "Create %2: %3 of %1 device, about %4, with %5 on it.",
                 "Create %2: %3 of %1 devices, about %4, with %5 on it.", n, v.arrayPath, levelWords(v.level), humanSize(size), v.filesystem);
    for (const ResolvedDevice &d : v.members)
        if (!d.missing && d.sizeBytes > v.memberDataBytes && v.level != QLatin1String("linear"))
            plan.notes << i18nc("%1 the smallest member, %2 its size, %3 a size, %4 a larger member, %5 its size",
                                "The smallest member, %1 (%2), decides how much of each member is used: %3 of %4 (%5) stay unused.", v.smallest,
                                humanSize(v.memberDataBytes), humanSize(d.sizeBytes - v.memberDataBytes), d.path, humanSize(d.sizeBytes));
    if (missing > 0)
        plan.notes << i18nc("%1 an array; plexusctl add is a command", "%1 starts degraded: add a member to each missing slot later (plexusctl add) to make it redundant.",
                            v.arrayPath);
    else if (v.level != QLatin1String("raid0") && v.level != QLatin1String("linear") && n > 1)
        plan.notes << i18nc("%1 an array", "The kernel then synchronises the members in the background (resync); %1 can be used meanwhile.", v.arrayPath);
    if (v.force)
        plan.notes << i18nc("the text in parentheses is a command", "A mirror of one device has no redundancy until a second member is added (plexusctl grow --raid-devices 2 --add DEV).");

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
        plan.notes << i18n("Each whole disk gets one partition of type Linux RAID; the partitions are the members.");

    // Undone only while nothing was put on it: stopped, its members' superblocks erased.
    QList<ResolvedDevice> used;
    for (const auto *list : {&v.members, &v.spares})
        for (const ResolvedDevice &d : *list)
            if (!d.missing)
                used << d;
    plan.steps << createArrayStep(p,
                                  i18nc("a step: %1 a RAID level, %2 an array, %3 its devices, %4 optional endings (', with /dev/sdd1 as spare', "
                                        "', with an internal write-intent bitmap', ', 64 KiB chunks')",
                                        "Create the %1 array %2 from %3%4", levelWords(v.level), v.arrayPath, from, extras),
                                  used);
    // Ready to mount: the filesystem goes on while md still resyncs, as it may.
    if (!v.filesystem.isEmpty())
        plan.steps << makeFilesystemStep(v.arrayPath, v.filesystem, v.label);
    plan.exclusive = held;
    return plan;
}

} // namespace plexus

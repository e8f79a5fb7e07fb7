// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "growarray.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"

#include <KLocalizedString>

#include <QSet>

namespace plexus {

using namespace actions;

Status validate(const Validator &checks, const GrowArrayRequest &r, ValidGrow *out)
{
    *out = {};
    ResolvedArray a;
    if (Status s = checks.resolveRunningArray(r.array, r.common, &a); !s)
        return s;
    const QString level = a.array.level.value_or(QString());
    static const RaidLevel unknown;
    const RaidLevel &rules = raidLevel(level) ? *raidLevel(level) : unknown;
    if (!r.size.isEmpty() && r.size != QLatin1String("max"))
        return invalid(mi18nc("%1 the size asked for; 'size max' is an option and its value",
                             "Unknown size '%1': Plexus grows an array onto its members' whole size (size max) and nothing else.", r.size));
    out->sizeMax = r.size == QLatin1String("max");
    if (r.raidDevices < 0)
        return invalid(mi18nc("%1 the negative number asked for", "%1 devices is not a number of devices.", QString::number(r.raidDevices)));
    const int current = a.array.raidDisks.value_or(int(a.array.members.size()));
    const int wanted = r.raidDevices == 0 ? current : r.raidDevices;
    if (wanted == current && !out->sizeMax && r.add.isEmpty() && r.remove.isEmpty())
        return invalid(mi18ncp("%2 an array; 'size max' is an option and its value",
                              "Nothing to change: %2 already has %1 device. Give another number of devices, or size max.",
                              "Nothing to change: %2 already has %1 devices. Give another number of devices, or size max.", current, a.path));
    if (out->sizeMax && !rules.growSize)
        return invalid(mi18nc("%1 an array, %2 its RAID level; 'size max' is an option and its value",
                             "%1 is %2: its size follows its members and cannot be grown with size max.", a.path, levelWords(level)));
    if (wanted != current || !r.add.isEmpty() || !r.remove.isEmpty()) {
        if (!rules.reshapeDevices)
            return invalid(mi18nc("%1 an array, %2 its RAID level", "Plexus changes the number of devices of RAID-1, RAID-4, RAID-5 and RAID-6 arrays; %1 is %2.",
                                 a.path, levelWords(level)));
        if (wanted < current && !rules.shrinkDevices)
            return invalid(mi18nc("%1 a RAID level; the text in parentheses is a command",
                                 "Plexus does not shrink %1 arrays: that needs the filesystem and the array's size reduced first "
                                 "(mdadm --grow --array-size). Shrink a mirror, or copy the data to a smaller array.", levelWords(level)));
        const int minimum = level == QLatin1String("raid1") && r.forceSingle ? 1 : rules.minDevices;
        if (wanted < minimum) {
            const Message refusal = mi18ncp("%2 a RAID level, %3 the number of devices asked for", "%2 needs at least %1 device; the request asks for %3.",
                                           "%2 needs at least %1 devices; the request asks for %3.", minimum, levelWords(level), QString::number(wanted));
            return invalid(level == QLatin1String("raid1") && wanted == 1
                               ? mi18nc("a refusal (%1), then a hint (%2)", "%1 %2", refusal,
                                       mi18nc("force_single is an option's name", "A mirror of one device is possible with force_single."))
                               : refusal);
        }
        if (wanted > 64)
            return invalid(mi18nc("%1 a number of devices (more than 64)", "%1 devices is more than Plexus manages in one array (64).", QString::number(wanted)));
    }
    if (Status s = checks.checkIdle(a, mi18nc("completes 'Wait until it finishes, then %1.'", "grow it")); !s)
        return s;

    // New devices.
    const Validator::Consent consent{r.overwrite, r.common.allowSystemDisk, a.array.uuid};
    QSet<QString> seen;
    for (const DeviceSpec &spec : r.add) {
        ResolvedDevice dev;
        if (Status s = checks.resolveOnce(spec, &seen, &dev); !s)
            return s;
        if (Status s = checks.checkNotInArray(a, dev); !s)
            return s;
        if (Status s = checks.checkFree(dev, consent); !s)
            return s;
        if (Status s = checks.checkJoining(a, dev, QString(), r.allowSameDisk); !s)
            return s;
        out->add.append(dev);
    }
    QStringList removed;
    for (const DeviceSpec &spec : r.remove) {
        ResolvedDevice dev;
        const Member *member = nullptr;
        if (Status s = checks.resolveMember(a, spec, &dev, &member); !s)
            return s;
        if (seen.contains(dev.name))
            return invalid(mi18nc("%1 a device", "%1 is named twice in the request.", dev.path));
        seen.insert(dev.name);
        if (member->faulty || member->spare)
            out->removeFaulty << dev.name;
        removed << dev.name;
        out->remove.append(dev);
    }

    int working = 0, spares = 0;
    for (const Member &m : a.array.members) {
        if (m.faulty || removed.contains(m.device))
            continue;
        if (m.spare)
            ++spares;
        else
            ++working;
    }
    if (wanted > current) {
        if (!r.remove.isEmpty())
            return invalid(mi18nc("%1 an array, %2 a number of devices", "Growing %1 to %2 devices does not remove members. Leave the removals out.", a.path,
                                 QString::number(wanted)));
        if (int(out->add.size()) + spares < wanted - current)
            return invalid(mi18nc("%1 an array, %2 and %3 numbers of devices, %4 how many more devices it needs ('1 more device'), %5 a number "
                                 "of devices, %6 how many spares it has ('2 spares')",
                                 "Growing %1 from %2 to %3 devices needs %4; the request adds %5 and %1 has %6.", a.path, QString::number(current),
                                 QString::number(wanted),
                                 mi18ncp("completes 'Growing md0 from 2 to 4 devices needs %1'", "%1 more device", "%1 more devices", wanted - current),
                                 QString::number(out->add.size()), mi18ncp("completes 'and md0 has %1'", "%1 spare", "%1 spares", spares)));
    } else if (wanted < current) {
        if (!out->add.isEmpty())
            return invalid(mi18nc("%1 an array", "Shrinking %1 does not add devices. Leave the additions out.", a.path));
        if (working > wanted) {
            return invalid(mi18nc("%1 an array, %2 and %3 numbers of devices, %4 how many working members it leaves ('3 working members'), "
                                 "%5 how many members to remove ('1 member')",
                                 "Shrinking %1 from %2 to %3 devices leaves %4: name %5 to remove (they keep a copy of the data as it is now).",
                                 a.path, QString::number(current), QString::number(wanted),
                                 mi18ncp("completes 'Shrinking md0 from 3 to 2 devices leaves %1'", "%1 working member", "%1 working members", working),
                                 mi18ncp("completes 'name %1 to remove'", "%1 member", "%1 members", working - wanted)));
        }
        QStringList lose;
        for (const QString &d : removed)
            if (!out->removeFaulty.contains(d))
                lose << d;
        if (Status s = checks.checkCanLose(a, lose, i18nc("begins 'Removing /dev/sdb would leave md0 without a complete copy of the data'", "Removing")); !s)
            return s;
    } else if (!out->add.isEmpty() || !out->remove.isEmpty()) {
        return invalid(mi18ncp("%2 an array; add-spare and remove are commands",
                              "%2 already has %1 device: to add a device as a spare use add-spare, to take one out use remove.",
                              "%2 already has %1 devices: to add a device as a spare use add-spare, to take one out use remove.", current, a.path));
    }
    out->array = a;
    out->raidDevices = wanted == current ? 0 : wanted;
    return {};
}

Plan makePlan(const ValidGrow &v)
{
    Plan plan;
    const QString md = v.array.array.name, path = v.array.path;
    const QString level = v.array.array.level.value_or(QString());
    const int current = v.array.array.raidDisks.value_or(int(v.array.array.members.size()));
    // The array as each step leaves it, to describe the next.
    Array live = v.array.array;
    const QString from = QString::number(current);
    if (v.raidDevices > current)
        plan.summary = v.sizeMax ? i18ncp("%2 an array, %3 its number of devices now", "Grow %2 from %3 to %1 device, then onto the whole of its members.",
                                          "Grow %2 from %3 to %1 devices, then onto the whole of its members.", v.raidDevices, md, from)
                                 : i18ncp("%2 an array, %3 its number of devices now", "Grow %2 from %3 to %1 device.", "Grow %2 from %3 to %1 devices.",
                                          v.raidDevices, md, from);
    else if (v.raidDevices > 0 && v.raidDevices < current)
        plan.summary = v.sizeMax ? i18ncp("%2 an array, %3 its number of devices now", "Shrink %2 down from %3 to %1 device, then onto the whole of its members.",
                                          "Shrink %2 down from %3 to %1 devices, then onto the whole of its members.", v.raidDevices, md, from)
                                 : i18ncp("%2 an array, %3 its number of devices now", "Shrink %2 down from %3 to %1 device.",
                                          "Shrink %2 down from %3 to %1 devices.", v.raidDevices, md, from);
    else if (v.sizeMax)
        plan.summary = i18nc("%1 an array", "Grow %1 onto the whole of its members.", md);
    else // validation refuses a request that changes nothing
        plan.summary = i18nc("%1 an array", "Grow %1.", md);

    int number = current;
    for (const ResolvedDevice &d : v.add) {
        plan.steps << addSpareStep(path, md, d, i18nc("appended to the step 'Add /dev/sdd to md0 as a spare'; %1 a number", ", ready to become member number %1",
                                                      QString::number(++number)));
        plan.exclusive << d.path;
    }
    for (const ResolvedDevice &d : v.remove) {
        if (!v.removeFaulty.contains(d.name)) {
            plan.steps << failStep(path, md, d.name, i18nc("appended to the step 'Mark /dev/sdb faulty in md0'", " so that it can be taken out (it keeps its copy of the data)"));
            for (Member &m : live.members)
                if (m.device == d.name)
                    m.faulty = true;
        }
        plan.steps << removeStep(path, md, d.name, d.path);
        live.members.removeIf([&](const Member &m) { return m.device == d.name; });
    }
    if (v.raidDevices > 0) {
        const bool up = v.raidDevices > current;
        QStringList remaining;
        for (const Member &m : live.members)
            if (!m.faulty)
                remaining << m.device;
        const QString devices = QString::number(v.raidDevices);
        const QString description = !up ? i18ncp("a step: %2 an array, %3 a number of devices, %4 a RAID level, %5 its members",
                                                 "Make %2 a %3-device %4 (its remaining member: %5)", "Make %2 a %3-device %4 (its remaining members: %5)",
                                                 int(remaining.size()), md, devices, levelWords(level), listNames(remaining))
            : level == QLatin1String("raid1")
            ? i18ncp("a step: %2 an array, %3 its new number of devices; %1 how many are new",
                     "Make %2 use %3 devices; the kernel then copies the data onto the new member",
                     "Make %2 use %3 devices; the kernel then copies the data onto the new members", v.raidDevices - current, md, devices)
            : i18nc("a step: %1 an array, %2 its new number of devices", "Make %1 use %2 devices; the kernel then restripes the data across them (reshape)",
                    md, devices);
        plan.steps << raidDevicesStep(path, md, v.raidDevices, description);
        if (up)
            plan.notes << (level == QLatin1String("raid1")
                               ? i18ncp("%2 an array", "The copy onto the new member runs in the background (recovery); %2 stays usable.",
                                        "The copy onto the new members runs in the background (recovery); %2 stays usable.", v.raidDevices - current, md)
                               : i18nc("%1 an array",
                                       "The reshape runs in the background and can take hours on big disks; %1 stays usable and the reshape resumes after a reboot.",
                                       md));
        else
            plan.notes << i18ncp("zero-superblock is a command",
                                 "The removed member keeps a copy of the data as of now (a point-in-time copy); erase it with zero-superblock before reuse.",
                                 "The removed members keep a copy of the data as of now (a point-in-time copy); erase them with zero-superblock before reuse.",
                                 int(v.remove.size()));
    }
    if (v.sizeMax) {
        plan.steps << growToMaxStep(path, md, 0);
        plan.notes << i18nc("%1 an array; resize2fs and xfs_growfs are commands", "The filesystem on %1 does not grow by itself: grow it afterwards (resize2fs, xfs_growfs).", md);
    }
    return plan;
}

} // namespace plexus

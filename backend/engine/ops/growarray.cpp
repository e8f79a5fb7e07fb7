// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "growarray.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"

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
        return invalid(QStringLiteral("Unknown size '%1': Plexus grows an array onto its members' whole size (size max) and nothing else.").arg(r.size));
    out->sizeMax = r.size == QLatin1String("max");
    if (r.raidDevices < 0)
        return invalid(QStringLiteral("%1 devices is not a number of devices.").arg(r.raidDevices));
    const int current = a.array.raidDisks.value_or(int(a.array.members.size()));
    const int wanted = r.raidDevices == 0 ? current : r.raidDevices;
    if (wanted == current && !out->sizeMax && r.add.isEmpty() && r.remove.isEmpty())
        return invalid(QStringLiteral("Nothing to change: %1 already has %2 devices. Give another number of devices, or size max.").arg(a.path).arg(current));
    if (out->sizeMax && !rules.growSize)
        return invalid(QStringLiteral("%1 is %2: its size follows its members and cannot be grown with size max.").arg(a.path, levelWords(level)));
    if (wanted != current || !r.add.isEmpty() || !r.remove.isEmpty()) {
        if (!rules.reshapeDevices)
            return invalid(QStringLiteral("Plexus changes the number of devices of RAID-1, RAID-4, RAID-5 and RAID-6 arrays; %1 is %2.").arg(a.path, levelWords(level)));
        if (wanted < current && !rules.shrinkDevices)
            return invalid(QStringLiteral("Plexus does not shrink %1 arrays: that needs the filesystem and the array's size reduced first "
                                          "(mdadm --grow --array-size). Shrink a mirror, or copy the data to a smaller array.").arg(levelWords(level)));
        const int minimum = level == QLatin1String("raid1") && r.forceSingle ? 1 : rules.minDevices;
        if (wanted < minimum)
            return invalid(QStringLiteral("%1 needs at least %2 devices; the request asks for %3.%4")
                               .arg(levelWords(level)).arg(minimum).arg(wanted)
                               .arg(level == QLatin1String("raid1") && wanted == 1 ? QStringLiteral(" A mirror of one device is possible with force_single.") : QString()));
        if (wanted > 64)
            return invalid(QStringLiteral("%1 devices is more than Plexus manages in one array (64).").arg(wanted));
    }
    if (Status s = checks.checkIdle(a, QStringLiteral("grow it")); !s)
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
            return invalid(QStringLiteral("%1 is named twice in the request.").arg(dev.path));
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
            return invalid(QStringLiteral("Growing %1 to %2 devices does not remove members. Leave the removals out.").arg(a.path).arg(wanted));
        if (int(out->add.size()) + spares < wanted - current)
            return invalid(QStringLiteral("Growing %1 from %2 to %3 devices needs %4 more device(s); the request adds %5 and %1 has %6 spare(s).")
                               .arg(a.path).arg(current).arg(wanted).arg(wanted - current).arg(out->add.size()).arg(spares));
    } else if (wanted < current) {
        if (!out->add.isEmpty())
            return invalid(QStringLiteral("Shrinking %1 does not add devices. Leave the additions out.").arg(a.path));
        if (working > wanted) {
            return invalid(QStringLiteral("Shrinking %1 from %2 to %3 devices leaves %4 working member(s): name %5 member(s) to remove "
                                          "(they keep a copy of the data as it is now).").arg(a.path).arg(current).arg(wanted).arg(working).arg(working - wanted));
        }
        QStringList lose;
        for (const QString &d : removed)
            if (!out->removeFaulty.contains(d))
                lose << d;
        if (Status s = checks.checkCanLose(a, lose, QStringLiteral("Removing")); !s)
            return s;
    } else if (!out->add.isEmpty() || !out->remove.isEmpty()) {
        return invalid(QStringLiteral("%1 already has %2 devices: to add a device as a spare use add-spare, to take one out use remove.").arg(a.path).arg(current));
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
    QStringList parts;
    if (v.raidDevices > current)
        parts << QStringLiteral("from %1 to %2 devices").arg(current).arg(v.raidDevices);
    else if (v.raidDevices > 0 && v.raidDevices < current)
        parts << QStringLiteral("down from %1 to %2 devices").arg(current).arg(v.raidDevices);
    if (v.sizeMax)
        parts << QStringLiteral("onto the whole of its members");
    plan.summary = QStringLiteral("Grow %1 %2.").arg(md, parts.join(QStringLiteral(", then ")));
    if (v.raidDevices < current && v.raidDevices > 0)
        plan.summary = QStringLiteral("Shrink %1 %2.").arg(md, parts.join(QStringLiteral(", then ")));

    int number = current;
    for (const ResolvedDevice &d : v.add) {
        plan.steps << addSpareStep(path, md, d, QStringLiteral(", ready to become member number %1").arg(++number));
        plan.exclusive << d.path;
    }
    for (const ResolvedDevice &d : v.remove) {
        if (!v.removeFaulty.contains(d.name)) {
            plan.steps << failStep(path, md, d.name, QStringLiteral(" so that it can be taken out (it keeps its copy of the data)"));
            for (Member &m : live.members)
                if (m.device == d.name)
                    m.faulty = true;
        }
        plan.steps << removeStep(path, md, d.name, d.path);
        live.members.removeIf([&](const Member &m) { return m.device == d.name; });
    }
    if (v.raidDevices > 0) {
        const bool up = v.raidDevices > current;
        const QString description = up ? QStringLiteral("Make %1 use %2 devices; the kernel then %3").arg(md).arg(v.raidDevices)
                                 .arg(level == QLatin1String("raid1") ? QStringLiteral("copies the data onto the new member(s)")
                                                                      : QStringLiteral("restripes the data across them (reshape)"))
                           : QStringLiteral("Make %1 a %2-device %3 (its remaining member(s): %4)").arg(md).arg(v.raidDevices).arg(levelWords(level),
                                 [&] {
                                     QStringList names;
                                     for (const Member &m : live.members)
                                         if (!m.faulty)
                                             names << m.device;
                                     return listNames(names);
                                 }());
        plan.steps << raidDevicesStep(path, md, v.raidDevices, description);
        if (up)
            plan.notes << (level == QLatin1String("raid1")
                               ? QStringLiteral("The copy onto the new member(s) runs in the background (recovery); %1 stays usable.").arg(md)
                               : QStringLiteral("The reshape runs in the background and can take hours on big disks; %1 stays usable and the reshape resumes after a reboot.").arg(md));
        else
            plan.notes << QStringLiteral("The removed member(s) keep a copy of the data as of now (a point-in-time copy); erase them with zero-superblock before reuse.");
    }
    if (v.sizeMax) {
        plan.steps << growToMaxStep(path, md, 0);
        plan.notes << QStringLiteral("The filesystem on %1 does not grow by itself: grow it afterwards (resize2fs, xfs_growfs).").arg(md);
    }
    return plan;
}

} // namespace plexus

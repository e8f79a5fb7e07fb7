// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "adddevice.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"
#include "engine/steps/partitionsteps.h"

#include <KLocalizedString>

namespace plexus {

using namespace actions;

QString AddDeviceRequest::title() const
{
    return spare ? i18nc("an operation's title: %1 a device, %2 an array", "Add %1 to %2 as a spare", deviceName(device.path), deviceName(array))
                 : i18nc("an operation's title: %1 a device, %2 an array", "Add %1 to %2", deviceName(device.path), deviceName(array));
}

Status validate(const Validator &checks, const AddDeviceRequest &r, ValidAdd *out)
{
    *out = {};
    ResolvedArray a;
    if (Status s = checks.resolveRunningArray(r.array, r.common, &a, r.spare ? i18nc("ends '/dev/md0 is RAID-0, which keeps no redundant copy of the data, so %1.'", "a spare would never be used")
                                                                           : i18nc("ends '/dev/md0 is RAID-0, which keeps no redundant copy of the data, so %1.'", "it has no missing member to fill")); !s)
        return s;
    ResolvedDevice dev;
    if (Status s = checks.resolve(r.device, &dev); !s)
        return s;
    if (Status s = checks.checkNotInArray(a, dev); !s)
        return s;
    if (Status s = checks.checkFree(dev, {r.overwrite, r.common.allowSystemDisk, a.array.uuid}); !s)
        return s;
    if (!r.spare && a.array.missingCount() == 0) {
        const int n = a.array.raidDisks.value_or(int(a.array.members.size()));
        return invalid(mi18ncp("%2 an array, %3 a device, %4 a number of devices",
                              "%2 has no missing member (%1 of %1 slot is filled). Add %3 as a spare, or grow %2 to %4 devices "
                              "to keep another copy on it.",
                              "%2 has no missing member (%1 of %1 slots are filled). Add %3 as a spare, or grow %2 to %4 devices "
                              "to keep another copy on it.",
                              n, a.path, dev.path, QString::number(n + 1)));
    }
    if (r.partitionLike) {
        const Member *m = checks.snapshot().partitionMemberToCopy(a.array);
        if (!m)
            return invalid(mi18nc("%1 an array, %2 a device", "%1's working members are whole disks, not partitions: there is no partition table to copy. "
                                 "Add %2 without partitioning it.", a.path, dev.path));
        const ResolvedDevice like{QStringLiteral("/dev/") + m->device, m->device, checks.snapshot().diskOf(m->device)->name, 0, false, false};
        ValidCopyTable table;
        if (Status s = checks.partitionLike(like, r.device, &dev, r.overwrite, r.common, &table); !s)
            return s;
        out->partitionLike = table;
    }
    if (Status s = checks.checkJoining(a, dev, QString(), r.allowSameDisk); !s)
        return s;
    out->array = a;
    out->device = dev;
    out->spare = r.spare;
    return {};
}

Plan makePlan(const ValidAdd &v)
{
    Plan plan;
    const QString md = v.array.array.name, path = v.array.path;
    const bool degraded = v.array.array.missingCount() > 0;
    if (v.partitionLike) {
        plan.steps << copyTableSteps(*v.partitionLike);
        plan.notes << i18nc("%1 a blank disk, %2 the disk whose partitions it gets, %3 the new partition, %4 an array",
                            "%1 first gets %2's partitions (same starts, sizes and types; new identifiers); %3 is the one that joins %4.",
                            v.partitionLike->target.path, v.partitionLike->source.path, v.device.path, md);
    }
    plan.operation = v.spare ? QLatin1String(AddSpareRequest::info.method) : QLatin1String(AddMemberRequest::info.method);
    if (v.spare) {
        plan.summary = i18nc("%1 a device, %2 an array", "Add %1 to %2 as a spare.", v.device.path, md);
        if (degraded)
            plan.notes << i18nc("%1 an array", "%1 is degraded: the kernel starts rebuilding onto the spare at once.", md);
        else
            plan.notes << i18nc("%1 an array", "The spare waits unused; it takes over as soon as a member of %1 fails.", md);
        plan.steps << addSpareStep(path, md, v.device, QString());
    } else {
        plan.summary = i18nc("%1 a device, %2 an array", "Add %1 to %2 in its missing slot.", v.device.path, md);
        plan.notes << i18nc("%1 a device, %2 an array", "The kernel rebuilds the data onto %1 in the background (recovery); %2 is redundant again when it finishes.",
                            v.device.path, md);
        Step s;
        s.description = i18nc("a step: %1 a device, %2 an array", "Add %1 to %2 in its missing slot; the kernel then rebuilds the data onto it", v.device.path, md);
        s.command = mdAddArgv(path, v.device.path);
        s.precondition = arrayIsRunning(md, path);
        const QString dev = v.device.path;
        s.action = [path, dev](StepContext &ctx) { return mdAdd(ctx, path, dev); };
        s.check = memberAdded(md, v.device.name);
        plan.steps << s;
    }
    // A partition still to be made: hold its disk instead.
    plan.exclusive = {v.partitionLike ? v.partitionLike->target.path : v.device.path};
    return plan;
}

} // namespace plexus

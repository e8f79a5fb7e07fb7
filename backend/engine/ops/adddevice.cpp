// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "adddevice.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"
#include "engine/steps/partitionsteps.h"

namespace plexus {

using namespace actions;

QString AddDeviceRequest::title() const
{
    return spare ? QStringLiteral("Add %1 to %2 as a spare").arg(deviceName(device.path), deviceName(array))
                 : QStringLiteral("Add %1 to %2").arg(deviceName(device.path), deviceName(array));
}

Status validate(const Validator &checks, const AddDeviceRequest &r, ValidAdd *out)
{
    *out = {};
    ResolvedArray a;
    if (Status s = checks.resolveRunningArray(r.array, r.common, &a, r.spare ? QStringLiteral("a spare would never be used") : QStringLiteral("it has no missing member to fill")); !s)
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
        return invalid(QStringLiteral("%1 has no missing member (%2 of %2 slots are filled). Add %3 as a spare, or grow %1 to %4 devices "
                                      "to keep another copy on it.").arg(a.path).arg(n).arg(dev.path).arg(n + 1));
    }
    if (r.partitionLike) {
        const Member *m = checks.snapshot().partitionMemberToCopy(a.array);
        if (!m)
            return invalid(QStringLiteral("%1's working members are whole disks, not partitions: there is no partition table to copy. "
                                          "Add %2 without partitioning it.").arg(a.path, dev.path));
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
        plan.notes << QStringLiteral("%1 first gets %2's partitions (same starts, sizes and types; new identifiers); %3 is the one that joins %4.")
                          .arg(v.partitionLike->target.path, v.partitionLike->source.path, v.device.path, md);
    }
    plan.operation = v.spare ? QLatin1String(AddSpareRequest::info.method) : QLatin1String(AddMemberRequest::info.method);
    if (v.spare) {
        plan.summary = QStringLiteral("Add %1 to %2 as a spare.").arg(v.device.path, md);
        if (degraded)
            plan.notes << QStringLiteral("%1 is degraded: the kernel starts rebuilding onto the spare at once.").arg(md);
        else
            plan.notes << QStringLiteral("The spare waits unused; it takes over as soon as a member of %1 fails.").arg(md);
        plan.steps << addSpareStep(path, md, v.device, QString());
    } else {
        plan.summary = QStringLiteral("Add %1 to %2 in its missing slot.").arg(v.device.path, md);
        plan.notes << QStringLiteral("The kernel rebuilds the data onto %1 in the background (recovery); %2 is redundant again when it finishes.").arg(v.device.path, md);
        Step s;
        s.description = QStringLiteral("Add %1 to %2 in its missing slot; the kernel then rebuilds the data onto it").arg(v.device.path, md);
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

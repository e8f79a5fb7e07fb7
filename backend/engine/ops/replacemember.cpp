// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "replacemember.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"
#include "engine/steps/partitionsteps.h"

namespace plexus {

using namespace actions;

Status validate(const Validator &checks, const ReplaceMemberRequest &r, ValidReplace *out)
{
    *out = {};
    ResolvedArray a;
    ResolvedDevice oldDev;
    const Member *member = nullptr;
    if (Status s = checks.resolveRunningMember(r.array, r.oldMember, r.common, QStringLiteral("a member cannot be replaced while it runs"), &a,
                                               &oldDev, &member); !s)
        return s;
    if (member->spare && !member->faulty)
        return invalid(QStringLiteral("%1 is a spare of %2, not a member holding data. Remove it and add the new device as a spare instead.").arg(oldDev.path, a.path));
    ResolvedDevice newDev;
    if (Status s = checks.resolve(r.newDevice, &newDev); !s)
        return s;
    if (newDev.name == oldDev.name)
        return invalid(QStringLiteral("%1 cannot replace itself. Choose another device to copy it to.").arg(newDev.path));
    if (Status s = checks.checkNotInArray(a, newDev); !s)
        return s;
    if (Status s = checks.checkFree(newDev, {r.overwrite, r.common.allowSystemDisk, a.array.uuid}); !s)
        return s;
    if (r.partitionLike) {
        // The new member is exactly as large and placed as the old.
        if (oldDev.wholeDisk)
            return invalid(QStringLiteral("%1 is a whole disk, not a partition: there is no partition to match. Replace it without "
                                          "partitioning the new disk.").arg(oldDev.path));
        ValidCopyTable table;
        if (Status s = checks.partitionLike(oldDev, r.newDevice, &newDev, r.overwrite, r.common, &table); !s)
            return s;
        out->partitionLike = table;
    }
    if (Status s = checks.checkJoining(a, newDev, oldDev.name, r.allowSameDisk); !s)
        return s;
    if (r.zeroSuperblock && !checks.system().exists(oldDev.path))
        return notFound(QStringLiteral("%1 is gone, so there is no superblock on it to erase. Replace it without erasing the old member.").arg(oldDev.path));
    out->zeroSuperblock = r.zeroSuperblock;
    out->hot = !member->faulty;
    if (out->hot && r.zeroSuperblock && !r.wait)
        return invalid(QStringLiteral("%1 leaves %2 only when the copy is done: erasing its superblock needs the replacement to wait for the copy.")
                           .arg(oldDev.path, a.path));
    if (out->hot) {
        if (a.array.missingCount() > 0)
            return invalid(QStringLiteral("%1 is degraded (%2 member(s) missing): a new device would fill the missing slot, not replace %3. "
                                          "Add %4 as a member first (add); replace %3 once %1 is complete.")
                               .arg(a.path).arg(a.array.missingCount()).arg(oldDev.path, newDev.path));
        if (Status s = checks.checkIdle(a, QStringLiteral("replace the member")); !s)
            return s;
    }
    out->array = a;
    out->oldMember = oldDev;
    out->newDevice = newDev;
    out->wait = r.wait;
    return {};
}

Plan makePlan(const ValidReplace &v)
{
    Plan plan;
    const QString md = v.array.array.name, path = v.array.path;
    const QString oldName = v.oldMember.name;
    plan.exclusive = {v.newDevice.path};
    QString partitioned;
    if (v.partitionLike) {
        // The new partition does not exist yet: hold its disk instead.
        plan.exclusive = {v.partitionLike->target.path};
        plan.steps << copyTableSteps(*v.partitionLike);
        partitioned = QStringLiteral(" (%1 gets %2's partitions first)").arg(v.partitionLike->target.path, v.partitionLike->source.path);
        plan.notes << QStringLiteral("%1 is made exactly like %2: same partitions, same starts and sizes, new identifiers.")
                          .arg(v.newDevice.path, v.oldMember.path);
    }
    // Last, once the new member is in: a failure here leaves the array whole.
    const auto zeroOld = [&] {
        if (v.zeroSuperblock)
            plan.steps << zeroStep(v.oldMember, QStringLiteral(", so it is never assembled into %1 again by mistake").arg(md));
        else
            plan.notes << QStringLiteral("%1 keeps its md superblock: erase it (plexusctl zero-superblock) before using it elsewhere.").arg(v.oldMember.path);
    };
    if (!v.hot) {
        plan.summary = QStringLiteral("Replace the faulty member %1 of %2 with %3%4.").arg(v.oldMember.path, md, v.newDevice.path, partitioned);
        plan.notes << QStringLiteral("The kernel rebuilds the data onto %1 in the background (recovery).").arg(v.newDevice.path);
        plan.steps << removeStep(path, md, oldName, QStringLiteral("the faulty member %1").arg(v.oldMember.path));
        plan.steps << addIntoSlotStep(path, md, v.newDevice);
        zeroOld();
        return plan;
    }
    plan.summary = QStringLiteral("Replace %1 in %2 with %3%4, copying it while it stays in service (%2 never loses redundancy).")
                       .arg(v.oldMember.path, md, v.newDevice.path, partitioned);
    plan.steps << addSpareStep(path, md, v.newDevice, QStringLiteral(", to receive the copy"));
    plan.steps << hotReplaceSteps(path, md, v.oldMember, v.newDevice, v.wait);
    if (!v.wait) {
        plan.notes << QStringLiteral("When the copy is done, the kernel marks %1 faulty: remove it then (plexusctl remove %2 %1).").arg(v.oldMember.path, path);
        return plan;
    }
    plan.steps << removeStep(path, md, oldName, QStringLiteral("the replaced member %1").arg(v.oldMember.path));
    zeroOld();
    return plan;
}

} // namespace plexus

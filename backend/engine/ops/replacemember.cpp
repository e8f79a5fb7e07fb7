// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "replacemember.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"
#include "engine/steps/partitionsteps.h"

#include <KLocalizedString>

namespace plexus {

using namespace actions;

Status validate(const Validator &checks, const ReplaceMemberRequest &r, ValidReplace *out)
{
    *out = {};
    ResolvedArray a;
    ResolvedDevice oldDev;
    const Member *member = nullptr;
    if (Status s = checks.resolveRunningMember(r.array, r.oldMember, r.common, i18nc("ends '/dev/md0 is RAID-0, which keeps no redundant copy of the data, so %1.'", "a member cannot be replaced while it runs"), &a,
                                               &oldDev, &member); !s)
        return s;
    if (member->spare && !member->faulty)
        return invalid(mi18nc("%1 a device, %2 an array", "%1 is a spare of %2, not a member holding data. Remove it and add the new device as a spare instead.",
                             oldDev.path, a.path));
    ResolvedDevice newDev;
    if (Status s = checks.resolve(r.newDevice, &newDev); !s)
        return s;
    if (newDev.name == oldDev.name)
        return invalid(mi18nc("%1 a device", "%1 cannot replace itself. Choose another device to copy it to.", newDev.path));
    if (Status s = checks.checkNotInArray(a, newDev); !s)
        return s;
    if (Status s = checks.checkFree(newDev, {r.overwrite, r.common.allowSystemDisk, a.array.uuid}); !s)
        return s;
    if (r.partitionLike) {
        // The new member is exactly as large and placed as the old.
        if (oldDev.wholeDisk)
            return invalid(mi18nc("%1 a disk", "%1 is a whole disk, not a partition: there is no partition to match. Replace it without "
                                               "partitioning the new disk.", oldDev.path));
        ValidCopyTable table;
        if (Status s = checks.partitionLike(oldDev, r.newDevice, &newDev, r.overwrite, r.common, &table); !s)
            return s;
        out->partitionLike = table;
    }
    if (Status s = checks.checkJoining(a, newDev, oldDev.name, r.allowSameDisk); !s)
        return s;
    if (r.zeroSuperblock && !checks.system().exists(oldDev.path))
        return notFound(mi18nc("%1 a device", "%1 is gone, so there is no superblock on it to erase. Replace it without erasing the old member.", oldDev.path));
    out->zeroSuperblock = r.zeroSuperblock;
    out->hot = !member->faulty;
    if (out->hot && r.zeroSuperblock && !r.wait)
        return invalid(mi18nc("%1 a member, %2 an array", "%1 leaves %2 only when the copy is done: erasing its superblock needs the replacement to wait for the copy.",
                             oldDev.path, a.path));
    if (out->hot) {
        if (a.array.missingCount() > 0)
            return invalid(mi18ncp("%2 an array, %3 the member to replace, %4 the new device; add is a command",
                                  "%2 is degraded (%1 member missing): a new device would fill the missing slot, not replace %3. "
                                  "Add %4 as a member first (add); replace %3 once %2 is complete.",
                                  "%2 is degraded (%1 members missing): a new device would fill the missing slot, not replace %3. "
                                  "Add %4 as a member first (add); replace %3 once %2 is complete.",
                                  int(a.array.missingCount()), a.path, oldDev.path, newDev.path));
        if (Status s = checks.checkIdle(a, mi18nc("completes 'Wait until it finishes, then %1.'", "replace the member")); !s)
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
    if (v.partitionLike) {
        // The new partition does not exist yet: hold its disk instead.
        plan.exclusive = {v.partitionLike->target.path};
        plan.steps << copyTableSteps(*v.partitionLike);
        plan.notes << i18nc("%1 the new partition, %2 the member it replaces", "%1 is made exactly like %2: same partitions, same starts and sizes, new identifiers.",
                            v.newDevice.path, v.oldMember.path);
    }
    // Last, once the new member is in: a failure here leaves the array whole.
    const auto zeroOld = [&] {
        if (v.zeroSuperblock)
            plan.steps << zeroStep(v.oldMember, i18nc("appended to the step 'Erase the md superblock on /dev/sdc2'; %1 an array",
                                                      ", so it is never assembled into %1 again by mistake", md));
        else
            plan.notes << i18nc("%1 a device; plexusctl zero-superblock is a command",
                                "%1 keeps its md superblock: erase it (plexusctl zero-superblock) before using it elsewhere.", v.oldMember.path);
    };
    if (!v.hot) {
        plan.summary = v.partitionLike
            ? i18nc("%1 a member, %2 an array, %3 the new device, %4 a blank disk, %5 the disk whose partitions it gets",
                    "Replace the faulty member %1 of %2 with %3 (%4 gets %5's partitions first).", v.oldMember.path, md, v.newDevice.path,
                    v.partitionLike->target.path, v.partitionLike->source.path)
            : i18nc("%1 a member, %2 an array, %3 the new device", "Replace the faulty member %1 of %2 with %3.", v.oldMember.path, md, v.newDevice.path);
        plan.notes << i18nc("%1 a device", "The kernel rebuilds the data onto %1 in the background (recovery).", v.newDevice.path);
        plan.steps << removeStep(path, md, oldName, i18nc("completes the step 'Remove %1 from md0'; %1 a device", "the faulty member %1", v.oldMember.path));
        plan.steps << addIntoSlotStep(path, md, v.newDevice);
        zeroOld();
        return plan;
    }
    plan.summary = v.partitionLike
        ? i18nc("%1 a member, %2 an array, %3 the new device, %4 a blank disk, %5 the disk whose partitions it gets",
                "Replace %1 in %2 with %3 (%4 gets %5's partitions first), copying it while it stays in service (%2 never loses redundancy).",
                v.oldMember.path, md, v.newDevice.path, v.partitionLike->target.path, v.partitionLike->source.path)
        : i18nc("%1 a member, %2 an array, %3 the new device",
                "Replace %1 in %2 with %3, copying it while it stays in service (%2 never loses redundancy).", v.oldMember.path, md, v.newDevice.path);
    plan.steps << addSpareStep(path, md, v.newDevice, i18nc("appended to the step 'Add /dev/sdd to md0 as a spare'", ", to receive the copy"));
    plan.steps << hotReplaceSteps(path, md, v.oldMember, v.newDevice, v.wait);
    if (!v.wait) {
        plan.notes << i18nc("%1 a member, %2 an array; the text in parentheses is a command",
                            "When the copy is done, the kernel marks %1 faulty: remove it then (plexusctl remove %2 %1).", v.oldMember.path, path);
        return plan;
    }
    plan.steps << removeStep(path, md, oldName, i18nc("completes the step 'Remove %1 from md0'; %1 a device", "the replaced member %1", v.oldMember.path));
    zeroOld();
    return plan;
}

} // namespace plexus

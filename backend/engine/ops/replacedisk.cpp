// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "replacedisk.h"

#include "engine/checks/refusal.h"
#include "engine/steps/mdsteps.h"
#include "engine/steps/partitionsteps.h"

#include <KLocalizedString>

namespace plexus {

QString ReplaceDiskRequest::title() const
{
    return i18nc("@title %1 the old disk, %2 the new disk", "Replace %1 with %2", deviceName(oldDisk.path), deviceName(newDisk.path));
}

namespace {

// Checks that the array `slot` is in keeps a complete copy of its data throughout.
Status checkKeepsCopy(const Validator &checks, const DiskSlot &slot, const QString &disk)
{
    const ResolvedArray &a = slot.array;
    if (Status s = checks.requireRedundant(a, i18nc("@info inserted into '/dev/md0 is RAID-0, which keeps no redundant copy of the data, so %1.'; "
                                                    "%1 a disk",
                                                    "its member on %1 cannot be rebuilt elsewhere. Copy its data off first", disk));
        !s)
        return s;
    // Appended to "Wait until it finishes, then %1." when the array is busy.
    const Message idleThen = mi18nc("@info inserted into 'Wait until it finishes, then %1.'", "replace the disk");
    if (slot.kind != DiskSlot::Working) {
        if (a.array.dataLost())
            return invalid(mi18nc("@info %1 an array",
                                 "%1 has lost its data: too many of its members are missing, so there is no copy "
                                 "to rebuild a new member from.",
                                 a.path));
        // A rebuild already running (onto a spare, or a member just added) fills the slot itself.
        return checks.checkIdle(a, idleThen);
    }
    if (!checks.checkCanLose(a, {slot.member.name}, i18nc("@info inserted into '%1 /dev/sdb1 would leave /dev/md0 without a complete copy of the data'",
                                                          "Replacing")))
        return invalid(mi18nc("@info %1 an array, %2 its member, %3 the disk the member is on",
                             "%1 is degraded and %2 on %3 holds part of its last complete copy: replacing %3 now could lose %1's "
                             "data. Rebuild %1 first (add a member into its empty slot), then replace %3.",
                             a.path, slot.member.path, disk));
    if (a.array.missingCount() > 0)
        return invalid(mi18ncp("@info %1 how many members are missing, %2 an array, %3 its member",
                              "%2 is degraded (%1 member missing): a new partition would fill the missing slot, not replace %3. "
                              "Rebuild %2 first (add a member), then replace the disk.",
                              "%2 is degraded (%1 members missing): a new partition would fill the missing slot, not replace %3. "
                              "Rebuild %2 first (add a member), then replace the disk.",
                              a.array.missingCount(), a.path, slot.member.path));
    return checks.checkIdle(a, idleThen);
}

// The device on the old disk whose place in the new disk's layout the slot's
// new member takes: the old member itself while the old disk is there; else
// the array's surviving member on the disk the new one copies (none: whole disks).
std::optional<ResolvedDevice> layoutModel(const Validator &checks, const DiskSlots &old, const DiskSlot &slot)
{
    if (slot.kind != DiskSlot::Empty && slot.member.wholeDisk)
        return std::nullopt;
    if (old.present)
        return slot.member;
    const Member *m = checks.snapshot().partitionMemberToCopy(slot.array.array);
    if (!m)
        return std::nullopt;
    ResolvedDevice like;
    like.name = m->device;
    like.path = QStringLiteral("/dev/") + m->device;
    like.diskName = checks.snapshot().diskOf(m->device)->name;
    return like;
}

} // namespace

Status validate(const Validator &checks, const ReplaceDiskRequest &r, ValidReplaceDisk *out)
{
    *out = {};
    DiskSlots old;
    if (Status s = checks.resolveDiskSlots(r.oldDisk, &old); !s)
        return s;
    const QString oldPath = old.disk.path;
    if (old.slots.isEmpty())
        return r.oldDisk.isMissing() ? invalid(mi18n("No running array lacks a member: there is no empty slot for a new disk to fill."))
                                     : invalid(mi18nc("@info %1 a disk", "%1 is in no array: there is nothing to replace.", oldPath));
    ResolvedDevice newDisk;
    if (Status s = checks.resolve(r.newDisk, &newDisk); !s)
        return s;
    if (!newDisk.wholeDisk)
        return invalid(mi18nc("@info %1 a partition, %2 its disk's kernel name", "%1 is a partition: give the whole new disk (for example /dev/%2).",
                             newDisk.path, newDisk.diskName));
    if (old.present && newDisk.name == old.disk.name)
        return invalid(mi18nc("@info %1 a disk", "%1 cannot replace itself. Choose another disk.", newDisk.path));
    if (r.zeroSuperblock && !old.present)
        return notFound(mi18nc("@info %1 a disk; zero_superblock is an option's name, do not translate it",
                              "%1 is gone, so there are no superblocks on it to erase. Replace it without zero_superblock.", oldPath));

    // Filled in only once everything is checked: a refusal leaves nothing behind.
    QList<ResolvedDevice> newMembers;
    std::optional<ValidCopyTable> copyTable;
    QString layoutDisk; // the disk whose partitions the new one gets
    for (const DiskSlot &slot : old.slots) {
        if (Status s = checkKeepsCopy(checks, slot, oldPath); !s)
            return s;
        ResolvedDevice member = newDisk;
        const std::optional<ResolvedDevice> like = layoutModel(checks, old, slot);
        if (!like) {
            // A whole-disk member: the whole new disk takes its place.
            if (old.slots.size() > 1)
                return invalid(mi18ncp("@info %1 how many arrays, %2 a disk, %3 an array; 'replace' is a command's name, do not translate it",
                                      "%2 is a whole-disk member of %3, but the old disk is in %1 array: one disk cannot take "
                                      "the place of all of them. Replace the members one at a time (replace).",
                                      "%2 is a whole-disk member of %3, but the old disk is in %1 arrays: one disk cannot take "
                                      "the place of all of them. Replace the members one at a time (replace).",
                                      int(old.slots.size()), slot.member.path.isEmpty() ? oldPath : slot.member.path, slot.array.path));
            if (Status s = checks.checkFree(newDisk, {r.overwrite, r.common.allowSystemDisk, slot.array.array.uuid}); !s)
                return s;
        } else {
            if (!layoutDisk.isEmpty() && like->diskName != layoutDisk)
                return invalid(mi18nc("@info %1 an array, %2 and %3 disks' kernel names; 'replace' is a command's name, do not translate it",
                                     "The degraded arrays keep their other copies on different disks (%1 on /dev/%2, others on /dev/%3): "
                                     "a new disk can copy only one disk's partitions. Replace the members one at a time (replace).",
                                     slot.array.path, like->diskName, layoutDisk));
            layoutDisk = like->diskName;
            ValidCopyTable table;
            if (Status s = checks.partitionLike(*like, r.newDisk, &member, r.overwrite, r.common, &table); !s)
                return s;
            copyTable = table;
        }
        if (Status s = checks.checkJoining(slot.array, member, slot.member.name, false); !s)
            return s;
        newMembers << member;
    }
    out->old = old;
    out->newMembers = newMembers;
    out->table = copyTable;
    out->newDisk = newDisk;
    out->zeroSuperblock = r.zeroSuperblock;
    return {};
}

Plan makePlan(const ValidReplaceDisk &v)
{
    Plan plan;
    const QString oldPath = v.old.disk.path, newPath = v.newDisk.path;
    QStringList arrays;
    for (const DiskSlot &slot : v.old.slots)
        arrays << slot.array.array.name;
    plan.summary = oldPath == QLatin1String("missing")
        ? i18nc("@info %1 the new disk, %2 arrays",
                "Put %1 in place of the missing disk in %2: each member on the missing disk is replaced by its counterpart on %1, one array after "
                "the other.",
                newPath, listNames(arrays))
        : i18nc("@info %1 the new disk, %2 the old disk, %3 arrays",
                "Put %1 in place of %2 in %3: each member on %2 is replaced by its counterpart on %1, one array after the other.", newPath,
                oldPath, listNames(arrays));
    // The new partitions do not exist yet: hold the new disk.
    plan.exclusive = {newPath};
    if (v.table) {
        plan.steps << copyTableSteps(*v.table);
        plan.notes << i18nc("@info %1 and %2 disks", "%1 gets %2's partitions: same starts, sizes and types, new identifiers.", newPath,
                            v.table->source.path);
    }
    for (int i = 0; i < v.old.slots.size(); ++i) {
        const DiskSlot &slot = v.old.slots[i];
        const ResolvedDevice &next = v.newMembers[i];
        const QString md = slot.array.array.name, path = slot.array.path;
        switch (slot.kind) {
        case DiskSlot::Working:
            // Copied while it stays in service: the array never loses redundancy.
            plan.steps << addSpareStep(path, md, next,
                                       i18nc("@info appended to 'Add /dev/sdc1 to md0 as a spare'; %1 a member", ", to receive the copy of %1",
                                             slot.member.path));
            plan.steps << hotReplaceSteps(path, md, slot.member, next, true);
            plan.steps << removeStep(path, md, slot.member.name,
                                     i18nc("@info inserted into 'Remove %1 from md0'; %1 a member", "the replaced member %1", slot.member.path));
            break;
        case DiskSlot::Spare:
            plan.steps << removeStep(path, md, slot.member.name, i18nc("@info inserted into 'Remove %1 from md0'; %1 a member", "the spare %1", slot.member.path));
            plan.steps << addSpareStep(path, md, next,
                                       i18nc("@info appended to 'Add /dev/sdc1 to md0 as a spare'; %1 a member", " in place of %1", slot.member.path));
            break;
        case DiskSlot::Faulty:
        case DiskSlot::Vanished:
        case DiskSlot::Empty:
            // Nothing left to copy from the old member: rebuild from the other copies.
            if (slot.kind == DiskSlot::Faulty)
                plan.steps << removeStep(path, md, slot.member.name,
                                         i18nc("@info inserted into 'Remove %1 from md0'; %1 a member", "the faulty member %1", slot.member.path));
            else if (slot.kind == DiskSlot::Vanished)
                plan.steps << removeVanishedStep(md, slot.member.name);
            if (slot.array.array.missingCount() == 0) {
                // A spare has taken the failed member's place already: the new one is the next spare.
                plan.steps << addSpareStep(path, md, next,
                                           i18nc("@info appended to 'Add /dev/sdc1 to md0 as a spare'; %1 a member",
                                                 " in place of %1 (a spare already took over its slot)", slot.member.path));
                break;
            }
            plan.steps << addIntoSlotStep(path, md, next);
            plan.steps << waitRebuildStep(path, md, next);
            break;
        }
    }
    if (!v.old.present)
        return plan;
    if (!v.zeroSuperblock) {
        plan.notes << i18nc("@info %1 a disk; 'plexusctl zero-superblock' is a command, do not translate it",
                            "%1's partitions keep their md superblocks: erase them (plexusctl zero-superblock) before using the disk elsewhere.",
                            oldPath);
        return plan;
    }
    // Last, once every array is whole on the new disk.
    for (const DiskSlot &slot : v.old.slots)
        plan.steps << zeroStep(slot.member, i18nc("@info appended to 'Erase the md superblock on /dev/sdc2'; %1 an array",
                                                  ", so it is never assembled into %1 again by mistake", slot.array.array.name));
    return plan;
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "takediskout.h"

#include "engine/checks/refusal.h"
#include "engine/steps/mdsteps.h"

#include <KLocalizedString>

namespace plexus {

Status validate(const Validator &checks, const TakeDiskOutRequest &r, ValidTakeDiskOut *out)
{
    *out = {};
    if (r.disk.isMissing())
        return invalid(mi18nc("'missing' is the word that leaves a slot empty", "Name the disk to take out (for example /dev/sdb): 'missing' is no disk."));
    DiskSlots d;
    if (Status s = checks.resolveDiskSlots(r.disk, &d); !s)
        return s;
    if (d.slots.isEmpty())
        return invalid(mi18nc("%1 a disk", "%1 is in no array: there is nothing to take out.", d.disk.path));
    // All of the disk's working members of an array go together: what the array
    // must survive is losing all of them at once.
    QMap<QString, QStringList> working;
    QMap<QString, const DiskSlot *> slotOf;
    for (const DiskSlot &slot : d.slots)
        if (slot.kind == DiskSlot::Working) {
            working[slot.array.array.name] << slot.member.name;
            slotOf[slot.array.array.name] = &slot;
        }
    for (auto it = working.cbegin(); it != working.cend(); ++it) {
        const ResolvedArray &a = slotOf[it.key()]->array;
        if (Status s = checks.requireActive(a); !s)
            return s;
        if (Status s = checks.checkCanLose(a, it.value(), i18nc("begins 'Taking out /dev/sdb1 would leave md0 without a complete copy of the data'", "Taking out")); !s)
            return s;
    }
    out->disk = d;
    return {};
}

Plan makePlan(const ValidTakeDiskOut &v)
{
    Plan plan;
    const QString disk = v.disk.disk.path;
    QStringList arrays;
    for (const DiskSlot &slot : v.disk.slots)
        arrays << slot.array.array.name;
    arrays.removeDuplicates();
    plan.summary = i18nc("%1 a disk, %2 one or more arrays", "Take %1 out of %2: each of its members is marked faulty (if it still works) and removed.", disk,
                         listNames(arrays));
    for (const DiskSlot &slot : v.disk.slots) {
        const QString md = slot.array.array.name, path = slot.array.path;
        switch (slot.kind) {
        case DiskSlot::Working:
            plan.steps << failStep(path, md, slot.member.name,
                                   i18nc("appended to the step 'Mark /dev/sdb1 faulty in md0'; %1 the array", "; %1 runs without it (degraded) until a member is added", md));
            plan.steps << removeStep(path, md, slot.member.name, slot.member.path);
            break;
        case DiskSlot::Spare:
        case DiskSlot::Faulty:
            plan.steps << removeStep(path, md, slot.member.name, slot.member.path);
            break;
        case DiskSlot::Vanished:
            plan.steps << removeVanishedStep(md, slot.member.name);
            break;
        case DiskSlot::Empty:
            break;
        }
    }
    if (v.disk.present)
        plan.notes << i18nc("%1 a disk; plexusctl zero-superblock is a command", "%1's partitions keep their md superblocks and their copy of the data as of now; "
                            "erase them (plexusctl zero-superblock) before using the disk elsewhere.", disk);
    return plan;
}

} // namespace plexus

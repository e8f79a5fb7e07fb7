// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "removemember.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"

#include <KLocalizedString>

namespace plexus {

using namespace actions;

Status validate(const Validator &checks, const RemoveMemberRequest &r, ValidRemove *out)
{
    *out = {};
    ResolvedArray a;
    if (Status s = checks.resolveExistingArray(r.array, r.common, &a); !s)
        return s;
    ResolvedDevice dev;
    const Member *member = nullptr;
    // A member whose disk has gone (unplugged, dead) has no node any more: md
    // still lists it, faulty, and it can only be removed by its kernel name.
    const NodeInfo node = checks.system().node(r.member.path);
    const QString vanishedName = r.member.path.startsWith(QLatin1String("/dev/")) ? r.member.path.mid(5) : QString();
    if (!node.exists && !vanishedName.contains(QLatin1Char('/')) && a.array.member(vanishedName)) {
        member = a.array.member(vanishedName);
        if (!member->faulty)
            return invalid(mi18nc("%1 a device", "%1 has no device node but md still counts it as working. Fail it first.", r.member.path));
        if (r.zeroSuperblock)
            return invalid(mi18nc("%1 a device; zero_superblock is an option's name", "%1 is gone, so its superblock cannot be erased. Leave zero_superblock out.",
                                 r.member.path));
        dev.path = r.member.path;
        dev.name = vanishedName;
        out->vanished = true;
    } else if (Status s = checks.resolveMember(a, r.member, &dev, &member); !s) {
        return s;
    }
    if (!member->faulty && !member->spare) {
        if (!r.fail)
            return invalid(mi18nc("%1 a device, %2 an array; fail and replace are commands, and fail also an option",
                                 "%1 is a working member of %2. Mark it faulty first (fail), or say fail to do both, or replace "
                                 "it (replace) to keep the array complete.", dev.path, a.path));
        if (Status s = checks.requireActive(a); !s)
            return s;
        if (Status s = checks.checkCanLose(a, {dev.name}, i18nc("begins 'Removing /dev/sdb would leave md0 without a complete copy of the data'", "Removing")); !s)
            return s;
        out->failFirst = true;
    }
    out->array = a;
    out->member = dev;
    out->zeroSuperblock = r.zeroSuperblock;
    return {};
}

Plan makePlan(const ValidRemove &v)
{
    Plan plan;
    const QString md = v.array.array.name, path = v.array.path;
    plan.summary = i18nc("%1 a device, %2 an array", "Remove %1 from %2.", v.member.path, md);
    if (v.vanished) {
        plan.steps << removeVanishedStep(md, v.member.name);
        return plan;
    }
    if (v.failFirst)
        plan.steps << failStep(path, md, v.member.name, i18nc("appended to the step 'Mark /dev/sdb faulty in md0'", " so that it can be removed"));
    plan.steps << removeStep(path, md, v.member.name, v.member.path);
    if (v.zeroSuperblock)
        plan.steps << zeroStep(v.member, i18nc("appended to the step 'Erase the md superblock on /dev/sdb1'; %1 an array",
                                               ", so that it is no longer recognised as a member of %1", md));
    else
        plan.notes << i18nc("%1 a device", "%1 keeps its md superblock and its copy of the data as of now.", v.member.path);
    return plan;
}

} // namespace plexus

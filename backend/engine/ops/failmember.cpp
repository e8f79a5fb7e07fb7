// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "failmember.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"

#include <KLocalizedString>

namespace plexus {

using namespace actions;

Status validate(const Validator &checks, const FailMemberRequest &r, ValidFail *out)
{
    *out = {};
    ResolvedArray a;
    ResolvedDevice dev;
    const Member *member = nullptr;
    if (Status s = checks.resolveRunningMember(r.array, r.member, r.common, i18nc("ends '/dev/md0 is RAID-0, which keeps no redundant copy of the data, so %1.'", "failing a member would stop it"), &a, &dev, &member); !s)
        return s;
    if (member->faulty)
        return invalid(mi18nc("%1 a device, %2 an array; remove is a command", "%1 is already marked faulty in %2. Remove it (remove), or replace it.", dev.path, a.path));
    if (Status s = checks.checkCanLose(a, {dev.name}, i18nc("begins 'Failing /dev/sdb would leave md0 without a complete copy of the data'", "Failing")); !s)
        return s;
    out->array = a;
    out->member = dev;
    return {};
}

Plan makePlan(const ValidFail &v)
{
    Plan plan;
    const QString md = v.array.array.name;
    plan.summary = i18nc("%1 a device, %2 an array", "Mark %1 faulty in %2.", v.member.path, md);
    const Member *m = v.array.array.member(v.member.name);
    int spares = 0;
    for (const Member &x : v.array.array.members)
        spares += (x.spare && !x.faulty && x.device != v.member.name) ? 1 : 0;
    QString consequence;
    if (m && m->spare)
        consequence = i18nc("appended to the step 'Mark /dev/sdb faulty in md0'", " (it is a spare: no data depends on it)");
    else if (spares > 0)
        consequence = i18nc("appended to the step 'Mark /dev/sdb faulty in md0'", "; a spare takes its place and the kernel rebuilds onto it");
    else
        consequence = i18nc("appended to the step 'Mark /dev/sdb faulty in md0'; %1 the array", "; %1 then runs without it (degraded) until a member is added", md);
    plan.notes << i18nc("%1 a device, %2 an array; plexusctl remove is a command", "%1 stays in %2 as a faulty member until it is removed (plexusctl remove).",
                        v.member.path, md);
    plan.steps << failStep(v.array.path, md, v.member.name, consequence);
    return plan;
}

} // namespace plexus

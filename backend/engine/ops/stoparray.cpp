// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "stoparray.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"

namespace plexus {

using namespace actions;

Status validate(const Validator &checks, const StopArrayRequest &r, ValidStop *out)
{
    *out = {};
    ResolvedArray a;
    if (Status s = checks.resolveExistingArray(r.array, r.common, &a); !s)
        return s;
    const QString name = a.array.name;
    for (const Mount &m : checks.snapshot().mounts) {
        if (m.device.isEmpty())
            continue;
        // Mounted directly, or through LVM/dm on top of it.
        bool onTop = m.device == name;
        if (!onTop && m.device.startsWith(QLatin1String("dm-"))) {
            QStringList below;
            std::function<void(const QString &, int)> walk = [&](const QString &dev, int depth) {
                if (depth > 8)
                    return;
                below << dev;
                for (const VolumeGroup &vg : checks.snapshot().volumeGroups)
                    for (const LogicalVolume &lv : vg.logicalVolumes)
                        if (lv.device == dev)
                            for (const PhysicalVolume &pv : vg.physicalVolumes)
                                walk(pv.device, depth + 1);
                for (const QString &s : checks.system().slaves(dev))
                    walk(s, depth + 1);
            };
            walk(m.device, 0);
            onTop = below.contains(name);
        }
        if (onTop)
            return inUse(QStringLiteral("%1 is in use: %2 is mounted on %3. Unmount it first.")
                             .arg(a.path, m.device == name ? a.path : QStringLiteral("/dev/") + m.device, m.mountPoint));
    }
    if (checks.snapshot().isSwap(name))
        return inUse(QStringLiteral("%1 is active swap. Turn it off first (swapoff %1).").arg(a.path));
    if (const PhysicalVolume *pv = checks.snapshot().physicalVolume(name)) {
        const VolumeGroup *vg = checks.snapshot().volumeGroup(pv->vgName);
        int active = 0;
        if (vg)
            for (const LogicalVolume &lv : vg->logicalVolumes)
                active += lv.active ? 1 : 0;
        if (active > 0)
            return inUse(QStringLiteral("%1 holds the LVM volume group %2 with %3 active logical volume(s). Deactivate them first "
                                        "(vgchange -an %2).").arg(a.path, pv->vgName).arg(active));
    }
    for (const Array *outer : checks.snapshot().arraysUsing(name))
        return inUse(QStringLiteral("%1 is a member of the array %2. Stop %2 first.").arg(a.path, outer->name));
    out->array = a;
    return {};
}

Plan makePlan(const ValidStop &v)
{
    Plan plan;
    const QString md = v.array.array.name, path = v.array.path;
    plan.summary = QStringLiteral("Stop %1.").arg(path);
    plan.notes << QStringLiteral("The members keep their data and md superblocks: assemble starts %1 again.").arg(md);
    plan.steps << stopStep(path, QStringLiteral("Stop %1 (%2, %3 member(s))").arg(path, levelWords(v.array.array.level.value_or(QStringLiteral("inactive"))))
                                     .arg(v.array.array.members.size()));
    plan.exclusive = {path};
    return plan;
}

} // namespace plexus

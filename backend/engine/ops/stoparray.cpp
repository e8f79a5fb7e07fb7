// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "stoparray.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"

#include <KLocalizedString>

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
            return inUse(mi18nc("%1 an array, %2 a device on it, %3 a mount point", "%1 is in use: %2 is mounted on %3. Unmount it first.", a.path,
                               m.device == name ? a.path : QStringLiteral("/dev/") + m.device, m.mountPoint));
    }
    if (checks.snapshot().isSwap(name))
        return inUse(mi18nc("%1 an array; swapoff is a command", "%1 is active swap. Turn it off first (swapoff %1).", a.path));
    if (const PhysicalVolume *pv = checks.snapshot().physicalVolume(name)) {
        const VolumeGroup *vg = checks.snapshot().volumeGroup(pv->vgName);
        int active = 0;
        if (vg)
            for (const LogicalVolume &lv : vg->logicalVolumes)
                active += lv.active ? 1 : 0;
        if (active > 0)
            return inUse(mi18ncp("%2 an array, %3 a volume group; the text in parentheses is a command",
                                "%2 holds the LVM volume group %3 with %1 active logical volume. Deactivate it first (vgchange -an %3).",
                                "%2 holds the LVM volume group %3 with %1 active logical volumes. Deactivate them first (vgchange -an %3).", active,
                                a.path, pv->vgName));
    }
    for (const Array *outer : checks.snapshot().arraysUsing(name))
        return inUse(mi18nc("%1 an array, %2 another array", "%1 is a member of the array %2. Stop %2 first.", a.path, outer->name));
    out->array = a;
    return {};
}

Plan makePlan(const ValidStop &v)
{
    Plan plan;
    const QString md = v.array.array.name, path = v.array.path;
    plan.summary = i18nc("%1 an array", "Stop %1.", path);
    plan.notes << i18nc("%1 an array; assemble is a command", "The members keep their data and md superblocks: assemble starts %1 again.", md);
    plan.steps << stopStep(path, i18ncp("a step: %2 an array, %3 its RAID level", "Stop %2 (%3, %1 member)", "Stop %2 (%3, %1 members)",
                                        int(v.array.array.members.size()), path,
                                        v.array.array.level ? levelWords(*v.array.array.level) : i18nc("an md array's state", "inactive")));
    plan.exclusive = {path};
    return plan;
}

} // namespace plexus

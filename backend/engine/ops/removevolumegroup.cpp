// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "removevolumegroup.h"

#include "engine/checks/refusal.h"
#include "engine/steps/mountsteps.h"
#include "removevolume.h"
#include "model/describe.h"

#include <KLocalizedString>

namespace plexus {

QString RemoveVolumeGroupRequest::title() const
{
    return i18nc("an operation's title; %1 a volume group", "Remove the volume group %1", group);
}

Status validate(const Validator &checks, const RemoveVolumeGroupRequest &r, ValidRemoveVolumeGroup *out)
{
    *out = {};
    const VolumeGroup *vg = nullptr;
    if (Status s = checks.resolveVolumeGroup(r.group, &vg); !s)
        return s;
    for (const LogicalVolume &lv : vg->logicalVolumes) {
        const QString path = QStringLiteral("/dev/%1/%2").arg(r.group, lv.name);
        if (const Message use = lv.active ? checks.usageOf(lv.device) : Message(); !use.isEmpty())
            return inUse(mi18nc("%1 a volume, %2 what uses it ('is mounted on /srv', 'is active swap'), %3 a volume group",
                               "%1 %2, and would go with %3. Stop using it first (unmount, swapoff).", path, use, r.group));
        out->volumes << path;
        out->fstab << fstabLinesFor(checks, r.group, lv);
    }
    for (const PhysicalVolume &pv : vg->physicalVolumes)
        out->devices << QStringLiteral("/dev/") + pv.device;
    out->group = r.group;
    return {};
}

Plan makePlan(const ValidRemoveVolumeGroup &v)
{
    Plan plan;
    plan.summary = v.volumes.isEmpty() ? i18nc("%1 a volume group", "Remove the volume group %1.", v.group)
                                       : i18nc("%1 a volume group, %2 a list of volumes", "Remove the volume group %1 and its volumes %2.", v.group,
                                               v.volumes.join(QStringLiteral(", ")));
    if (!v.volumes.isEmpty())
        plan.notes << i18nc("%1 a list of volumes", "Everything on %1 is gone afterwards.", v.volumes.join(QStringLiteral(", ")));
    plan.notes << i18nc("%1 a list of devices", "%1 become free for other uses (a filesystem, an array member, another group).", v.devices.join(QStringLiteral(", ")));
    if (!v.fstab.isEmpty()) {
        // First: a line left for a device that is gone stops the next boot in emergency mode.
        plan.notes << i18nc("%1 how, and what becomes of the lines: 'on /srv/data: that line goes too, or the next start would stop waiting for it'",
                            "/etc/fstab uses its volumes %1.", fstabUsesWords(v.fstab));
        plan.steps << removeFstabEntriesStep(v.fstab);
    }
    plan.steps << removeVolumeGroupStep(v.group, !v.volumes.isEmpty());
    for (const QString &d : v.devices)
        plan.steps << removePhysicalVolumeStep(d);
    return plan;
}

} // namespace plexus

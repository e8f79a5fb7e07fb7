// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "extendvolumegroup.h"

#include "engine/checks/refusal.h"
#include "model/describe.h"

#include <KLocalizedString>

namespace plexus {

QString ExtendVolumeGroupRequest::title() const
{
    return i18nc("an operation's title; %1 a volume group", "Add devices to %1", group);
}

Status validate(const Validator &checks, const ExtendVolumeGroupRequest &r, ValidExtendVolumeGroup *out)
{
    *out = {};
    const VolumeGroup *vg = nullptr;
    if (Status s = checks.resolveVolumeGroup(r.group, &vg); !s)
        return s;
    if (Status s = checks.resolvePhysicalVolumes(r.devices, r.overwrite, r.common, &out->devices); !s)
        return s;
    out->group = r.group;
    return {};
}

Plan makePlan(const ValidExtendVolumeGroup &v)
{
    Plan plan;
    QStringList shown;
    const qint64 added = addPhysicalVolumeSteps(v.devices, &plan, &shown);
    plan.steps << extendVolumeGroupStep(v.group, v.devices);
    plan.summary = i18nc("%1 a list of devices with their sizes, %2 a volume group", "Add %1 to the volume group %2.", shown.join(QStringLiteral(", ")), v.group);
    plan.notes << i18nc("%1 a volume group, %2 a size; keep grow-volume (a command)",
                        "%1 gains about %2 of free space; its volumes can grow into it (grow-volume).", v.group, humanSize(added));
    return plan;
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "createvolumegroup.h"

#include "engine/checks/filesystemchoice.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"

namespace plexus {

Status validate(const Validator &checks, const CreateVolumeGroupRequest &r, ValidCreateVolumeGroup *out)
{
    *out = {};
    if (Status s = Validator::checkLvmName(r.name, QStringLiteral("volume group")); !s)
        return s;
    if (checks.snapshot().volumeGroup(r.name))
        return inUse(QStringLiteral("There is already a volume group %1. Choose another name, or add devices to it (extend-vg).").arg(r.name));
    if (Status s = checks.resolvePhysicalVolumes(r.devices, r.overwrite, r.common, &out->devices); !s)
        return s;
    if (!r.volume.isEmpty()) {
        if (Status s = Validator::checkLvmName(r.volume, QStringLiteral("volume")); !s)
            return s;
    } else if (!r.filesystem.isEmpty() || !r.label.isEmpty()) {
        return invalid(QStringLiteral("A filesystem goes on a volume: name one (volume), or leave the filesystem out."));
    }
    qint64 total = 0;
    for (const ResolvedDevice &d : out->devices)
        total += d.sizeBytes;
    if (Status s = checkOptionalFilesystem(r.filesystem, r.label, total, QStringLiteral("/dev/%1/%2").arg(r.name, r.volume)); !s)
        return s;
    out->name = r.name;
    out->volume = r.volume;
    out->filesystem = r.filesystem;
    out->label = r.label;
    return {};
}

Plan makePlan(const ValidCreateVolumeGroup &v)
{
    Plan plan;
    QStringList shown;
    const qint64 total = addPhysicalVolumeSteps(v.devices, &plan, &shown);
    plan.steps << createVolumeGroupStep(v.name, v.devices);
    plan.summary = QStringLiteral("Create the volume group %1 on %2.").arg(v.name, shown.join(QStringLiteral(", ")));
    if (v.volume.isEmpty()) {
        plan.notes << QStringLiteral("%1 holds about %2, less LVM's metadata; volumes are made in it next (create-volume).").arg(v.name, humanSize(total));
        return plan;
    }
    // Vinum's concat: one linear volume over the devices end to end.
    const QString path = QStringLiteral("/dev/%1/%2").arg(v.name, v.volume);
    plan.summary = QStringLiteral("Join %1 end to end into the volume %2 (about %3)%4.")
                       .arg(shown.join(QStringLiteral(", ")), path, humanSize(total),
                            v.filesystem.isEmpty() ? QString() : QStringLiteral(", with %1 on it").arg(v.filesystem));
    if (v.devices.size() > 1)
        plan.notes << QStringLiteral("Losing any one of the devices loses what lies on it, unless each is itself a mirror or RAID array.");
    plan.steps << createVolumeStep(v.name, v.volume, VolumeSize{}, 1, 64);
    if (!v.filesystem.isEmpty())
        plan.steps << makeFilesystemStep(path, v.filesystem, v.label);
    return plan;
}

} // namespace plexus

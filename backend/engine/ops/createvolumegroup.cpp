// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "createvolumegroup.h"

#include "engine/checks/filesystemchoice.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"

#include <KLocalizedString>

namespace plexus {

QString CreateVolumeGroupRequest::title() const
{
    return i18nc("an operation's title; %1 a volume group", "Create the volume group %1", name);
}

Status validate(const Validator &checks, const CreateVolumeGroupRequest &r, ValidCreateVolumeGroup *out)
{
    *out = {};
    if (Status s = Validator::checkLvmName(r.name, i18nc("a kind of name: completes 'is not a usable ... name' and 'Choose another ... name'", "volume group")); !s)
        return s;
    if (checks.snapshot().volumeGroup(r.name))
        return inUse(mi18nc("%1 a volume group; keep extend-vg (a command)",
                           "There is already a volume group %1. Choose another name, or add devices to it (extend-vg).", r.name));
    if (Status s = checks.resolvePhysicalVolumes(r.devices, r.overwrite, r.common, &out->devices); !s)
        return s;
    if (!r.volume.isEmpty()) {
        if (Status s = Validator::checkLvmName(r.volume, i18nc("a kind of name: completes 'is not a usable ... name' and 'Choose another ... name'", "volume")); !s)
            return s;
    } else if (!r.filesystem.isEmpty() || !r.label.isEmpty()) {
        return invalid(mi18nc("keep volume (an option)", "A filesystem goes on a volume: name one (volume), or leave the filesystem out."));
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
    plan.summary = i18nc("%1 a volume group, %2 a list of devices with their sizes", "Create the volume group %1 on %2.", v.name, shown.join(QStringLiteral(", ")));
    if (v.volume.isEmpty()) {
        plan.notes << i18nc("%1 a volume group, %2 a size; keep create-volume (a command)",
                            "%1 holds about %2, less LVM's metadata; volumes are made in it next (create-volume).", v.name, humanSize(total));
        return plan;
    }
    // Vinum's concat: one linear volume over the devices end to end.
    const QString path = QStringLiteral("/dev/%1/%2").arg(v.name, v.volume);
    plan.summary = v.filesystem.isEmpty()
        ? i18nc("%1 a list of devices with their sizes, %2 a volume, %3 a size", "Join %1 end to end into the volume %2 (about %3).",
                shown.join(QStringLiteral(", ")), path, humanSize(total))
        : i18nc("%1 a list of devices with their sizes, %2 a volume, %3 a size, %4 a filesystem type (ext4, swap, ...)",
                "Join %1 end to end into the volume %2 (about %3), with %4 on it.", shown.join(QStringLiteral(", ")), path, humanSize(total), v.filesystem);
    if (v.devices.size() > 1)
        plan.notes << i18n("Losing any one of the devices loses what lies on it, unless each is itself a mirror or RAID array.");
    plan.steps << createVolumeStep(v.name, v.volume, VolumeSize{}, 1, 64);
    if (!v.filesystem.isEmpty())
        plan.steps << makeFilesystemStep(path, v.filesystem, v.label);
    return plan;
}

} // namespace plexus

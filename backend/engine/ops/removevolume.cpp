// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "removevolume.h"

#include "engine/checks/refusal.h"
#include "model/describe.h"

namespace plexus {

Status validate(const Validator &checks, const RemoveVolumeRequest &r, ValidRemoveVolume *out)
{
    *out = {};
    ResolvedDevice dev;
    const LogicalVolume *lv = nullptr;
    if (Status s = checks.resolveVolume(r.volume, &dev, &lv); !s)
        return s;
    // Overwrite consent is the point of removing: only "in use" can refuse here.
    if (Status s = checks.checkBlockFree(dev, {.overwrite = true}); !s)
        return s;
    out->volume = dev;
    out->fsType = lv->fsType;
    return {};
}

Plan makePlan(const ValidRemoveVolume &v)
{
    Plan plan;
    plan.summary = QStringLiteral("Remove %1 (%2) and everything on it.").arg(v.volume.path, humanSize(v.volume.sizeBytes));
    if (!v.fsType.isEmpty())
        plan.notes << QStringLiteral("It holds %1: that data is gone afterwards.").arg(describeContents(v.fsType, QString()));
    plan.notes << QStringLiteral("Its space returns to %1's free space.").arg(v.volume.volumeGroup);
    plan.steps << removeVolumeStep(v.volume.volumeGroup, v.volume.volume);
    return plan;
}

} // namespace plexus

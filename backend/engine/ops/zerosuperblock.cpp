// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "zerosuperblock.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"

namespace plexus {

using namespace actions;

Status validate(const Validator &checks, const ZeroSuperblockRequest &r, ValidZero *out)
{
    *out = {};
    ResolvedDevice dev;
    if (Status s = checks.resolve(r.device, &dev); !s)
        return s;
    const Disk *disk = checks.snapshot().disk(dev.diskName);
    const QString fsType = dev.wholeDisk ? disk->fsType : disk->partition(dev.name)->fsType;
    if (fsType != QLatin1String("linux_raid_member"))
        return invalid(QStringLiteral("%1 carries no md superblock%2: there is nothing to erase.")
                           .arg(dev.path, fsType.isEmpty() ? QString() : QStringLiteral(" (it contains %1)").arg(describeContents(fsType, QString()))));
    const Validator::Consent consent{.allowSystemDisk = r.common.allowSystemDisk, .expectMdSuperblock = true};
    if (Status s = checks.checkFree(dev, consent); !s)
        return s;
    out->device = dev;
    out->formerArray = dev.wholeDisk ? disk->uuid : disk->partition(dev.name)->uuid;
    return {};
}

Plan makePlan(const ValidZero &v)
{
    Plan plan;
    plan.summary = QStringLiteral("Erase the md superblock on %1.").arg(v.device.path);
    plan.notes << QStringLiteral("The data on %1 stays but no longer belongs to any array%2.")
                      .arg(v.device.path, v.formerArray.isEmpty() ? QString() : QStringLiteral(" (it was a member of the array %1)").arg(v.formerArray));
    plan.steps << zeroStep(v.device, QString());
    plan.exclusive = {v.device.path};
    return plan;
}

} // namespace plexus

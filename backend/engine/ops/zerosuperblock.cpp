// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "zerosuperblock.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"

#include <KLocalizedString>

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
        return invalid(fsType.isEmpty() ? mi18nc("%1 a device", "%1 carries no md superblock: there is nothing to erase.", dev.path)
                                        : mi18nc("%1 a device, %2 what it holds (an ext4 filesystem)",
                                                "%1 carries no md superblock (it contains %2): there is nothing to erase.", dev.path,
                                                describeContents(fsType, QString())));
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
    plan.summary = i18nc("%1 a device", "Erase the md superblock on %1.", v.device.path);
    plan.notes << (v.formerArray.isEmpty() ? i18nc("%1 a device", "The data on %1 stays but no longer belongs to any array.", v.device.path)
                                           : i18nc("%1 a device, %2 an array's UUID",
                                                   "The data on %1 stays but no longer belongs to any array (it was a member of the array %2).",
                                                   v.device.path, v.formerArray));
    plan.steps << zeroStep(v.device, QString());
    plan.exclusive = {v.device.path};
    return plan;
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "samedevice.h"

#include "executor.h"

#include <KLocalizedString>

namespace plexus {

void noteIdentities(Plan *plan, const SystemView &system)
{
    for (Step &step : plan->steps)
        for (Erasure &e : step.erases)
            e.then = system.identity(e.name);
}

Status checkSameDevice(const Erasure &e, const SystemView &now)
{
    // The node the tool will open, followed as validation followed it: its
    // device number says which kernel device it leads to, whatever its name.
    const NodeInfo node = now.node(e.path);
    const QString name = node.exists && node.isBlock ? node.kernelName : QString();
    const DeviceIdentity nowIs = name.isEmpty() ? DeviceIdentity() : now.identity(name);
    if (!nowIs.present())
        return Status::failure(ErrorCode::NotFound,
                               e.then.present()
                                   ? mi18nc("%1 a device path, %2 what it was (device number, disk, size)",
                                           "%1 is not there any more (it was %2). Nothing was erased.", e.path, e.then.words())
                                   : mi18nc("%1 a device path", "%1 is not there any more (it was to be made by this plan). Nothing was erased.",
                                           e.path));
    if (!e.then.present() || (name == e.name && nowIs == e.then))
        return {};
    return Status::failure(ErrorCode::NotFound,
                           mi18nc("%1 a device path, %2 and %4 kernel names, %3 and %5 what those devices were (device number, disk, size)",
                                 "%1 is no longer the device this plan was made for: then it was /dev/%2 (%3); now it is /dev/%4 (%5). "
                                 "Nothing was erased. Disks are renamed when they are unplugged and plugged in again; plan again "
                                 "from what the machine shows now.",
                                 e.path, e.name, e.then.words(), name, nowIs.words()));
}

Status checkErasures(const Step &step, const SystemView &now)
{
    for (const Erasure &e : step.erases) {
        if (Status s = checkSameDevice(e, now); !s)
            return s;
        // sfdisk --no-reread does not ask whether the disk is in use, and a
        // device may have been mounted or assembled since validation.
        ExclusiveClaims claim;
        if (Status s = claim.claim(e.path); !s)
            return Status::failure(s.code(), mi18nc("%1 why a device could not be claimed (whole sentences)", "%1 Nothing was erased.", s.message()));
    }
    return {};
}

} // namespace plexus

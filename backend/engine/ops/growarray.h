// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// GrowArray: change the number of devices (a mirror to three copies and back,
// RAID-5 onto one more disk) or grow onto the members' whole size.

#include "engine/plan.h"
#include "engine/validator.h"

#include <KLocalizedString>

namespace plexus {

struct ValidGrow {
    ResolvedArray array;
    int raidDevices = 0;         // 0: unchanged
    QList<ResolvedDevice> add;
    QList<ResolvedDevice> remove;
    QStringList removeFaulty;    // of `remove`, those already faulty (no fail step)
    bool sizeMax = false;
};

struct GrowArrayRequest {
    static constexpr OperationInfo info{"GrowArray", "grow", kli18nc("plexusctl: what a command does", "change the number of devices (e.g. 2-way -> 3-way mirror and back) or grow to the members' size"),
                                        polkitActions::modify};
    using Valid = ValidGrow;

    QString array;
    int raidDevices = 0;          // 0 = unchanged
    DeviceSpecList add;           // new members
    DeviceSpecList remove;        // members to drop (shrinking a mirror)
    QString size;                 // "max" grows onto the members' whole size; empty = unchanged
    bool forceSingle = false;     // allow shrinking a mirror to one device
    bool overwrite = false;       // new members' data and signatures may be destroyed
    CommonOptions common;
    bool allowSameDisk = false;   // a new member may share a disk with another working member

    template<class V> void visit(V &v)
    {
        v(array, arrayArgument());
        v(raidDevices, argument("raid_devices", "raid-devices", "N", kli18nc("plexusctl --help: what an argument is", "The new number of devices.")));
        v(add, writtenOver(argument("add", "add", "DEVICE", kli18nc("plexusctl --help: what an argument is", "A new member (repeatable)."))));
        v(remove, argument("remove", "remove", "MEMBER", kli18nc("plexusctl --help: what an argument is", "A member to take out when shrinking a mirror (repeatable).")));
        v(size, option("size", kli18nc("plexusctl --help: what an option does", "'max': use the whole of each member."), "max"));
        v(forceSingle, option("force_single", kli18nc("plexusctl --help: what an option does", "Allow shrinking a mirror to one device.")));
        v(overwrite, erasing(option("overwrite", kli18nc("plexusctl --help: what an option does", "New members' data and signatures may be destroyed."))));
        v(allowSameDisk, option("allow_same_disk", kli18nc("plexusctl --help: what an option does", "Allow a new member on the same disk as another working member.")));
        common.visit(v);
    }
    QString title() const
    {
        return raidDevices > 0 ? i18ncp("an operation's title: %2 an array", "Grow %2 to %1 device", "Grow %2 to %1 devices", raidDevices, deviceName(array))
                               : i18nc("an operation's title: %1 an array", "Grow %1", deviceName(array));
    }
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const GrowArrayRequest &r, ValidGrow *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidGrow &v);

} // namespace plexus

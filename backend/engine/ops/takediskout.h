// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// TakeDiskOut: fail and remove every member a disk holds, in every array,
// refused where an array would lose its last copy (or more than its level survives).

#include "engine/plan.h"
#include "engine/validator.h"

#include <KLocalizedString>

namespace plexus {

struct ValidTakeDiskOut {
    DiskSlots disk;
};

struct TakeDiskOutRequest {
    static constexpr OperationInfo info{"TakeDiskOut", "take-disk-out",
                                        kli18nc("plexusctl: what a command does", "fail and remove all of a disk's members from every array (refused if an array would lose data)"),
                                        polkitActions::modify};
    using Valid = ValidTakeDiskOut;

    // The disk as the user saw it; a gone one by the kernel name md still lists its members under.
    DeviceSpec disk;
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(disk, argument("disk", "", "DISK"));
        common.visit(v);
    }
    QString title() const { return i18nc("an operation's title: %1 a disk", "Take %1 out of its arrays", deviceName(disk.path)); }
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const TakeDiskOutRequest &r, ValidTakeDiskOut *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidTakeDiskOut &v);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// ZeroSuperblock: erase the md superblock of a device that is in no running array.

#include "engine/plan.h"
#include "engine/validator.h"

#include <KLocalizedString>

namespace plexus {

struct ValidZero { ResolvedDevice device; QString formerArray; };

struct ZeroSuperblockRequest {
    static constexpr OperationInfo info{"ZeroSuperblock", "zero-superblock", kli18nc("plexusctl: what a command does", "erase the md superblock of a device in no running array"), polkitActions::erase};
    using Valid = ValidZero;

    DeviceSpec device;
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(device, writtenOver(argument("device", "", "DEVICE")));
        common.visit(v);
    }
    QString title() const { return i18nc("an operation's title: %1 a device", "Erase the md superblock on %1", deviceName(device.path)); }
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const ZeroSuperblockRequest &r, ValidZero *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidZero &v);

} // namespace plexus

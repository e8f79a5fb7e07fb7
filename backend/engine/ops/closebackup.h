// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// CloseBackup: detach the read-only loop device(s) open-backup set up over a
// backup copy, once nothing has them mounted.

#include "engine/plan.h"
#include "engine/validator.h"

namespace plexus {

struct ValidCloseBackup { ResolvedDevice device; QStringList loops; };

struct CloseBackupRequest {
    static constexpr OperationInfo info{"CloseBackup", "close-backup", kli18nc("plexusctl: what a command does", "detach the loop device open-backup set up over a backup copy"),
                                        polkitActions::modify};
    using Valid = ValidCloseBackup;

    DeviceSpec device;
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(device, argument("device", "", "DEVICE"));
        common.visit(v);
    }
    QString title() const;
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const CloseBackupRequest &r, ValidCloseBackup *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidCloseBackup &v);

} // namespace plexus

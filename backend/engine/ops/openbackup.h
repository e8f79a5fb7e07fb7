// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// OpenBackup: make a backup copy cut off a mirror (ops/backup.h) readable
// without writing a byte of it: a read-only loop device over the array's data
// on it (past the md superblock), to mount read-only. Nothing is assembled, so
// the copy never meets the running array of the same UUID, and its superblock
// and data stay exactly as cut (a later refresh can still be incremental).

#include "engine/plan.h"
#include "engine/validator.h"

namespace plexus {

struct ValidOpenBackup { ResolvedDevice device; QString array; qint64 offsetBytes = 0; qint64 sizeBytes = 0; };

struct OpenBackupRequest {
    static constexpr OperationInfo info{"OpenBackup", "open-backup", kli18nc("plexusctl: what a command does", "make a backup copy readable, read-only, without touching it (a loop device)"),
                                        polkitActions::modify};
    using Valid = ValidOpenBackup;

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
Status validate(const Validator &checks, const OpenBackupRequest &r, ValidOpenBackup *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidOpenBackup &v);

} // namespace plexus

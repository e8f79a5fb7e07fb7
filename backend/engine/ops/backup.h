// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// BackUpToDisk: a split-mirror backup. The disk joins a
// running mirror (into its missing slot, or as one more copy), md copies the
// mirror onto it, and at the end it is cut off at one instant, with the
// filesystems on the mirror frozen for that instant: a whole, clean,
// point-in-time copy of a live system. The next backup to the same disk copies
// only what changed since (md's write-intent bitmap), as long as the copy is
// exactly as it was left; a copy that changed gets a full copy or nothing.

#include "engine/backuprecord.h"
#include "engine/plan.h"
#include "engine/validator.h"

namespace plexus {

struct ValidBackUp {
    ResolvedArray array;
    ResolvedDevice device;
    bool incremental = false;   // re-add: only what changed since the last cut
    bool eraseFirst = false;    // the device carries an md superblock that must not be taken back as it is
    bool grow = false;          // no missing slot: one more copy for the backup, and back after
    QStringList stacked;        // what lives on the array (its filesystems are frozen for the cut)
    QString journalDirectory;
    QString overwritten;        // the Device UUID of a copy on the device that the backup overwrites
};

struct BackUpRequest {
    static constexpr OperationInfo info{"BackUpToDisk", "back-up",
                                        kli18nc("plexusctl: what a command does", "copy a running mirror onto a device and cut it off: a point-in-time backup (refreshed incrementally "
                                        "when the device holds an earlier one)"),
                                        polkitActions::modify};
    using Valid = ValidBackUp;

    QString array;
    DeviceSpec device;
    bool overwrite = false;  // the device's contents may go: all of the array is copied over them (an earlier copy included)
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(array, arrayArgument());
        v(device, writtenOver(argument("device", "", "DEVICE")));
        v(overwrite, erasing(option("overwrite", kli18nc("plexusctl --help: what an option does", "DEVICE's contents may be destroyed: all of ARRAY is copied over them (an earlier "
                                                 "backup that changed, or other data)."))));
        common.visit(v);
    }
    QString title() const;
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const BackUpRequest &r, ValidBackUp *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidBackUp &v);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// RemoveVolume: a logical volume and everything on it go (lvremove); refused
// while it is mounted, swap or in use. Its lines in /etc/fstab go with it.
#include "engine/plan.h"
#include "engine/validator.h"
#include "engine/steps/volumesteps.h"
#include "engine/textedits.h"

namespace plexus {

struct ValidRemoveVolume {
    ResolvedDevice volume;
    QString fsType;
    QList<FstabEntry> fstab; // /etc/fstab's lines for it: they go with it
};

struct RemoveVolumeRequest {
    static constexpr OperationInfo info{"RemoveVolume", "remove-volume", kli18nc("plexusctl: what a command does", "remove a logical volume and its data"), polkitActions::erase};
    using Valid = ValidRemoveVolume;

    DeviceSpec volume;
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(volume, argument("volume", "", "VOLUME"));
        common.visit(v);
    }
    QString title() const;
};

// /etc/fstab's lines for the logical volume `lv` of `group`: by its
// /dev/mapper or /dev/VG/LV path, or by its filesystem's UUID or (when no other
// filesystem here has it) label, as blkid reads them.
QList<FstabEntry> fstabLinesFor(const Validator &checks, const QString &group, const LogicalVolume &lv);

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const RemoveVolumeRequest &r, ValidRemoveVolume *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidRemoveVolume &v);

} // namespace plexus

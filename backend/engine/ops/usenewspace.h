// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// UseNewSpace: after an array's members were replaced by bigger ones, one plan
// from the array up to the filesystem: the array grows onto its members
// (mdadm --grow --size=max, unless it already has), its LVM physical volume
// with it (pvresize), and, if one is chosen, a volume and its filesystem
// (lvextend --resizefs); otherwise the space stays free in the group.
#include "engine/plan.h"
#include "engine/validator.h"
#include "engine/steps/volumesteps.h"

namespace plexus {

struct ValidUseNewSpace {
    ResolvedArray array;
    bool growArray = false;       // the members have room the array does not use yet
    qint64 componentBytes = 0;    // what it uses of each member now
    qint64 memberBytes = 0;       // what it can use of each (the smallest member, less md's metadata)
    QString group;
    qint64 pvBytes = 0;           // the physical volume's size now
    std::optional<ResolvedDevice> volume; // grown into the new space, with its filesystem
    bool withFilesystem = false;
};

struct UseNewSpaceRequest {
    // volume.modify, not array.modify: nothing is lost and the plan ends in
    // LVM; the array only grows onto space its members already have.
    static constexpr OperationInfo info{"UseNewSpace", "use-new-space", kli18nc("plexusctl: what a command does", "after bigger members: grow an array, its LVM physical volume and a volume"),
                                        polkitActions::volume};
    using Valid = ValidUseNewSpace;

    QString array;
    QString volume;            // a volume of the array's group, by name ("root"); empty: leave the space free
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(array, arrayArgument());
        v(volume, option("volume", kli18nc("plexusctl --help: what an option does", "Grow this volume of the array's group (its name, e.g. root) and its filesystem into the new space; "
                                   "without it the space stays free in the group."), "NAME"));
        common.visit(v);
    }
    QString title() const;
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const UseNewSpaceRequest &r, ValidUseNewSpace *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidUseNewSpace &v);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// AssembleArray: start an array from its members (mdadm --assemble), degraded only when asked.
// Refused when the members' histories diverged (split brain: each half ran and
// was written without the other; md would silently keep one half's writes), or
// when their array already runs; `keep` names the half whose data wins, and the
// other members are erased and added again (model/mdsuperblock.h).

#include "engine/plan.h"
#include "engine/validator.h"

#include <KLocalizedString>

namespace plexus {

struct ValidAssemble {
    QString arrayPath;
    QList<ResolvedDevice> members;
    bool run = false;
    // The array is there already, inactive, holding these members (incremental
    // assembly waiting for the rest): it is started as it is (mdadm --run).
    bool startInactive = false;
    // Split brain resolved by `keep`: assembled from `members` (the kept half),
    // then these are erased and added again, so md copies the kept data onto them.
    QList<ResolvedDevice> rejoin;
    QStringList histories;        // each member's history, for the plan's notes
    QList<int> slotsLeftOut;      // slots the array last ran with that no member given fills
    // Members the array went on without (older, counted out by the newest): md
    // would leave them out silently, so they are added back after, and rebuilt.
    QList<ResolvedDevice> stale;
};

struct AssembleArrayRequest {
    static constexpr OperationInfo info{"AssembleArray", "assemble", kli18nc("plexusctl: what a command does", "start an array from its members"), polkitActions::modify};
    using Valid = ValidAssemble;

    QString array;
    DeviceSpecList members;
    bool runDegraded = false;     // start even if members are missing
    QString keep;                 // split brain: the member whose half wins
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(array, argument("array", "", "ARRAY"));
        v(members, argument("members", "", "DEVICE..."));
        v(runDegraded, option("run_degraded", kli18nc("plexusctl --help: what an option does", "Start it even if members are missing."), nullptr, "run"));
        v(keep, erasing(option("keep", kli18nc("plexusctl --help: what an option does", "The members' histories diverged (each half ran without the other): keep the data of the half "
                                       "this member belongs to; the other members are erased and added again."), "MEMBER")));
        common.visit(v);
    }
    QString title() const { return i18nc("an operation's title: %1 an array", "Start %1", deviceName(array)); }
    bool changesData() const { return false; }
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const AssembleArrayRequest &r, ValidAssemble *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidAssemble &v);

} // namespace plexus

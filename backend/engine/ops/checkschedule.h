// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// SetCheckSchedule: when the machine checks its md arrays. Changes the timer
// the distribution installed (mdadm's mdcheck_start.timer, Fedora's
// raid-check.timer) with a drop-in of Plexus's own, so the vendor's unit stays
// untouched and "as shipped" is one file removed; or turns the timer off.

#include "engine/plan.h"
#include "engine/validator.h"

namespace plexus {

struct ValidCheckSchedule {
    enum Change { Calendar, Off, AsShipped } change = Calendar;
    QString timer;        // "mdcheck_start.timer"
    QString calendar;     // Calendar: the OnCalendar= value
    QString before;       // the schedule now, in words
    QString dropIn;       // Plexus's drop-in's path
    bool dropInExists = false;
    bool enabled = false;
    bool managerRunning = false;
};

struct CheckScheduleRequest {
    static constexpr OperationInfo info{"SetCheckSchedule", "check-schedule",
                                        kli18nc("plexusctl: what a command does", "change when the arrays are checked (a systemd calendar, 'off' or 'default')"), polkitActions::scrub};
    using Valid = ValidCheckSchedule;

    QString when;
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(when, argument("when", "", "WHEN",
                         kli18nc("plexusctl --help: what an argument is", "A systemd calendar ('Sun *-*-1..7 01:00', 'weekly'), 'off' (no scheduled checks) or 'default' (as the distribution ships it).")));
        common.visit(v);
    }
    QString title() const;
    bool changesData() const { return false; }
};

// The drop-in's name: sorted after the vendor's and any other, it has the last word.
inline constexpr char checkScheduleDropIn[] = "90-plexus-schedule.conf";

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const CheckScheduleRequest &r, ValidCheckSchedule *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidCheckSchedule &v);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// When this machine checks its md arrays, as its distribution set it up:
// mdadm's mdcheck_start.timer (Debian 13; mdcheck checks every array in slices
// and mdcheck_continue.timer resumes it), Fedora's raid-check.timer, or the
// older cron job that runs checkarray (Debian 12 and before). Read from the
// unit files, their drop-ins and enablement links under a root, as systemd
// would combine them: no systemctl needed, and fixture trees work too.

#include <QString>
#include <QStringList>

namespace plexus {

struct ScrubSchedule {
    QString source;        // "mdcheck_start.timer", "raid-check.timer", "/etc/cron.d/mdadm"; empty: none found
    QStringList calendar;  // the timer's OnCalendar= values, or the cron line's five time fields
    bool enabled = false;  // the timer is wanted by something (or the cron job exists)
    bool masked = false;
    bool firstWeekOnly = false; // cron: the job runs only on days 1-7 of the month ($(date +%d) -le 7)

    // "the first Sunday of each month at 01:00", or the calendar as written.
    QString when() const;
    // when() if the timer is on, else "never (mdcheck_start.timer is not enabled)".
    QString state() const;
};

ScrubSchedule readScrubSchedule(const QString &root = QStringLiteral("/"));

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What `plexusctl monitor` does with events besides printing them, so that a
// server with nobody logged in hears of a failure as it would from mdadm
// --monitor: the system journal, mail through sendmail, and programs.

#include "monitor/events.h"

#include <QStringList>

namespace plexus {

struct MonitorAlerts {
    bool journal = false;
    QStringList mailTo;
    QString mailFrom;
    QString exec;          // --exec: PROGRAM EVENT ARRAY [DEVICE], Plexus's event names
    QString mdadmProgram;  // mdadm.conf's PROGRAM: mdadm's event names and /dev paths
    QString root;          // where /proc/mdstat is read for the mail

    // One line for the start-up message: "alerts: journal, mail to root, ...".
    QString describe() const;
    // One change's events (progress ticks already left out where asked).
    void handle(const QList<Event> &events) const;
};

} // namespace plexus

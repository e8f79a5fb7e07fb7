// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Where mdadm --monitor sends its alerts, read from mdadm.conf (MAILADDR,
// MAILFROM, PROGRAM), so that `plexusctl monitor --mdadm-conf` keeps an
// existing setup working. mdadm.conf(5): keywords are case-insensitive and may
// be shortened to their first three letters, '#' starts a comment, and a line
// that begins with white space continues the one before.

#include "events.h"

#include <QStringList>

namespace plexus {

struct MdadmAlerts {
    QStringList mailTo;  // MAILADDR's addresses
    QString mailFrom;    // MAILFROM, the whole rest of its line
    QString program;     // PROGRAM
};

// The alert lines of an mdadm.conf's text; a malformed one (MAILADDR with no
// address, an address with characters no address has) is an error in plain
// words, with its line number, in *error.
MdadmAlerts parseMdadmAlerts(const QString &text, QString *error);

// Whether a mail address (or a comma-separated list) can go into a mail header
// as it is: no white space or control characters (a line break would let it add
// headers), no quotes or angle brackets.
bool isPlainMailAddress(const QString &address);

// mdadm's name for an event, as its PROGRAM receives it ("Fail",
// "DegradedArray", ...); empty where mdadm has no such event.
QString mdadmEventName(const Event &e);

} // namespace plexus

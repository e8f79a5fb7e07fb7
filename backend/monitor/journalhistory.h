// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The history that outlives every process: the events plexus-monitor.service
// (plexusctl monitor --journal, journalentry.h) wrote to the system journal,
// read back with journalctl, for `plexusctl history` and the window's Changes.
// journalctl, not sd-journal: it is on every systemd machine, it applies the
// reader's permissions (members of adm or systemd-journal read the system
// journal), and it keeps libsystemd out of the dependencies.

#include "events.h"

namespace plexus {

struct HistoryQuery {
    QString array;      // "md0": only its events
    QString device;     // "sdb": only events about that member or disk
    QString since;      // journalctl's --since: "2026-12-01", "yesterday", "-2h"; empty: all
    int newest = 1000;  // at most this many entries, the newest
};

// journalctl's arguments for the query, JSON output, oldest first.
QStringList journalctlArguments(const HistoryQuery &query);

// Whether NAME can be matched as it is: an array or device name like md0,
// md/home or sdb1 (letters, digits and . _ - : /).
bool isPlainDeviceName(const QString &name);

// Events from journalctl -o json output (one object per line), oldest first,
// stamped with the time each was logged. Entries that are not Plexus events
// are skipped; a line that is not JSON is an error in plain words.
QList<Event> parseJournalHistory(const QByteArray &output, QString *error);

} // namespace plexus

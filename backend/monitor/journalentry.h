// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// An event as a system journal entry, so that the history outlives every
// process: a stable MESSAGE_ID per kind of event (`journalctl
// MESSAGE_ID=<id>` finds every "member failed" ever logged), the event's
// details as PLEXUS_* fields (`journalctl PLEXUS_ARRAY=md0`), the priority
// from its urgency. Sent with journald's native protocol, a datagram of fields
// on its socket: one sendto() per event, and no libsystemd to link for it.

#include "events.h"

#include <QByteArray>
#include <QList>

namespace plexus {

struct JournalField {
    QByteArray name;  // upper case, digits and '_', as journald requires
    QByteArray value; // any bytes, line breaks included
};

QByteArray journalMessageId(EventKind kind); // 32 hex digits, never changes

// MESSAGE, MESSAGE_ID, PRIORITY, SYSLOG_IDENTIFIER=plexus and PLEXUS_EVENT,
// PLEXUS_ARRAY, PLEXUS_DEVICE, PLEXUS_ACTION, PLEXUS_MISMATCHES, PLEXUS_PLANNED,
// PLEXUS_JOB, PLEXUS_USER and PLEXUS_HEALTH where the event has them.
QList<JournalField> journalFields(const Event &e);

// The native protocol's encoding: NAME=value lines, or NAME, a line break, the
// length as 64-bit little endian, the value and a line break where the value
// holds a line break.
QByteArray journalDatagram(const QList<JournalField> &fields);

inline constexpr const char *journalSocket = "/run/systemd/journal/socket";

// Sends one entry. Empty on success, else why not, in words ("no journal at
// /run/systemd/journal/socket: ...").
QString writeJournalEntry(const QList<JournalField> &fields, const QString &socketPath = QLatin1String(journalSocket));

} // namespace plexus

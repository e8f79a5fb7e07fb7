// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Alerts by mail, as mdadm --monitor sends them, for a server nobody watches.
// One message per change the monitor saw: a member failing brings "failed" and
// "degraded" at once, and that is one mail, not two. The message is handed to
// sendmail -t, which every mail system installs (mdadm does the same).

#include "events.h"

#include <QByteArray>

namespace plexus {

// Worth waking someone for: a member or an array failed, an array degraded, a
// check found mismatches. Never what Plexus did on purpose.
bool isAlert(const Event &e);

struct AlertMail {
    QStringList to;
    QString from;     // empty: sendmail's default sender
    QString host;     // the machine's name, in the subject
    QByteArray mdstat; // /proc/mdstat as it is now, quoted at the end as mdadm does
};

// The whole message, headers and body, for sendmail -t.
QByteArray alertMessage(const QList<Event> &alerts, const AlertMail &mail);

inline constexpr const char *sendmailProgram = "/usr/sbin/sendmail";

} // namespace plexus

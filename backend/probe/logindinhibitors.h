// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Whether Plexus holds off shutdown now, as systemd-logind lists its inhibitors
// (any user may ask; plexus-helper holds it: monitor/shutdownhold.h). Without
// logind, nothing is held.

#include <QDBusMessage>
#include <QString>

namespace plexus {

// org.freedesktop.login1.Manager.ListInhibitors, to send on the system bus.
QDBusMessage listInhibitorsCall();
// The reason of Plexus's shutdown inhibitor in its reply; empty when there is none.
QString plexusShutdownHold(const QDBusMessage &reply);
// Asks and waits (plexusctl); empty on no answer within timeoutMs.
QString readPlexusShutdownHold(int timeoutMs = 2000);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Whether shutting down now would cut md work that something in use depends on.
// The old rule: "NEVER REBOOT while disks are synchronizing". md itself survives a
// reboot mid-resync (it starts again, from the bitmap where there is one), but a
// mirror being rebuilt stays one disk away from losing data until it is done, a
// reshape interrupted at the wrong moment needs a careful assemble, and a system
// moved onto a new array may not boot from a half-copied member. So while an
// array that holds a mounted filesystem, active swap or the running system is
// resyncing, rebuilding or reshaping, Plexus holds off shutdown (plexus-helper
// takes a systemd-logind "block" inhibitor with the reason below; the window
// and plexusctl show it).
// Only shutdown, not sleep: md's threads freeze with the machine and go on
// where they were on waking, and a laptop must be able to sleep in a bag.
// Checks and repairs (scrubs) do not hold it: cutting one loses nothing.

#include "model/snapshot.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace plexus {

struct HeldWork {
    QString array;            // "md0"
    SyncAction action = SyncAction::Resync;
    QStringList uses;         // what depends on it: "/", "/home", "swap"
    std::optional<double> minutesLeft;
};

// Whether md resyncs, rebuilds or reshapes any array (in use or not).
bool mdIsWorking(const Snapshot &s);

// The arrays whose running work holds off shutdown, in the snapshot's order.
QList<HeldWork> workHoldingShutdown(const Snapshot &s);

// The reason as logind shows it to whoever tries to shut down: "md0 is being
// rebuilt for /home (about 5 min left)"; several joined with "; ". Times are
// rounded so that it changes seldom (each change re-takes the inhibitor).
QString shutdownHoldReason(const QList<HeldWork> &work);

// What the window and plexusctl say: "Shutdown is held off: REASON."
QString shutdownHoldText(const QString &reason);

// The name Plexus's inhibitors carry in logind ("who").
inline constexpr char shutdownHoldWho[] = "Plexus";

} // namespace plexus

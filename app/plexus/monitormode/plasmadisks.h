// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// KDE's plasma-disks already warns of failing drives on Plasma desktops (its kded
// module "smart", which reads smartctl through a KAuth helper). Where it runs in
// this session, a drive's warning is left to it: the user gets one notification
// per drive, not one from each. Plexus still shows the drive at risk in its window
// and tray, journals it, and tells of the array itself (a failed member, a
// degraded array) as always.

#include <QDBusConnection>

namespace plexus {

// True when the session's kded6 has plasma-disks' "smart" module loaded.
bool plasmaDisksWatchesDrives(const QDBusConnection &session);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Plexus as the desktop knows it: name, version, licence, desktop file and
// organisation (KAboutData). main() makes it the application's; the About box,
// KDBusService (org.plexus.plexus) and KNotification read it from there.

#include <KAboutData>

namespace plexus {

// The component name: the application's name, and the name of the notification
// events' file (knotifications6/plexus.notifyrc), which tests also read.
inline constexpr char plexusComponent[] = "plexus";

KAboutData plexusAboutData();

// Name, version, what it does, the licence: the About box's words.
QString aboutText();

} // namespace plexus

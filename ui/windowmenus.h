// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The main window's menu bar, KDE's standard actions with their standard keys
// and names: File (Refresh, F5; Quit, Ctrl+Q), Settings (Configure
// Notifications) and Help (About Plexus, About Qt). Everything that changes
// disks lives in the toolbar and the context menus, next to what it changes;
// the menu bar holds what every application has.

#include <functional>

class QMainWindow;

namespace plexus {

void addWindowMenus(QMainWindow *window, std::function<void()> refresh);

} // namespace plexus

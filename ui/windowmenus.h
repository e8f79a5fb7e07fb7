// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The main window's menu bar, with the platform's standard shortcuts:
// File (Refresh, F5; Quit, Ctrl+Q) and Help (About Plexus, About Qt).
// Everything that changes disks lives in the toolbar and the context menus,
// next to what it changes; the menu bar holds what every application has.

#include <QString>

#include <functional>

class QMainWindow;

namespace plexus {

void addWindowMenus(QMainWindow *window, std::function<void()> refresh);

// Name, version, what it does, the licence: the About box's words.
QString aboutText();

} // namespace plexus

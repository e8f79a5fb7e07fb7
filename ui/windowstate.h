// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Where the main window was, how big it was and where its dividers stood, kept
// across starts in `group` (main() gives KConfig's state file,
// ~/.local/state/plexusstaterc): size and position through KWindowStateSaver,
// the named splitters' positions when the window closes. main() asks for it
// only for the window on this machine: a fixture tree's window (tests,
// screenshots, the benchmark) always starts the same.

#include <KConfigGroup>

class QMainWindow;

namespace plexus {

void rememberWindowState(QMainWindow *window, const KConfigGroup &group);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// `plexus --benchmark-startup`: how long from main() until the window is
// populated and painted on screen, printed as one line for tools/bench/startup.

#include <QElapsedTimer>

namespace plexus {

class MainWindow;

// Waits for the window to be exposed, paints it, prints
// "startup: populated in X ms (N disks, M arrays)" and returns the exit status.
int reportStartup(MainWindow &window, const QElapsedTimer &sinceMain);

} // namespace plexus

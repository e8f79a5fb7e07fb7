// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "startupbenchmark.h"
#include "mainwindow.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QWindow>

#include <cstdio>

namespace plexus {

int reportStartup(MainWindow &window, const QElapsedTimer &sinceMain)
{
    const QDeadlineTimer deadline(10000);
    while (!(window.windowHandle() && window.windowHandle()->isExposed()) && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    if (deadline.hasExpired()) {
        std::fprintf(stderr, "plexus: the window was never shown\n");
        return 1;
    }
    // Let the layouts settle (each level of nested layouts takes a turn of the
    // event loop), then paint: what the user sees first is part of starting up.
    for (int turn = 0; turn < 6; ++turn)
        QCoreApplication::processEvents();
    window.repaint();
    const double ms = double(sinceMain.nsecsElapsed()) / 1e6;
    std::printf("startup: populated in %.0f ms (%lld disks, %lld arrays)\n", ms,
                static_cast<long long>(window.snapshot()->disks.size()), static_cast<long long>(window.snapshot()->arrays.size()));
    std::fflush(stdout);
    return 0;
}

} // namespace plexus

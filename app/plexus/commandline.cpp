// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "commandline.h"
#include "mainwindow.h"
#include "operations/actionlauncher.h"

#include <QTimer>

namespace plexus {

CommandLine::CommandLine()
    : root(QStringLiteral("root"), QStringLiteral("Show the tree in DIR (with sys/, proc/, run/udev/) instead of this machine."),
           QStringLiteral("DIR"), QStringLiteral("/"))
    , benchmark(QStringLiteral("benchmark-startup"), QStringLiteral("Print the time from start to the window populated and shown, then quit."))
    , monitor(QStringLiteral("monitor"),
              QStringLiteral("Run in the background with a tray icon, and notify the desktop when an array needs attention."))
    , select(QStringLiteral("select"), QStringLiteral("Open on ITEM: an array (md0) or one of its members (md0/sdb)."), QStringLiteral("ITEM"))
    , replace(QStringLiteral("replace"), QStringLiteral("With --select on a member: start replacing it (choose the new device)."))
{
    parser.setApplicationDescription(QStringLiteral("See and manage Linux software RAID and volumes."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({root, benchmark, monitor, select, replace});
}

bool openOn(MainWindow &window, const QString &item, bool replace)
{
    if (!window.select(item)) {
        // A notification may be older than the state: a member since removed opens its array.
        if (!window.select(item.section(QLatin1Char('/'), 0, 0))) {
            qWarning("plexus: --select %s: no such array or member", qPrintable(item));
            return false;
        }
        return true; // the array the member was in
    }
    if (!replace)
        return true;
    // After show(): the device picker is a child of a visible window.
    QTimer::singleShot(0, &window, [&window] {
        if (!window.actions()->trigger(window.selection()->current(), QStringLiteral("replace")))
            qWarning("plexus: --replace: %s cannot be replaced now", qPrintable(window.selection()->current().name));
    });
    return true;
}

} // namespace plexus

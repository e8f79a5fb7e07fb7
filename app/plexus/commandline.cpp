// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "commandline.h"
#include "mainwindow.h"
#include "operations/actionlauncher.h"

#include <KLocalizedString>
#include <QTimer>

namespace plexus {

CommandLine::CommandLine()
    : root(QStringLiteral("root"), i18nc("@info:shell --root's description; DIR as its value is translated", "Show the tree in DIR (with sys/, proc/, run/udev/) instead of this machine."),
           i18nc("@info:shell the value of --root: a directory", "DIR"), QStringLiteral("/"))
    , benchmark(QStringLiteral("benchmark-startup"), i18nc("@info:shell", "Print the time from start to the window populated and shown, then quit."))
    , monitor(QStringLiteral("monitor"),
              i18nc("@info:shell", "Run in the background with a tray icon, and notify the desktop when an array needs attention."))
    , select(QStringLiteral("select"), i18nc("@info:shell --select's description; ITEM as its value is translated", "Open on ITEM: an array (md0) or one of its members (md0/sdb)."),
             i18nc("@info:shell the value of --select: an array or member", "ITEM"))
    , replace(QStringLiteral("replace"), i18nc("@info:shell", "With --select on a member: start replacing it (choose the new device)."))
{
    parser.setApplicationDescription(i18nc("@info:shell", "See and manage Linux software RAID and volumes."));
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

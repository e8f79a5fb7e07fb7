// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// plexus's options, in one place: parsed at start, and again for the command
// line a second start hands over to the running window (singlewindow.h).

#include <QCommandLineParser>

namespace plexus {

struct CommandLine {
    CommandLine();

    QCommandLineParser parser;
    const QCommandLineOption root;
    const QCommandLineOption benchmark;
    const QCommandLineOption monitor;
    const QCommandLineOption select;
    const QCommandLineOption replace;
};

class MainWindow;

// --select ITEM [--replace] on `window`: selects the array or member (a member
// since removed opens its array) and, with --replace, starts replacing it.
// False when there is no such array, or it cannot be replaced now.
bool openOn(MainWindow &window, const QString &item, bool replace);

} // namespace plexus

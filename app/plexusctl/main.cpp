// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// plexusctl: Plexus from the command line. Reading needs no privileges;
// changes go through plexus-helper on the system bus.
#include "helpercommands.h"
#include "historycommand.h"
#include "locatecommand.h"
#include "monitorcommand.h"
#include "statuscommand.h"

#include <QCoreApplication>
#include <QTextStream>

namespace {

const char usage[] =
    "usage: plexusctl COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  status      show disks, partitions, md arrays and volumes (--json, --mdstat FILE)\n"
    "  monitor     print storage events as they happen (--json, --exec PROGRAM, --journal, --mail ADDRESS)\n"
    "  history     the storage events the system journal kept (--array NAME, --device NAME, --since WHEN)\n"
    "  locate      what to look for to find a disk in the machine (serial, WWN, where it is plugged in)\n"
    "\n"
    "--version prints the version; --commands lists the commands, one a line.\n"
    "\n"
    "commands that change things (through plexus-helper; polkit may ask for a password;\n"
    "--dry-run shows the plan only):\n";

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("plexusctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLEXUS_VERSION));
    const QStringList args = app.arguments();
    QTextStream err(stderr);
    if (args.size() < 2) {
        err << usage << plexus::helperCommandsUsage() << "\nplexusctl COMMAND --help shows the options of a command.\n";
        return 2;
    }
    if (args.at(1) == QLatin1String("--help") || args.at(1) == QLatin1String("-h")) {
        QTextStream(stdout) << usage << plexus::helperCommandsUsage()
                            << "\nplexusctl COMMAND --help shows the options of a command.\n\n" << plexus::helperExitCodes();
        return 0;
    }
    if (args.at(1) == QLatin1String("--version")) {
        QTextStream(stdout) << "plexusctl " << QCoreApplication::applicationVersion() << "\n";
        return 0;
    }
    // For the shell completions: every command, one a line, read at completion time.
    if (args.at(1) == QLatin1String("--commands")) {
        QTextStream(stdout) << "status\nmonitor\nhistory\nlocate\n" << plexus::helperCommandNames().join(QLatin1Char('\n')) << "\n";
        return 0;
    }
    const QString command = args.at(1);
    if (command == QLatin1String("status"))
        return plexus::runStatusCommand(args);
    if (command == QLatin1String("monitor"))
        return plexus::runMonitorCommand(args);
    if (command == QLatin1String("history"))
        return plexus::runHistoryCommand(args);
    if (command == QLatin1String("locate"))
        return plexus::runLocateCommand(args);
    if (plexus::isHelperCommand(command))
        return plexus::runHelperCommand(args);
    err << "plexusctl: unknown command '" << command << "'\n\n" << usage << plexus::helperCommandsUsage();
    return 2;
}

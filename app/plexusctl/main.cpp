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

#include <KLocalizedString>

namespace {

// One line of the command list: the verb, then what it does, in a column.
QString commandLine(const char *verb, const QString &summary)
{
    return QStringLiteral("  %1%2\n").arg(QString::fromLatin1(verb).leftJustified(12), summary);
}

QString usage()
{
    return i18nc("plexusctl's usage line; COMMAND and OPTIONS are placeholders, keep plexusctl", "usage: plexusctl COMMAND [OPTIONS]") + QStringLiteral("\n\n")
        + i18nc("heading of plexusctl's list of commands", "commands:") + QStringLiteral("\n")
        + commandLine("status", i18nc("plexusctl status; keep the option names", "show disks, partitions, md arrays and volumes (--json, --mdstat FILE)"))
        + commandLine("monitor", i18nc("plexusctl monitor; keep the option names",
                                       "print storage events as they happen (--json, --exec PROGRAM, --journal, --mail ADDRESS)"))
        + commandLine("history", i18nc("plexusctl history; keep the option names",
                                       "the storage events the system journal kept (--array NAME, --device NAME, --since WHEN)"))
        + commandLine("locate", i18nc("plexusctl locate", "what to look for to find a disk in the machine (serial, WWN, where it is plugged in)"))
        + QStringLiteral("\n")
        + i18nc("keep the option names", "--version prints the version; --commands lists the commands, one a line.") + QStringLiteral("\n\n")
        + i18nc("heading of plexusctl's list of commands that change things; keep plexus-helper and --dry-run",
                "commands that change things (through plexus-helper; polkit may ask for a password;\n--dry-run shows the plan only):")
        + QStringLiteral("\n");
}

QString helpHint()
{
    return i18nc("keep plexusctl COMMAND --help", "plexusctl COMMAND --help shows the options of a command.");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    KLocalizedString::setApplicationDomain(QByteArrayLiteral("plexus"));
    QCoreApplication::setApplicationName(QStringLiteral("plexusctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLEXUS_VERSION));
    const QStringList args = app.arguments();
    QTextStream err(stderr);
    if (args.size() < 2) {
        err << usage() << plexus::helperCommandsUsage() << "\n" << helpHint() << "\n";
        return 2;
    }
    if (args.at(1) == QLatin1String("--help") || args.at(1) == QLatin1String("-h")) {
        QTextStream(stdout) << usage() << plexus::helperCommandsUsage() << "\n" << helpHint() << "\n\n" << plexus::helperExitCodes();
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
    err << i18nc("keep plexusctl:", "plexusctl: unknown command '%1'", command) << "\n\n" << usage() << plexus::helperCommandsUsage();
    return 2;
}

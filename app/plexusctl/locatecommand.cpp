// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "locatecommand.h"
#include "commandoptions.h"

#include "engine/ops/field.h"
#include "model/locate.h"
#include "monitor/journalhistory.h"
#include "probe/snapshotprobe.h"

#include <QTextStream>

#include <KLocalizedString>

namespace plexus {

int runLocateCommand(const QStringList &args)
{
    QTextStream out(stdout), err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(i18n(
        "What to look for to find a disk in the machine: its serial number and WWN\n"
        "(printed on the drive), its model, and where it is plugged in."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("locate"), i18nc("plexusctl locate", "Tell how to find a disk."));
    parser.addPositionalArgument(QStringLiteral("DISK"), i18nc("plexusctl locate DISK", "The disk (sdb, /dev/sdb), or one of its partitions."));
    const QCommandLineOption root(QStringLiteral("root"), i18nc("keep DIR: the option's placeholder", "Read sys/ and run/udev/ under DIR instead of / (for captured trees)."),
                                  QStringLiteral("DIR"), QStringLiteral("/"));
    parser.addOption(root);
    if (const std::optional<int> done = parseCommandOptions(parser, args))
        return *done;
    const QStringList words = parser.positionalArguments();
    if (words.size() != 2) {
        err << i18nc("keep locate", "plexusctl: locate takes one disk, like sdb") << "\n";
        return 2;
    }
    const QString name = deviceName(words.at(1));
    if (!isPlainDeviceName(name)) {
        err << i18nc("%1 is what was given", "plexusctl: '%1' is not a disk name like sdb or /dev/sdb", words.at(1)) << "\n";
        return 2;
    }
    // Disks only: udev's record is all this needs, no UDisks, no LVM.
    const SnapshotPtr snapshot = SnapshotProbe(parser.value(root), SnapshotProbe::Detail::Fast).take();
    const Disk *disk = snapshot->diskOf(name);
    if (!disk) {
        QStringList names;
        for (const Disk &d : snapshot->disks)
            names << d.name;
        if (names.isEmpty())
            err << i18nc("%1 is what was given", "plexusctl: there is no disk or partition '%1' (disks: none)", name) << "\n";
        else
            err << i18nc("%1 is what was given, %2 lists the disks there are (sda, sdb)", "plexusctl: there is no disk or partition '%1' (disks: %2)", name,
                         names.join(QStringLiteral(", ")))
                << "\n";
        return 2;
    }
    if (disk->name != name)
        out << i18nc("%1 is a partition, %2 its disk", "%1 is a partition of %2.", name, disk->name) << "\n";
    out << locateText(*disk);
    return 0;
}

} // namespace plexus

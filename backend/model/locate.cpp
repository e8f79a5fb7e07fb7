// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "locate.h"
#include "describe.h"

#include <KLocalizedString>

#include <QRegularExpression>

namespace plexus {

namespace {

// "pci-0000:00:1f.2-ata-2" -> "port 2 of the disk controller at PCI 0000:00:1f.2".
QString pathWords(const QString &path)
{
    static const QRegularExpression pattern(QStringLiteral("^pci-([0-9a-f:.]+)-(ata|sas|nvme|usb|scsi)-([0-9:.]+)"));
    const QRegularExpressionMatch m = pattern.match(path);
    if (!m.hasMatch())
        return i18nc("where a disk is connected", "the path udev gives it; the same name is under /dev/disk/by-path");
    const QString bus = m.captured(2), port = m.captured(3), pci = m.captured(1);
    // An NVMe drive is a PCI device of its own: the slot is the place; the number is its namespace.
    if (bus == QLatin1String("nvme"))
        return i18nc("where a disk is connected: %1 a PCI address, %2 a namespace number",
                     "the NVMe drive in the slot at PCI %1 (namespace %2); the same name is under /dev/disk/by-path", pci, port);
    if (bus == QLatin1String("ata"))
        return i18nc("where a disk is connected: %1 a port number, %2 a PCI address",
                     "SATA port %1 of the controller at PCI %2; the same name is under /dev/disk/by-path", port, pci);
    if (bus == QLatin1String("usb"))
        return i18nc("where a disk is connected: %1 a port number, %2 a PCI address",
                     "USB port %1 of the controller at PCI %2; the same name is under /dev/disk/by-path", port, pci);
    return i18nc("where a disk is connected: %1 a port number, %2 a PCI address",
                 "port %1 of the controller at PCI %2; the same name is under /dev/disk/by-path", port, pci);
}

} // namespace

QList<LocateLine> locateLines(const Disk &d)
{
    QList<LocateLine> lines;
    if (!d.serial.isEmpty())
        lines << LocateLine{i18nc("what to look for to find a disk", "Serial number"), d.serial,
                            i18nc("where to find a disk's serial number", "printed on the drive's label")};
    if (!d.wwn.isEmpty())
        lines << LocateLine{i18nc("what to look for to find a disk: its World Wide Name", "WWN"), d.wwn,
                            i18nc("where to find a disk's WWN", "on the label of most SAS and data-centre drives")};
    if (!d.model.isEmpty())
        lines << LocateLine{i18nc("what to look for to find a disk", "Model"),
                            i18nc("a disk's model and size", "%1, %2", d.model, humanSize(d.sizeBytes)), QString()};
    if (!d.path.isEmpty())
        lines << LocateLine{i18nc("what to look for to find a disk: where it is connected", "Connected at"), d.path, pathWords(d.path)};
    return lines;
}

QString bayLightNote(const Disk &d)
{
    return i18nc("%1 is a disk's name; the ledctl commands stay as they are",
                 "Plexus does not blink bay lights yet. In a machine whose bays have lights an enclosure "
                 "controls, ledmon's ledctl does it as root: ledctl locate=/dev/%1 (and locate_off=/dev/%1 "
                 "to stop).", d.name);
}

QString locateText(const Disk &d)
{
    QString text = i18nc("%1 is a disk's name", "To find %1 in the machine, look for:", d.name) + QLatin1Char('\n');
    const QList<LocateLine> lines = locateLines(d);
    for (const LocateLine &line : lines) {
        text += QStringLiteral("  ") + i18nc("what to look for to find a disk: \"Serial number: WD-1234\"", "%1: %2", line.label, line.value)
            + QLatin1Char('\n');
        if (!line.where.isEmpty())
            text += QStringLiteral("      ") + i18nc("where to find it, under what to look for", "(%1)", line.where) + QLatin1Char('\n');
    }
    if (lines.isEmpty())
        text += QStringLiteral("  ") + i18nc("what to look for to find a disk", "nothing: the drive reports no serial number, WWN, model or path")
            + QLatin1Char('\n');
    return text + QLatin1Char('\n') + bayLightNote(d) + QLatin1Char('\n');
}

} // namespace plexus

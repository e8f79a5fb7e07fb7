// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "locate.h"
#include "describe.h"

#include <QRegularExpression>

namespace plexus {

namespace {

// "pci-0000:00:1f.2-ata-2" -> "port 2 of the disk controller at PCI 0000:00:1f.2".
QString pathWords(const QString &path)
{
    static const QRegularExpression pattern(QStringLiteral("^pci-([0-9a-f:.]+)-(ata|sas|nvme|usb|scsi)-([0-9:.]+)"));
    const QRegularExpressionMatch m = pattern.match(path);
    if (!m.hasMatch())
        return QStringLiteral("the path udev gives it; the same name is under /dev/disk/by-path");
    const QString bus = m.captured(2), port = m.captured(3), pci = m.captured(1);
    const QString byPath = QStringLiteral("; the same name is under /dev/disk/by-path");
    // An NVMe drive is a PCI device of its own: the slot is the place; the number is its namespace.
    if (bus == QLatin1String("nvme"))
        return QStringLiteral("the NVMe drive in the slot at PCI %1 (namespace %2)").arg(pci, port) + byPath;
    const QString kind = bus == QLatin1String("ata") ? QStringLiteral("SATA port")
                         : bus == QLatin1String("usb") ? QStringLiteral("USB port")
                                                       : QStringLiteral("port");
    return QStringLiteral("%1 %2 of the controller at PCI %3").arg(kind, port, pci) + byPath;
}

} // namespace

QList<LocateLine> locateLines(const Disk &d)
{
    QList<LocateLine> lines;
    if (!d.serial.isEmpty())
        lines << LocateLine{QStringLiteral("Serial number"), d.serial, QStringLiteral("printed on the drive's label")};
    if (!d.wwn.isEmpty())
        lines << LocateLine{QStringLiteral("WWN"), d.wwn, QStringLiteral("on the label of most SAS and data-centre drives")};
    if (!d.model.isEmpty())
        lines << LocateLine{QStringLiteral("Model"), QStringLiteral("%1, %2").arg(d.model, humanSize(d.sizeBytes)), QString()};
    if (!d.path.isEmpty())
        lines << LocateLine{QStringLiteral("Connected at"), d.path, pathWords(d.path)};
    return lines;
}

QString bayLightNote(const Disk &d)
{
    return QStringLiteral("Plexus does not blink bay lights yet. In a machine whose bays have lights an enclosure "
                          "controls, ledmon's ledctl does it as root: ledctl locate=/dev/%1 (and locate_off=/dev/%1 "
                          "to stop).").arg(d.name);
}

QString locateText(const Disk &d)
{
    QString text = QStringLiteral("To find %1 in the machine, look for:\n").arg(d.name);
    const QList<LocateLine> lines = locateLines(d);
    for (const LocateLine &line : lines) {
        text += QStringLiteral("  %1: %2\n").arg(line.label, line.value);
        if (!line.where.isEmpty())
            text += QStringLiteral("      (%1)\n").arg(line.where);
    }
    if (lines.isEmpty())
        text += QStringLiteral("  nothing: the drive reports no serial number, WWN, model or path\n");
    return text + QLatin1Char('\n') + bayLightNote(d) + QLatin1Char('\n');
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "treeprinter.h"
#include "model/describe.h"

#include <KLocalizedString>

namespace plexus {

namespace {

// A member's state in words (memberStateWord's token, for people).
QString memberStateText(const Member &m)
{
    const QString word = memberStateWord(m);
    if (word == QLatin1String("faulty")) return i18nc("an md member's state", "faulty");
    if (word == QLatin1String("journal")) return i18nc("an md member's state: it is the array's journal", "journal");
    if (word == QLatin1String("spare")) return i18nc("an md member's state", "spare");
    if (word == QLatin1String("replacement")) return i18nc("an md member's state: it replaces another member", "replacement");
    if (word == QLatin1String("in_sync")) return i18nc("an md member's state", "in sync");
    if (word == QLatin1String("rebuilding")) return i18nc("an md member's state", "rebuilding");
    if (word == QLatin1String("active")) return i18nc("an md member's state: working, sync state not known", "active");
    return QString(word).replace(QLatin1Char('_'), QLatin1Char(' '));
}

// What a block device is used for, in words: "member of md0 (in sync)", "PV of vg0", ...
QString roleOf(const Snapshot &s, const QString &name, const QString &fsType)
{
    QStringList roles;
    for (const Array *a : s.arraysUsing(name))
        roles.append(i18nc("what a device is used for: %1 is an md array, %2 the member's state", "member of %1 (%2)", a->name, memberStateText(*a->member(name))));
    if (const PhysicalVolume *pv = s.physicalVolume(name))
        roles.append(i18nc("what a device is used for: %1 is an LVM volume group", "LVM PV of %1", pv->vgName));
    for (const Mount *m : s.mountsOf(name))
        roles.append(i18nc("a filesystem type on its mount point: ext4 on /boot", "%1 on %2", m->fsType, m->mountPoint));
    if (s.isSwap(name))
        roles.append(i18nc("what a device is used for", "swap (active)"));
    if (roles.isEmpty() && !fsType.isEmpty())
        roles.append(fsType == QLatin1String("linux_raid_member") ? i18nc("what a device is used for", "md member (array not running)") : fsType);
    return roles.isEmpty() ? i18nc("what a device is used for", "not in use")
                           : joinedList(roles, ki18nc("the uses of a device so far; one more", "%1; %2"));
}

void printDisks(const Snapshot &s, QTextStream &out)
{
    out << i18nc("heading of plexusctl status", "Disks") << "\n";
    if (s.disks.isEmpty())
        out << "  " << i18nc("no disks", "(none found)") << "\n";
    for (const Disk &d : s.disks) {
        QStringList facts{humanSize(d.sizeBytes)};
        if (!d.model.isEmpty()) facts << d.model;
        if (!d.serial.isEmpty()) facts << i18nc("a disk's serial number", "serial %1", d.serial);
        if (!d.bus.isEmpty()) facts << d.bus;
        if (d.hotpluggable) facts << i18nc("a disk's fact", "hot-pluggable");
        out << "  " << d.name << "  " << joinedList(facts, ki18nc("a disk's facts so far (size, model, ...); one more", "%1, %2")) << "\n";
        if (d.partitions.isEmpty()) {
            out << "    " << i18nc("%1 is what the whole disk (no partitions) is used for", "(whole disk) %1", roleOf(s, d.name, d.fsType)) << "\n";
            continue;
        }
        for (const Partition &p : d.partitions)
            out << "    " << p.name << "  " << humanSize(p.sizeBytes) << "  " << roleOf(s, p.name, p.fsType) << "\n";
    }
}

void printVolumesOn(const Snapshot &s, const QString &device, const QString &indent, QTextStream &out)
{
    for (const VolumeGroup &vg : s.volumeGroups) {
        const bool onDevice = std::any_of(vg.physicalVolumes.begin(), vg.physicalVolumes.end(),
                                          [&](const PhysicalVolume &pv) { return pv.device == device; });
        if (!onDevice)
            continue;
        if (vg.freeBytes)
            out << indent << i18nc("an LVM volume group: its name, size and free space", "volume group %1  %2, %3 free", vg.name,
                                   humanSize(vg.sizeBytes.value_or(0)), humanSize(*vg.freeBytes));
        else
            out << indent << i18nc("an LVM volume group: its name and size", "volume group %1  %2", vg.name, humanSize(vg.sizeBytes.value_or(0)));
        out << "\n";
        for (const LogicalVolume &lv : vg.logicalVolumes) {
            out << indent << "  " << lv.name << "  " << humanSize(lv.sizeBytes);
            if (!lv.device.isEmpty())
                out << "  " << roleOf(s, lv.device, QString());
            if (!lv.active)
                out << "  " << i18nc("a logical volume", "(inactive)");
            out << "\n";
        }
    }
}

void printArrays(const Snapshot &s, QTextStream &out)
{
    out << i18nc("heading of plexusctl status: md arrays", "Arrays") << "\n";
    if (s.arrays.isEmpty())
        out << "  " << i18nc("no arrays", "(none)") << "\n";
    for (const Array &a : s.arrays) {
        out << "  " << a.name << "  " << a.level.value_or(QStringLiteral("-"));
        if (a.sizeKib)
            out << "  " << humanSize(*a.sizeKib * 1024);
        if (!a.memberStatus.isEmpty())
            out << "  [" << a.memberStatus << "]";
        out << "  " << arrayHealthText(a) << "\n";
        for (const Member &m : a.members) {
            out << "    " << m.device;
            if (m.slot) out << "  " << i18nc("an md member's slot number", "slot %1", QString::number(*m.slot));
            out << "  " << (m.writeMostly ? i18nc("an md member's state, and that it is write-mostly", "%1, write-mostly", memberStateText(m)) : memberStateText(m));
            out << "\n";
        }
        if (a.sync)
            out << "    " << syncText(*a.sync) << "\n";
        for (const Mount *m : s.mountsOf(a.name))
            out << "    " << i18nc("a filesystem type on its mount point: ext4 on /boot", "%1 on %2", m->fsType, m->mountPoint) << "\n";
        printVolumesOn(s, a.name, QStringLiteral("    "), out);
    }
}

} // namespace

void printStatusTree(const Snapshot &s, QTextStream &out)
{
    printDisks(s, out);
    printArrays(s, out);
    // Volume groups that sit directly on disks or partitions.
    bool header = false;
    for (const VolumeGroup &vg : s.volumeGroups) {
        for (const PhysicalVolume &pv : vg.physicalVolumes) {
            if (s.array(pv.device))
                continue;
            if (!header) {
                out << i18nc("heading of plexusctl status: LVM directly on disks or partitions", "Volumes on disks") << "\n";
                header = true;
            }
            out << "  " << i18nc("%1 is a disk or partition holding an LVM physical volume", "on %1", pv.device) << "\n";
            printVolumesOn(s, pv.device, QStringLiteral("    "), out);
        }
    }
    if (!s.unusedDevices.isEmpty())
        out << i18nc("%1 lists md devices, space-separated", "Unused md devices: %1", s.unusedDevices.join(QLatin1Char(' '))) << "\n";
}

} // namespace plexus

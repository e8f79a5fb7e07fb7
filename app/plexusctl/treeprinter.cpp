// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "treeprinter.h"
#include "model/describe.h"

namespace plexus {

namespace {

// What a block device is used for, in words: "member of md0 (in sync)", "PV of vg0", ...
QString roleOf(const Snapshot &s, const QString &name, const QString &fsType)
{
    QStringList roles;
    for (const Array *a : s.arraysUsing(name))
        roles.append(QStringLiteral("member of %1 (%2)").arg(a->name, memberStateWord(*a->member(name)).replace(QLatin1Char('_'), QLatin1Char(' '))));
    if (const PhysicalVolume *pv = s.physicalVolume(name))
        roles.append(QStringLiteral("LVM PV of %1").arg(pv->vgName));
    for (const Mount *m : s.mountsOf(name))
        roles.append(QStringLiteral("%1 on %2").arg(m->fsType, m->mountPoint));
    if (s.isSwap(name))
        roles.append(QStringLiteral("swap (active)"));
    if (roles.isEmpty() && !fsType.isEmpty())
        roles.append(fsType == QLatin1String("linux_raid_member") ? QStringLiteral("md member (array not running)") : fsType);
    return roles.isEmpty() ? QStringLiteral("not in use") : roles.join(QStringLiteral("; "));
}

void printDisks(const Snapshot &s, QTextStream &out)
{
    out << "Disks\n";
    if (s.disks.isEmpty())
        out << "  (none found)\n";
    for (const Disk &d : s.disks) {
        QStringList facts{humanSize(d.sizeBytes)};
        if (!d.model.isEmpty()) facts << d.model;
        if (!d.serial.isEmpty()) facts << QStringLiteral("serial ") + d.serial;
        if (!d.bus.isEmpty()) facts << d.bus;
        if (d.hotpluggable) facts << QStringLiteral("hot-pluggable");
        out << "  " << d.name << "  " << facts.join(QStringLiteral(", ")) << "\n";
        if (d.partitions.isEmpty()) {
            out << "    (whole disk) " << roleOf(s, d.name, d.fsType) << "\n";
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
        out << indent << "volume group " << vg.name << "  " << humanSize(vg.sizeBytes.value_or(0));
        if (vg.freeBytes)
            out << ", " << humanSize(*vg.freeBytes) << " free";
        out << "\n";
        for (const LogicalVolume &lv : vg.logicalVolumes) {
            out << indent << "  " << lv.name << "  " << humanSize(lv.sizeBytes);
            if (!lv.device.isEmpty())
                out << "  " << roleOf(s, lv.device, QString());
            if (!lv.active)
                out << "  (inactive)";
            out << "\n";
        }
    }
}

void printArrays(const Snapshot &s, QTextStream &out)
{
    out << "Arrays\n";
    if (s.arrays.isEmpty())
        out << "  (none)\n";
    for (const Array &a : s.arrays) {
        out << "  " << a.name << "  " << a.level.value_or(QStringLiteral("-"));
        if (a.sizeKib)
            out << "  " << humanSize(*a.sizeKib * 1024);
        if (!a.memberStatus.isEmpty())
            out << "  [" << a.memberStatus << "]";
        out << "  " << arrayHealthText(a) << "\n";
        for (const Member &m : a.members) {
            out << "    " << m.device;
            if (m.slot) out << "  slot " << *m.slot;
            out << "  " << memberStateWord(m).replace(QLatin1Char('_'), QLatin1Char(' '));
            if (m.writeMostly) out << ", write-mostly";
            out << "\n";
        }
        if (a.sync)
            out << "    " << syncText(*a.sync) << "\n";
        for (const Mount *m : s.mountsOf(a.name))
            out << "    " << m->fsType << " on " << m->mountPoint << "\n";
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
                out << "Volumes on disks\n";
                header = true;
            }
            out << "  on " << pv.device << "\n";
            printVolumesOn(s, pv.device, QStringLiteral("    "), out);
        }
    }
    if (!s.unusedDevices.isEmpty())
        out << "Unused md devices: " << s.unusedDevices.join(QLatin1Char(' ')) << "\n";
}

} // namespace plexus

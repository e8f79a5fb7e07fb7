// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "stacking.h"

#include <QRegularExpression>

namespace plexus {

void arraysUnder(const Snapshot &s, const QString &device, QStringList *out, int depth)
{
    if (depth > 8 || device.isEmpty())
        return;
    if (s.array(device)) {
        if (!out->contains(device))
            out->append(device);
        return;
    }
    static const QRegularExpression mdPartition(QStringLiteral("^(md\\d+)p\\d+$"));
    if (const auto m = mdPartition.match(device); m.hasMatch()) {
        arraysUnder(s, m.captured(1), out, depth + 1);
        return;
    }
    for (const VolumeGroup &vg : s.volumeGroups)
        for (const LogicalVolume &lv : vg.logicalVolumes)
            if (lv.active && lv.device == device)
                for (const PhysicalVolume &pv : vg.physicalVolumes)
                    arraysUnder(s, pv.device, out, depth + 1);
}

QStringList devicesOn(const Snapshot &s, const QString &md)
{
    QStringList candidates{md};
    if (const Disk *d = s.disk(md))
        for (const Partition &p : d->partitions)
            candidates << p.name;
    for (const VolumeGroup &vg : s.volumeGroups)
        for (const LogicalVolume &lv : vg.logicalVolumes)
            if (lv.active && !lv.device.isEmpty())
                candidates << lv.device;
    QStringList result;
    for (const QString &c : candidates) {
        QStringList arrays;
        arraysUnder(s, c, &arrays);
        if (arrays.contains(md) && !result.contains(c))
            result << c;
    }
    return result;
}

} // namespace plexus

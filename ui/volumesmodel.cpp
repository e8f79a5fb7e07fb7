// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "volumesmodel.h"
#include "disksegments.h"
#include "model/describe.h"
#include "themedicons.h"

namespace plexus {

namespace {

QString lvUse(const LogicalVolume &lv, const Snapshot &s)
{
    if (!lv.active)
        return QStringLiteral("inactive");
    const DiskSegment role = blockDeviceRole(lv.device, QString(), QString(), s);
    return role.role == SegmentRole::Other ? QStringLiteral("not mounted") : role.roleText;
}

QList<QStandardItem *> row(const QStringList &texts, const Selectable &item, const QIcon &icon)
{
    QList<QStandardItem *> items;
    for (const QString &text : texts) {
        auto *cell = new QStandardItem(text);
        cell->setEditable(false);
        cell->setData(QVariant::fromValue(item), VolumesModel::SelectableRole);
        items << cell;
    }
    items[VolumesModel::Name]->setIcon(icon);
    items[VolumesModel::Size]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return items;
}

} // namespace

VolumesModel::VolumesModel(QObject *parent) : QStandardItemModel(parent)
{
    setHorizontalHeaderLabels({QStringLiteral("Volume"), QStringLiteral("Size"), QStringLiteral("On"), QStringLiteral("Use")});
}

void VolumesModel::setSnapshot(const Snapshot &snapshot, const QPalette &palette)
{
    removeRows(0, rowCount());
    const QIcon vgIcon = themedIcon(QStringLiteral("volume-group"), palette);
    const QIcon lvIcon = themedIcon(QStringLiteral("logical-volume"), palette);
    for (const VolumeGroup &vg : snapshot.volumeGroups) {
        QStringList pvs;
        for (const PhysicalVolume &pv : vg.physicalVolumes)
            pvs << pv.device;
        QString use = vg.logicalVolumes.size() == 1 ? QStringLiteral("1 volume")
                                                    : QStringLiteral("%1 volumes").arg(vg.logicalVolumes.size());
        if (vg.freeBytes)
            use += QStringLiteral(", %1 free").arg(humanSize(*vg.freeBytes));
        const QList<QStandardItem *> group = row({vg.name, vg.sizeBytes ? humanSize(*vg.sizeBytes) : QString(),
                                                  pvs.join(QStringLiteral(", ")), use},
                                                 Selectable::volumeGroup(vg.name), vgIcon);
        for (const LogicalVolume &lv : vg.logicalVolumes)
            group[Name]->appendRow(row({lv.name, humanSize(lv.sizeBytes), lv.segmentType,
                                        lvUse(lv, snapshot)},
                                       Selectable::logicalVolume(vg.name, lv.name), lvIcon));
        appendRow(group);
    }
}

QModelIndex VolumesModel::indexOf(const Selectable &item) const
{
    const QModelIndexList found = match(index(0, 0), SelectableRole, QVariant::fromValue(item), 1,
                                        Qt::MatchExactly | Qt::MatchRecursive);
    return found.value(0);
}

} // namespace plexus

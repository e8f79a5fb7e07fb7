// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "selectionmodel.h"

namespace plexus {

SelectionModel::SelectionModel(QObject *parent) : QObject(parent) {}

void SelectionModel::setSnapshot(SnapshotPtr snapshot)
{
    m_snapshot = std::move(snapshot);
    // Every view with a highlight repaints at highlightChanged(): a new snapshot
    // (a progress tick, a member failing elsewhere) says so only when what is
    // lit changed.
    updateLit(Told::WhenLitChanged);
}

namespace {
bool isDevice(const Selectable &item)
{
    return item.kind == Selectable::Kind::Disk || item.kind == Selectable::Kind::Partition;
}
} // namespace

void SelectionModel::setCurrent(const Selectable &item)
{
    const QStringList chosen = isDevice(item) ? QStringList{item.name} : QStringList{};
    if (chosen != m_chosen) {
        m_chosen = chosen;
        Q_EMIT chosenChanged(m_chosen);
    }
    if (item == m_current)
        return;
    m_current = item;
    updateLit();
    Q_EMIT currentChanged(m_current);
}

void SelectionModel::toggleChosen(const Selectable &item)
{
    if (!isDevice(item))
        return;
    if (!isDevice(m_current))
        m_chosen.clear(); // an array was current: start a new choice
    if (m_chosen.contains(item.name))
        m_chosen.removeAll(item.name);
    else
        m_chosen << item.name;
    Q_EMIT chosenChanged(m_chosen);
    if (item != m_current) {
        m_current = item;
        updateLit();
        Q_EMIT currentChanged(m_current);
    } else {
        Q_EMIT highlightChanged();
    }
}

void SelectionModel::setHovered(const Selectable &item)
{
    if (item == m_hovered)
        return;
    m_hovered = item;
    updateLit();
}

void SelectionModel::unhover(const Selectable &item)
{
    if (item == m_hovered)
        setHovered({});
}

bool SelectionModel::isLit(const QString &name) const
{
    return !name.isEmpty() && m_lit.contains(name);
}

QSet<QString> SelectionModel::related(const Selectable &item) const
{
    QSet<QString> names;
    if (item.isNone() || !m_snapshot)
        return names;
    const Snapshot &s = *m_snapshot;
    auto addDevice = [&](const QString &device) {
        names << device;
        for (const Array *a : s.arraysUsing(device))
            names << a->name;
        if (const PhysicalVolume *pv = s.physicalVolume(device))
            names << pv->vgName;
    };
    switch (item.kind) {
    case Selectable::Kind::None:
        break;
    case Selectable::Kind::Disk:
        addDevice(item.name);
        if (const Disk *d = s.disk(item.name))
            for (const Partition &p : d->partitions)
                addDevice(p.name);
        break;
    case Selectable::Kind::Partition:
        addDevice(item.name);
        break;
    case Selectable::Kind::Array:
        addDevice(item.name);
        if (const Array *a = s.array(item.name))
            for (const Member &m : a->members)
                names << m.device;
        break;
    case Selectable::Kind::Member:
        if (!item.name.isEmpty())
            names << item.name;
        break;
    case Selectable::Kind::VolumeGroup:
    case Selectable::Kind::LogicalVolume: {
        const QString vgName = item.kind == Selectable::Kind::VolumeGroup ? item.name : item.owner;
        names << vgName;
        if (const VolumeGroup *vg = s.volumeGroup(vgName))
            for (const PhysicalVolume &pv : vg->physicalVolumes)
                names << pv.device;
        break;
    }
    }
    return names;
}

void SelectionModel::updateLit(Told told)
{
    QSet<QString> lit = related(m_hovered.isNone() ? m_current : m_hovered);
    if (told == Told::WhenLitChanged && lit == m_lit)
        return;
    m_lit = std::move(lit);
    Q_EMIT highlightChanged();
}

} // namespace plexus

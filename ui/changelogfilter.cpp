// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "changelogfilter.h"
#include "changelogmodel.h"

namespace plexus {

bool ChangeLogFilter::setSubject(const Selectable &item, const Snapshot &snapshot)
{
    m_array.clear();
    m_devices.clear();
    switch (item.kind) {
    case Selectable::Kind::Array:
        m_array = item.name;
        break;
    case Selectable::Kind::Disk:
        m_devices.insert(item.name);
        if (const Disk *disk = snapshot.disk(item.name)) {
            for (const Partition &p : disk->partitions)
                m_devices.insert(p.name);
        }
        break;
    case Selectable::Kind::Partition:
    case Selectable::Kind::Member:
        if (!item.name.isEmpty())
            m_devices.insert(item.name);
        break;
    default:
        break;
    }
    invalidateRowsFilter();
    return !m_array.isEmpty() || !m_devices.isEmpty();
}

void ChangeLogFilter::setNarrowed(bool narrowed)
{
    m_narrowed = narrowed;
    invalidateRowsFilter();
}

bool ChangeLogFilter::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    if (!m_narrowed || (m_array.isEmpty() && m_devices.isEmpty()))
        return true;
    const QModelIndex index = sourceModel()->index(row, 0, parent);
    if (!m_array.isEmpty())
        return index.data(ChangeLogModel::ArrayRole).toString() == m_array;
    return m_devices.contains(index.data(ChangeLogModel::DeviceRole).toString());
}

} // namespace plexus

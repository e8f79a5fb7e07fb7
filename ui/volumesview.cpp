// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "volumesview.h"
#include "selectionmodel.h"
#include "volumelayout.h"

#include <KLocalizedString>

#include <QLabel>
#include <QVBoxLayout>

namespace plexus {

VolumesView::VolumesView(SelectionModel *selection, QWidget *parent) : QWidget(parent), m_selection(selection)
{
    setObjectName(QStringLiteral("volumes"));
    m_empty = new QLabel(i18n("No LVM volume groups."), this);
    m_empty->setObjectName(QStringLiteral("emptyVolumes"));
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_list = new QVBoxLayout;
    m_list->setContentsMargins(0, 0, 0, 0);
    m_list->setSpacing(fontMetrics().height());
    layout->addLayout(m_list);
    layout->addWidget(m_empty);
}

VolumeLayout *VolumesView::group(const QString &name) const
{
    for (VolumeLayout *g : m_groups)
        if (g->groupName() == name)
            return g;
    return nullptr;
}

void VolumesView::setSnapshot(const Snapshot &snapshot)
{
    // Keep the pictures of groups still there (and their keyboard focus), in the snapshot's order.
    QList<VolumeLayout *> kept;
    for (const VolumeGroup &vg : snapshot.volumeGroups) {
        VolumeLayout *g = group(vg.name);
        if (!g)
            g = new VolumeLayout(vg.name, m_selection, this);
        else
            m_groups.removeOne(g);
        g->setGroup(vg, snapshot);
        kept << g;
    }
    qDeleteAll(m_groups);
    m_groups = kept;
    for (VolumeLayout *g : m_groups)
        m_list->removeWidget(g);
    for (VolumeLayout *g : m_groups)
        m_list->addWidget(g);
    m_empty->setVisible(m_groups.isEmpty());
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "volumesview.h"
#include "selectionmodel.h"
#include "volumesmodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace plexus {

VolumesView::VolumesView(SelectionModel *selection, QWidget *parent) : QWidget(parent), m_selection(selection)
{
    setObjectName(QStringLiteral("volumes"));
    m_model = new VolumesModel(this);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("volumeTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setMouseTracking(true);
    m_tree->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tree->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_tree->header()->setStretchLastSection(true);
    for (int column : {VolumesModel::Name, VolumesModel::Size, VolumesModel::On})
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_tree->viewport()->installEventFilter(this);

    m_empty = new QLabel(QStringLiteral("No LVM volume groups."), this);
    m_empty->setObjectName(QStringLiteral("emptyVolumes"));
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    layout->addWidget(m_empty);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) {
        if (index.isValid())
            m_selection->setCurrent(index.data(VolumesModel::SelectableRole).value<Selectable>());
    });
    connect(m_tree, &QTreeView::entered, this, [this](const QModelIndex &index) {
        m_selection->setHovered(index.data(VolumesModel::SelectableRole).value<Selectable>());
    });
    connect(m_selection, &SelectionModel::currentChanged, this, &VolumesView::followSelection);
}

void VolumesView::setSnapshot(const Snapshot &snapshot)
{
    m_model->setSnapshot(snapshot, palette());
    m_tree->expandAll();
    m_tree->setVisible(m_model->rowCount() > 0);
    m_empty->setVisible(m_model->rowCount() == 0);
    followSelection();
    fitHeight();
}

void VolumesView::fitHeight()
{
    int rows = 0;
    for (QModelIndex index = m_model->index(0, 0); index.isValid(); index = m_tree->indexBelow(index))
        ++rows;
    const int rowHeight = rows > 0 ? m_tree->sizeHintForRow(0) : 0;
    m_tree->setFixedHeight(m_tree->header()->sizeHint().height() + rows * rowHeight + 2 * m_tree->frameWidth());
}

void VolumesView::followSelection()
{
    const QModelIndex index = m_model->indexOf(m_selection->current());
    if (index.isValid())
        m_tree->setCurrentIndex(index);
    else
        m_tree->selectionModel()->clear();
}

bool VolumesView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::Leave) {
        const Selectable hovered = m_selection->hovered();
        if (hovered.kind == Selectable::Kind::VolumeGroup || hovered.kind == Selectable::Kind::LogicalVolume)
            m_selection->setHovered({});
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace plexus

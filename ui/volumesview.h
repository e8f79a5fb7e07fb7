// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The LVM tree under the arrays and disks, as tall as its rows (it sits in
// the scrolling overview), kept in step with the shared selection.

#include "model/snapshot.h"

#include <QWidget>

class QLabel;
class QTreeView;

namespace plexus {

class SelectionModel;
class VolumesModel;

class VolumesView : public QWidget
{
    Q_OBJECT
public:
    explicit VolumesView(SelectionModel *selection, QWidget *parent = nullptr);

    void setSnapshot(const Snapshot &snapshot);
    QTreeView *tree() const { return m_tree; }
    VolumesModel *model() const { return m_model; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitHeight();
    void followSelection();

    SelectionModel *m_selection;
    VolumesModel *m_model;
    QTreeView *m_tree;
    QLabel *m_empty;
};

} // namespace plexus

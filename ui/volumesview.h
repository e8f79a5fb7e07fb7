// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The LVM volume groups under the arrays and disks, each drawn as its
// layout (VolumeLayout), kept in step with the shared selection.

#include "model/snapshot.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace plexus {

class SelectionModel;
class VolumeLayout;

class VolumesView : public QWidget
{
    Q_OBJECT
public:
    explicit VolumesView(SelectionModel *selection, QWidget *parent = nullptr);

    void setSnapshot(const Snapshot &snapshot);
    // One per volume group, in the snapshot's order.
    const QList<VolumeLayout *> &groups() const { return m_groups; }
    VolumeLayout *group(const QString &name) const;

private:
    SelectionModel *m_selection;
    QVBoxLayout *m_list;
    QList<VolumeLayout *> m_groups;
    QLabel *m_empty;
};

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// LVM as a tree: volume groups (on which arrays or disks, how big, how much
// free) and their logical volumes (size, and what they are used for).

#include "model/snapshot.h"
#include "selectionmodel.h"

#include <QStandardItemModel>

namespace plexus {

class VolumesModel : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Size, On, Use, ColumnCount };
    static constexpr int SelectableRole = Qt::UserRole + 1;

    explicit VolumesModel(QObject *parent = nullptr);
    void setSnapshot(const Snapshot &snapshot, const QPalette &palette);
    // The row standing for `item`, if any.
    QModelIndex indexOf(const Selectable &item) const;
};

} // namespace plexus

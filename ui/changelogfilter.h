// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The Changes of one thing: an array's lines, or a disk's (its partitions'
// included), or one member's; everything when the subject is none of these.

#include "selectionmodel.h"

#include <QSortFilterProxyModel>

namespace plexus {

class ChangeLogFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    // `snapshot` tells a disk's partitions. Returns whether `item` is something
    // the log can be narrowed to.
    bool setSubject(const Selectable &item, const Snapshot &snapshot);
    // Off: every line, whatever the subject.
    void setNarrowed(bool narrowed);
    bool isNarrowed() const { return m_narrowed; }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    bool m_narrowed = false;
    QString m_array;           // an array's lines
    QSet<QString> m_devices;   // lines about these devices
};

} // namespace plexus

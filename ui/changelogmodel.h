// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The log of what changed since Plexus started, one line per change,
// "12:03:04 sdb1 failed in md1", oldest first, with a dot in the change's colour.

#include "changenotes.h"

#include <QAbstractListModel>
#include <QDateTime>

namespace plexus {

class ChangeLogModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit ChangeLogModel(QObject *parent = nullptr);

    void append(const QDateTime &when, const QList<ChangeNote> &notes);
    // Every line as shown.
    QStringList lines() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Entry {
        QDateTime when;
        ChangeNote note;
    };
    QList<Entry> m_entries;
};

} // namespace plexus

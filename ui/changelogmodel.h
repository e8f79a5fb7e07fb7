// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The log of what changed, one line per change, "12:03:04 sdb1 failed in md1",
// oldest first, with a dot in the change's colour: what happened since the
// window opened, after what the system journal kept from before (a line not
// from today shows its date: "Dec 3 12:03:04").

#include "changenotes.h"

#include <QAbstractListModel>
#include <QDateTime>

namespace plexus {

struct ChangeLogEntry {
    QDateTime when;
    ChangeNote note;
};

class ChangeLogModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { ArrayRole = Qt::UserRole + 1, DeviceRole }; // what a line is about
    static constexpr int mostEntries = 5000; // hours of a flapping disk; older lines go first

    explicit ChangeLogModel(QObject *parent = nullptr);

    void append(const QDateTime &when, const QList<ChangeNote> &notes);
    // Earlier changes, oldest first, before every line there is.
    void insertPast(const QList<ChangeLogEntry> &entries);
    // Every line as shown.
    QStringList lines() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<ChangeLogEntry> m_entries;
};

} // namespace plexus

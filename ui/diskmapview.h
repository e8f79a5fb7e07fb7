// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The disk map: every disk as a row with its partition bar, in kernel name
// order. Rows are kept across snapshots so focus and hover survive updates.
// Up/Down move the keyboard focus from one disk to the next.

#include "model/snapshot.h"

#include <QWidget>

#include <optional>

class QLabel;
class QVBoxLayout;

namespace plexus {

class DiskRow;
class SelectionModel;

class DiskMapView : public QWidget
{
    Q_OBJECT
public:
    explicit DiskMapView(SelectionModel *selection, QWidget *parent = nullptr);

    void setSnapshot(const Snapshot &snapshot);
    QList<DiskRow *> rows() const { return m_rows; }
    DiskRow *row(const QString &disk) const;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    SelectionModel *m_selection;
    QVBoxLayout *m_layout;
    QLabel *m_empty;
    QList<DiskRow *> m_rows;
    std::optional<Snapshot> m_previous;  // what the rows were last given
};

} // namespace plexus

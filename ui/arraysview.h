// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Every md array as a card, most urgent first: a failed or degraded array is
// always at the top, never buried below healthy ones. With no arrays, says
// so and how to make one instead of showing nothing.

#include "model/snapshot.h"

#include <QWidget>

namespace plexus {

class ArrayCard;
class CardGridLayout;
class SelectionModel;

class ArraysView : public QWidget
{
    Q_OBJECT
public:
    explicit ArraysView(SelectionModel *selection, QWidget *parent = nullptr);

    void setSnapshot(const Snapshot &snapshot);
    // In the order shown.
    QList<ArrayCard *> cards() const { return m_cards; }
    ArrayCard *card(const QString &array) const;
    QWidget *emptyState() const { return m_empty; }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    SelectionModel *m_selection;
    CardGridLayout *m_grid;
    QWidget *m_empty;
    QList<ArrayCard *> m_cards;
};

} // namespace plexus

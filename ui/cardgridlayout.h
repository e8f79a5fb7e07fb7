// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Lays cards out in as many equal columns as fit (each at least
// minimumColumnWidth), row by row in the order they were added; cards in a row
// share the row's height so the grid reads as a grid.

#include <QLayout>

namespace plexus {

class CardGridLayout : public QLayout
{
public:
    explicit CardGridLayout(QWidget *parent = nullptr);
    ~CardGridLayout() override;

    void setMinimumColumnWidth(int width);
    int columnCount(int width) const;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    QSize sizeHint() const override;
    QSize minimumSize() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    void setGeometry(const QRect &rect) override;
    Qt::Orientations expandingDirections() const override { return Qt::Horizontal; }

private:
    int arrange(const QRect &rect, bool apply) const;

    QList<QLayoutItem *> m_items;
    int m_minimumColumnWidth = 300;
};

} // namespace plexus

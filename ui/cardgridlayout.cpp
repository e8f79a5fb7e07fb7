// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "cardgridlayout.h"

#include <QWidget>

namespace plexus {

CardGridLayout::CardGridLayout(QWidget *parent) : QLayout(parent) {}

CardGridLayout::~CardGridLayout()
{
    qDeleteAll(m_items);
}

void CardGridLayout::setMinimumColumnWidth(int width)
{
    m_minimumColumnWidth = width;
    invalidate();
}

int CardGridLayout::columnCount(int width) const
{
    const int gap = qMax(0, spacing());
    return qMax(1, qMin(int(m_items.size()), (width + gap) / (m_minimumColumnWidth + gap)));
}

void CardGridLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

int CardGridLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *CardGridLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem *CardGridLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

QSize CardGridLayout::sizeHint() const
{
    const int width = m_minimumColumnWidth * qMin(2, qMax(1, count()));
    return QSize(width, heightForWidth(width));
}

QSize CardGridLayout::minimumSize() const
{
    const QMargins m = contentsMargins();
    return QSize(m_minimumColumnWidth + m.left() + m.right(), 0);
}

int CardGridLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

void CardGridLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int CardGridLayout::arrange(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int gap = qMax(0, spacing());
    const int columns = columnCount(area.width());
    const int columnWidth = (area.width() - gap * (columns - 1)) / columns;
    int y = area.top();
    QList<QLayoutItem *> visible;
    for (QLayoutItem *item : m_items)
        if (!item->isEmpty())
            visible << item;
    for (int first = 0; first < visible.size(); first += columns) {
        int rowHeight = 0;
        const int last = qMin(int(visible.size()), first + columns);
        for (int i = first; i < last; ++i) {
            QLayoutItem *item = visible[i];
            rowHeight = qMax(rowHeight, item->hasHeightForWidth() ? item->heightForWidth(columnWidth) : item->sizeHint().height());
        }
        if (apply)
            for (int i = first; i < last; ++i)
                visible[i]->setGeometry(QRect(area.left() + (i - first) * (columnWidth + gap), y, columnWidth, rowHeight));
        y += rowHeight + gap;
    }
    if (!visible.isEmpty())
        y -= gap;
    const QMargins m = contentsMargins();
    return y - area.top() + m.top() + m.bottom();
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// One disk drawn as a horizontal bar of its partitions and free space, to
// scale, each coloured and labelled by its role. One Tab stop: Left/Right
// move between areas, Up/Down are left to the disk map. Ctrl/shift-click
// chooses several areas; a partition or whole disk can be dragged onto a
// member slot. Each area is an accessible list item (painteditems.h).

#include "disksegments.h"
#include "painteditems.h"
#include "selectionmodel.h"

#include <QWidget>

namespace plexus {

class PartitionBar : public QWidget, public PaintedItems
{
    Q_OBJECT
public:
    PartitionBar(const QString &disk, SelectionModel *selection, QWidget *parent = nullptr);

    void setSegments(const QList<DiskSegment> &segments);
    const QList<DiskSegment> &segments() const { return m_segments; }
    // Painted widths, in segment order: the scale the user sees.
    QList<int> segmentWidths() const;
    QRect segmentRect(int index) const { return segmentRects().value(index); }
    int currentIndex() const { return m_current; }
    void setCurrentIndex(int index);
    // What a segment stands for in the selection (free space stands for its disk).
    Selectable selectableAt(int index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    int paintedItemCount() const override { return int(m_segments.size()); }
    Item paintedItem(int index) const override;
    void choosePaintedItem(int index) override { setCurrentIndex(index); }

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    bool event(QEvent *event) override;

private:
    QList<QRect> segmentRects() const;
    int segmentAt(const QPoint &pos) const;
    QString toolTipFor(int index) const;
    int minimumSegmentWidth() const;
    void paintSegment(QPainter &p, const QRect &r, const DiskSegment &seg, bool lit, bool current, bool hovered);

    QString m_disk;
    SelectionModel *m_selection;
    QList<DiskSegment> m_segments;
    int m_current = 0;
    int m_hovered = -1;
    int m_pressed = -1;     // where a drag may start
    QPoint m_pressPos;
};

} // namespace plexus

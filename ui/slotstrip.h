// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// An array's member slots as tiles: device, slot number and state in words
// and colour, wrapping onto more rows when the card is narrow. Hovering or
// clicking a tile points at that member (its partition lights up in the disk
// map); the card owning the strip moves the keyboard's current tile.
// Tiles are drop targets for disks and partitions dragged from the disk map:
// while the pointer is over one, the strip asks its drop planner what the drop
// would do and shows yes (highlight) or no (red, with the reason) before the
// drop; a drop that can be done emits the Operation. Each tile is an
// accessible list item (painteditems.h).

#include "memberslots.h"
#include "operations/operation.h"
#include "painteditems.h"
#include "selectionmodel.h"

#include <QWidget>
#include <functional>

namespace plexus {

class SlotStrip : public QWidget, public PaintedItems
{
    Q_OBJECT
public:
    SlotStrip(SelectionModel *selection, QWidget *parent = nullptr);

    // What dropping `device` on `slot` of `array` would do (dropplanner.h).
    using DropPlanner = std::function<Operation(const QString &array, const MemberSlot &slot, const QString &device)>;

    void setSlots(const QString &array, const QList<MemberSlot> &slots);
    void setDropPlanner(DropPlanner planner);
    const QList<MemberSlot> &slots() const { return m_slots; }
    Selectable selectableAt(int index) const;
    QRect tileRect(int index) const;   // where tile `index` is drawn
    int indexAt(const QPoint &pos) const; // the tile at `pos`, or -1
    // During a drag: the tile under the pointer (-1: none) and what dropping there would do.
    int dropIndex() const { return m_dropIndex; }
    const Operation &dropOperation() const { return m_drop; }
    void setCurrentIndex(int index);   // -1: none
    void setFocusShown(bool shown);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    int paintedItemCount() const override { return int(m_slots.size()); }
    Item paintedItem(int index) const override;
    void choosePaintedItem(int index) override { Q_EMIT slotClicked(index); }

Q_SIGNALS:
    void slotClicked(int index);
    // While dragging over a tile: what a drop would do, or why it cannot (empty when off the tiles).
    void dropHint(const QString &text, bool accepted);
    void dropped(const plexus::Operation &op);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    int columnsFor(int width) const;
    int tileHeight() const;
    int gap() const;
    QList<QRect> tileRects(int width) const;
    void paintTile(QPainter &p, const QRect &r, const MemberSlot &slot, bool lit, bool current, bool focus, bool hovered);
    void paintDropVerdict(QPainter &p, const QRect &r);
    void planDropAt(const QPoint &pos, const QString &device);
    void clearDrop();

    SelectionModel *m_selection;
    QString m_array;
    QList<MemberSlot> m_slots;
    int m_current = -1;
    int m_hovered = -1;
    bool m_focusShown = false;
    DropPlanner m_planner;
    int m_dropIndex = -1;
    QString m_dropDevice;
    Operation m_drop;
};

} // namespace plexus

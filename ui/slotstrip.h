#pragma once
// An array's member slots as tiles: device, slot number and state in words
// and colour, wrapping onto more rows when the card is narrow. Hovering or
// clicking a tile points at that member (its partition lights up in the disk
// map); the card owning the strip moves the keyboard's current tile.

#include "memberslots.h"
#include "selectionmodel.h"

#include <QWidget>

namespace plexus {

class SlotStrip : public QWidget
{
    Q_OBJECT
public:
    SlotStrip(SelectionModel *selection, QWidget *parent = nullptr);

    void setSlots(const QString &array, const QList<MemberSlot> &slots);
    const QList<MemberSlot> &slots() const { return m_slots; }
    Selectable selectableAt(int index) const;
    QRect tileRect(int index) const;   // where tile `index` is drawn
    void setCurrentIndex(int index);   // -1: none
    void setFocusShown(bool shown);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void slotClicked(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    int columnsFor(int width) const;
    int tileHeight() const;
    int gap() const;
    QList<QRect> tileRects(int width) const;
    int tileAt(const QPoint &pos) const;
    void paintTile(QPainter &p, const QRect &r, const MemberSlot &slot, bool lit, bool current, bool focus, bool hovered);

    SelectionModel *m_selection;
    QString m_array;
    QList<MemberSlot> m_slots;
    int m_current = -1;
    int m_hovered = -1;
    bool m_focusShown = false;
};

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "slotstrip.h"
#include "operations/devicedrag.h"
#include "operations/errorwords.h"
#include "themedicons.h"

#include <KLocalizedString>

#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>

namespace plexus {

namespace {

int em(const QWidget *w) { return w->fontMetrics().height(); }

} // namespace

SlotStrip::SlotStrip(SelectionModel *selection, QWidget *parent) : QWidget(parent), m_selection(selection)
{
    setObjectName(QStringLiteral("slots"));
    setMouseTracking(true);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    connect(m_selection, &SelectionModel::highlightChanged, this, qOverload<>(&QWidget::update));
}

void SlotStrip::setDropPlanner(DropPlanner planner)
{
    m_planner = std::move(planner);
    setAcceptDrops(bool(m_planner));
}

void SlotStrip::setSlots(const QString &array, const QList<MemberSlot> &slots)
{
    m_array = array;
    m_slots = slots;
    setAccessibleName(i18nc("the member tiles of an array; %1 is the array", "Members of %1", array));
    m_hovered = -1;
    m_dropIndex = -1; // a new snapshot: decide again on the next move
    if (m_current >= m_slots.size())
        m_current = int(m_slots.size()) - 1;
    updateGeometry();
    update();
    paintedItemsChanged(this);
}

PaintedItems::Item SlotStrip::paintedItem(int index) const
{
    const MemberSlot &slot = m_slots.at(index);
    const bool missing = slot.device.isEmpty();
    Item item;
    item.name = slot.name();
    item.description = slot.slot && !missing ? i18nc("a member's slot in its array (%1) and its state (%2)", "slot %1, %2", *slot.slot, slot.stateText())
                                             : slot.stateText();
    item.rect = tileRect(index);
    item.current = m_selection->current() == selectableAt(index);
    item.focused = m_focusShown && index == m_current;
    return item;
}

Selectable SlotStrip::selectableAt(int index) const
{
    if (index < 0 || index >= m_slots.size())
        return {};
    return Selectable::member(m_array, m_slots[index].device, m_slots[index].slot);
}

void SlotStrip::setCurrentIndex(int index)
{
    m_current = index;
    update();
    if (m_focusShown)
        paintedItemFocused(this, m_current);
}

void SlotStrip::setFocusShown(bool shown)
{
    m_focusShown = shown;
    update();
    if (m_focusShown)
        paintedItemFocused(this, m_current);
}

int SlotStrip::gap() const
{
    return em(this) / 3;
}

int SlotStrip::tileHeight() const
{
    return em(this) * 2 + em(this) * 2 / 3;
}

int SlotStrip::columnsFor(int width) const
{
    const int minimumTile = em(this) * 13 / 2;
    const int fit = qMax(1, (width + gap()) / (minimumTile + gap()));
    return qMax(1, qMin(fit, int(m_slots.size())));
}

int SlotStrip::heightForWidth(int width) const
{
    if (m_slots.isEmpty())
        return 0;
    const int columns = columnsFor(width);
    const int lines = (int(m_slots.size()) + columns - 1) / columns;
    return lines * tileHeight() + (lines - 1) * gap();
}

QSize SlotStrip::sizeHint() const
{
    const int width = em(this) * 24;
    return QSize(width, heightForWidth(width));
}

QSize SlotStrip::minimumSizeHint() const
{
    return QSize(em(this) * 6, tileHeight());
}

QList<QRect> SlotStrip::tileRects(int width) const
{
    QList<QRect> rects;
    if (m_slots.isEmpty())
        return rects;
    const int columns = columnsFor(width);
    const int tileWidth = (width - gap() * (columns - 1)) / columns;
    for (int i = 0; i < m_slots.size(); ++i) {
        const int row = i / columns, column = i % columns;
        rects << QRect(column * (tileWidth + gap()), row * (tileHeight() + gap()), tileWidth, tileHeight());
    }
    return rects;
}

QRect SlotStrip::tileRect(int index) const
{
    return tileRects(width()).value(index);
}

int SlotStrip::indexAt(const QPoint &pos) const
{
    const QList<QRect> rects = tileRects(width());
    for (int i = 0; i < rects.size(); ++i)
        if (rects[i].contains(pos))
            return i;
    return -1;
}

void SlotStrip::paintTile(QPainter &p, const QRect &r, const MemberSlot &slot, bool lit, bool current, bool focus, bool hovered)
{
    const QPalette &pal = palette();
    const int unit = em(this);
    const Tone tone = slot.tone();
    const QColor strong = toneColor(tone, pal);
    const QColor highlight = pal.color(QPalette::Highlight);
    const bool missing = slot.state == SlotState::Missing;
    const QRectF box = QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = unit * 0.3;

    QColor fill = missing ? pal.color(QPalette::Base) : toneFill(tone, pal);
    if (current || hovered)
        fill = mix(fill, highlight, current ? 0.2 : 0.1);
    p.setBrush(fill);
    p.setPen(QPen(lit || current ? highlight : mix(strong, pal.color(QPalette::Base), 0.3), lit || current ? 2.0 : 1.2,
                  missing ? Qt::DashLine : Qt::SolidLine));
    p.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    // The state's colour as a bar down the left edge, readable without colour vision too: the words say it.
    if (!missing) {
        p.setPen(Qt::NoPen);
        p.setBrush(strong);
        p.drawRoundedRect(QRectF(box.left() + 2, box.top() + 2, qMax(3, unit / 5), box.height() - 4), 1.5, 1.5);
    }

    const int iconSize = unit;
    const QRect inner = r.adjusted(unit / 2 + 2, unit / 4, -unit / 3, -unit / 4);
    const QRect iconRect(inner.left(), inner.top() + (unit - iconSize) / 2, iconSize, iconSize);
    themedIcon(slotIconName(slot), pal).paint(&p, iconRect);

    const QRect text = inner.adjusted(iconSize + unit / 3, 0, 0, 0);
    QFont bold = font();
    bold.setBold(true);
    // A missing slot is named by its number; a device shows its slot in the corner.
    const QString slotWord = slot.slot && !missing ? i18nc("a member's slot number, in the corner of its tile", "#%1", *slot.slot) : QString();
    const int slotWidth = slotWord.isEmpty() ? 0 : fontMetrics().horizontalAdvance(slotWord) + unit / 3;
    p.setFont(bold);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(text.adjusted(0, 0, -slotWidth, 0), Qt::AlignLeft | Qt::AlignTop,
               QFontMetrics(bold).elidedText(slot.name(), Qt::ElideMiddle, text.width() - slotWidth));
    p.setFont(font());
    p.setPen(mix(pal.color(QPalette::Text), fill, 0.4));
    p.drawText(text, Qt::AlignRight | Qt::AlignTop, slotWord);
    p.setPen(mix(strong, pal.color(QPalette::Text), 0.3));
    const QRect second(r.left() + unit / 2 + 2, text.top(), r.right() - unit / 3 - (r.left() + unit / 2 + 2), text.height());
    p.drawText(second, Qt::AlignLeft | Qt::AlignBottom, fontMetrics().elidedText(slot.stateText(), Qt::ElideRight, second.width()));

    if (focus) {
        p.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(box.adjusted(3, 3, -3, -3), radius / 2, radius / 2);
    }
}

void SlotStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QList<QRect> rects = tileRects(width());
    const Selectable current = m_selection->current();
    for (int i = 0; i < rects.size(); ++i) {
        const MemberSlot &slot = m_slots[i];
        const bool isCurrent = current == selectableAt(i);
        paintTile(p, rects[i], slot, m_selection->isLit(slot.device), isCurrent, m_focusShown && i == m_current, i == m_hovered);
        if (i == m_dropIndex)
            paintDropVerdict(p, rects[i]);
    }
}

// Over the tile under a drag: a highlighted frame and what the drop does, or
// a red one and why not, painted where the eye already is.
void SlotStrip::paintDropVerdict(QPainter &p, const QRect &r)
{
    const QPalette &pal = palette();
    const int unit = em(this);
    const bool ok = !m_drop.isRefused();
    const QColor strong = ok ? pal.color(QPalette::Highlight) : toneColor(Tone::Bad, pal);
    const QRectF box = QRectF(r).adjusted(1, 1, -1, -1);
    const qreal radius = unit * 0.3;
    p.setBrush(ok ? mix(pal.color(QPalette::Base), strong, 0.22) : toneFill(Tone::Bad, pal));
    p.setPen(QPen(strong, 2.5));
    p.drawRoundedRect(box, radius, radius);
    const QRect text = r.adjusted(unit / 2, unit / 4, -unit / 3, -unit / 4);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(mix(strong, pal.color(QPalette::Text), 0.25));
    // A tile has room for a few words; the card and the status bar say the rest.
    const QString head = !ok ? i18nc("on a member tile, while a disk is dragged over it", "\u2715 Cannot drop")
                       : m_drop.plan.operation == QLatin1String("AddMember")
                       ? i18nc("on a member tile, while a disk is dragged over it; %1 is the disk", "\u2713 Add %1", m_dropDevice)
                       : i18nc("on a member tile, while a disk is dragged over it; %1 is the disk", "\u2713 Replace with %1", m_dropDevice);
    p.drawText(text, Qt::AlignLeft | Qt::AlignTop, QFontMetrics(bold).elidedText(head, Qt::ElideRight, text.width()));
    p.setFont(font());
    p.setPen(pal.color(QPalette::Text));
    const QString why = ok ? i18nc("on a member tile, while a disk is dragged over it", "drop to review")
                           : i18nc("a dragged device (%1) and, in a few words, why it cannot be dropped (%2)", "%1 %2", m_dropDevice,
                                   shortCause(m_drop.refusal.code()));
    p.drawText(text, Qt::AlignLeft | Qt::AlignBottom, fontMetrics().elidedText(why, Qt::ElideRight, text.width()));
}

void SlotStrip::planDropAt(const QPoint &pos, const QString &device)
{
    const int index = indexAt(pos);
    if (index == m_dropIndex && device == m_dropDevice)
        return; // decided already: moves within a tile cost nothing
    m_dropIndex = index;
    m_dropDevice = device;
    m_drop = index >= 0 && m_planner ? m_planner(m_array, m_slots[index], device) : Operation();
    update();
    if (index < 0)
        Q_EMIT dropHint(QString(), false);
    else if (m_drop.isRefused())
        Q_EMIT dropHint(i18nc("%1 is a dragged device, %2 a member slot, %3 why not", "Cannot drop %1 on %2: %3", device, m_slots[index].name(),
                              m_drop.refusal.message()),
                        false);
    else
        Q_EMIT dropHint(i18nc("%1 is what the drop would do", "Drop to review: %1", m_drop.plan.summary), true);
}

void SlotStrip::clearDrop()
{
    if (m_dropIndex < 0 && m_dropDevice.isEmpty())
        return;
    m_dropIndex = -1;
    m_dropDevice.clear();
    m_drop = Operation();
    update();
    Q_EMIT dropHint(QString(), false);
}

void SlotStrip::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_planner || draggedDevice(event->mimeData()).isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction(); // moves follow; each tile decides for itself
    planDropAt(event->position().toPoint(), draggedDevice(event->mimeData()));
}

void SlotStrip::dragMoveEvent(QDragMoveEvent *event)
{
    const QString device = draggedDevice(event->mimeData());
    if (!m_planner || device.isEmpty()) {
        event->ignore();
        return;
    }
    planDropAt(event->position().toPoint(), device);
    const QRect tile = tileRect(m_dropIndex);
    if (m_dropIndex >= 0 && !m_drop.isRefused())
        event->accept(tile);
    else
        event->ignore(m_dropIndex >= 0 ? tile : QRect());
    if (m_dropIndex >= 0 && !m_drop.isRefused())
        event->setDropAction(Qt::CopyAction);
}

void SlotStrip::dragLeaveEvent(QDragLeaveEvent *)
{
    clearDrop();
}

void SlotStrip::dropEvent(QDropEvent *event)
{
    const QString device = draggedDevice(event->mimeData());
    planDropAt(event->position().toPoint(), device);
    const Operation op = m_drop;
    const bool ok = m_dropIndex >= 0 && !op.isRefused() && !device.isEmpty();
    clearDrop();
    if (!ok) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    Q_EMIT dropped(op);
}

void SlotStrip::mouseMoveEvent(QMouseEvent *event)
{
    const int index = indexAt(event->position().toPoint());
    if (index == m_hovered)
        return;
    m_hovered = index;
    m_selection->setHovered(index >= 0 ? selectableAt(index) : Selectable::array(m_array));
    update();
}

void SlotStrip::leaveEvent(QEvent *)
{
    if (m_hovered >= 0)
        m_selection->setHovered(Selectable::array(m_array)); // still over the card
    m_hovered = -1;
    update();
}

void SlotStrip::mousePressEvent(QMouseEvent *event)
{
    const int index = indexAt(event->position().toPoint());
    if (index >= 0) {
        Q_EMIT slotClicked(index);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

} // namespace plexus

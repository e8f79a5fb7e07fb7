// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "partitionbar.h"
#include "model/describe.h"
#include "operations/devicedrag.h"

#include <KLocalizedString>

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace plexus {

namespace {

int em(const QWidget *w) { return w->fontMetrics().height(); }

} // namespace

PartitionBar::PartitionBar(const QString &disk, SelectionModel *selection, QWidget *parent)
    : QWidget(parent), m_disk(disk), m_selection(selection)
{
    setObjectName(QStringLiteral("bar-%1").arg(disk));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(m_selection, &SelectionModel::highlightChanged, this, qOverload<>(&QWidget::update));
}

void PartitionBar::setSegments(const QList<DiskSegment> &segments)
{
    m_segments = segments;
    m_current = qBound(0, m_current, qMax(0, int(m_segments.size()) - 1));
    m_hovered = -1;
    setAccessibleName(i18nc("accessible name of a disk's partition bar", "Disk %1", m_disk));
    update();
    paintedItemsChanged(this);
}

PaintedItems::Item PartitionBar::paintedItem(int index) const
{
    const DiskSegment &seg = m_segments.at(index);
    Item item;
    item.name = seg.isFree() ? i18nc("an area of a disk", "free space") : seg.device;
    item.description = i18nc("an area of a disk: its role, its size", "%1, %2", seg.roleText, humanSize(seg.sizeBytes));
    item.rect = segmentRect(index);
    item.current = index == m_current && m_selection->current() == selectableAt(index);
    item.focused = item.current && hasFocus();
    return item;
}

QList<int> PartitionBar::segmentWidths() const
{
    QList<int> widths;
    for (const QRect &r : segmentRects())
        widths << r.width();
    return widths;
}

void PartitionBar::setCurrentIndex(int index)
{
    if (m_segments.isEmpty())
        return;
    m_current = qBound(0, index, int(m_segments.size()) - 1);
    m_selection->setCurrent(selectableAt(m_current));
    update();
    if (hasFocus())
        paintedItemFocused(this, m_current);
}

Selectable PartitionBar::selectableAt(int index) const
{
    if (index < 0 || index >= m_segments.size())
        return {};
    const DiskSegment &seg = m_segments[index];
    if (seg.device.isEmpty() || seg.device == m_disk)
        return Selectable::disk(m_disk);
    return Selectable::partition(seg.device);
}

int PartitionBar::minimumSegmentWidth() const
{
    return em(this) * 4;
}

QSize PartitionBar::sizeHint() const
{
    // Two lines of text, padding, and the member-state stripe.
    return QSize(em(this) * 30, em(this) * 2 + em(this) * 6 / 5);
}

QSize PartitionBar::minimumSizeHint() const
{
    return QSize(minimumSegmentWidth() * qMax<int>(1, int(m_segments.size())), sizeHint().height());
}

QList<QRect> PartitionBar::segmentRects() const
{
    QList<qint64> sizes;
    for (const DiskSegment &s : m_segments)
        sizes << s.sizeBytes;
    const QRect inner = rect().adjusted(1, 1, -1, -1);
    const QList<int> widths = plexus::segmentWidths(sizes, inner.width(), minimumSegmentWidth());
    QList<QRect> rects;
    int x = inner.left();
    for (int w : widths) {
        rects << QRect(x, inner.top(), w, inner.height());
        x += w;
    }
    return rects;
}

int PartitionBar::segmentAt(const QPoint &pos) const
{
    const QList<QRect> rects = segmentRects();
    for (int i = 0; i < rects.size(); ++i)
        if (rects[i].contains(pos))
            return i;
    return -1;
}

QString PartitionBar::toolTipFor(int index) const
{
    const DiskSegment &seg = m_segments[index];
    const QString title = seg.device.isEmpty() ? i18nc("an area of a disk", "Free space") : seg.device;
    return i18nc("tooltip of an area of a disk: %1 its name, %2 its size, %3 its role, %4 where it starts",
                 "<b>%1</b> \u2014 %2<br>%3<br>starts at %4", title.toHtmlEscaped(), humanSize(seg.sizeBytes),
                 seg.roleText.toHtmlEscaped(), humanSize(seg.startBytes));
}

void PartitionBar::paintSegment(QPainter &p, const QRect &r, const DiskSegment &seg, bool lit, bool current, bool hovered)
{
    const QPalette &pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor highlight = pal.color(QPalette::Highlight);
    QColor fill = seg.isFree() ? base : mix(base, roleColor(seg.role, pal), isDark(pal) ? 0.42 : 0.26);
    if (current)
        fill = mix(fill, highlight, 0.18);
    else if (hovered)
        fill = mix(fill, highlight, 0.08);
    p.fillRect(r, fill);
    if (seg.isFree())
        p.fillRect(r, QBrush(mix(base, pal.color(QPalette::Text), 0.18), Qt::BDiagPattern));

    const int unit = em(this);
    const int stripe = qMax(3, unit / 5);
    if (seg.state)
        p.fillRect(QRect(r.left(), r.bottom() - stripe + 1, r.width(), stripe), toneColor(*seg.state, pal));

    // A gap of window colour between neighbours reads as a cut, not a line.
    p.fillRect(QRect(r.right(), r.top(), 1, r.height()), pal.color(QPalette::Window));

    const QRect text = r.adjusted(unit / 3, unit / 4, -unit / 3 - 1, -stripe - unit / 6);
    QFont bold = font();
    bold.setBold(true);
    const QString first = seg.device.isEmpty() ? i18nc("free space on a disk", "free") : seg.device;
    const QString size = humanSize(seg.sizeBytes);
    p.setPen(pal.color(QPalette::Text));
    p.setFont(bold);
    const QFontMetrics boldMetrics(bold);
    const QString firstElided = boldMetrics.elidedText(first, Qt::ElideRight, text.width());
    p.drawText(text, Qt::AlignLeft | Qt::AlignTop, firstElided);
    const int used = boldMetrics.horizontalAdvance(first + QLatin1Char(' '));
    p.setFont(font());
    if (firstElided == first && used + fontMetrics().horizontalAdvance(size) <= text.width()) {
        p.setPen(mix(pal.color(QPalette::Text), fill, 0.35));
        p.drawText(text.adjusted(used, 0, 0, 0), Qt::AlignLeft | Qt::AlignTop, size);
    }
    p.setPen(pal.color(QPalette::Text));
    // Narrow areas say their role in one word ("md0", "/boot") rather than a cut-off sentence.
    const bool fits = fontMetrics().horizontalAdvance(seg.roleText) <= text.width();
    const QString second = fits || seg.shortText.isEmpty() ? seg.roleText : seg.shortText;
    p.drawText(text, Qt::AlignLeft | Qt::AlignBottom, fontMetrics().elidedText(second, Qt::ElideRight, text.width()));

    if (lit || current) {
        p.setPen(QPen(highlight, current ? 3 : 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(r).adjusted(1.5, 1.5, -2.5, -1.5));
    }
}

void PartitionBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal radius = em(this) * 0.3;
    QPainterPath outline;
    outline.addRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    p.setClipPath(outline);
    p.setRenderHint(QPainter::Antialiasing, false);

    const QList<QRect> rects = segmentRects();
    const Selectable current = m_selection->current();
    for (int i = 0; i < rects.size(); ++i) {
        const DiskSegment &seg = m_segments[i];
        const bool lit = m_selection->isLit(seg.device);
        const bool isCurrent = !seg.device.isEmpty() && (current == selectableAt(i) || m_selection->isChosen(seg.device));
        paintSegment(p, rects[i], seg, lit, isCurrent, i == m_hovered);
    }
    if (hasFocus() && m_current < rects.size()) {
        p.setPen(QPen(palette().color(QPalette::Text), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rects[m_current].adjusted(4, 4, -5, -5));
    }

    p.setClipping(false);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(mix(palette().color(QPalette::Text), palette().color(QPalette::Base), 0.6), 1));
    p.setBrush(Qt::NoBrush);
    p.drawPath(outline);
}

void PartitionBar::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && m_pressed >= 0
        && (event->position().toPoint() - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
        const QString device = m_segments.value(m_pressed).device;
        m_pressed = -1;
        if (!device.isEmpty() && m_selection->snapshot()) // free space is no device to drag
            dragDevice(this, *m_selection->snapshot(), device);
        return;
    }
    const int index = segmentAt(event->position().toPoint());
    if (index == m_hovered)
        return;
    m_hovered = index;
    m_selection->setHovered(selectableAt(index));
    update();
}

void PartitionBar::leaveEvent(QEvent *)
{
    if (m_hovered >= 0)
        m_selection->unhover(selectableAt(m_hovered));
    m_hovered = -1;
    update();
}

void PartitionBar::mousePressEvent(QMouseEvent *event)
{
    const int index = segmentAt(event->position().toPoint());
    m_pressed = event->button() == Qt::LeftButton ? index : -1;
    m_pressPos = event->position().toPoint();
    if (index < 0) {
        QWidget::mousePressEvent(event);
        return;
    }
    if (event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier)) {
        m_current = index;
        m_selection->toggleChosen(selectableAt(index));
        update();
    } else {
        setCurrentIndex(index);
    }
    event->accept(); // the partition, not its whole disk
}

void PartitionBar::focusInEvent(QFocusEvent *event)
{
    // Keyboard focus selects, so the details pane follows Tab and arrows.
    if (event->reason() != Qt::MouseFocusReason)
        setCurrentIndex(m_current);
    QWidget::focusInEvent(event);
}

void PartitionBar::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left: setCurrentIndex(m_current - 1); break;
    case Qt::Key_Right: setCurrentIndex(m_current + 1); break;
    case Qt::Key_Home: setCurrentIndex(0); break;
    case Qt::Key_End: setCurrentIndex(int(m_segments.size()) - 1); break;
    default: QWidget::keyPressEvent(event); return; // Up/Down go to the disk map
    }
}

bool PartitionBar::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = segmentAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), toolTipFor(index), this, segmentRects()[index]);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace plexus

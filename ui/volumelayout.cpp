// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "volumelayout.h"
#include "disksegments.h"

#include <KLocalizedString>

#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace plexus {

namespace {

using Kind = VolumePart::Kind;

int em(const QWidget *w) { return w->fontMetrics().height(); }

QFont scaled(QFont font, qreal factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

VolumeLayout::VolumeLayout(const QString &group, SelectionModel *selection, QWidget *parent)
    : QWidget(parent), m_group(group), m_selection(selection)
{
    setObjectName(QStringLiteral("volumeGroup-%1").arg(group));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(m_selection, &SelectionModel::highlightChanged, this, qOverload<>(&QWidget::update));
}

void VolumeLayout::setGroup(const VolumeGroup &vg, const Snapshot &snapshot)
{
    m_vg = vg;
    m_snapshot = snapshot;
    relayout();
}

void VolumeLayout::relayout()
{
    const int height = m_picture.height;
    m_picture = layoutVolumeGroup(m_vg, m_snapshot, font(), width());
    m_focus = qBound(0, m_focus, qMax(0, int(m_picture.parts.size()) - 1));
    m_hovered = -1;
    QStringList descriptions;
    for (const VolumePart &part : m_picture.parts)
        descriptions << part.description;
    setAccessibleName(i18nc("accessible name of an LVM volume group's picture", "Volume group %1", m_vg.name));
    setAccessibleDescription(descriptions.join(i18nc("separator between the parts of a volume group's description", "; ")));
    if (height != m_picture.height)
        updateGeometry();
    update();
}

int VolumeLayout::find(VolumePart::Kind kind, const QString &label, const QString &volume) const
{
    for (int i = 0; i < m_picture.parts.size(); ++i) {
        const VolumePart &part = m_picture.parts[i];
        if (part.kind != kind || (!label.isEmpty() && part.label != label))
            continue;
        if (!volume.isEmpty() && (part.volume < 0 || m_vg.logicalVolumes[part.volume].name != volume))
            continue;
        return i;
    }
    return -1;
}

int VolumeLayout::partAt(const QPoint &pos) const
{
    // Later parts lie on earlier ones (subdisks in their plex): the last wins.
    for (int i = int(m_picture.parts.size()) - 1; i >= 0; --i)
        if (m_picture.parts[i].rect.contains(pos))
            return i;
    return -1;
}

void VolumeLayout::setFocusedPart(int index)
{
    if (m_picture.parts.isEmpty())
        return;
    m_focus = qBound(0, index, int(m_picture.parts.size()) - 1);
    m_selection->setCurrent(m_picture.parts[m_focus].item);
    update();
}

QSize VolumeLayout::sizeHint() const
{
    return QSize(em(this) * 36, m_picture.height);
}

QSize VolumeLayout::minimumSizeHint() const
{
    return QSize(em(this) * 16, m_picture.height);
}

void VolumeLayout::resizeEvent(QResizeEvent *event)
{
    relayout();
    QWidget::resizeEvent(event);
}

void VolumeLayout::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        relayout();
    QWidget::changeEvent(event);
}

void VolumeLayout::paintText(QPainter &p, const QRect &r, const QString &label, const QString &detail, const QColor &ink,
                             bool bold, const QFont &base)
{
    // The label first (bold when asked), then " · detail" quieter, as far as they fit.
    const QFont labelFont = scaled(base, 1.0, bold);
    const QFontMetrics labelMetrics(labelFont);
    const QString shown = labelMetrics.elidedText(label, Qt::ElideRight, r.width());
    if (shown != label && shown.size() < 3)
        return; // a lone "…" says nothing: the tooltip and the parts below name it
    p.setFont(labelFont);
    p.setPen(ink);
    p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, shown);
    if (detail.isEmpty() || shown != label)
        return;
    const int used = labelMetrics.horizontalAdvance(label);
    const QFontMetrics detailMetrics(base);
    const QString rest = detailMetrics.elidedText(i18nc("a detail painted after a label", " \u00b7 %1", detail), Qt::ElideRight, r.width() - used);
    if (rest.size() < 4)
        return;
    p.setFont(base);
    p.setPen(mix(ink, palette().color(QPalette::Window), 0.35));
    p.drawText(r.adjusted(used, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, rest);
}

void VolumeLayout::paintCapacityBar(QPainter &p)
{
    QRect bar;
    for (const VolumePart &part : m_picture.parts)
        if (part.kind == Kind::Capacity || part.kind == Kind::Free)
            bar = bar.united(part.rect);
    if (bar.isEmpty())
        return;
    const qreal radius = em(this) * 0.3;
    QPainterPath outline;
    outline.addRoundedRect(QRectF(bar).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    const Selectable current = m_selection->current();
    p.save();
    p.setClipPath(outline);
    for (int i = 0; i < m_picture.parts.size(); ++i) {
        const VolumePart &part = m_picture.parts[i];
        if (part.kind == Kind::Capacity || part.kind == Kind::Free)
            paintPart(p, part, part.item == current, i == m_hovered);
    }
    p.restore();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(mix(palette().color(QPalette::Text), palette().color(QPalette::Base), 0.6), 1));
    p.setBrush(Qt::NoBrush);
    p.drawPath(outline);
    p.setRenderHint(QPainter::Antialiasing, false);
}

void VolumeLayout::paintPart(QPainter &p, const VolumePart &part, bool current, bool hovered)
{
    const QPalette &pal = palette();
    const int unit = em(this);
    const int pad = qMax(2, unit / 3);
    const QColor base = pal.color(QPalette::Base), window = pal.color(QPalette::Window);
    const QColor text = pal.color(QPalette::Text), highlight = pal.color(QPalette::Highlight);
    const QColor quiet = mix(text, window, 0.45);
    const QColor colour = part.volume >= 0 ? volumeColor(part.volume, pal) : quiet;
    const QColor tint = mix(base, colour, isDark(pal) ? 0.42 : 0.28);
    const QRect r = part.rect;
    p.save();
    if (part.faded)
        p.setOpacity(0.55);
    auto outlineIfCurrent = [&](const QRectF &area, qreal radius) {
        if (!current)
            return;
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(highlight, 2.5));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(area.adjusted(1.5, 1.5, -1.5, -1.5), radius, radius);
    };
    switch (part.kind) {
    case Kind::Title: {
        if (current || hovered)
            p.fillRect(r, mix(window, highlight, current ? 0.16 : 0.07));
        paintText(p, r.adjusted(pad, 0, -pad, 0), part.label, part.detail, text, true, scaled(font(), 1.15, false));
        break;
    }
    case Kind::Capacity:
    case Kind::Free: {
        const bool free = part.kind == Kind::Free;
        QColor fill = free ? base : tint;
        if (hovered)
            fill = mix(fill, highlight, 0.1);
        p.fillRect(r, fill);
        if (free)
            p.fillRect(r, QBrush(mix(base, text, 0.18), part.fraction ? Qt::BDiagPattern : Qt::Dense6Pattern));
        p.fillRect(QRect(r.right(), r.top(), 1, r.height()), window); // a cut between neighbours
        const QString detail = free && !part.fraction ? QString() : part.detail;
        paintText(p, r.adjusted(unit / 3, 0, -unit / 3, 0), part.label, detail, free ? quiet : text, !free, font());
        outlineIfCurrent(QRectF(r).adjusted(0, 0, -1, 0), 0);
        break;
    }
    case Kind::Volume: {
        if (current || hovered)
            p.fillRect(r, mix(window, highlight, current ? 0.16 : 0.07));
        const int swatch = unit * 3 / 4;
        const QRect box(r.left() + pad, r.center().y() - swatch / 2, swatch, swatch);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(colour, 1));
        p.setBrush(tint);
        p.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), swatch / 5.0, swatch / 5.0);
        paintText(p, r.adjusted(pad * 2 + swatch, 0, -pad, 0), part.label, part.detail, text, true, font());
        break;
    }
    case Kind::Use: {
        const int indent = pad * 2 + unit * 3 / 4;
        const QRect area = r.adjusted(indent, 0, -pad, 0);
        const int barWidth = part.fraction ? qMin(unit * 10, qMax(unit * 4, area.width() / 3)) : 0;
        const QRect words = area.adjusted(0, 0, part.fraction ? -(barWidth + unit / 2) : 0, 0);
        p.setFont(font());
        p.setPen(quiet);
        p.drawText(words, Qt::AlignLeft | Qt::AlignVCenter, fontMetrics().elidedText(part.label, Qt::ElideRight, words.width()));
        if (part.fraction) {
            const QRectF track(area.right() - barWidth + 1, r.center().y() - unit / 4.0, barWidth, unit / 2.0);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(QPen(mix(text, base, 0.6), 1));
            p.setBrush(base);
            p.drawRoundedRect(track.adjusted(0.5, 0.5, -0.5, -0.5), unit / 4.0, unit / 4.0);
            const QColor full = *part.fraction >= 0.9 ? toneColor(Tone::Warning, pal) : colour;
            p.setPen(Qt::NoPen);
            p.setBrush(full);
            p.drawRoundedRect(QRectF(track.left() + 1, track.top() + 1, (track.width() - 2) * *part.fraction, track.height() - 2),
                              unit / 4.0 - 1, unit / 4.0 - 1);
        }
        break;
    }
    case Kind::Plex: {
        // A box in the volume's colour; its caption cuts into the top edge.
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF box = QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5);
        p.setPen(QPen(current ? highlight : colour, current ? 2.5 : 1.2));
        p.setBrush(mix(window, colour, 0.06));
        p.drawRoundedRect(box, unit * 0.35, unit * 0.35);
        const QFont small = scaled(font(), 0.9, false);
        const QFontMetrics sm(small);
        const QString caption = sm.elidedText(i18nc("a caption: label, then detail", "%1 \u00b7 %2", part.label, part.detail), Qt::ElideRight,
                                              r.width() - unit * 2);
        const QRect captionRect(r.left() + unit / 2, r.top() - sm.height() / 2, sm.horizontalAdvance(caption) + unit / 2,
                                sm.height());
        p.fillRect(captionRect, window);
        p.setFont(small);
        p.setPen(quiet);
        p.drawText(captionRect, Qt::AlignCenter, caption);
        break;
    }
    case Kind::Subdisk: {
        QColor fill = hovered ? mix(tint, highlight, 0.1) : tint;
        const QRect cell = r.adjusted(0, 0, -1, 0);
        p.fillRect(cell, fill);
        if (part.striped) {
            // Stripes: chunks taking turns across the subdisks, every other one darker, under the words.
            const int chunk = qMax(4, unit / 2), band = qMax(3, cell.height() / 4);
            for (int x = cell.left(), n = 0; x < cell.right(); x += chunk, ++n)
                p.fillRect(QRect(x, cell.bottom() - band + 1, qMin(chunk, cell.right() - x), band),
                           mix(tint, colour, n % 2 ? 0.55 : 0.2));
        }
        p.fillRect(QRect(cell.left(), cell.top(), qMax(3, unit / 5), cell.height()), colour);
        paintText(p, cell.adjusted(unit / 2, 0, -unit / 4, 0), part.label, part.detail, text, true, font());
        outlineIfCurrent(cell, 0);
        break;
    }
    case Kind::Unplaced: {
        p.fillRect(r, QBrush(mix(base, text, 0.15), Qt::Dense6Pattern));
        p.setPen(QPen(quiet, 1, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r.adjusted(0, 0, -1, -1));
        paintText(p, r.adjusted(unit / 2, 0, -unit / 4, 0), part.label, part.detail, quiet, false, font());
        break;
    }
    case Kind::Array: {
        const QColor md = roleColor(SegmentRole::ArrayMember, pal);
        p.setRenderHint(QPainter::Antialiasing);
        // Hangs from the subdisk above it.
        p.setPen(QPen(mix(md, window, 0.3), 1.2));
        p.drawLine(QPointF(r.center().x() + 0.5, r.top() - unit / 2.0 + 1), QPointF(r.center().x() + 0.5, r.top()));
        const bool lit = m_selection->isLit(part.label);
        p.setPen(QPen(current ? highlight : lit ? mix(md, highlight, 0.5) : md, current ? 2.5 : lit ? 2.0 : 1.0));
        p.setBrush(mix(base, md, hovered ? 0.16 : 0.08));
        p.drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), unit * 0.3, unit * 0.3);
        const int gap = qMax(2, pad / 2);
        const QRect caption(r.left() + gap * 2, r.top() + gap, r.width() - gap * 4, unit * 5 / 4);
        paintText(p, caption, part.label, part.detail, text, true, scaled(font(), 0.9, false));
        break;
    }
    case Kind::Copy: {
        const bool missing = part.item.name.isEmpty(); // a missing member: a slot without a device
        const bool lit = !missing && m_selection->isLit(part.label);
        p.fillRect(r, missing ? window : hovered ? mix(base, highlight, 0.1) : base);
        p.setPen(QPen(lit ? highlight : mix(text, base, 0.55), lit ? 2 : 1, missing ? Qt::DashLine : Qt::SolidLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5));
        if (part.tone)
            p.fillRect(QRect(r.left() + 1, r.top() + 1, qMax(3, unit / 5), r.height() - 2), toneColor(*part.tone, pal));
        paintText(p, r.adjusted(unit / 2, 0, -unit / 4, 0), part.label, part.detail, missing ? quiet : text, false,
                  scaled(font(), 0.9, false));
        outlineIfCurrent(r, 0);
        break;
    }
    }
    p.restore();
}

void VolumeLayout::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const Selectable current = m_selection->current();
    for (int i = 0; i < m_picture.parts.size(); ++i) {
        const VolumePart &part = m_picture.parts[i];
        if (part.kind == Kind::Capacity || part.kind == Kind::Free)
            continue;
        // A volume's heading and use share its item: light the heading only.
        const bool isCurrent = part.item == current && part.kind != Kind::Use;
        paintPart(p, part, isCurrent, i == m_hovered);
    }
    paintCapacityBar(p);
    if (hasFocus() && m_focus < m_picture.parts.size()) {
        p.setRenderHint(QPainter::Antialiasing, false);
        p.setPen(QPen(palette().color(QPalette::Text), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(m_picture.parts[m_focus].rect.adjusted(3, 3, -4, -4));
    }
}

void VolumeLayout::mouseMoveEvent(QMouseEvent *event)
{
    const int index = partAt(event->position().toPoint());
    if (index == m_hovered)
        return;
    m_hovered = index;
    m_selection->setHovered(index >= 0 ? m_picture.parts[index].item : Selectable());
    update();
}

void VolumeLayout::leaveEvent(QEvent *)
{
    if (m_hovered >= 0)
        m_selection->unhover(m_picture.parts[m_hovered].item);
    m_hovered = -1;
    update();
}

void VolumeLayout::mousePressEvent(QMouseEvent *event)
{
    const int index = partAt(event->position().toPoint());
    if (index < 0 || event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    setFocusedPart(index);
    event->accept();
}

void VolumeLayout::focusInEvent(QFocusEvent *event)
{
    // Keyboard focus selects, so the details pane follows Tab and arrows.
    if (event->reason() != Qt::MouseFocusReason)
        setFocusedPart(m_focus);
    QWidget::focusInEvent(event);
}

void VolumeLayout::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Up: setFocusedPart(m_focus - 1); break;
    case Qt::Key_Right:
    case Qt::Key_Down: setFocusedPart(m_focus + 1); break;
    case Qt::Key_Home: setFocusedPart(0); break;
    case Qt::Key_End: setFocusedPart(int(m_picture.parts.size()) - 1); break;
    default: QWidget::keyPressEvent(event); return;
    }
}

bool VolumeLayout::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = partAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), m_picture.parts[index].description, this, m_picture.parts[index].rect);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace plexus

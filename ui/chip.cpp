// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "chip.h"

#include <QEvent>
#include <QPainter>

namespace plexus {

Chip::Chip(QWidget *parent) : QLabel(parent)
{
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    updateMargins();
}

void Chip::setTone(Tone tone)
{
    m_tone = tone;
    update();
}

void Chip::updateMargins()
{
    const int pad = fontMetrics().height() / 2;
    setContentsMargins(pad, pad / 4, pad, pad / 4);
}

void Chip::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateMargins();
    QLabel::changeEvent(event);
}

void Chip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor strong = toneColor(m_tone, palette());
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = box.height() / 2;
    p.setPen(QPen(mix(strong, palette().color(QPalette::Base), 0.35), 1));
    p.setBrush(toneFill(m_tone, palette()));
    p.drawRoundedRect(box, radius, radius);
    // Text in the tone, pulled towards the text colour so small type stays readable.
    p.setPen(mix(strong, palette().color(QPalette::Text), 0.25));
    p.setFont(font());
    p.drawText(contentsRect(), int(alignment()) | Qt::TextSingleLine, text());
}

} // namespace plexus

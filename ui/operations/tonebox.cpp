// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "tonebox.h"

#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace plexus {

ToneBox::ToneBox(Tone tone, QWidget *parent) : QFrame(parent), m_tone(tone)
{
    const int unit = fontMetrics().height();
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(unit * 3 / 4, unit / 2, unit * 3 / 4, unit / 2);
    m_layout->setSpacing(unit / 4);
}

void ToneBox::setTone(Tone tone)
{
    m_tone = tone;
    for (QLabel *heading : findChildren<QLabel *>(QString(), Qt::FindDirectChildrenOnly))
        if (heading->property("toneHeading").toBool()) {
            QPalette pal = heading->palette();
            pal.setColor(QPalette::WindowText, mix(toneColor(m_tone, palette()), palette().color(QPalette::Text), 0.2));
            heading->setPalette(pal);
        }
    update();
}

QLabel *ToneBox::addHeading(const QString &text, const QString &objectName)
{
    auto *label = addText(text, objectName);
    label->setProperty("toneHeading", true);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    setTone(m_tone);
    return label;
}

QLabel *ToneBox::addText(const QString &text, const QString &objectName)
{
    auto *label = new QLabel(text, this);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_layout->addWidget(label);
    return label;
}

void ToneBox::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal radius = fontMetrics().height() * 0.35;
    p.setBrush(toneFill(m_tone, palette()));
    p.setPen(QPen(mix(toneColor(m_tone, palette()), palette().color(QPalette::Base), 0.25), 1.2));
    p.drawRoundedRect(QRectF(rect()).adjusted(0.6, 0.6, -0.6, -0.6), radius, radius);
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "steplist.h"
#include "tone.h"

#include <KLocalizedString>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QProgressBar>
#include <QVBoxLayout>

namespace plexus {

namespace {

// A step's state as a small round badge: hollow (to do), blue (now), green tick, red cross.
QPixmap stateIcon(StepList::StepState state, const QPalette &pal, int size, qreal dpr)
{
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF box(1.5, 1.5, size - 3, size - 3);
    const qreal w = qMax(1.5, size / 9.0);
    switch (state) {
    case StepList::StepState::Pending:
        p.setPen(QPen(mix(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.55), w));
        p.drawEllipse(box);
        break;
    case StepList::StepState::Running: {
        p.setPen(Qt::NoPen);
        p.setBrush(pal.color(QPalette::Highlight));
        p.drawEllipse(box);
        QPainterPath play;
        const QPointF c = box.center();
        const qreal r = size * 0.22;
        play.moveTo(c.x() - r * 0.7, c.y() - r);
        play.lineTo(c.x() + r, c.y());
        play.lineTo(c.x() - r * 0.7, c.y() + r);
        play.closeSubpath();
        p.setBrush(pal.color(QPalette::HighlightedText));
        p.drawPath(play);
        break;
    }
    case StepList::StepState::Done: {
        p.setPen(Qt::NoPen);
        p.setBrush(toneColor(Tone::Good, pal));
        p.drawEllipse(box);
        p.setPen(QPen(Qt::white, w * 1.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(QPolygonF(QList<QPointF>{{size * 0.28, size * 0.52}, {size * 0.44, size * 0.68}, {size * 0.73, size * 0.34}}));
        break;
    }
    case StepList::StepState::Failed: {
        p.setPen(Qt::NoPen);
        p.setBrush(toneColor(Tone::Bad, pal));
        p.drawEllipse(box);
        p.setPen(QPen(Qt::white, w * 1.2, Qt::SolidLine, Qt::RoundCap));
        const qreal a = size * 0.33, b = size * 0.67;
        p.drawLine(QPointF(a, a), QPointF(b, b));
        p.drawLine(QPointF(a, b), QPointF(b, a));
        break;
    }
    }
    return pixmap;
}

} // namespace

StepList::StepList(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("steps"));
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(fontMetrics().height() / 2);
    m_layout->addStretch(1); // rows stay together at the top when there is room to spare
}

void StepList::setSteps(const QStringList &descriptions, const QStringList &commands)
{
    for (const Row &r : std::as_const(m_rows)) {
        delete r.icon->parentWidget();
    }
    m_rows.clear();
    m_descriptions = descriptions;
    m_commands = commands;
    const int unit = fontMetrics().height();
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF() * 0.92);
    for (int i = 0; i < descriptions.size(); ++i) {
        auto *box = new QWidget(this);
        box->setObjectName(QStringLiteral("step-%1").arg(i));
        auto *grid = new QGridLayout(box);
        grid->setContentsMargins(0, 0, 0, 0);
        grid->setHorizontalSpacing(unit / 2);
        grid->setVerticalSpacing(unit / 6);
        Row row;
        row.icon = new QLabel(box);
        row.text = new QLabel(i18nc("a step of a plan: its number and what it does", "%1. %2", i + 1, descriptions[i]), box);
        row.text->setObjectName(QStringLiteral("description"));
        row.text->setWordWrap(true);
        row.text->setTextFormat(Qt::PlainText);
        row.command = new QLabel(commands.value(i), box);
        row.command->setObjectName(QStringLiteral("command"));
        row.command->setFont(mono);
        row.command->setWordWrap(true);
        row.command->setTextFormat(Qt::PlainText);
        row.command->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        row.command->setForegroundRole(QPalette::PlaceholderText);
        row.progress = new QProgressBar(box);
        row.progress->setObjectName(QStringLiteral("stepProgress"));
        row.progress->setRange(0, 1000);
        row.progress->setFormat(i18nc("a step's progress bar: %p is the percentage done", "%p%"));
        row.progress->hide();
        grid->addWidget(row.icon, 0, 0, Qt::AlignTop);
        grid->addWidget(row.text, 0, 1);
        grid->addWidget(row.command, 1, 1);
        grid->addWidget(row.progress, 2, 1);
        grid->setColumnStretch(1, 1);
        m_layout->insertWidget(m_layout->count() - 1, box);
        m_rows << row;
        setState(i, StepState::Pending);
    }
}

void StepList::setState(int index, StepState state)
{
    if (index < 0 || index >= m_rows.size())
        return;
    Row &row = m_rows[index];
    row.state = state;
    const int size = fontMetrics().height() * 11 / 10;
    row.icon->setPixmap(stateIcon(state, palette(), size, devicePixelRatioF()));
    QFont f = row.text->font();
    f.setBold(state == StepState::Running || state == StepState::Failed);
    row.text->setFont(f);
    row.command->setForegroundRole(state == StepState::Running ? QPalette::Text : QPalette::PlaceholderText);
    if (state == StepState::Done && row.progress->isVisible())
        row.progress->setValue(1000);
}

StepList::StepState StepList::state(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows[index].state : StepState::Pending;
}

void StepList::setProgress(int index, double percent)
{
    if (index < 0 || index >= m_rows.size())
        return;
    m_rows[index].progress->show();
    m_rows[index].progress->setValue(int(percent * 10));
}

void StepList::doneUpTo(int index)
{
    for (int i = 0; i <= index && i < m_rows.size(); ++i)
        if (m_rows[i].state != StepState::Failed)
            setState(i, StepState::Done);
}

int StepList::runningIndex() const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].state == StepState::Running)
            return i;
    return -1;
}

QWidget *StepList::row(int index) const
{
    return index >= 0 && index < m_rows.size() ? m_rows[index].text : nullptr;
}

} // namespace plexus

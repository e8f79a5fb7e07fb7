// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "arraysview.h"
#include "arraycard.h"
#include "cardgridlayout.h"
#include "slotstrip.h"
#include "themedicons.h"
#include "words.h"

#include <KLocalizedString>

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>

namespace plexus {

namespace {

// Where cards would be: a dashed outline that says what belongs there.
class EmptyState : public QWidget
{
public:
    using QWidget::QWidget;

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal radius = fontMetrics().height() * 0.45;
        p.setBrush(mix(palette().color(QPalette::Window), palette().color(QPalette::Base), 0.5));
        p.setPen(QPen(mix(palette().color(QPalette::Text), palette().color(QPalette::Window), 0.6), 1.2, Qt::DashLine));
        p.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), radius, radius);
    }
};

QWidget *makeEmptyState(QWidget *parent)
{
    auto *box = new EmptyState(parent);
    box->setObjectName(QStringLiteral("emptyArrays"));
    const int unit = box->fontMetrics().height();
    auto *icon = new QLabel(box);
    icon->setPixmap(themedIcon(QStringLiteral("level-raid1"), box->palette()).pixmap(QSize(unit * 3, unit * 3), box->devicePixelRatioF()));
    auto *text = new QLabel(i18n("No arrays yet: select disks to create one"), box);
    text->setObjectName(QStringLiteral("emptyText"));
    QFont big = text->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    text->setFont(big);
    auto *hint = new QLabel(i18n("md arrays appear here as soon as the kernel runs them."), box);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *words = new QVBoxLayout;
    words->addWidget(text);
    words->addWidget(hint);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(unit * 3 / 2, unit, unit * 3 / 2, unit);
    layout->setSpacing(unit);
    layout->addWidget(icon);
    layout->addLayout(words, 1);
    return box;
}

// md2 before md10.
bool nameLess(const QString &a, const QString &b)
{
    if (a.size() != b.size() && a.startsWith(QLatin1String("md")) && b.startsWith(QLatin1String("md")))
        return a.size() < b.size();
    return a < b;
}

} // namespace

ArraysView::ArraysView(SelectionModel *selection, QWidget *parent) : QWidget(parent), m_selection(selection)
{
    setObjectName(QStringLiteral("arrays"));
    const int unit = fontMetrics().height();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_empty = makeEmptyState(this);
    layout->addWidget(m_empty);
    auto *cards = new QWidget(this);
    m_grid = new CardGridLayout(cards);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(unit * 2 / 3);
    m_grid->setMinimumColumnWidth(unit * 21);
    layout->addWidget(cards);
}

ArrayCard *ArraysView::card(const QString &array) const
{
    for (ArrayCard *c : m_cards)
        if (c->arrayName() == array)
            return c;
    return nullptr;
}

void ArraysView::setSnapshot(const Snapshot &snapshot)
{
    QList<const Array *> arrays;
    for (const Array &a : snapshot.arrays)
        arrays << &a;
    std::stable_sort(arrays.begin(), arrays.end(), [](const Array *a, const Array *b) {
        const int ua = arrayUrgency(*a), ub = arrayUrgency(*b);
        return ua != ub ? ua < ub : nameLess(a->name, b->name);
    });

    QWidget *host = m_grid->parentWidget();
    QList<ArrayCard *> cards;
    for (const Array *a : arrays) {
        ArrayCard *c = card(a->name);
        if (!c)
            c = new ArrayCard(a->name, m_selection, host);
        c->setArray(*a, snapshot);
        cards << c;
    }
    m_empty->setVisible(cards.isEmpty());
    // The same cards in the same order (most snapshots): the grid stays as it is.
    if (cards == m_cards)
        return;
    for (ArrayCard *old : std::as_const(m_cards))
        if (!cards.contains(old))
            delete old;
    m_cards = cards;
    for (ArrayCard *c : m_cards)
        m_grid->removeWidget(c);
    for (int i = 0; i < m_cards.size(); ++i) {
        m_grid->addWidget(m_cards[i]);
        m_cards[i]->show();
        if (i > 0)
            setTabOrder(m_cards[i - 1], m_cards[i]);
    }
    m_grid->invalidate();
}

void ArraysView::keyPressEvent(QKeyEvent *event)
{
    // Left/Right reach here past a card's first or last slot; Up/Down move a grid row.
    const int columns = m_grid->columnCount(m_grid->geometry().width());
    int step = 0;
    switch (event->key()) {
    case Qt::Key_Left: step = -1; break;
    case Qt::Key_Right: step = 1; break;
    case Qt::Key_Up: step = -columns; break;
    case Qt::Key_Down: step = columns; break;
    }
    int focused = -1;
    for (int i = 0; i < m_cards.size(); ++i)
        if (m_cards[i]->hasFocus())
            focused = i;
    int next = focused + step;
    if (event->key() == Qt::Key_Down && next >= m_cards.size() && focused / columns < (int(m_cards.size()) - 1) / columns)
        next = int(m_cards.size()) - 1; // the shorter last row
    if (step == 0 || focused < 0 || next < 0 || next >= m_cards.size()) {
        QWidget::keyPressEvent(event);
        return;
    }
    m_cards[next]->setFocus(Qt::OtherFocusReason);
    if (event->key() == Qt::Key_Left) // arriving from the right: at the last slot
        m_cards[next]->setCurrentSlot(int(m_cards[next]->slotStrip()->slots().size()) - 1);
    else if (event->key() == Qt::Key_Right)
        m_cards[next]->setCurrentSlot(-1);
}

} // namespace plexus

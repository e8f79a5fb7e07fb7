// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "detailspane.h"
#include "changelogmodel.h"
#include "selectionmodel.h"
#include "themedicons.h"

#include <KLocalizedString>

#include <QApplication>
#include <QHBoxLayout>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace plexus {

namespace {

constexpr int rawRole = Qt::UserRole + 1;

// The value column: the words, then what the kernel says, muted, when it
// says something else. The kernel's value keeps up to 40% of the width.
class ValueDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString words = opt.text;
        const QString raw = index.data(rawRole).toString();
        opt.text.clear();
        QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

        const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(2, 0, -2, 0);
        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette &pal = opt.palette;
        const QFontMetrics fm(opt.font);
        const QString gap = QStringLiteral("   ");
        const bool showRaw = !raw.isEmpty() && raw != words;
        const int rawWidth = showRaw ? qMin(fm.horizontalAdvance(raw) + 2, area.width() * 2 / 5) : 0;
        const int wordsWidth = area.width() - (showRaw ? rawWidth + fm.horizontalAdvance(gap) : 0);
        const QString shownWords = fm.elidedText(words, Qt::ElideRight, wordsWidth);
        painter->save();
        painter->setFont(opt.font);
        painter->setPen(pal.color(selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(area, Qt::AlignLeft | Qt::AlignVCenter, shownWords);
        if (showRaw) {
            painter->setPen(selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::PlaceholderText));
            const QRect rawArea(area.left() + fm.horizontalAdvance(shownWords + gap), area.top(), rawWidth, area.height());
            painter->drawText(rawArea, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(raw, Qt::ElideMiddle, rawWidth));
        }
        painter->restore();
    }
};

} // namespace

DetailsPane::DetailsPane(SelectionModel *selection, QWidget *parent) : QWidget(parent), m_selection(selection)
{
    setObjectName(QStringLiteral("details"));
    const int unit = fontMetrics().height();
    m_icon = new QLabel(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("detailsTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("detailsSubtitle"));
    m_subtitle->setWordWrap(true);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder = new QLabel(i18n("Select a disk, partition, array, member or volume to see its details."), this);
    m_placeholder->setObjectName(QStringLiteral("detailsPlaceholder"));
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    m_model = new QStandardItemModel(this);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("detailsView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->header()->setStretchLastSection(true);
    m_view->setItemDelegateForColumn(1, new ValueDelegate(m_view));

    auto *heading = new QVBoxLayout;
    heading->setSpacing(unit / 8);
    heading->addWidget(m_title);
    heading->addWidget(m_subtitle);
    auto *top = new QHBoxLayout;
    top->setSpacing(unit / 2);
    top->addWidget(m_icon, 0, Qt::AlignTop);
    top->addLayout(heading, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(unit / 2);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_placeholder, 1);

    connect(m_selection, &SelectionModel::currentChanged, this, &DetailsPane::refresh);
    refresh();
}

bool DetailsPane::addHistory(const QList<Event> &events, bool past)
{
    QList<Event> kept;
    std::copy_if(events.begin(), events.end(), std::back_inserter(kept), [](const Event &e) { return e.kind != EventKind::SyncProgress; });
    if (kept.isEmpty())
        return false;
    QList<Event> &history = m_context.history;
    history = past ? kept + history : history + kept;
    if (history.size() > ChangeLogModel::mostEntries) // as many as the Changes keep
        history.remove(0, history.size() - ChangeLogModel::mostEntries);
    return true;
}

void DetailsPane::setSchedule(const ScrubSchedule &schedule)
{
    m_context.schedule = schedule;
    refresh();
}

void DetailsPane::refresh()
{
    const Selectable item = m_selection->current();
    m_details = m_selection->snapshot() ? detailsFor(item, *m_selection->snapshot(), m_context) : Details{};
    const bool empty = item.isNone();
    m_placeholder->setVisible(empty);
    m_view->setVisible(!empty);
    m_icon->setVisible(!empty);
    m_title->setVisible(!empty);
    m_subtitle->setVisible(!empty);
    m_title->setText(m_details.title);
    m_subtitle->setText(m_details.subtitle);
    const int iconSize = fontMetrics().height() * 2;
    m_icon->setPixmap(m_details.icon.isEmpty() ? QPixmap()
                                               : themedIcon(m_details.icon, palette()).pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));

    // Keep the scroll position when the same thing is shown again with new values.
    const int scroll = m_view->verticalScrollBar() ? m_view->verticalScrollBar()->value() : 0;
    m_model->clear();
    m_model->setHorizontalHeaderLabels({i18nc("column header in the details", "Attribute"), i18nc("column header in the details", "Value")});
    m_model->horizontalHeaderItem(1)->setToolTip(i18n("In grey: the value as the kernel reports it"));
    m_view->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    QFont sectionFont = font();
    sectionFont.setBold(true);
    for (const DetailSection &section : m_details.sections) {
        auto *heading = new QStandardItem(section.title);
        heading->setFont(sectionFont);
        m_model->appendRow({heading, new QStandardItem});
        for (const DetailRow &row : section.rows) {
            auto *label = new QStandardItem(row.label);
            auto *value = new QStandardItem(row.value);
            value->setData(row.raw, rawRole);
            value->setToolTip(row.raw.isEmpty() || row.raw == row.value
                                  ? row.value
                                  : i18nc("tooltip: a value in words, then as the kernel reports it", "%1\nkernel: %2", row.value, row.raw));
            m_model->appendRow({label, value});
        }
    }
    m_view->verticalScrollBar()->setValue(scroll);
}

} // namespace plexus

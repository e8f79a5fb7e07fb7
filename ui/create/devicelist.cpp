// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "devicelist.h"

#include "model/describe.h"
#include "tone.h"

#include <KLocalizedString>
#include <QHeaderView>

namespace plexus {

namespace {
constexpr int nameRole = Qt::UserRole;
} // namespace

DeviceList::DeviceList(QWidget *parent) : QTreeWidget(parent)
{
    setColumnCount(ColumnCount);
    setHeaderLabels({i18nc("@title:column", "Device"), i18nc("@title:column", "Size"), i18nc("@title:column a disk's", "Model"),
                     i18nc("@title:column a disk's serial number", "Serial"), i18nc("@title:column what a device holds now", "On it now")});
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(Contents, QHeaderView::Stretch);
    connect(this, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (column == Name && !m_filling)
            itemToggled(item);
    });
}

QSize DeviceList::sizeHint() const
{
    const QFontMetrics fm(font());
    return QSize(fm.averageCharWidth() * 90, fm.height() * 14);
}

const DeviceChoice *DeviceList::choice(const QString &name) const
{
    for (const DeviceChoice &c : m_choices)
        if (c.name == name)
            return &c;
    return nullptr;
}

QTreeWidgetItem *DeviceList::item(const QString &name) const
{
    for (QTreeWidgetItemIterator it(const_cast<DeviceList *>(this)); *it; ++it)
        if ((*it)->data(Name, nameRole).toString() == name)
            return *it;
    return nullptr;
}

void DeviceList::setChoices(const QList<DeviceChoice> &choices)
{
    m_choices = choices;
    // A device that is gone from the machine cannot stay chosen; one that is
    // now in use can (the user sees why, and the review refuses it).
    m_chosen.removeIf([this](const QString &name) { return !choice(name); });
    fill();
}

void DeviceList::setChosen(const QStringList &names)
{
    m_chosen.clear();
    for (const QString &n : names)
        if (const DeviceChoice *c = choice(n); c && c->usable && !m_chosen.contains(n))
            m_chosen << n;
    fill();
    Q_EMIT chosenChanged();
}

void DeviceList::fill()
{
    m_filling = true;
    const QString current = currentItem() ? currentItem()->data(Name, nameRole).toString() : QString();
    clear();
    QTreeWidgetItem *disk = nullptr;
    for (const DeviceChoice &c : m_choices) {
        auto *item = c.wholeDisk || !disk ? new QTreeWidgetItem(this) : new QTreeWidgetItem(disk);
        if (c.wholeDisk)
            disk = item;
        item->setData(Name, nameRole, c.name);
        updateItem(item, c);
        if (c.name == current)
            setCurrentItem(item);
    }
    expandAll();
    m_filling = false;
}

void DeviceList::updateItem(QTreeWidgetItem *item, const DeviceChoice &c)
{
    const bool chosen = m_chosen.contains(c.name);
    item->setText(Name, c.name);
    item->setText(Size, humanSize(c.sizeBytes));
    item->setTextAlignment(Size, Qt::AlignRight | Qt::AlignVCenter);
    item->setText(Model, c.wholeDisk ? c.model : QString());
    item->setText(Serial, c.wholeDisk ? c.serial : QString());
    QString contents = c.contents;
    if (!c.usable)
        contents = c.reason;
    else if (c.erases)
        contents = i18nc("@item %1 what a device holds (a ext4 filesystem)", "%1: creating erases it", c.contents);
    item->setText(Contents, contents);
    const QString tip = c.detail.isEmpty() ? contents : c.detail;
    for (int col = 0; col < ColumnCount; ++col)
        item->setToolTip(col, tip);

    // Greyed when it cannot be used, unless the user chose it before it became
    // unusable: then it stays enabled so it can be unchecked.
    Qt::ItemFlags flags = Qt::ItemIsSelectable;
    if (c.usable || chosen)
        flags |= Qt::ItemIsEnabled | Qt::ItemIsUserCheckable;
    item->setFlags(flags);
    if (c.usable || chosen)
        item->setCheckState(Name, chosen ? Qt::Checked : Qt::Unchecked);
    const QPalette &pal = palette();
    if (!c.usable && chosen)
        item->setForeground(Contents, toneColor(Tone::Bad, pal));
    else if (c.erases)
        item->setForeground(Contents, toneColor(Tone::Warning, pal));
    QFont f = font();
    f.setBold(c.wholeDisk);
    item->setFont(Name, f);
}

void DeviceList::itemToggled(QTreeWidgetItem *item)
{
    const QString name = item->data(Name, nameRole).toString();
    const bool checked = item->checkState(Name) == Qt::Checked;
    if (checked == m_chosen.contains(name))
        return;
    if (checked)
        m_chosen << name;
    else
        m_chosen.removeAll(name);
    if (const DeviceChoice *c = choice(name); c && !c->usable && !checked) {
        m_filling = true;
        updateItem(item, *c); // unchecked for good: grey it now
        m_filling = false;
    }
    Q_EMIT chosenChanged();
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "diskrow.h"
#include "chip.h"
#include "disksegments.h"
#include "drivehealthdetails.h"
#include "model/describe.h"
#include "operations/devicedrag.h"
#include "partitionbar.h"
#include "themedicons.h"
#include "words.h"

#include <KLocalizedString>

#include <QApplication>
#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QGridLayout>
#include <QMouseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

namespace plexus {

DiskRow::DiskRow(const QString &disk, SelectionModel *selection, QWidget *parent)
    : QWidget(parent), m_disk(disk), m_selection(selection)
{
    setObjectName(QStringLiteral("disk-%1").arg(disk));
    const int unit = fontMetrics().height();

    m_icon = new QLabel(this);
    m_name = new QLabel(disk, this);
    m_name->setObjectName(QStringLiteral("name"));
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_model = new QLabel(this);
    m_model->setObjectName(QStringLiteral("model"));
    m_model->setForegroundRole(QPalette::PlaceholderText);
    m_facts = new QLabel(this);
    m_facts->setObjectName(QStringLiteral("facts"));
    m_removable = new Chip(this);
    m_removable->setObjectName(QStringLiteral("removable"));
    m_removable->setText(i18nc("a disk badge", "removable"));
    m_hotplug = new Chip(this);
    m_hotplug->setObjectName(QStringLiteral("hotplug"));
    m_hotplug->setText(i18nc("a disk badge", "hot-plug"));
    m_health = new Chip(this);
    m_health->setObjectName(QStringLiteral("health"));
    m_health->hide();
    for (Chip *chip : {m_removable, m_hotplug, m_health}) {
        QFont small = chip->font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        chip->setFont(small);
    }

    auto *info = new QWidget(this);
    info->setFixedWidth(unit * 17);
    auto *grid = new QGridLayout(info);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(unit / 2);
    grid->setVerticalSpacing(unit / 6);
    grid->addWidget(m_icon, 0, 0, 2, 1, Qt::AlignTop);
    auto *first = new QHBoxLayout;
    first->setSpacing(unit / 2);
    first->addWidget(m_name);
    first->addWidget(m_model, 1);
    grid->addLayout(first, 0, 1);
    auto *second = new QHBoxLayout;
    second->setSpacing(unit / 3);
    second->addWidget(m_facts);
    second->addWidget(m_removable);
    second->addWidget(m_hotplug);
    second->addWidget(m_health);
    second->addStretch(1);
    grid->addLayout(second, 1, 1);
    grid->setColumnStretch(1, 1);

    m_bar = new PartitionBar(disk, selection, this);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(unit / 3, unit / 4, unit / 3, unit / 4);
    row->setSpacing(unit);
    row->addWidget(info, 0, Qt::AlignVCenter);
    row->addWidget(m_bar, 1, Qt::AlignVCenter);

    connect(m_selection, &SelectionModel::highlightChanged, this, qOverload<>(&QWidget::update));
}

bool DiskRow::shows(const Disk &disk) const
{
    return m_shown && m_shown->disk == disk && m_shown->palette == palette().cacheKey() && m_shown->font == font().key();
}

void DiskRow::setDisk(const Disk &disk, const Snapshot &snapshot)
{
    // At most snapshots most disks are as they were (a change in one array,
    // a progress tick): their rows are left alone, the labels not laid out again.
    Shown shown{disk, diskSegments(disk, snapshot), palette().cacheKey(), font().key()};
    if (m_shown == shown)
        return;
    m_shown = shown;
    const int iconSize = fontMetrics().height() * 2;
    const bool pluggable = disk.removable || disk.hotpluggable;
    m_icon->setPixmap(themedIcon(pluggable ? QStringLiteral("disk-removable") : QStringLiteral("disk"), palette())
                          .pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    m_model->setText(fontMetrics().elidedText(disk.model, Qt::ElideRight, fontMetrics().height() * 11));
    m_model->setToolTip(disk.serial.isEmpty() ? disk.model : i18nc("a disk's model and serial number", "%1, serial %2", disk.model, disk.serial));
    QStringList facts{humanSize(disk.sizeBytes)};
    if (!disk.bus.isEmpty())
        facts << busTitle(disk.bus);
    facts << (disk.rotational ? i18nc("a hard disk drive", "HDD") : i18nc("a solid-state drive", "SSD"));
    if (disk.readOnly)
        facts << i18nc("a disk", "read-only");
    m_facts->setText(joinedList(facts, ki18nc("facts about a disk: those so far (%1), then the next one (%2)", "%1 \u00b7 %2")));
    m_removable->setVisible(disk.removable);
    m_hotplug->setVisible(disk.hotpluggable && !disk.removable);
    m_health->setVisible(disk.health.has_value());
    QString health;
    if (disk.health) {
        m_health->setText(disk.health->badge());
        m_health->setTone(disk.health->atRisk() ? (disk.health->failing ? Tone::Bad : Tone::Warning)
                                                : (disk.health->hot() ? Tone::Warning : Tone::Good));
        health = healthSummary(*disk.health);
        if (disk.health->temperatureC)
            health = i18nc("a drive's health, then its temperature", "%1, %2 \u00b0C", health, qRound(*disk.health->temperatureC));
        m_health->setToolTip(health);
    }
    m_bar->setSegments(shown.segments);
    setAccessibleName(health.isEmpty()
                          ? i18nc("accessible name of a disk: its name, model, facts", "%1, %2, %3", disk.name, disk.model, m_facts->text())
                          : i18nc("accessible name of a disk: its name, model, facts, health", "%1, %2, %3, %4", disk.name, disk.model,
                                  m_facts->text(), health));
}

QString DiskRow::factsText() const
{
    return m_facts->text();
}

QStringList DiskRow::badges() const
{
    QStringList shown;
    for (const Chip *chip : {m_removable, m_hotplug, m_health})
        if (!chip->isHidden())
            shown << chip->text();
    return shown;
}

void DiskRow::mousePressEvent(QMouseEvent *event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier))
        m_selection->toggleChosen(Selectable::disk(m_disk));
    else
        m_selection->setCurrent(Selectable::disk(m_disk));
    m_pressed = event->button() == Qt::LeftButton;
    m_pressPos = event->position().toPoint();
    QWidget::mousePressEvent(event);
}

void DiskRow::mouseMoveEvent(QMouseEvent *event)
{
    if (m_pressed && (event->buttons() & Qt::LeftButton)
        && (event->position().toPoint() - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
        m_pressed = false;
        if (m_selection->snapshot())
            dragDevice(this, *m_selection->snapshot(), m_disk);
        return;
    }
    QWidget::mouseMoveEvent(event);
}

void DiskRow::contextMenuEvent(QContextMenuEvent *event)
{
    // The bar's press chose the partition under the pointer; elsewhere the row means the disk.
    Selectable item = m_selection->current();
    const Disk *disk = m_selection->snapshot() ? m_selection->snapshot()->disk(m_disk) : nullptr;
    const bool onThisDisk = item.kind == Selectable::Kind::Disk ? item.name == m_disk
                          : item.kind == Selectable::Kind::Partition && disk && disk->partition(item.name);
    if (!onThisDisk) {
        item = Selectable::disk(m_disk);
        m_selection->setCurrent(item);
    }
    Q_EMIT contextMenuRequested(item, event->globalPos());
    event->accept();
}

void DiskRow::enterEvent(QEnterEvent *event)
{
    m_selection->setHovered(Selectable::disk(m_disk));
    QWidget::enterEvent(event);
}

void DiskRow::leaveEvent(QEvent *event)
{
    m_selection->unhover(Selectable::disk(m_disk));
    QWidget::leaveEvent(event);
}

void DiskRow::paintEvent(QPaintEvent *)
{
    const bool current = m_selection->current() == Selectable::disk(m_disk) || m_selection->isChosen(m_disk);
    const bool dragOver = !m_dropDevice.isEmpty();
    if (!current && !dragOver && !m_selection->isLit(m_disk))
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal radius = fontMetrics().height() * 0.3;
    const QRectF r = QRectF(rect()).adjusted(1, 1, -1, -1);
    if (dragOver) {
        // The verdict for the disk under the drag: a frame that says yes or no.
        const QColor verdict = m_drop.isRefused() ? QColor(0xc0, 0x39, 0x2b) : palette().color(QPalette::Highlight);
        p.setPen(QPen(verdict, 2));
        p.setBrush(mix(palette().color(QPalette::Window), verdict, 0.12));
        p.drawRoundedRect(r, radius, radius);
        return;
    }
    const QColor highlight = palette().color(QPalette::Highlight);
    p.setPen(Qt::NoPen);
    p.setBrush(mix(palette().color(QPalette::Window), highlight, current ? 0.22 : 0.1));
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
}

void DiskRow::setDropPlanner(DropPlanner planner)
{
    m_planner = std::move(planner);
    setAcceptDrops(bool(m_planner));
}

void DiskRow::planDrop(const QString &device)
{
    if (device == m_dropDevice)
        return; // decided already: moves over the row cost nothing
    m_dropDevice = device;
    m_drop = m_planner(device);
    update();
    if (m_drop.isRefused())
        Q_EMIT dropHint(i18nc("%1 a device, %2 a disk, %3 why not", "Cannot drop %1 on %2: %3", device, m_disk, m_drop.refusal.message()), false);
    else
        Q_EMIT dropHint(i18nc("%1 what the drop would do", "Drop to review: %1", m_drop.plan.summary), true);
}

void DiskRow::clearDrop()
{
    if (m_dropDevice.isEmpty())
        return;
    m_dropDevice.clear();
    m_drop = Operation();
    update();
    Q_EMIT dropHint(QString(), false);
}

void DiskRow::dragEnterEvent(QDragEnterEvent *event)
{
    const QString device = draggedDevice(event->mimeData());
    if (!m_planner || device.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction(); // moves follow with the verdict
    planDrop(device);
}

void DiskRow::dragMoveEvent(QDragMoveEvent *event)
{
    const QString device = draggedDevice(event->mimeData());
    if (!m_planner || device.isEmpty()) {
        event->ignore();
        return;
    }
    planDrop(device);
    if (m_drop.isRefused()) {
        event->ignore(rect());
        return;
    }
    event->accept(rect());
    event->setDropAction(Qt::CopyAction);
}

void DiskRow::dragLeaveEvent(QDragLeaveEvent *)
{
    clearDrop();
}

void DiskRow::dropEvent(QDropEvent *event)
{
    const QString device = draggedDevice(event->mimeData());
    if (!m_planner || device.isEmpty()) {
        event->ignore();
        return;
    }
    planDrop(device);
    const Operation op = m_drop;
    clearDrop();
    if (op.isRefused()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    Q_EMIT dropped(op);
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// One line of the disk map: what the disk is (name, model, size, bus,
// removable or hot-plug) and its partition bar. The disk can be dragged by
// its name onto a member slot, and ctrl/shift-clicked into a choice of several.
// Another disk dropped on the row puts that disk in this one's place (the
// planner decides while the drag is over the row, so it says yes or why not).

#include "disksegments.h"
#include "model/snapshot.h"
#include "operations/operation.h"
#include "selectionmodel.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;

namespace plexus {

class Chip;
class PartitionBar;

class DiskRow : public QWidget
{
    Q_OBJECT
public:
    DiskRow(const QString &disk, SelectionModel *selection, QWidget *parent = nullptr);

    void setDisk(const Disk &disk, const Snapshot &snapshot);
    // Whether the row was last drawn from this record, in today's palette and font.
    bool shows(const Disk &disk) const;
    QString diskName() const { return m_disk; }
    PartitionBar *bar() const { return m_bar; }
    // The facts as shown: "931 GiB · SATA · HDD", and "removable", "hot-plug" and
    // health ("healthy", "failing", "3 bad sectors") badges.
    QString factsText() const;
    QStringList badges() const;

    // What dropping the disk or partition `device` on this row does.
    using DropPlanner = std::function<Operation(const QString &device)>;
    void setDropPlanner(DropPlanner planner);
    // The verdict for the device being dragged over the row (empty when none).
    const Operation &dropOperation() const { return m_drop; }

Q_SIGNALS:
    // Right click or the menu key on the disk or one of its partitions (now current).
    void contextMenuRequested(const plexus::Selectable &item, const QPoint &globalPos);
    // While a device is dragged over the row: what the drop would do, or why not.
    void dropHint(const QString &text, bool accepted);
    // A device dropped on the row, with the operation to review.
    void dropped(const plexus::Operation &op);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void planDrop(const QString &device);
    void clearDrop();

    QString m_disk;
    SelectionModel *m_selection;
    QLabel *m_icon;
    QLabel *m_name;
    QLabel *m_model;
    QLabel *m_facts;
    Chip *m_removable;
    Chip *m_hotplug;
    Chip *m_health;
    PartitionBar *m_bar;
    // What the row was last drawn from: the same again draws nothing.
    struct Shown {
        Disk disk;
        QList<DiskSegment> segments;
        qint64 palette = 0;
        QString font;
        bool operator==(const Shown &) const = default;
    };
    std::optional<Shown> m_shown;
    QPoint m_pressPos;
    bool m_pressed = false;
    DropPlanner m_planner;
    QString m_dropDevice;   // being dragged over the row
    Operation m_drop;       // what dropping it does
};

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// One line of the disk map: what the disk is (name, model, size, bus,
// removable or hot-plug) and its partition bar. The disk can be dragged by
// its name onto a member slot, and ctrl/shift-clicked into a choice of several.

#include "model/snapshot.h"
#include "selectionmodel.h"

#include <QWidget>

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
    QString diskName() const { return m_disk; }
    PartitionBar *bar() const { return m_bar; }
    // The facts as shown: "931 GiB · SATA · HDD", and "removable", "hot-plug" badges.
    QString factsText() const;
    QStringList badges() const;

Q_SIGNALS:
    // Right click or the menu key on the disk or one of its partitions (now current).
    void contextMenuRequested(const plexus::Selectable &item, const QPoint &globalPos);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_disk;
    SelectionModel *m_selection;
    QLabel *m_icon;
    QLabel *m_name;
    QLabel *m_model;
    QLabel *m_facts;
    Chip *m_removable;
    Chip *m_hotplug;
    PartitionBar *m_bar;
    QPoint m_pressPos;
    bool m_pressed = false;
};

} // namespace plexus

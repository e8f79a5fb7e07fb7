// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "diskmapview.h"
#include "diskrow.h"
#include "disksegments.h"
#include "partitionbar.h"

#include <KLocalizedString>

#include <QHash>
#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace plexus {

DiskMapView::DiskMapView(SelectionModel *selection, QWidget *parent) : QWidget(parent), m_selection(selection)
{
    setObjectName(QStringLiteral("diskMap"));
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(fontMetrics().height() / 6);
    m_empty = new QLabel(i18n("No disks found."), this);
    m_empty->setObjectName(QStringLiteral("emptyDisks"));
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_layout->addWidget(m_empty);
}

DiskRow *DiskMapView::row(const QString &disk) const
{
    for (DiskRow *r : m_rows)
        if (r->diskName() == disk)
            return r;
    return nullptr;
}

void DiskMapView::setSnapshot(const Snapshot &snapshot)
{
    QHash<QString, DiskRow *> existing;
    for (DiskRow *r : std::as_const(m_rows))
        existing.insert(r->diskName(), r);
    // Working out a row's segments means looking through the arrays, mounts and
    // volumes for each partition: done only for the disks a change may touch.
    const std::optional<QSet<QString>> affected = m_previous ? devicesAffected(*m_previous, snapshot) : std::nullopt;
    const auto touched = [&](const Disk &disk) {
        return !affected || affected->contains(disk.name)
            || std::any_of(disk.partitions.begin(), disk.partitions.end(), [&](const Partition &p) { return affected->contains(p.name); });
    };
    QList<DiskRow *> rows;
    for (const Disk &disk : snapshot.disks) {
        DiskRow *r = existing.value(disk.name);
        if (!r)
            r = new DiskRow(disk.name, m_selection, this);
        if (touched(disk) || !r->shows(disk))
            r->setDisk(disk, snapshot);
        rows << r;
    }
    m_previous = snapshot;
    m_empty->setVisible(rows.isEmpty());
    // The same rows in the same order (most snapshots): the layout stays as it is.
    if (rows == m_rows)
        return;
    for (DiskRow *old : std::as_const(m_rows))
        if (!rows.contains(old))
            delete old;
    m_rows = rows;
    // A disk arriving or leaving moves only the rows after it: each row that is
    // not in its place yet is put there, the others stay in the layout.
    for (int i = 0; i < m_rows.size(); ++i) {
        const QLayoutItem *there = m_layout->itemAt(i);
        if (!there || there->widget() != m_rows[i]) {
            m_layout->removeWidget(m_rows[i]);
            m_layout->insertWidget(i, m_rows[i]);
            m_rows[i]->show(); // now, not on a later turn of the event loop
        }
        if (i > 0)
            setTabOrder(m_rows[i - 1]->bar(), m_rows[i]->bar());
    }
}

void DiskMapView::keyPressEvent(QKeyEvent *event)
{
    const int step = event->key() == Qt::Key_Up ? -1 : event->key() == Qt::Key_Down ? 1 : 0;
    int focused = -1;
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i]->bar()->hasFocus())
            focused = i;
    const int next = focused + step;
    if (step == 0 || focused < 0 || next < 0 || next >= m_rows.size()) {
        QWidget::keyPressEvent(event);
        return;
    }
    m_rows[next]->bar()->setFocus(Qt::OtherFocusReason);
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// An array's backup copies on its card, under the member slots: one line per
// copy, a chip saying how it is (detached, open, not plugged in) and where and
// as of when in words. Cut off, they belong to the array but not to its slots,
// so they are drawn apart. A click on a plugged-in copy makes its disk or
// partition current; a right click also asks for its menu (refresh, open, close).

#include "backuplist.h"
#include "selectionmodel.h"

#include <QDateTime>
#include <QWidget>

class QVBoxLayout;

namespace plexus {

class BackupChips : public QWidget
{
    Q_OBJECT
public:
    explicit BackupChips(QWidget *parent = nullptr);

    // `now` is when "2 hours ago" is counted from.
    void setCopies(const QList<DetachedCopy> &copies, const Snapshot &snapshot, const QDateTime &now = QDateTime::currentDateTimeUtc());
    const QList<DetachedCopy> &copies() const { return m_copies; }
    // What line `index` says, in words (as drawn: chip, then the rest).
    QString lineText(int index) const;

Q_SIGNALS:
    // A click on a plugged-in copy: its disk or partition becomes current (lit in the disk map).
    void copyChosen(const plexus::Selectable &item);
    void contextMenuRequested(const plexus::Selectable &item, const QPoint &globalPos);

private:
    QList<DetachedCopy> m_copies;
    QStringList m_lines;
    QVBoxLayout *m_layout;
};

// "4 Dec 2026 09:55, 2 hours ago"
QString cutWords(const QDateTime &cutAt, const QDateTime &now);

} // namespace plexus

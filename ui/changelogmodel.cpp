// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "changelogmodel.h"

#include <KLocalizedString>

#include <QApplication>
#include <QDate>
#include <QHash>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace plexus {

namespace {


QIcon dotIcon(Tone tone)
{
    const QPalette palette = QApplication::palette();
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(toneColor(tone, palette));
    p.drawEllipse(QRectF(8, 8, 16, 16));
    return QIcon(pixmap);
}

} // namespace

ChangeLogModel::ChangeLogModel(QObject *parent) : QAbstractListModel(parent) {}

void ChangeLogModel::append(const QDateTime &when, const QList<ChangeNote> &notes)
{
    if (notes.isEmpty())
        return;
    const int overflow = int(m_entries.size() + notes.size()) - mostEntries;
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_entries.remove(0, overflow);
        endRemoveRows();
    }
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + notes.size()) - 1);
    for (const ChangeNote &note : notes)
        m_entries << ChangeLogEntry{when, note};
    endInsertRows();
}

void ChangeLogModel::insertPast(const QList<ChangeLogEntry> &entries)
{
    // The newest of them, where there are more than the log keeps.
    const QList<ChangeLogEntry> kept = entries.mid(std::max<qsizetype>(0, entries.size() - (mostEntries - m_entries.size())));
    if (kept.isEmpty())
        return;
    beginInsertRows({}, 0, int(kept.size()) - 1);
    m_entries = kept + m_entries;
    endInsertRows();
}

QStringList ChangeLogModel::lines() const
{
    QStringList result;
    for (int row = 0; row < m_entries.size(); ++row)
        result << data(index(row)).toString();
    return result;
}

int ChangeLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ChangeLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const ChangeLogEntry &e = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole: {
        const QDateTime local = e.when.toLocalTime();
        const QString format = local.date() == QDate::currentDate() ? QStringLiteral("HH:mm:ss") : QStringLiteral("MMM d HH:mm:ss");
        return i18nc("a line of the Changes: the time, then what happened", "%1 %2", local.toString(format), e.note.text);
    }
    case Qt::ToolTipRole:
        return i18nc("tooltip of a line of the Changes: the time, then what happened", "%1\n%2",
                     e.when.toLocalTime().toString(Qt::ISODate), e.note.text);
    case ArrayRole:
        return e.note.array;
    case DeviceRole:
        return e.note.device;
    case Qt::DecorationRole: {
        static QHash<int, QIcon> dots;
        const int key = int(e.note.tone);
        if (!dots.contains(key))
            dots.insert(key, dotIcon(e.note.tone));
        return dots.value(key);
    }
    }
    return {};
}

} // namespace plexus

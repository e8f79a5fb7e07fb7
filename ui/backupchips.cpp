// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "backupchips.h"
#include "chip.h"
#include "words.h"

#include <KLocalizedString>

#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace plexus {

namespace {

// One copy's line; the copy's device is what its menu is about.
class CopyLine : public QWidget
{
public:
    CopyLine(const Selectable &item, BackupChips *owner) : QWidget(owner), m_item(item), m_owner(owner) {}

protected:
    void mousePressEvent(QMouseEvent *event) override
    {
        if (!m_item.isNone())
            Q_EMIT m_owner->copyChosen(m_item);
        event->accept();
    }
    void contextMenuEvent(QContextMenuEvent *event) override
    {
        if (!m_item.isNone()) {
            Q_EMIT m_owner->copyChosen(m_item);
            Q_EMIT m_owner->contextMenuRequested(m_item, event->globalPos());
        }
        event->accept();
    }

private:
    Selectable m_item;
    BackupChips *m_owner;
};

} // namespace

QString cutWords(const QDateTime &cutAt, const QDateTime &now)
{
    return i18nc("when a backup copy was cut: the date, then how long ago (\"2 hours ago\")", "%1, %2",
                 QLocale().toString(cutAt.toLocalTime(), QStringLiteral("d MMM yyyy HH:mm")), ageWords(cutAt, now));
}

BackupChips::BackupChips(QWidget *parent) : QWidget(parent), m_layout(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("backups"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(fontMetrics().height() / 4);
}

QString BackupChips::lineText(int index) const
{
    return m_lines.value(index);
}

void BackupChips::setCopies(const QList<DetachedCopy> &copies, const Snapshot &snapshot, const QDateTime &now)
{
    if (copies.isEmpty() && m_copies.isEmpty())
        return; // most cards at every snapshot: nothing to build again
    m_copies = copies;
    m_lines.clear();
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const int unit = fontMetrics().height();
    for (int i = 0; i < copies.size(); ++i) {
        const DetachedCopy &c = copies[i];
        const bool plugged = !c.device.isEmpty();
        const Selectable item = !plugged ? Selectable() : snapshot.disk(c.device) ? Selectable::disk(c.device) : Selectable::partition(c.device);
        auto *line = new CopyLine(item, this);
        line->setObjectName(QStringLiteral("backup-%1").arg(c.name()));
        auto *chip = new Chip(line);
        chip->setObjectName(QStringLiteral("backupState"));
        chip->setText(!plugged            ? i18nc("a backup copy's state", "not plugged in")
                      : !c.loops.isEmpty() ? i18nc("a backup copy's state: opened read-only", "open")
                                           : i18nc("a backup copy's state", "detached"));
        chip->setTone(plugged && !c.loops.isEmpty() ? Tone::Busy : Tone::Neutral);
        QStringList words{i18nc("a backup copy on device %1", "Copy on %1", c.name())};
        if (c.record)
            words << i18nc("a backup copy: %1 is when it was cut", "as of %1", cutWords(c.record->cutAt, now));
        else
            words << i18nc("a backup copy", "Plexus has no record of when it was cut");
        if (!c.loops.isEmpty()) {
            QStringList loops;
            for (const QString &loop : c.loops)
                loops << QStringLiteral("/dev/") + loop;
            words << i18nc("a backup copy; %1 is a list of loop devices", "opened read-only as %1",
                           loops.join(i18nc("separator between devices in a list", ", ")));
        }
        auto *text = new QLabel(joinedList(words, ki18nc("facts about a backup copy: those so far (%1), then the next one (%2)", "%1 \u00b7 %2")), line);
        text->setObjectName(QStringLiteral("backupText"));
        text->setTextFormat(Qt::PlainText);
        text->setWordWrap(true);
        if (!plugged)
            text->setForegroundRole(QPalette::PlaceholderText);
        if (c.record)
            line->setToolTip(i18nc("a backup copy on device %1; %2 says what it holds", "On %1: %2", c.name(), c.record->words()));
        auto *row = new QHBoxLayout(line);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(unit / 2);
        row->addWidget(chip, 0, Qt::AlignTop);
        row->addWidget(text, 1);
        m_layout->addWidget(line);
        m_lines << chip->text() + QLatin1Char(' ') + text->text();
    }
    setVisible(!copies.isEmpty());
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "levellist.h"

#include "levelpicture.h"
#include "tone.h"
#include "words.h"

#include <KLocalizedString>
#include <QButtonGroup>
#include <QGridLayout>
#include <QLabel>
#include <QRadioButton>

namespace plexus {

namespace {

// The picture's columns: every slot, and at least as many as the level needs,
// so a level that needs more devices still shows what it would look like.
QList<MemberSlot> pictureSlots(const LevelChoice &c, const QStringList &members, int missing)
{
    QStringList order = slotOrder(c.level, members, missing);
    while (order.size() < c.minimumSlots)
        order << QStringLiteral("?");
    QList<MemberSlot> slots;
    for (int i = 0; i < order.size(); ++i) {
        MemberSlot s;
        s.slot = i;
        s.device = order[i];
        s.state = order[i].isEmpty() ? SlotState::Missing : SlotState::InSync;
        slots << s;
    }
    return slots;
}

// Text in a tone's colour (markup only: the words are translated already).
QString coloured(const QString &text, Tone tone, const QPalette &pal)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(toneColor(tone, pal).name(), text.toHtmlEscaped());
}

QString factsText(const LevelChoice &c, const QPalette &pal)
{
    const QString description = c.description.toHtmlEscaped();
    if (!c.allowed)
        return i18nc("@info rich text: what a level does, then why it cannot be made, on a line of its own", "%1<br>%2", description,
                     coloured(c.reason, Tone::Bad, pal));
    const QString facts = i18nc("@info rich text: %1 a size (about 2.00 GiB), %2 how many disks may fail (any 1 disk), %3 speeds",
                                "<b>%1</b> usable · <b>%2</b> may fail · %3", aboutSize(c.capacityBytes), c.failuresText.toHtmlEscaped(),
                                c.speedText.toHtmlEscaped());
    if (c.note.isEmpty())
        return i18nc("@info rich text: what a level does, then its size, failures and speed on a line of their own", "%1<br>%2", description, facts);
    return i18nc("@info rich text: what a level does, then its size, failures and speed, then a warning, each on a line of its own",
                 "%1<br>%2<br>%3", description, facts, coloured(c.note, Tone::Warning, pal));
}

} // namespace

LevelList::LevelList(QWidget *parent) : QWidget(parent), m_group(new QButtonGroup(this))
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(2, 1);
    grid->setVerticalSpacing(fontMetrics().height() / 2);
    m_group->setExclusive(true);
    int r = 0;
    for (const QString &level : creatableLevels()) {
        Row row;
        row.level = level;
        row.button = new QRadioButton(levelTitle(level), this);
        row.button->setObjectName(QStringLiteral("level-") + level);
        row.picture = new LevelPicture(this);
        row.facts = new QLabel(this);
        row.facts->setObjectName(QStringLiteral("facts-") + level);
        row.facts->setWordWrap(true);
        row.facts->setTextFormat(Qt::RichText);
        row.facts->setBuddy(row.button);
        m_group->addButton(row.button);
        grid->addWidget(row.button, r, 0, Qt::AlignTop);
        grid->addWidget(row.picture, r, 1, Qt::AlignTop);
        grid->addWidget(row.facts, r, 2, Qt::AlignTop);
        connect(row.button, &QRadioButton::clicked, this, [this, level] { Q_EMIT levelPicked(level); });
        m_rows << row;
        ++r;
    }
    grid->setRowStretch(r, 1);
}

const LevelList::Row *LevelList::row(const QString &level) const
{
    for (const Row &r : m_rows)
        if (r.level == level)
            return &r;
    return nullptr;
}

const LevelChoice *LevelList::choice(const QString &level) const
{
    for (const LevelChoice &c : m_choices)
        if (c.level == level)
            return &c;
    return nullptr;
}

QRadioButton *LevelList::button(const QString &level) const
{
    const Row *r = row(level);
    return r ? r->button : nullptr;
}

QLabel *LevelList::facts(const QString &level) const
{
    const Row *r = row(level);
    return r ? r->facts : nullptr;
}

void LevelList::setChoices(const QList<LevelChoice> &choices, const QStringList &members, int missing)
{
    m_choices = choices;
    for (const LevelChoice &c : choices) {
        const Row *r = row(c.level);
        if (!r)
            continue;
        r->button->setEnabled(c.allowed);
        r->button->setToolTip(c.allowed ? c.description : c.reason);
        r->picture->setArray(c.level, pictureSlots(c, members, missing));
        r->picture->setEnabled(c.allowed);
        r->facts->setEnabled(c.allowed);
        r->facts->setText(factsText(c, palette()));
    }
}

QString LevelList::level() const
{
    for (const Row &r : m_rows)
        if (r.button->isChecked())
            return r.level;
    return {};
}

void LevelList::setLevel(const QString &level)
{
    if (const Row *r = row(level)) {
        r->button->setChecked(true);
        return;
    }
    // None: a button group only lets go of its checked button when not exclusive.
    m_group->setExclusive(false);
    for (const Row &r : m_rows)
        r.button->setChecked(false);
    m_group->setExclusive(true);
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "scheduledialog.h"

#include <KLocalizedString>
#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace plexus {

namespace {

struct Choice {
    const char *when; // nullptr: the line edit's
};

// mdadm ships the first; weekly suits busy arrays on cheap disks, monthly on the 1st suits backups.
const Choice choices[] = {
    {"default"}, {"Sun *-*-1..7 01:00"}, {"Sun 01:00"}, {"*-*-01 01:00"}, {nullptr}, {"off"},
};

// The words for choices[i] (translated when shown).
QString choiceLabel(int i)
{
    switch (i) {
    case 0: return i18nc("when arrays are checked", "As the distribution ships it");
    case 1: return i18nc("when arrays are checked", "The first Sunday of each month at 01:00");
    case 2: return i18nc("when arrays are checked", "Every Sunday at 01:00");
    case 3: return i18nc("when arrays are checked", "The first day of each month at 01:00");
    case 4: return i18nc("when arrays are checked", "Another time (a systemd calendar):");
    case 5: return i18nc("when arrays are checked", "Never (no scheduled checks)");
    }
    return {};
}

} // namespace

ScheduleDialog::ScheduleDialog(const QString &now, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("scheduleDialog"));
    setWindowTitle(i18nc("@title:window", "When arrays are checked"));
    setWindowModality(Qt::WindowModal);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(i18nc("%1 the schedule now, in words",
                                   "A check reads every copy of every array and counts where they differ, so that a sector gone bad "
                                   "is found while the other copy is still good. It runs at low priority.\n\nNow: %1.",
                                   now),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_choices = new QButtonGroup(this);
    m_other = new QLineEdit(this);
    m_other->setObjectName(QStringLiteral("otherCalendar"));
    m_other->setPlaceholderText(QStringLiteral("Sat *-*-1..7 03:00"));
    m_other->setEnabled(false);
    int id = 0;
    for (const Choice &c : choices) {
        auto *button = new QRadioButton(choiceLabel(id), this);
        button->setObjectName(QStringLiteral("choice%1").arg(id));
        m_choices->addButton(button, id++);
        layout->addWidget(button);
        if (!c.when)
            layout->addWidget(m_other);
    }
    m_choices->button(0)->setChecked(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(i18nc("@action:button", "Continue\u2026"));
    auto update = [this, ok] {
        const bool other = !choices[m_choices->checkedId()].when;
        m_other->setEnabled(other);
        ok->setEnabled(!other || !m_other->text().trimmed().isEmpty());
    };
    connect(m_choices, &QButtonGroup::idToggled, this, update);
    connect(m_other, &QLineEdit::textChanged, this, update);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        accept();
        Q_EMIT whenChosen(when());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString ScheduleDialog::when() const
{
    const char *when = choices[m_choices->checkedId()].when;
    return when ? QString::fromUtf8(when) : m_other->text().trimmed();
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "speeddialog.h"

#include <KLocalizedString>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace plexus {

namespace {

QSpinBox *speedBox(std::optional<qint64> value, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, 10'000'000);
    box->setSingleStep(1000);
    box->setSuffix(i18nc("unit after a speed in kibibytes per second, with its space", " KiB/s"));
    box->setSpecialValueText(i18nc("a sync speed limit", "system default"));
    box->setValue(int(value.value_or(0)));
    return box;
}

QString word(const QSpinBox *box)
{
    return box->value() == 0 ? QStringLiteral("system") : QString::number(box->value());
}

} // namespace

SpeedDialog::SpeedDialog(const QString &array, std::optional<qint64> min, std::optional<qint64> max, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("speedDialog"));
    setWindowTitle(i18nc("@title:window", "Sync speed of %1", array));
    setWindowModality(Qt::WindowModal);
    m_min = speedBox(min, this);
    m_min->setObjectName(QStringLiteral("min"));
    m_max = speedBox(max, this);
    m_max->setObjectName(QStringLiteral("max"));
    auto *intro = new QLabel(i18n("How fast md may resync, rebuild or check %1. The minimum is kept even while the disks are busy; "
                                  "the maximum leaves room for other work.",
                                  array),
                             this);
    intro->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(i18nc("@action:button", "Continue\u2026"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        accept();
        Q_EMIT limitsChosen(limits());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(intro);
    form->addRow(i18nc("a sync speed limit", "Minimum:"), m_min);
    form->addRow(i18nc("a sync speed limit", "Maximum:"), m_max);
    form->addRow(buttons);
}

QString SpeedDialog::limits() const
{
    return word(m_min) + QLatin1Char(' ') + word(m_max);
}

} // namespace plexus

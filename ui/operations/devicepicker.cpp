// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "devicepicker.h"

#include <KLocalizedString>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace plexus {

DevicePicker::DevicePicker(const QString &title, const QString &prompt, const QList<DeviceCandidate> &choices, QWidget *parent)
    : QDialog(parent), m_choices(choices)
{
    setObjectName(QStringLiteral("devicePicker"));
    setWindowTitle(title);
    setWindowModality(Qt::WindowModal);
    const int unit = fontMetrics().height();
    setMinimumSize(unit * 30, unit * 20);
    // Usable ones first, in disk order.
    std::stable_sort(m_choices.begin(), m_choices.end(), [](const DeviceCandidate &a, const DeviceCandidate &b) {
        return !a.op.isRefused() && b.op.isRefused();
    });

    auto *label = new QLabel(prompt, this);
    label->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("choices"));
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setSpacing(unit / 6);
    for (const DeviceCandidate &c : std::as_const(m_choices)) {
        auto *item = new QListWidgetItem(m_list);
        item->setData(Qt::UserRole, c.device);
        if (c.op.isRefused()) {
            item->setText(i18nc("a device, then on the next line why it cannot be used", "%1\n%2", c.text, c.op.refusal.message()));
            item->setToolTip(c.op.refusal.message());
            item->setFlags(Qt::NoItemFlags); // greyed, not choosable
        } else {
            item->setText(c.text);
            item->setToolTip(c.op.plan.summary);
        }
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(i18nc("@action:button", "Continue\u2026"));
    m_ok->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &DevicePicker::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemSelectionChanged, this, [this] { m_ok->setEnabled(chosenRow() >= 0); });
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] { accept(); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
}

bool DevicePicker::choose(const QString &device)
{
    for (int i = 0; i < m_choices.size(); ++i)
        if (m_choices[i].device == device && !m_choices[i].op.isRefused()) {
            m_list->setCurrentRow(i);
            accept();
            return true;
        }
    return false;
}

int DevicePicker::chosenRow() const
{
    const QList<QListWidgetItem *> selected = m_list->selectedItems();
    const int row = selected.isEmpty() ? -1 : m_list->row(selected.first());
    return row >= 0 && !m_choices[row].op.isRefused() ? row : -1;
}

void DevicePicker::accept()
{
    const int row = chosenRow();
    if (row < 0)
        return;
    const Operation op = m_choices[row].op;
    QDialog::accept();
    Q_EMIT chosen(op);
}

} // namespace plexus

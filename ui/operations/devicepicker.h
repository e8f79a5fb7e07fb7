// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Choosing the device (or member) an action works on: every candidate, the
// ones that cannot be used greyed out with the reason under them (mounted,
// too small, in another array), so nobody has to guess. Opens window-modal
// without a nested event loop; chosen() carries the planned Operation.

#include "memberactions.h"

#include <QDialog>

class QListWidget;
class QPushButton;

namespace plexus {

class DevicePicker : public QDialog
{
    Q_OBJECT
public:
    DevicePicker(const QString &title, const QString &prompt, const QList<DeviceCandidate> &choices, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    // Picks `device` and accepts, as a click on it and "Continue" would; false when it cannot be used.
    bool choose(const QString &device);

Q_SIGNALS:
    void chosen(const plexus::Operation &op);

private:
    void accept() override;
    // The selected row if it can be used, else -1. Selection, not the current
    // row: assistive technology selects items without moving the current one.
    int chosenRow() const;

    QList<DeviceCandidate> m_choices;
    QListWidget *m_list;
    QPushButton *m_ok;
};

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The disks and partitions a new array can be made of, as a tree (disks, their
// partitions below): name, size, model, serial and what is on it now. Devices
// that cannot be used are greyed, with the reason in the last column and the
// validator's whole message (what to do) as the tooltip; those whose contents
// creating would erase say so in the warning colour. Checking a device chooses
// it; the order of choosing is the slot order.

#include "devicechoice.h"

#include <QTreeWidget>

namespace plexus {

class DeviceList : public QTreeWidget
{
    Q_OBJECT
public:
    enum Column { Name, Size, Model, Serial, Contents, ColumnCount };

    explicit DeviceList(QWidget *parent = nullptr);

    // Shows `choices`, keeping the user's choice: a chosen device that can no
    // longer be used stays chosen (and says why), so the engine's refusal names it.
    void setChoices(const QList<DeviceChoice> &choices);
    const QList<DeviceChoice> &choices() const { return m_choices; }
    const DeviceChoice *choice(const QString &name) const;

    QStringList chosen() const { return m_chosen; } // kernel names, in the order chosen
    void setChosen(const QStringList &names);       // unusable ones are left out
    QTreeWidgetItem *item(const QString &name) const;

    QSize sizeHint() const override;

Q_SIGNALS:
    void chosenChanged();

private:
    void fill();
    void updateItem(QTreeWidgetItem *item, const DeviceChoice &c);
    void itemToggled(QTreeWidgetItem *item);

    QList<DeviceChoice> m_choices;
    QStringList m_chosen;
    bool m_filling = false;
};

} // namespace plexus

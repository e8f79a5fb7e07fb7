// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// "New volume…" on a volume group: a name, a size on a slider bounded by the
// group's free space, a filesystem with its label, and where to mount it (written
// to /etc/fstab). What it asks becomes a CreateVolume request, reviewed as any.

#include "memberactions.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace plexus {

class SizeChooser;

class NewVolumeDialog : public QDialog
{
    Q_OBJECT
public:
    // `title`: "New volume in vg0"; `maxWords`: what all of `freeBytes` is.
    NewVolumeDialog(const QString &title, qint64 freeBytes, const QString &maxWords, const QString &suggestedName, QWidget *parent = nullptr);
    VolumeChoice choice() const;

    QLineEdit *nameEdit() const { return m_name; }
    SizeChooser *sizeChooser() const { return m_size; }
    QComboBox *filesystemBox() const { return m_filesystem; }
    QLineEdit *mountPointEdit() const { return m_mountPoint; }

Q_SIGNALS:
    void chosen(const plexus::VolumeChoice &choice);

private:
    void update();

    QLineEdit *m_name;
    SizeChooser *m_size;
    QComboBox *m_filesystem;
    QLineEdit *m_label;
    QLineEdit *m_mountPoint;
    QPushButton *m_ok;
};

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The resync speed limits of one array (md's sync_speed_min/max), in KiB/s,
// or the system default: what the Sync speed… action asks before planning.

#include <QDialog>
#include <optional>

class QSpinBox;

namespace plexus {

class SpeedDialog : public QDialog
{
    Q_OBJECT
public:
    SpeedDialog(const QString &array, std::optional<qint64> min, std::optional<qint64> max, QWidget *parent = nullptr);
    // "MIN MAX": KiB/s, or "system" for the machine's default.
    QString limits() const;

Q_SIGNALS:
    void limitsChosen(const QString &limits);

private:
    QSpinBox *m_min;
    QSpinBox *m_max;
};

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// When the machine checks its arrays: what "Change when arrays are checked…"
// asks before planning. A few common calendars, any other systemd calendar,
// the distribution's own, or never.

#include <QDialog>

class QButtonGroup;
class QLineEdit;

namespace plexus {

class ScheduleDialog : public QDialog
{
    Q_OBJECT
public:
    // `now`: the schedule in words ("the first Sunday of each month at 01:00 (mdcheck_start.timer)").
    explicit ScheduleDialog(const QString &now, QWidget *parent = nullptr);
    // What the helper is asked for: a calendar, "default" or "off".
    QString when() const;

Q_SIGNALS:
    void whenChosen(const QString &when);

private:
    QButtonGroup *m_choices;
    QLineEdit *m_other;
};

} // namespace plexus

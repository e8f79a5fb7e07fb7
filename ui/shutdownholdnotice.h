// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The status bar's word that shutdown is held off while md works on an array in
// use (plexus-helper holds a systemd-logind inhibitor: monitor/shutdownhold.h).
// Read from logind itself, so it shows what a shutdown would really meet.
// Hidden when nothing is held.

#include <QLabel>

namespace plexus {

class ShutdownHoldNotice : public QLabel
{
    Q_OBJECT
public:
    explicit ShutdownHoldNotice(QWidget *parent = nullptr);
    // Asks logind (asynchronously) and shows what it says.
    void refresh();
    // Shows `reason` as logind gave it; empty hides the notice.
    void setReason(const QString &reason);
    QString reason() const { return m_reason; }

private:
    QString m_reason;
    bool m_asking = false;
};

} // namespace plexus

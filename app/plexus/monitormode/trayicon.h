// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The monitor's icon in the panel: a dot in the colour of the worst array
// (green healthy, amber degraded or rebuilding, red failed), a tooltip that
// says which, and a menu to open Plexus or quit. Without a tray (no
// StatusNotifier host, offscreen) there is no icon until a panel appears;
// notifications go all the same.

#include "model/snapshot.h"
#include "tone.h"

#include <QObject>

class QSystemTrayIcon;

namespace plexus {

struct TrayStatus {
    Tone tone = Tone::Good;
    QString toolTip;          // "2 arrays healthy", "md1 degraded"
    bool operator==(const TrayStatus &) const = default;
};

TrayStatus trayStatus(const Snapshot &snapshot);

class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(QObject *parent = nullptr);

    void setSnapshot(const Snapshot &snapshot);
    TrayStatus status() const { return m_status; }
    bool isShown() const { return m_icon != nullptr; }

Q_SIGNALS:
    void openRequested();
    void quitRequested();

private:
    void createIcon();
    void show();

    TrayStatus m_status;
    bool m_shownOnce = false;
    QSystemTrayIcon *m_icon = nullptr;
};

} // namespace plexus

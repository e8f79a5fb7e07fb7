// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The monitor's item in the panel (a KStatusNotifierItem, the desktop's
// StatusNotifier protocol; the XEmbed tray where there is none): Passive,
// which panels tuck away, while every array is healthy; NeedsAttention with an
// amber or red dot when one is degraded, rebuilding, failed or on a drive at
// risk. The tooltip says which; a click or "Open Plexus" opens the window.
// The item follows the panel if it comes after the monitor (autostart races).
// Notifications go all the same, with or without a panel.

#include "model/snapshot.h"
#include "tone.h"

#include <QObject>

class KStatusNotifierItem;

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

Q_SIGNALS:
    // `activationToken`: the panel's, for the window to take the focus; empty when none came.
    void openRequested(const QString &activationToken);
    void quitRequested();

private:
    void show();

    TrayStatus m_status;
    bool m_shownOnce = false;
    KStatusNotifierItem *m_item;
};

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Holds off shutdown while md work that something in use depends on runs
// (monitor/shutdownhold.h says when and why): a systemd-logind inhibitor,
// what "shutdown", mode "block", who "Plexus", with the reason and the time left.
// It follows the machine through its own StorageMonitor, so it also sees work
// that Plexus did not start (a rebuild onto a spare, a resync after a crash).
// The inhibitor is a file descriptor: held while open, released on close or
// when the helper dies. Without logind (no systemd) nothing is held, and the
// helper says so once in its log.

#include "monitor/storagemonitor.h"

#include <QDBusUnixFileDescriptor>
#include <QObject>

namespace plexus {

class ShutdownInhibitor : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownInhibitor(QObject *parent = nullptr);
    // Whether md is resyncing, rebuilding or reshaping any array: the helper
    // stays up meanwhile, since a filesystem mounted on it later must be seen.
    bool following() const { return m_following; }

Q_SIGNALS:
    void followingChanged(bool following);

private:
    void update(const SnapshotPtr &snapshot);
    void ask();                       // takes an inhibitor for m_wanted
    void granted(const QDBusUnixFileDescriptor &fd, const QString &why);

    StorageMonitor m_monitor;
    bool m_following = false;
    QString m_wanted;                 // the reason now; empty: nothing to hold
    QString m_held;                   // the reason the open inhibitor carries
    QDBusUnixFileDescriptor m_fd;
    bool m_asking = false;
    bool m_toldNoLogind = false;
};

} // namespace plexus

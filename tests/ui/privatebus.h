// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A dbus-daemon of a test's own, standing in for the session or the system bus.

#include <QProcess>
#include <QStandardPaths>

namespace plexus::test {

class PrivateBus
{
public:
    static QString daemon() { return QStandardPaths::findExecutable(QStringLiteral("dbus-daemon")); }
    // Starts the daemon and returns its address; empty when it did not start.
    QString start()
    {
        m_daemon.start(daemon(), {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        if (!m_daemon.waitForReadyRead(10000))
            return {};
        return QString::fromUtf8(m_daemon.readLine()).trimmed();
    }
    ~PrivateBus()
    {
        m_daemon.kill();
        m_daemon.waitForFinished();
    }

private:
    QProcess m_daemon;
};

} // namespace plexus::test

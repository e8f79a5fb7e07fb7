// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A stand-in for the desktop's notification daemon, for tests: it owns
// org.freedesktop.Notifications on a bus, answers GetCapabilities and
// GetServerInformation, records every Notify (as a JSON line when given a
// log), and emits ActivationToken, ActionInvoked and NotificationClosed when a
// test asks it to, through its own interface org.plexus.TestNotifications:
//   InvokeAction(u id, s action, s token)  as if the user clicked a button (the
//                                          server's activation token first, unless empty)
//   Close(u id)                     as if the user dismissed it (reason 2)

#include <QDBusConnection>
#include <QFile>
#include <QJsonObject>
#include <QObject>
#include <QVariantMap>

namespace plexus::test {

struct NotifyCall {
    double receivedMs = 0;   // CLOCK_REALTIME, milliseconds since the epoch
    QString app;
    uint replacesId = 0;
    uint id = 0;             // what the server answered
    QString icon;
    QString summary;
    QString body;
    QStringList actions;
    QVariantMap hints;
    int timeout = 0;

    int urgency() const;     // the hint's byte, -1 when absent or not a byte
    QJsonObject toJson() const;
};

class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    // Log: one JSON object per Notify call, appended and flushed at once; may be empty.
    explicit FakeNotificationServer(const QDBusConnection &bus, const QString &logPath = {}, QObject *parent = nullptr);
    ~FakeNotificationServer() override;

    // Takes the names on the bus; false (with the reason) when it cannot.
    bool start(QString *error = nullptr);

    const QList<NotifyCall> &calls() const { return m_calls; }
    void invokeAction(uint id, const QString &action, const QString &activationToken = {});
    void close(uint id, uint reason);

public Q_SLOTS: // the D-Bus methods of org.freedesktop.Notifications
    QStringList GetCapabilities();
    uint Notify(const QString &app, uint replacesId, const QString &icon, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &hints, int timeout);
    void CloseNotification(uint id);
    QString GetServerInformation(QString &vendor, QString &version, QString &specVersion);

Q_SIGNALS:
    void notified(const plexus::test::NotifyCall &call);

private:
    void emitSignal(const QString &name, const QVariantList &args);

    QDBusConnection m_bus;
    QFile m_log;
    QList<NotifyCall> m_calls;
    uint m_nextId = 1;
    QObject *m_control = nullptr;
};

} // namespace plexus::test

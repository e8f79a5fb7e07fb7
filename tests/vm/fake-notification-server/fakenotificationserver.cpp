// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "fakenotificationserver.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QJsonArray>
#include <QJsonDocument>

#include <ctime>

namespace plexus::test {

namespace {

const QString service = QStringLiteral("org.freedesktop.Notifications");
const QString path = QStringLiteral("/org/freedesktop/Notifications");

double realtimeMs()
{
    timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

// org.plexus.TestNotifications: how a test plays the user.
class Control : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.plexus.TestNotifications")
public:
    explicit Control(FakeNotificationServer *server) : QObject(server), m_server(server) {}

public Q_SLOTS:
    void InvokeAction(uint id, const QString &action, const QString &activationToken)
    {
        m_server->invokeAction(id, action, activationToken);
    }
    void Close(uint id) { m_server->close(id, 2); }

private:
    FakeNotificationServer *m_server;
};

} // namespace

int NotifyCall::urgency() const
{
    const QVariant u = hints.value(QStringLiteral("urgency"));
    return u.metaType() == QMetaType::fromType<uchar>() ? int(u.value<uchar>()) : -1;
}

QJsonObject NotifyCall::toJson() const
{
    QJsonObject o{{QStringLiteral("t_ms"), receivedMs},
                  {QStringLiteral("app"), app},
                  {QStringLiteral("replaces_id"), double(replacesId)},
                  {QStringLiteral("id"), double(id)},
                  {QStringLiteral("icon"), icon},
                  {QStringLiteral("summary"), summary},
                  {QStringLiteral("body"), body},
                  {QStringLiteral("actions"), QJsonArray::fromStringList(actions)},
                  {QStringLiteral("urgency"), urgency()},
                  {QStringLiteral("timeout"), timeout}};
    if (hints.contains(QStringLiteral("desktop-entry")))
        o.insert(QStringLiteral("desktop_entry"), hints.value(QStringLiteral("desktop-entry")).toString());
    return o;
}

FakeNotificationServer::FakeNotificationServer(const QDBusConnection &bus, const QString &logPath, QObject *parent)
    : QObject(parent), m_bus(bus), m_log(logPath)
{
}

FakeNotificationServer::~FakeNotificationServer()
{
    if (m_bus.isConnected()) {
        m_bus.unregisterObject(path);
        m_bus.unregisterService(service);
    }
}

bool FakeNotificationServer::start(QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!m_bus.isConnected())
        return fail(QStringLiteral("not connected to the bus: %1").arg(m_bus.lastError().message()));
    if (!m_log.fileName().isEmpty() && !m_log.open(QIODevice::WriteOnly | QIODevice::Append))
        return fail(QStringLiteral("cannot write %1: %2").arg(m_log.fileName(), m_log.errorString()));
    if (!m_bus.registerObject(path, this, QDBusConnection::ExportAllSlots))
        return fail(QStringLiteral("cannot register %1").arg(path));
    m_control = new Control(this);
    m_bus.registerObject(QStringLiteral("/org/plexus/TestNotifications"), m_control, QDBusConnection::ExportAllSlots);
    if (!m_bus.registerService(service))
        return fail(QStringLiteral("%1 is taken: %2").arg(service, m_bus.lastError().message()));
    return true;
}

QStringList FakeNotificationServer::GetCapabilities()
{
    return {QStringLiteral("actions"), QStringLiteral("body"), QStringLiteral("persistence")};
}

uint FakeNotificationServer::Notify(const QString &app, uint replacesId, const QString &icon, const QString &summary,
                                    const QString &body, const QStringList &actions, const QVariantMap &hints, int timeout)
{
    NotifyCall call{realtimeMs(), app, replacesId, 0, icon, summary, body, actions, hints, timeout};
    // Like a real daemon: replacing a notification that is still there keeps its id.
    bool known = false;
    for (const NotifyCall &c : std::as_const(m_calls))
        known = known || c.id == replacesId;
    call.id = replacesId != 0 && known ? replacesId : m_nextId++;
    m_calls << call;
    if (m_log.isOpen()) {
        m_log.write(QJsonDocument(call.toJson()).toJson(QJsonDocument::Compact) + '\n');
        m_log.flush();
    }
    Q_EMIT notified(call);
    return call.id;
}

void FakeNotificationServer::CloseNotification(uint id)
{
    close(id, 3); // closed by a call to CloseNotification
}

QString FakeNotificationServer::GetServerInformation(QString &vendor, QString &version, QString &specVersion)
{
    vendor = QStringLiteral("Plexus tests");
    version = QStringLiteral("1");
    specVersion = QStringLiteral("1.2");
    return QStringLiteral("plexus-test-notifications");
}

void FakeNotificationServer::invokeAction(uint id, const QString &action, const QString &activationToken)
{
    // As the specification (1.2) orders them: the token first, then the click.
    if (!activationToken.isEmpty())
        emitSignal(QStringLiteral("ActivationToken"), {id, activationToken});
    emitSignal(QStringLiteral("ActionInvoked"), {id, action});
}

void FakeNotificationServer::close(uint id, uint reason)
{
    emitSignal(QStringLiteral("NotificationClosed"), {id, reason});
}

void FakeNotificationServer::emitSignal(const QString &name, const QVariantList &args)
{
    QDBusMessage signal = QDBusMessage::createSignal(path, service, name);
    signal.setArguments(args);
    m_bus.send(signal);
}

} // namespace plexus::test

#include "fakenotificationserver.moc"

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "operationrunner.h"

#include "helper1_proxy.h"

#include <QDBusPendingCallWatcher>
#include <QTimer>

namespace plexus {

OperationRunner::OperationRunner(QObject *parent) : QObject(parent) {}

OperationRunner::~OperationRunner() = default;

HelperClient *OperationRunner::client()
{
    // Made on first use: reviewing a plan needs no system bus.
    if (!m_client) {
        m_client = new HelperClient(this);
        connect(m_client, &HelperClient::jobStarted, this,
                [this](const QString &, const QString &summary, const QStringList &, const QStringList &descriptions,
                       const QStringList &commands) { Q_EMIT started(summary, descriptions, commands); });
        connect(m_client, &HelperClient::stepStarted, this, &OperationRunner::stepStarted);
        connect(m_client, &HelperClient::stepProgress, this, &OperationRunner::stepProgress);
        connect(m_client, &HelperClient::stepFinished, this, &OperationRunner::stepFinished);
    }
    return m_client;
}

void OperationRunner::finishLater(const HelperResult &result)
{
    QTimer::singleShot(0, this, [this, result] {
        m_running = false;
        Q_EMIT finished(result);
    });
}

void OperationRunner::start(const Operation &op)
{
    if (m_running)
        return;
    m_running = true;
    if (op.isRefused() || (op.request.isNull() && !op.call)) {
        HelperResult refused;
        refused.code = op.refusal.ok() ? ErrorCode::Invalid : op.refusal.code();
        refused.errorName = errorName(*refused.code);
        refused.message = op.refusal.ok() ? QStringLiteral("Nothing to run.") : op.refusal.message();
        finishLater(refused);
        return;
    }
    if (m_caller) {
        watch(m_caller(op, {}));
        return;
    }
    HelperClient *c = client();
    if (!c->isConnected()) {
        HelperResult noBus;
        noBus.errorName = QStringLiteral("org.freedesktop.DBus.Error.Disconnected");
        noBus.message = QStringLiteral("No connection to the system bus: %1").arg(c->connectionError());
        finishLater(noBus);
        return;
    }
    if (op.call) {
        watch(op.call(c->proxy(), c->tag()));
        return;
    }
    AnyRequest request = op.request;
    request.setTag(c->tag()); // so the helper's signals about this job can be told from others'
    watch(c->proxy()->asyncCallWithArgumentList(QLatin1String(request.info().method), request.arguments()));
}

void OperationRunner::watch(const QDBusPendingCall &call)
{
    auto *watcher = new QDBusPendingCallWatcher(call, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        m_running = false;
        // The call has ended, so wait() only reads the reply: no event loop runs.
        Q_EMIT finished(client()->wait(*w));
    });
}

} // namespace plexus

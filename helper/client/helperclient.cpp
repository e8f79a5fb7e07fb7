// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "helperclient.h"
#include "helper1_proxy.h"
#include "engine/dbusstatus.h"

#include <QDBusConnection>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QEventLoop>
#include <QUuid>
#include <climits>

namespace plexus {

const char *HelperClient::serviceName = "org.plexus.Helper1";
const char *HelperClient::objectPath = "/org/plexus/Helper1";

HelperClient::HelperClient(QObject *parent) : QObject(parent)
{
    registerDBusTypes();
    m_tag = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_proxy = std::make_unique<HelperProxy>(QString::fromLatin1(serviceName), QString::fromLatin1(objectPath), QDBusConnection::systemBus());
    // A password prompt may take a while, and some plans wait for the kernel:
    // no client-side timeout (the bus says NoReply if the helper dies).
    m_proxy->setTimeout(INT_MAX);
    const QString own = QDBusConnection::systemBus().baseService();
    connect(m_proxy.get(), &HelperProxy::JobStarted, this,
            [this, own](const QString &job, const QString &caller, const QString &tag, const QString &, const QString &summary,
                        const QStringList &notes, const QStringList &descriptions, const QStringList &commands) {
                if (caller != own || tag != m_tag)
                    return;
                m_job = job;
                Q_EMIT jobStarted(job, summary, notes, descriptions, commands);
            });
    connect(m_proxy.get(), &HelperProxy::StepStarted, this, [this](const QString &job, int index, const QString &d, const QString &c) {
        if (!m_job.isEmpty() && job == m_job)
            Q_EMIT stepStarted(index, d, c);
    });
    connect(m_proxy.get(), &HelperProxy::StepProgress, this, [this](const QString &job, int index, double percent) {
        if (!m_job.isEmpty() && job == m_job)
            Q_EMIT stepProgress(index, percent);
    });
    connect(m_proxy.get(), &HelperProxy::StepFinished, this, [this](const QString &job, int index, const QString &e, const QString &m) {
        if (!m_job.isEmpty() && job == m_job)
            Q_EMIT stepFinished(index, e, m);
    });
    // Sent before a refused call's error: errorText() says it in our language.
    connect(m_proxy.get(), &HelperProxy::Refusal, this, [this](const QString &english, const QString &entry) {
        m_refused = english;
        m_refusalEntry = entry;
    });
    // Sent before the method's reply: wait() finds the note there.
    connect(m_proxy.get(), &HelperProxy::JobFinished, this, [this](const QString &job, const QString &error, const QString &message) {
        if (m_job.isEmpty() || job != m_job)
            return;
        if (error.isEmpty())
            m_note = message;
        Q_EMIT jobFinished(job, error, error.isEmpty() ? message : sayRefusal(message, m_refused, m_refusalEntry));
    });
}

HelperClient::~HelperClient() = default;

bool HelperClient::isConnected() const
{
    return QDBusConnection::systemBus().isConnected();
}

QString HelperClient::connectionError() const
{
    return QDBusConnection::systemBus().lastError().message();
}

HelperProxy *HelperClient::proxy() const
{
    return m_proxy.get();
}

HelperResult HelperClient::wait(const QDBusPendingCall &call)
{
    QDBusPendingCallWatcher watcher(call);
    QEventLoop loop;
    connect(&watcher, &QDBusPendingCallWatcher::finished, &loop, &QEventLoop::quit);
    // A Refusal signal sent before an error is delivered before the reply
    // finishes the watcher (the bus keeps their order): errorText() finds it.
    if (!watcher.isFinished())
        loop.exec();
    HelperResult result;
    const QDBusMessage reply = watcher.reply();
    if (reply.type() == QDBusMessage::ErrorMessage) {
        result.errorName = reply.errorName();
        result.message = errorText(reply);
        result.code = errorCodeFromName(result.errorName);
        return result;
    }
    result.ok = true;
    if (!reply.arguments().isEmpty())
        result.job = reply.arguments().first().toString();
    if (result.job == m_job)
        result.note = m_note;
    return result;
}

QString HelperClient::errorText(const QDBusMessage &reply) const
{
    return sayRefusal(reply.errorMessage(), m_refused, m_refusalEntry);
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "operationrunner.h"

#include "helper1_proxy.h"

#include <KLocalizedString>
#include <QDBusPendingCallWatcher>
#include <QDBusServiceWatcher>
#include <QTimer>

namespace plexus {

namespace {

// What a job that ended unseen, or whose helper went away, is reported as.
QString noReply()
{
    return QStringLiteral("org.freedesktop.DBus.Error.NoReply");
}

} // namespace

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
        refused.message = op.refusal.ok() ? i18n("Nothing to run.") : op.refusal.message();
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
        noBus.message = i18nc("%1 the bus's own error message", "No connection to the system bus: %1", c->connectionError());
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

void OperationRunner::follow(const QString &job)
{
    if (m_running)
        return;
    m_running = true;
    HelperClient *c = client();
    c->follow(job);
    connect(c, &HelperClient::jobFinished, this, &OperationRunner::endFollowing);
    // The helper gone (stopped, crashed) ends it too: no signal would come.
    auto *gone = new QDBusServiceWatcher(QLatin1String(HelperClient::serviceName), QDBusConnection::systemBus(),
                                         QDBusServiceWatcher::WatchForUnregistration, this);
    connect(gone, &QDBusServiceWatcher::serviceUnregistered, this, [this, gone, job] {
        gone->deleteLater();
        endFollowing(job, noReply(), QString());
    });
    connect(this, &OperationRunner::finished, gone, &QObject::deleteLater);
    // The helper sends a job's signals to its caller only: ask for them too.
    auto *asked = new QDBusPendingCallWatcher(c->proxy()->FollowJob(job), this);
    connect(asked, &QDBusPendingCallWatcher::finished, this, [this, c, job](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        if (!w->isError())
            return; // its signals follow, JobFinished last
        if (w->error().name() != QLatin1String("org.plexus.Error.NotFound")) {
            endFollowing(job, w->error().name(), client()->errorText(w->reply()));
            return;
        }
        // Not running any more: it ended before it could be followed. How?
        auto *check = new QDBusPendingCallWatcher(c->proxy()->UnfinishedJobs(), this);
        connect(check, &QDBusPendingCallWatcher::finished, this, [this, job](QDBusPendingCallWatcher *w) {
            w->deleteLater();
            endedUnseen(job, *w);
        });
    });
}

void OperationRunner::endedUnseen(const QString &job, const QDBusPendingReply<QList<QVariantMap>> &unfinished)
{
    if (unfinished.isError()) {
        endFollowing(job, unfinished.error().name(), unfinished.error().message());
        return;
    }
    for (const QVariantMap &entry : unfinished.value()) {
        if (entry.value(QStringLiteral("job")).toString() != job)
            continue;
        // Still unfinished, and not running: it stopped half-way (the banner says where).
        const QString error = entry.value(QStringLiteral("error")).toString();
        endFollowing(job, error.isEmpty() ? noReply() : error, entry.value(QStringLiteral("message")).toString());
        return;
    }
    endFollowing(job, QString(), QString()); // no longer unfinished: it ended well
}

void OperationRunner::endFollowing(const QString &job, const QString &error, const QString &message)
{
    if (!m_running)
        return;
    disconnect(client(), &HelperClient::jobFinished, this, &OperationRunner::endFollowing);
    HelperResult result;
    result.ok = error.isEmpty();
    result.job = job;
    if (result.ok) {
        result.note = message;
    } else {
        result.errorName = error;
        result.code = errorCodeFromName(error);
        result.message = message.isEmpty() ? i18n("The job stopped before its end: the banner says where.") : message;
    }
    m_running = false;
    Q_EMIT finished(result);
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

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Runs one Operation through plexus-helper without blocking the window: the
// D-Bus call is watched asynchronously (no nested event loop), the helper's
// progress signals for this client's job are passed on, and the reply ends it
// as a HelperResult. The helper validates again against the machine as it is
// then; the plan it announces (started) is the one that runs.

#include "helperclient.h"
#include "operation.h"

#include <QDBusPendingReply>
#include <QObject>

namespace plexus {

class OperationRunner : public QObject
{
    Q_OBJECT
public:
    // What starts the call: by default op.call on the helper's proxy with the
    // client's tag. Tests put a call of their own here (an error reply, say).
    using Caller = std::function<QDBusPendingCall(const Operation &op, const QVariantMap &runOptions)>;

    explicit OperationRunner(QObject *parent = nullptr);
    ~OperationRunner() override;

    void setCaller(Caller caller) { m_caller = std::move(caller); }
    bool isRunning() const { return m_running; }
    // Starts `op` (one at a time); finished() follows, always asynchronously.
    void start(const Operation &op);
    // Follows a job the helper runs already (picked up after a restart): its
    // step signals, then finished() when it ends. Nothing is started.
    void follow(const QString &job);

Q_SIGNALS:
    void started(const QString &summary, const QStringList &descriptions, const QStringList &commands);
    void stepStarted(int index, const QString &description, const QString &command);
    void stepProgress(int index, double percent);
    void stepFinished(int index, const QString &error, const QString &message);
    void finished(const plexus::HelperResult &result);

private:
    HelperClient *client();
    void finishLater(const HelperResult &result);
    void endFollowing(const QString &job, const QString &error, const QString &message);
    void endedUnseen(const QString &job, const QDBusPendingReply<QList<QVariantMap>> &unfinished);
    void watch(const QDBusPendingCall &call);

    Caller m_caller;
    HelperClient *m_client = nullptr;
    bool m_running = false;
};

} // namespace plexus

Q_DECLARE_METATYPE(plexus::HelperResult)

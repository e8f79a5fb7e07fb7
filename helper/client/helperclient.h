// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The client side of org.plexus.Helper1 for plexusctl and the GUI: the proxy
// generated from data/org.plexus.Helper1.xml, a long call timeout (polkit may ask
// for a password), and the progress signals of the caller's own job.

#include "engine/devicespec.h"
#include "engine/status.h"

#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QObject>
#include <memory>

class HelperProxy;

namespace plexus {

struct HelperResult {
    bool ok = false;
    QString job;                      // the job's id, on success
    QString errorName;                // "org.plexus.Error.InUse", or a D-Bus error name
    std::optional<ErrorCode> code;    // the typed cause, when it is one of ours
    QString message;
    QString note;                     // on success, what comes next ("Restart the computer when ...")
};

class HelperClient : public QObject
{
    Q_OBJECT
public:
    static const char *serviceName;   // org.plexus.Helper1
    static const char *objectPath;    // /org/plexus/Helper1

    explicit HelperClient(QObject *parent = nullptr);
    ~HelperClient() override;
    bool isConnected() const;
    QString connectionError() const;
    // The generated proxy: call its methods, then wait() on the pending call.
    HelperProxy *proxy() const;
    // A tag to put in the request's options; JobStarted echoes it.
    QString tag() const { return m_tag; }

    // Waits for the call to end (running an event loop, so signals arrive),
    // reporting the progress of this client's job.
    HelperResult wait(const QDBusPendingCall &call);
    // What an error reply of the helper says, in our user's language when the
    // helper sent the sentence's catalogue entry (its Refusal signal) before it.
    QString errorText(const QDBusMessage &reply) const;
    // Reports the progress of a job someone else started (the helper picked it
    // up after a restart, say) as if it were this client's; jobFinished ends it.
    void follow(const QString &job) { m_job = job; }

Q_SIGNALS:
    void jobStarted(const QString &job, const QString &summary, const QStringList &notes, const QStringList &descriptions,
                    const QStringList &commands);
    void stepStarted(int index, const QString &description, const QString &command);
    void stepProgress(int index, double percent);
    void stepFinished(int index, const QString &error, const QString &message);
    // This client's (or the followed) job has ended: error "" on success.
    void jobFinished(const QString &job, const QString &error, const QString &message);

private:
    std::unique_ptr<HelperProxy> m_proxy;
    QString m_tag;
    QString m_job;
    QString m_refused, m_refusalEntry;  // the last Refusal signal: its English, its entry
    QString m_note;                   // JobFinished's message for m_job, on success
};

} // namespace plexus

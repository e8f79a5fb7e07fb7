// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Asks whether a caller may perform a request's polkit actions, one check per
// request and without blocking: the answer comes later on the event loop, so
// one authentication prompt left open holds up nobody else. A check ends when
// polkit answers, when its caller leaves the bus (it is cancelled: nobody is
// left to reply to), or when its time limit passes (cancelled too).

#include "status.h"

#include <QObject>
#include <QStringList>
#include <chrono>
#include <functional>
#include <map>

class QTimer;

namespace plexus {

// One question to polkit (org.freedesktop.PolicyKit1.Authority.CheckAuthorization
// in the helper; a fake in the tests). Answers on the event loop of the thread
// that asked.
class PolicyAuthority
{
public:
    struct Answer {
        bool authorized = false;
        bool challenge = false; // would be authorized after authentication
        QString error;          // polkit could not be asked; its reason
    };
    virtual ~PolicyAuthority() = default;
    // interactive: an authentication agent may prompt. cancelId: what cancel() takes.
    virtual void ask(const QString &action, const QString &busName, bool interactive, const QString &cancelId,
                     std::function<void(const Answer &)> answered) = 0;
    virtual void cancel(const QString &cancelId) = 0;
};

class Authorization : public QObject
{
    Q_OBJECT
public:
    Authorization(PolicyAuthority &authority, std::chrono::milliseconds timeLimit, QObject *parent = nullptr);
    // Asks for each action in turn; `done` is called once, on this thread: success
    // when all are allowed, otherwise NotAuthorized or Dismissed naming the action.
    void authorize(const QStringList &actions, const QString &busName, std::function<void(const Status &)> done);
    // The caller left the bus: its checks are cancelled and end Dismissed.
    void callerLeft(const QString &busName);
    int pendingFor(const QString &busName) const;

private:
    struct Check {
        QStringList actions;
        int next = 0;
        QString busName;
        QString cancelId; // of the question in flight
        std::function<void(const Status &)> done;
        QTimer *timer = nullptr;
    };
    void askNext(quint64 id);
    void question(quint64 id, bool interactive);
    void answered(quint64 id, bool interactive, const PolicyAuthority::Answer &answer);
    void finish(quint64 id, const Status &status);
    void cancelAndFinish(quint64 id, const Status &status);

    PolicyAuthority &m_authority;
    std::chrono::milliseconds m_timeLimit;
    quint64 m_lastId = 0;
    quint64 m_lastQuestion = 0;
    std::map<quint64, Check> m_checks;
};

} // namespace plexus

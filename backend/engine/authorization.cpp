// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "authorization.h"

#include <KLocalizedString>

#include <QPointer>
#include <QTimer>

namespace plexus {

Authorization::Authorization(PolicyAuthority &authority, std::chrono::milliseconds timeLimit, QObject *parent)
    : QObject(parent), m_authority(authority), m_timeLimit(timeLimit)
{
}

void Authorization::authorize(const QStringList &actions, const QString &busName, std::function<void(const Status &)> done)
{
    const quint64 id = ++m_lastId;
    Check &check = m_checks[id];
    check.actions = actions;
    check.busName = busName;
    check.done = std::move(done);
    check.timer = new QTimer(this);
    check.timer->setSingleShot(true);
    connect(check.timer, &QTimer::timeout, this, [this, id] {
        const Check &c = m_checks.at(id);
        const QString action = c.actions.value(c.next);
        qInfo("polkit check of %s for %s: no answer within %lld s; cancelled", qPrintable(action), qPrintable(c.busName),
              qlonglong(m_timeLimit.count() / 1000));
        cancelAndFinish(id, Status::failure(ErrorCode::Dismissed, mi18nc("%1 a polkit action id, %2 a number of seconds",
                                                                            "Nobody answered the authentication for %1 within %2 s. Nothing was changed.",
                                                                            action, QString::number(qlonglong(m_timeLimit.count() / 1000)))));
    });
    check.timer->start(m_timeLimit);
    askNext(id);
}

void Authorization::callerLeft(const QString &busName)
{
    QList<quint64> leaving;
    for (const auto &[id, check] : m_checks) {
        if (check.busName == busName)
            leaving << id;
    }
    for (quint64 id : leaving) {
        const Check &c = m_checks.at(id);
        qInfo("polkit check of %s for %s: the caller left the bus; cancelled", qPrintable(c.actions.value(c.next)), qPrintable(busName));
        cancelAndFinish(id, Status::failure(ErrorCode::Dismissed, mi18n("You left the bus before authenticating. Nothing was changed.")));
    }
}

int Authorization::pendingFor(const QString &busName) const
{
    int n = 0;
    for (const auto &[id, check] : m_checks)
        n += check.busName == busName;
    return n;
}

void Authorization::askNext(quint64 id)
{
    Check &check = m_checks.at(id);
    if (check.next >= check.actions.size()) {
        finish(id, Status());
        return;
    }
    question(id, true);
}

void Authorization::question(quint64 id, bool interactive)
{
    Check &check = m_checks.at(id);
    check.cancelId = QStringLiteral("plexus-%1").arg(++m_lastQuestion);
    const QString cancelId = check.cancelId;
    QPointer<Authorization> self(this);
    m_authority.ask(check.actions[check.next], check.busName, interactive, cancelId,
                    [self, id, interactive, cancelId](const PolicyAuthority::Answer &answer) {
                        // A late answer (the check was cancelled, or went on) changes nothing.
                        if (self && self->m_checks.count(id) && self->m_checks.at(id).cancelId == cancelId)
                            self->answered(id, interactive, answer);
                    });
}

void Authorization::answered(quint64 id, bool interactive, const PolicyAuthority::Answer &answer)
{
    Check &check = m_checks.at(id);
    const QString action = check.actions[check.next];
    if (!answer.error.isEmpty()) {
        finish(id, Status::failure(ErrorCode::NotAuthorized, mi18nc("%1 a polkit action id, %2 polkit's error", "Could not ask polkit whether you may do this (%1): %2", action, answer.error)));
    } else if (answer.authorized) {
        ++check.next;
        askNext(id);
    } else if (interactive && answer.challenge) {
        finish(id, Status::failure(ErrorCode::Dismissed, mi18nc("%1 a polkit action id",
                                                                     "This needs authentication (%1), but no authentication agent answered. "
                                                                     "Run it from a desktop session, or start pkttyagent in your terminal.",
                                                                     action)));
    } else if (interactive) {
        // No: either the policy says no, or authentication was offered and not
        // given. Asking again without interaction tells them apart.
        question(id, false);
    } else if (answer.challenge) {
        finish(id, Status::failure(ErrorCode::Dismissed, mi18nc("%1 a polkit action id", "Authentication for %1 was dismissed or failed. Nothing was changed.", action)));
    } else {
        finish(id, Status::failure(ErrorCode::NotAuthorized, mi18nc("%1 a polkit action id",
                                                                         "You are not allowed to do this (polkit action %1). Nothing was changed; "
                                                                         "ask an administrator, or see polkit(8) to allow it.",
                                                                         action)));
    }
}

void Authorization::cancelAndFinish(quint64 id, const Status &status)
{
    m_authority.cancel(m_checks.at(id).cancelId);
    finish(id, status);
}

void Authorization::finish(quint64 id, const Status &status)
{
    auto node = m_checks.extract(id);
    node.mapped().timer->stop();
    node.mapped().timer->deleteLater();
    node.mapped().done(status);
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// polkit's CheckAuthorization, called directly on the system bus and answered
// asynchronously (engine/authorization.h runs the checks).
//
// Why not polkit-qt's Authority: it is one object per process with one sticky
// error state and one checkAuthorizationFinished signal that carries no request
// of its own, so two checks in flight cannot be told apart (nor their errors);
// and its synchronous call is what let one open prompt block every caller. Here
// each question is its own pending D-Bus call with its own cancellation id.

#include "engine/authorization.h"

namespace plexus {

class PolkitAuthority : public PolicyAuthority
{
public:
    // timeLimit: how long a question may stay open (an authentication prompt).
    explicit PolkitAuthority(std::chrono::milliseconds timeLimit) : m_timeLimit(timeLimit) {}
    void ask(const QString &action, const QString &busName, bool interactive, const QString &cancelId,
             std::function<void(const Answer &)> answered) override;
    void cancel(const QString &cancelId) override;

private:
    std::chrono::milliseconds m_timeLimit;
};

} // namespace plexus

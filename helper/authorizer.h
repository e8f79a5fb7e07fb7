// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Asks polkit whether a caller on the system bus may perform an action.
// Blocking (a password prompt may take a minute): call it off the main thread.

#include "engine/jobrunner.h"
#include "engine/ops/field.h"
#include "engine/status.h"

#include <QMutex>
#include <QString>

namespace plexus {

class Authorizer : public Authority
{
public:
    // Call once on the main thread before any check (creates polkit-qt's Authority there).
    static void initialize();
    // Yes -> success; otherwise NotAuthorized (polkit says no) or Dismissed
    // (authentication was possible but did not happen: cancelled, or no agent).
    Status check(const QString &actionId, const QString &busName) override;

private:
    QMutex m_mutex; // polkit-qt's Authority keeps one (sticky) error state
};

} // namespace plexus

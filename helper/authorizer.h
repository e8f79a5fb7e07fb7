#pragma once
// Asks polkit whether a caller on the system bus may perform an action.
// Blocking (a password prompt may take a minute): call it off the main thread.

#include "engine/status.h"

#include <QMutex>
#include <QString>

namespace plexus {

namespace polkitActions {
inline const QString modify = QStringLiteral("org.plexus.array.modify");
inline const QString create = QStringLiteral("org.plexus.array.create");
inline const QString erase = QStringLiteral("org.plexus.disk.erase");
inline const QString scrub = QStringLiteral("org.plexus.array.scrub");
} // namespace polkitActions

class Authorizer
{
public:
    // Call once on the main thread before any check (creates polkit-qt's Authority there).
    static void initialize();
    // Yes -> success; otherwise NotAuthorized (polkit says no) or Dismissed
    // (authentication was possible but did not happen: cancelled, or no agent).
    Status check(const QString &actionId, const QString &busName);

private:
    QMutex m_mutex; // polkit-qt's Authority keeps one (sticky) error state
};

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The engine's front door: a request in, a plan out (or the refusal). Validation
// runs against the snapshot given (the machine now) and the SystemView (its device
// nodes); the plan is made from what validation decided. Nothing is executed here:
// the helper runs the plan (jobrunner.h), a client may only show it (--dry-run).
// Each operation (ops/*.h) brings its own validate() and makePlan().

#include "plan.h"
#include "samedevice.h"
#include "systemview.h"
#include "validator.h"

#include "model/snapshot.h"

#include <QDateTime>

namespace plexus {

class Engine
{
public:
    Engine(SnapshotPtr snapshot, const SystemView &system) : m_snapshot(std::move(snapshot)), m_system(system) {}

    template<class Request> Status prepare(const Request &r, Plan *plan) const
    {
        typename Request::Valid v;
        if (Status s = validate(Validator(*m_snapshot, m_system, stamp()), r, &v); !s)
            return s;
        // A planner gets the snapshot only where it uses it.
        if constexpr (requires { makePlan(*m_snapshot, v); })
            *plan = makePlan(*m_snapshot, v);
        else
            *plan = makePlan(v);
        // Who each device the plan erases is now, for the check right before it.
        noteIdentities(plan, m_system);
        if constexpr (requires { Request::info; })
            plan->operation = QLatin1String(Request::info.method);
        return {};
    }

    // The stamp that names backups (WriteMdadmConf: CONF.plexus-STAMP); fixed in tests.
    void setStamp(const QString &stamp) { m_stamp = stamp; }
    QString stamp() const
    {
        return m_stamp.isEmpty() ? QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) : m_stamp;
    }
    const Snapshot &snapshot() const { return *m_snapshot; }

private:
    SnapshotPtr m_snapshot;
    const SystemView &m_system;
    QString m_stamp;
};

} // namespace plexus

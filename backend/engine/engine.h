#pragma once
// The engine's front door: a request in, a plan out (or the refusal). Validation
// runs against the snapshot given (the machine now) and the SystemView (its device
// nodes); planning runs on a copy of that snapshot. Nothing is executed here: the
// helper runs the plan (executor.h), a client may only show it (--dry-run).

#include "plan.h"
#include "requests.h"
#include "systemview.h"

#include "model/snapshot.h"

namespace plexus {

class Engine
{
public:
    Engine(SnapshotPtr snapshot, const SystemView &system);

    Status prepare(const CreateArrayRequest &r, Plan *plan) const;
    Status prepare(const StopArrayRequest &r, Plan *plan) const;
    Status prepare(const AssembleArrayRequest &r, Plan *plan) const;
    Status prepare(const AddDeviceRequest &r, Plan *plan) const;
    Status prepare(const FailMemberRequest &r, Plan *plan) const;
    Status prepare(const RemoveMemberRequest &r, Plan *plan) const;
    Status prepare(const ReplaceMemberRequest &r, Plan *plan) const;
    Status prepare(const GrowArrayRequest &r, Plan *plan) const;
    Status prepare(const SyncActionRequest &r, Plan *plan) const;
    Status prepare(const SpeedLimitsRequest &r, Plan *plan) const;
    Status prepare(const ZeroSuperblockRequest &r, Plan *plan) const;
    Status prepare(const CopyPartitionTableRequest &r, Plan *plan) const;
    Status prepare(const WriteMdadmConfRequest &r, Plan *plan) const;

    // The backup suffix WriteMdadmConf uses; fixed in tests.
    void setStamp(const QString &stamp) { m_stamp = stamp; }

private:
    SnapshotPtr m_snapshot;
    const SystemView &m_system;
    QString m_stamp;
};

} // namespace plexus

#include "engine.h"
#include "planner.h"
#include "validator.h"

#include <QDateTime>

namespace plexus {

Engine::Engine(SnapshotPtr snapshot, const SystemView &system) : m_snapshot(std::move(snapshot)), m_system(system) {}

namespace {
// Validate against the snapshot, then plan on a copy of it.
template<typename Request, typename Valid, typename Planner>
Status prepareWith(const Snapshot &snapshot, const SystemView &system, const Request &r, Plan *plan, Planner planner)
{
    Valid v;
    if (Status s = Validator(snapshot, system).validate(r, &v); !s)
        return s;
    *plan = planner(Snapshot(snapshot), v);
    return {};
}
} // namespace

Status Engine::prepare(const CreateArrayRequest &r, Plan *plan) const { return prepareWith<CreateArrayRequest, ValidCreate>(*m_snapshot, m_system, r, plan, planCreate); }
Status Engine::prepare(const StopArrayRequest &r, Plan *plan) const { return prepareWith<StopArrayRequest, ValidStop>(*m_snapshot, m_system, r, plan, planStop); }
Status Engine::prepare(const AssembleArrayRequest &r, Plan *plan) const { return prepareWith<AssembleArrayRequest, ValidAssemble>(*m_snapshot, m_system, r, plan, planAssemble); }
Status Engine::prepare(const AddDeviceRequest &r, Plan *plan) const { return prepareWith<AddDeviceRequest, ValidAdd>(*m_snapshot, m_system, r, plan, planAdd); }
Status Engine::prepare(const FailMemberRequest &r, Plan *plan) const { return prepareWith<FailMemberRequest, ValidFail>(*m_snapshot, m_system, r, plan, planFail); }
Status Engine::prepare(const RemoveMemberRequest &r, Plan *plan) const { return prepareWith<RemoveMemberRequest, ValidRemove>(*m_snapshot, m_system, r, plan, planRemove); }
Status Engine::prepare(const ReplaceMemberRequest &r, Plan *plan) const { return prepareWith<ReplaceMemberRequest, ValidReplace>(*m_snapshot, m_system, r, plan, planReplace); }
Status Engine::prepare(const GrowArrayRequest &r, Plan *plan) const { return prepareWith<GrowArrayRequest, ValidGrow>(*m_snapshot, m_system, r, plan, planGrow); }
Status Engine::prepare(const SyncActionRequest &r, Plan *plan) const { return prepareWith<SyncActionRequest, ValidSyncAction>(*m_snapshot, m_system, r, plan, planSyncAction); }
Status Engine::prepare(const SpeedLimitsRequest &r, Plan *plan) const { return prepareWith<SpeedLimitsRequest, ValidSpeedLimits>(*m_snapshot, m_system, r, plan, planSpeedLimits); }
Status Engine::prepare(const ZeroSuperblockRequest &r, Plan *plan) const { return prepareWith<ZeroSuperblockRequest, ValidZero>(*m_snapshot, m_system, r, plan, planZeroSuperblock); }
Status Engine::prepare(const CopyPartitionTableRequest &r, Plan *plan) const { return prepareWith<CopyPartitionTableRequest, ValidCopyTable>(*m_snapshot, m_system, r, plan, planCopyPartitionTable); }

Status Engine::prepare(const WriteMdadmConfRequest &r, Plan *plan) const
{
    const QString stamp = m_stamp.isEmpty() ? QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) : m_stamp;
    return prepareWith<WriteMdadmConfRequest, ValidWriteConf>(*m_snapshot, m_system, r, plan,
                                                              [&](Snapshot s, const ValidWriteConf &v) { return planWriteMdadmConf(std::move(s), v, stamp); });
}

} // namespace plexus

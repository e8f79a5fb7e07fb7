#pragma once
// Validated intents -> plans. Each planner works on its own copy of the snapshot
// (it simulates what each step changes, to describe the next), never on the live
// model; nothing runs here. Steps read the live sysfs in their preconditions and
// checks, when they run.

#include "plan.h"
#include "validator.h"

namespace plexus {

Plan planCreate(Snapshot model, const ValidCreate &v);
Plan planStop(Snapshot model, const ValidStop &v);
Plan planAssemble(Snapshot model, const ValidAssemble &v);
Plan planAdd(Snapshot model, const ValidAdd &v);
Plan planFail(Snapshot model, const ValidFail &v);
Plan planRemove(Snapshot model, const ValidRemove &v);
Plan planReplace(Snapshot model, const ValidReplace &v);
Plan planGrow(Snapshot model, const ValidGrow &v);
Plan planSyncAction(Snapshot model, const ValidSyncAction &v);
Plan planSpeedLimits(Snapshot model, const ValidSpeedLimits &v);
Plan planZeroSuperblock(Snapshot model, const ValidZero &v);
Plan planCopyPartitionTable(Snapshot model, const ValidCopyTable &v);
// `stamp` names the backup: CONF.plexus-STAMP.
Plan planWriteMdadmConf(Snapshot model, const ValidWriteConf &v, const QString &stamp);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Every operation the helper offers, in plexusctl's order: the one list a new
// operation is added to. forEachRequestType() calls f(std::type_identity<R>())
// for each request type R, so each client builds what it needs from R's own
// field list (the helper its parser, plexusctl its commands).

#include "adddevice.h"
#include "assemblearray.h"
#include "backup.h"
#include "checkschedule.h"
#include "closebackup.h"
#include "copypartitiontable.h"
#include "createarray.h"
#include "createvolume.h"
#include "createvolumegroup.h"
#include "extendvolumegroup.h"
#include "failmember.h"
#include "growarray.h"
#include "growvolume.h"
#include "makefilesystem.h"
#include "mirrorsystem.h"
#include "openbackup.h"
#include "reducevolumegroup.h"
#include "removemember.h"
#include "removevolume.h"
#include "removevolumegroup.h"
#include "replacedisk.h"
#include "replacemember.h"
#include "shrinkvolume.h"
#include "speedlimits.h"
#include "stoparray.h"
#include "syncaction.h"
#include "takediskout.h"
#include "usenewspace.h"
#include "writemdadmconf.h"
#include "zerosuperblock.h"

#include <type_traits>

namespace plexus {

template<class F> void forEachRequestType(F &&f)
{
    f(std::type_identity<CreateArrayRequest>());
    f(std::type_identity<StopArrayRequest>());
    f(std::type_identity<AssembleArrayRequest>());
    f(std::type_identity<AddMemberRequest>());
    f(std::type_identity<AddSpareRequest>());
    f(std::type_identity<FailMemberRequest>());
    f(std::type_identity<RemoveMemberRequest>());
    f(std::type_identity<ReplaceMemberRequest>());
    f(std::type_identity<ReplaceDiskRequest>());
    f(std::type_identity<TakeDiskOutRequest>());
    f(std::type_identity<MirrorSystemRequest>());
    f(std::type_identity<GrowArrayRequest>());
    f(std::type_identity<BackUpRequest>());
    f(std::type_identity<OpenBackupRequest>());
    f(std::type_identity<CloseBackupRequest>());
    f(std::type_identity<SyncActionRequest>());
    f(std::type_identity<SpeedLimitsRequest>());
    f(std::type_identity<CheckScheduleRequest>());
    f(std::type_identity<ZeroSuperblockRequest>());
    f(std::type_identity<CopyPartitionTableRequest>());
    f(std::type_identity<WriteMdadmConfRequest>());
    f(std::type_identity<MakeFilesystemRequest>());
    f(std::type_identity<CreateVolumeGroupRequest>());
    f(std::type_identity<ExtendVolumeGroupRequest>());
    f(std::type_identity<ReduceVolumeGroupRequest>());
    f(std::type_identity<CreateVolumeRequest>());
    f(std::type_identity<GrowVolumeRequest>());
    f(std::type_identity<ShrinkVolumeRequest>());
    f(std::type_identity<UseNewSpaceRequest>());
    f(std::type_identity<RemoveVolumeRequest>());
    f(std::type_identity<RemoveVolumeGroupRequest>());
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "syncaction.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"

#include <KLocalizedString>

namespace plexus {

using namespace actions;

QString SyncActionRequest::title() const
{
    if (action == QLatin1String("check"))
        return i18nc("an operation's title; %1 an array", "Check %1", deviceName(array));
    if (action == QLatin1String("repair"))
        return i18nc("an operation's title; %1 an array", "Repair %1", deviceName(array));
    return i18nc("an operation's title; %1 an array", "Stop the check of %1", deviceName(array));
}

Status validate(const Validator &checks, const SyncActionRequest &r, ValidSyncAction *out)
{
    *out = {};
    static const QStringList allowed = {QStringLiteral("check"), QStringLiteral("repair"), QStringLiteral("idle")};
    if (!allowed.contains(r.action))
        return invalid(mi18nc("%1 what was given; keep check, repair and idle: they are what to type",
                             "Unknown sync action '%1'. Choose check (read and compare every copy), repair (also fix "
                             "mismatches) or idle (stop a check or repair).",
                             r.action));
    ResolvedArray a;
    if (Status s = checks.resolveRunningArray(r.array, r.common, &a,
                                              i18nc("completes '/dev/md0 is a RAID-0 array, which keeps no redundant copy of the data, so ...'",
                                                    "there is nothing to check against"));
        !s)
        return s;
    if (r.action != QLatin1String("idle")) {
        const Message what = r.action == QLatin1String("check") ? mi18nc("completes 'Wait until it finishes, then ...' (an array busy syncing)", "start the check")
                                                                : mi18nc("completes 'Wait until it finishes, then ...' (an array busy syncing)", "start the repair");
        if (Status s = checks.checkIdle(a, what); !s)
            return s;
        if (a.array.missingCount() > 0)
            return invalid(mi18nc("%1 an array", "%1 is degraded: with a member missing there is no second copy to compare. Add a member first.", a.path));
    } else {
        const QString now = checks.system().syncAction(a.array.name);
        if (now == QLatin1String("resync") || now == QLatin1String("recover") || now == QLatin1String("reshape"))
            return busy(mi18nc("%1 an array, %2 md's sync action (resync, recover, reshape)",
                              "%1 is doing %2, which Plexus does not interrupt (it restores redundancy). Wait until it finishes.", a.path, now));
    }
    out->array = a;
    out->action = r.action;
    return {};
}

Plan makePlan(const ValidSyncAction &v)
{
    Plan plan;
    const QString md = v.array.array.name, action = v.action;
    const QString file = sysfsMd(md, QStringLiteral("sync_action"));
    Step s;
    if (action == QLatin1String("check")) {
        plan.summary = i18nc("%1 an array", "Check %1: read every copy and count the blocks that differ.", md);
        s.description = i18nc("%1 an array", "Start a check of %1 (md reads every member and counts mismatches; the array stays usable)", md);
        plan.notes << i18nc("keep md/mismatch_cnt (a file)", "When it finishes, md/mismatch_cnt says how many sectors differed.");
    } else if (action == QLatin1String("repair")) {
        plan.summary = i18nc("%1 an array", "Repair %1: read every copy and rewrite the blocks that differ.", md);
        s.description = i18nc("%1 an array", "Start a repair of %1 (md reads every member and rewrites mismatches; the array stays usable)", md);
    } else {
        plan.summary = i18nc("%1 an array", "Stop the check or repair running on %1.", md);
        s.description = i18nc("%1 an array", "Stop the check or repair of %1", md);
    }
    s.command = {QStringLiteral("echo"), action};
    s.commandNote = QStringLiteral("> %1").arg(file);
    s.action = [file, action](StepContext &ctx) { return writeSysfs(ctx, file, action); };
    s.check = [md, action] {
        const bool ok = waitFor(3000, [&] {
            const QString now = mdAttribute(md, QStringLiteral("sync_action"));
            if (action == QLatin1String("idle"))
                return now == QLatin1String("idle") || now == QLatin1String("frozen");
            // A small array may be checked before we look: md remembers the last one.
            return now == action || (now == QLatin1String("idle") && mdAttribute(md, QStringLiteral("last_sync_action")) == action);
        });
        if (ok)
            return Status();
        const QString now = mdAttribute(md, QStringLiteral("sync_action"));
        if (action == QLatin1String("check"))
            return toolFailed(mi18nc("%1 md's word in sync_action (idle, check, ...)", "md did not start the check (sync_action is '%1').", now));
        if (action == QLatin1String("repair"))
            return toolFailed(mi18nc("%1 md's word in sync_action (idle, check, ...)", "md did not start the repair (sync_action is '%1').", now));
        return toolFailed(mi18nc("%1 md's word in sync_action (idle, check, ...); keep idle (md's word)", "md did not start the idle (sync_action is '%1').", now));
    };
    plan.steps << s;
    return plan;
}

} // namespace plexus

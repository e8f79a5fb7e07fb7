// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "syncaction.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"

namespace plexus {

using namespace actions;

QString SyncActionRequest::title() const
{
    if (action == QLatin1String("check"))
        return QStringLiteral("Check %1").arg(deviceName(array));
    if (action == QLatin1String("repair"))
        return QStringLiteral("Repair %1").arg(deviceName(array));
    return QStringLiteral("Stop the check of %1").arg(deviceName(array));
}

Status validate(const Validator &checks, const SyncActionRequest &r, ValidSyncAction *out)
{
    *out = {};
    static const QStringList allowed = {QStringLiteral("check"), QStringLiteral("repair"), QStringLiteral("idle")};
    if (!allowed.contains(r.action))
        return invalid(QStringLiteral("Unknown sync action '%1'. Choose check (read and compare every copy), repair (also fix "
                                      "mismatches) or idle (stop a check or repair).").arg(r.action));
    ResolvedArray a;
    if (Status s = checks.resolveRunningArray(r.array, r.common, &a, QStringLiteral("there is nothing to check against")); !s)
        return s;
    if (r.action != QLatin1String("idle")) {
        if (Status s = checks.checkIdle(a, QStringLiteral("start the %1").arg(r.action)); !s)
            return s;
        if (a.array.missingCount() > 0)
            return invalid(QStringLiteral("%1 is degraded: with a member missing there is no second copy to compare. Add a member first.").arg(a.path));
    } else {
        const QString now = checks.system().syncAction(a.array.name);
        if (now == QLatin1String("resync") || now == QLatin1String("recover") || now == QLatin1String("reshape"))
            return busy(QStringLiteral("%1 is doing %2, which Plexus does not interrupt (it restores redundancy). Wait until it finishes.").arg(a.path, now));
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
        plan.summary = QStringLiteral("Check %1: read every copy and count the blocks that differ.").arg(md);
        s.description = QStringLiteral("Start a check of %1 (md reads every member and counts mismatches; the array stays usable)").arg(md);
        plan.notes << QStringLiteral("When it finishes, md/mismatch_cnt says how many sectors differed.");
    } else if (action == QLatin1String("repair")) {
        plan.summary = QStringLiteral("Repair %1: read every copy and rewrite the blocks that differ.").arg(md);
        s.description = QStringLiteral("Start a repair of %1 (md reads every member and rewrites mismatches; the array stays usable)").arg(md);
    } else {
        plan.summary = QStringLiteral("Stop the check or repair running on %1.").arg(md);
        s.description = QStringLiteral("Stop the check or repair of %1").arg(md);
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
        return ok ? Status() : toolFailed(QStringLiteral("md did not start the %1 (sync_action is '%2').").arg(action, mdAttribute(md, QStringLiteral("sync_action"))));
    };
    plan.steps << s;
    return plan;
}

} // namespace plexus

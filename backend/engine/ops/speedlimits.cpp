// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "speedlimits.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"

#include <QRegularExpression>

#include <KLocalizedString>

namespace plexus {

QString SpeedLimitsRequest::title() const
{
    return i18nc("an operation's title; %1 an array", "Set the sync speed of %1", deviceName(array));
}

using namespace actions;

namespace {

// "50000 (local)" -> "50000"; "1000 (system)" (or unreadable) -> "system".
QString limitWord(const QString &sysfs)
{
    return sysfs.contains(QLatin1String("(local)")) ? sysfs.section(QLatin1Char(' '), 0, 0) : QStringLiteral("system");
}

// "Set md0's resync speed limits: minimum 50000, maximum 200000." (min and max
// as given: KiB/s or "system"; empty: unchanged).
QString speedSummary(const QString &md, const QString &min, const QString &max, bool untilIdle)
{
    if (!min.isEmpty() && !max.isEmpty())
        return untilIdle ? i18nc("%1 an array, %2 and %3 speeds in KiB/s (or 'system')",
                                 "Set %1's resync speed limits: minimum %2, maximum %3, until md has finished this sync; then as before.", md, min, max)
                         : i18nc("%1 an array, %2 and %3 speeds in KiB/s (or 'system')", "Set %1's resync speed limits: minimum %2, maximum %3.", md, min, max);
    if (!min.isEmpty())
        return untilIdle ? i18nc("%1 an array, %2 a speed in KiB/s (or 'system')",
                                 "Set %1's resync speed limits: minimum %2, until md has finished this sync; then as before.", md, min)
                         : i18nc("%1 an array, %2 a speed in KiB/s (or 'system')", "Set %1's resync speed limits: minimum %2.", md, min);
    if (!max.isEmpty())
        return untilIdle ? i18nc("%1 an array, %2 a speed in KiB/s (or 'system')",
                                 "Set %1's resync speed limits: maximum %2, until md has finished this sync; then as before.", md, max)
                         : i18nc("%1 an array, %2 a speed in KiB/s (or 'system')", "Set %1's resync speed limits: maximum %2.", md, max);
    return untilIdle ? i18nc("%1 an array", "Set %1's resync speed limits, until md has finished this sync; then as before.", md)
                     : i18nc("%1 an array", "Set %1's resync speed limits.", md);
}

} // namespace

Status validate(const Validator &checks, const SpeedLimitsRequest &r, ValidSpeedLimits *out)
{
    *out = {};
    auto parse = [](const QString &value, bool isMin, std::optional<qint64> *number) -> Status {
        if (value.isEmpty() || value == QLatin1String("system"))
            return {};
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,10}$"));
        bool ok = false;
        const qint64 n = value.toLongLong(&ok);
        if (!digits.match(value).hasMatch() || !ok || n <= 0 || n > 2000000000)
            return invalid(isMin ? mi18nc("%1 what was given; keep 'system': it is what to type",
                                         "The sync speed minimum must be a positive number of KiB/s (for example 50000) or 'system', not '%1'.", value)
                                 : mi18nc("%1 what was given; keep 'system': it is what to type",
                                         "The sync speed maximum must be a positive number of KiB/s (for example 50000) or 'system', not '%1'.", value));
        *number = n;
        return {};
    };
    std::optional<qint64> min, max;
    if (Status s = parse(r.min, true, &min); !s)
        return s;
    if (Status s = parse(r.max, false, &max); !s)
        return s;
    if (r.min.isEmpty() && r.max.isEmpty())
        return invalid(mi18n("Nothing to change: give a minimum, a maximum or both."));
    ResolvedArray a;
    if (Status s = checks.resolveRunningArray(r.array, r.common, &a); !s)
        return s;
    const std::optional<qint64> effectiveMin = min ? min : (r.min.isEmpty() ? a.array.syncSpeedMin : std::nullopt);
    const std::optional<qint64> effectiveMax = max ? max : (r.max.isEmpty() ? a.array.syncSpeedMax : std::nullopt);
    if (min && max && *min > *max)
        return invalid(mi18nc("%1 and %2 speeds in KiB/s", "The minimum (%1 KiB/s) is above the maximum (%2 KiB/s). Give a minimum at or below the maximum.",
                             QString::number(*min), QString::number(*max)));
    if (min && !max && effectiveMax && *min > *effectiveMax)
        return invalid(mi18nc("%1 and %3 speeds in KiB/s, %2 an array", "The minimum (%1 KiB/s) would be above %2's maximum (%3 KiB/s). Raise the maximum too.",
                             QString::number(*min), a.path, QString::number(*effectiveMax)));
    if (max && !min && effectiveMin && *max < *effectiveMin)
        return invalid(mi18nc("%1 and %3 speeds in KiB/s, %2 an array", "The maximum (%1 KiB/s) would be below %2's minimum (%3 KiB/s). Lower the minimum too.",
                             QString::number(*max), a.path, QString::number(*effectiveMin)));
    if (r.untilIdle) {
        const QString md = a.array.name;
        const QString action = checks.system().syncAction(md);
        if (action.isEmpty())
            return invalid(mi18nc("%1 an array; keep until_idle (an option)",
                                 "%1 is not syncing now (md says 'nothing'), so there is no sync to speed up until it ends. "
                                 "Without until_idle the limits stay as set until changed again.",
                                 md));
        if (action == QLatin1String("idle") || action == QLatin1String("frozen"))
            return invalid(mi18nc("%1 an array, %2 md's word in sync_action (idle, frozen); keep until_idle (an option)",
                                 "%1 is not syncing now (md says '%2'), so there is no sync to speed up until it ends. "
                                 "Without until_idle the limits stay as set until changed again.",
                                 md, action));
        if (!r.min.isEmpty())
            out->minBefore = limitWord(checks.system().syncSpeedLimit(md, QStringLiteral("min")));
        if (!r.max.isEmpty())
            out->maxBefore = limitWord(checks.system().syncSpeedLimit(md, QStringLiteral("max")));
    }
    out->array = a;
    out->min = r.min;
    out->max = r.max;
    out->untilIdle = r.untilIdle;
    return {};
}

Plan makePlan(const ValidSpeedLimits &v)
{
    Plan plan;
    const QString md = v.array.array.name;
    auto step = [&](const QString &which, const QString &value) {
        Step s;
        const QString file = sysfsMd(md, QStringLiteral("sync_speed_%1").arg(which));
        const bool isMin = which == QLatin1String("min");
        if (value == QLatin1String("system"))
            s.description = isMin ? i18nc("%1 an array", "Use the system-wide minimum resync speed for %1 (/proc/sys/dev/raid/speed_limit_min)", md)
                                  : i18nc("%1 an array", "Use the system-wide maximum resync speed for %1 (/proc/sys/dev/raid/speed_limit_max)", md);
        else
            s.description = isMin ? i18nc("%1 an array, %2 a speed in KiB/s", "Let %1 resync at least %2 KiB/s, even while the disks are busy", md, value)
                                  : i18nc("%1 an array, %2 a speed in KiB/s", "Let %1 resync at most %2 KiB/s", md, value);
        s.command = {QStringLiteral("echo"), value};
        s.commandNote = QStringLiteral("> %1").arg(file);
        s.action = [file, value](StepContext &ctx) { return writeSysfs(ctx, file, value); };
        s.check = [md, which, value, file] {
            const QString now = mdAttribute(md, QStringLiteral("sync_speed_%1").arg(which));
            const bool ok = value == QLatin1String("system") ? now.contains(QLatin1String("(system)"))
                                                             : (now.section(QLatin1Char(' '), 0, 0) == value && now.contains(QLatin1String("(local)")));
            return ok ? Status() : toolFailed(mi18nc("%1 a sysfs file, %2 what it holds, %3 what was written", "%1 reads '%2' after writing '%3'.", file, now, value));
        };
        return s;
    };
    // Never let min > max in between: when min goes up, max goes first.
    auto both = [&](const QString &min, const QString &max, bool minRises) {
        QList<Step> steps;
        if (!min.isEmpty())
            steps << step(QStringLiteral("min"), min);
        if (!max.isEmpty())
            steps << step(QStringLiteral("max"), max);
        if (minRises && steps.size() == 2)
            std::swap(steps[0], steps[1]);
        return steps;
    };
    bool ok = false;
    const qint64 newMin = v.min.toLongLong(&ok);
    plan.steps = both(v.min, v.max, ok && newMin > v.array.array.syncSpeedMin.value_or(0));
    plan.summary = speedSummary(md, v.min, v.max, v.untilIdle);
    if (v.untilIdle) {
        plan.steps << waitSyncDoneStep(v.array.path, md);
        plan.steps << both(v.minBefore, v.maxBefore, false); // min comes down first
        plan.notes << i18n("The job lasts as long as the sync. If it is stopped, the limits stay raised until the job is resumed or rolled back, or set again.");
    }
    return plan;
}

} // namespace plexus

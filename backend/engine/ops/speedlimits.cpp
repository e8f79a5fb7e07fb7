// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "speedlimits.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"

#include <QRegularExpression>

namespace plexus {

using namespace actions;

namespace {

// "50000 (local)" -> "50000"; "1000 (system)" (or unreadable) -> "system".
QString limitWord(const QString &sysfs)
{
    return sysfs.contains(QLatin1String("(local)")) ? sysfs.section(QLatin1Char(' '), 0, 0) : QStringLiteral("system");
}

} // namespace

Status validate(const Validator &checks, const SpeedLimitsRequest &r, ValidSpeedLimits *out)
{
    *out = {};
    auto parse = [](const QString &value, const char *which, std::optional<qint64> *number) -> Status {
        if (value.isEmpty() || value == QLatin1String("system"))
            return {};
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,10}$"));
        bool ok = false;
        const qint64 n = value.toLongLong(&ok);
        if (!digits.match(value).hasMatch() || !ok || n <= 0 || n > 2000000000)
            return invalid(QStringLiteral("The sync speed %1 must be a positive number of KiB/s (for example 50000) or 'system', not '%2'.")
                               .arg(QLatin1String(which), value));
        *number = n;
        return {};
    };
    std::optional<qint64> min, max;
    if (Status s = parse(r.min, "minimum", &min); !s)
        return s;
    if (Status s = parse(r.max, "maximum", &max); !s)
        return s;
    if (r.min.isEmpty() && r.max.isEmpty())
        return invalid(QStringLiteral("Nothing to change: give a minimum, a maximum or both."));
    ResolvedArray a;
    if (Status s = checks.resolveRunningArray(r.array, r.common, &a); !s)
        return s;
    const std::optional<qint64> effectiveMin = min ? min : (r.min.isEmpty() ? a.array.syncSpeedMin : std::nullopt);
    const std::optional<qint64> effectiveMax = max ? max : (r.max.isEmpty() ? a.array.syncSpeedMax : std::nullopt);
    if (min && max && *min > *max)
        return invalid(QStringLiteral("The minimum (%1 KiB/s) is above the maximum (%2 KiB/s). Give a minimum at or below the maximum.").arg(*min).arg(*max));
    if (min && !max && effectiveMax && *min > *effectiveMax)
        return invalid(QStringLiteral("The minimum (%1 KiB/s) would be above %2's maximum (%3 KiB/s). Raise the maximum too.").arg(*min).arg(a.path).arg(*effectiveMax));
    if (max && !min && effectiveMin && *max < *effectiveMin)
        return invalid(QStringLiteral("The maximum (%1 KiB/s) would be below %2's minimum (%3 KiB/s). Lower the minimum too.").arg(*max).arg(a.path).arg(*effectiveMin));
    if (r.untilIdle) {
        const QString md = a.array.name;
        const QString action = checks.system().syncAction(md);
        if (action.isEmpty() || action == QLatin1String("idle") || action == QLatin1String("frozen"))
            return invalid(QStringLiteral("%1 is not syncing now (md says '%2'), so there is no sync to speed up until it ends. "
                                          "Without until_idle the limits stay as set until changed again.")
                               .arg(md, action.isEmpty() ? QStringLiteral("nothing") : action));
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
            s.description = QStringLiteral("Use the system-wide %1 resync speed for %2 (/proc/sys/dev/raid/speed_limit_%3)")
                                .arg(isMin ? QStringLiteral("minimum") : QStringLiteral("maximum"), md, which);
        else
            s.description = isMin ? QStringLiteral("Let %1 resync at least %2 KiB/s, even while the disks are busy").arg(md, value)
                                  : QStringLiteral("Let %1 resync at most %2 KiB/s").arg(md, value);
        s.command = {QStringLiteral("echo"), value};
        s.commandNote = QStringLiteral("> %1").arg(file);
        s.action = [file, value](StepContext &ctx) { return writeSysfs(ctx, file, value); };
        s.check = [md, which, value, file] {
            const QString now = mdAttribute(md, QStringLiteral("sync_speed_%1").arg(which));
            const bool ok = value == QLatin1String("system") ? now.contains(QLatin1String("(system)"))
                                                             : (now.section(QLatin1Char(' '), 0, 0) == value && now.contains(QLatin1String("(local)")));
            return ok ? Status() : toolFailed(QStringLiteral("%1 reads '%2' after writing '%3'.").arg(file, now, value));
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
    plan.summary = QStringLiteral("Set %1's resync speed limits%2%3%4.")
                       .arg(md, v.min.isEmpty() ? QString() : QStringLiteral(": minimum %1").arg(v.min),
                            v.max.isEmpty() ? QString() : QStringLiteral("%1maximum %2").arg(v.min.isEmpty() ? QStringLiteral(": ") : QStringLiteral(", "), v.max),
                            v.untilIdle ? QStringLiteral(", until md has finished this sync; then as before") : QString());
    if (v.untilIdle) {
        plan.steps << waitSyncDoneStep(v.array.path, md);
        plan.steps << both(v.minBefore, v.maxBefore, false); // min comes down first
        plan.notes << QStringLiteral("The job lasts as long as the sync. If it is stopped, the limits stay raised until the job is resumed or rolled back, or set again.");
    }
    return plan;
}

} // namespace plexus

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
    out->array = a;
    out->min = r.min;
    out->max = r.max;
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
    const qint64 currentMin = v.array.array.syncSpeedMin.value_or(0);
    QList<Step> steps;
    if (!v.min.isEmpty())
        steps << step(QStringLiteral("min"), v.min);
    if (!v.max.isEmpty())
        steps << step(QStringLiteral("max"), v.max);
    // Never let min > max in between: raise max first, lower min first.
    bool maxFirst = false;
    bool ok = false;
    const qint64 newMin = v.min.toLongLong(&ok);
    if (!v.max.isEmpty() && !v.min.isEmpty() && ok && newMin > currentMin)
        maxFirst = true;
    if (maxFirst && steps.size() == 2)
        std::swap(steps[0], steps[1]);
    plan.steps = steps;
    plan.summary = QStringLiteral("Set %1's resync speed limits%2%3.")
                       .arg(md, v.min.isEmpty() ? QString() : QStringLiteral(": minimum %1").arg(v.min),
                            v.max.isEmpty() ? QString() : QStringLiteral("%1maximum %2").arg(v.min.isEmpty() ? QStringLiteral(": ") : QStringLiteral(", "), v.max));
    return plan;
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "checkschedule.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <KLocalizedString>

namespace plexus {

QString CheckScheduleRequest::title() const
{
    return i18nc("an operation's title", "Change when the arrays are checked");
}

using namespace actions;

namespace {

const QString off = QStringLiteral("off");
const QString asShipped = QStringLiteral("default");

QString calendarWords(const QString &calendar)
{
    ScrubSchedule s;
    s.calendar = {calendar};
    return s.when();
}

QByteArray dropInText(const QString &calendar)
{
    // The empty OnCalendar= drops the vendor's, so this one replaces it.
    return QStringLiteral("# Written by Plexus (plexusctl check-schedule default takes it away).\n[Timer]\nOnCalendar=\nOnCalendar=%1\n")
        .arg(calendar)
        .toUtf8();
}

QStringList systemctl(const QStringList &args)
{
    return QStringList{QStringLiteral("systemctl")} + args;
}

// What the timer's files say once a step has run (read as systemd would).
Status expectSchedule(const std::function<bool(const ScrubSchedule &)> &holds, const QString &what)
{
    const ScrubSchedule now = readScrubSchedule();
    return holds(now) ? Status()
                      : toolFailed(mi18nc("%1 a systemd timer, %2 and %3 when it checks the arrays ('every Sunday at 01:00', 'enabled', ...)",
                                         "After the change, %1 says %2, not %3.", now.source, now.state(), what));
}

Step reload()
{
    Step s;
    s.description = i18n("Tell systemd to read the timer's files again");
    s.command = systemctl({QStringLiteral("daemon-reload")});
    const QStringList argv = s.command;
    s.action = [argv](StepContext &ctx) { return run(ctx, argv); };
    s.changesNothing();
    return s;
}

// Enable (or disable) the timer; with systemd running, also start (stop) it now.
Step enableTimer(const ValidCheckSchedule &v, bool enable)
{
    Step s;
    const QString timer = v.timer;
    s.description = enable ? i18nc("%1 a systemd timer (mdcheck_start.timer)", "Turn scheduled checks on: enable %1", timer)
                           : i18nc("%1 a systemd timer (mdcheck_start.timer); Stop check is the window's action",
                                   "Turn scheduled checks off: disable %1 (a check under way goes on; Stop check ends it)", timer);
    QStringList args{enable ? QStringLiteral("enable") : QStringLiteral("disable")};
    if (v.managerRunning)
        args << QStringLiteral("--now");
    s.command = systemctl(args << timer);
    const QStringList argv = s.command;
    s.action = [argv](StepContext &ctx) { return run(ctx, argv); };
    s.check = [enable, timer] {
        return expectSchedule([enable](const ScrubSchedule &now) { return now.enabled == enable; },
                              enable ? i18nc("a systemd timer's state, after 'says ..., not '", "enabled")
                                     : i18nc("a systemd timer's state, after 'says ..., not '", "not enabled"));
    };
    const ValidCheckSchedule back = v;
    s.undo = [back, enable] { return QList<Step>{enableTimer(back, !enable)}; };
    return s;
}

// A timer already running takes its new calendar when restarted.
Step restartTimer(const QString &timer)
{
    Step s;
    s.description = i18nc("%1 a systemd timer (mdcheck_start.timer)", "Restart %1 so that it counts from the new calendar", timer);
    s.command = systemctl({QStringLiteral("restart"), timer});
    const QStringList argv = s.command;
    s.action = [argv](StepContext &ctx) { return run(ctx, argv); };
    s.changesNothing();
    return s;
}

Step removeDropIn(const QString &dropIn)
{
    Step s;
    s.description = i18nc("%1 a file (a systemd drop-in)", "Remove Plexus's schedule (%1): the timer's own calendar applies again", dropIn);
    s.command = {QStringLiteral("rm"), QStringLiteral("-f"), dropIn};
    s.action = [dropIn](StepContext &ctx) {
        ctx.log(QStringLiteral("remove %1").arg(dropIn));
        if (QFile::exists(dropIn) && !QFile::remove(dropIn))
            return toolFailed(mi18nc("%1 a file", "Cannot remove %1.", dropIn));
        return Status();
    };
    s.check = [dropIn] { return QFileInfo::exists(dropIn) ? toolFailed(mi18nc("%1 a file", "%1 is still there.", dropIn)) : Status(); };
    s.cannotUndo = i18nc("why a step cannot be undone, after 'cannot be undone: '", "set the schedule again to have it back");
    return s;
}

Step writeDropIn(const ValidCheckSchedule &v)
{
    Step s;
    const QString dropIn = v.dropIn;
    const QString calendar = v.calendar;
    s.description = i18nc("%1 and %2 when the arrays are checked ('every Sunday at 01:00', 'never (... is not enabled)'), %3 a systemd timer",
                          "Check the arrays %1 instead of %2: a drop-in for %3", calendarWords(calendar), v.before, v.timer);
    const QString dir = QFileInfo(dropIn).path();
    s.command = {QStringLiteral("mkdir"), QStringLiteral("-p"), dir};
    s.commandNote = QStringLiteral("&& printf '%1' > %2").arg(QString::fromUtf8(dropInText(calendar)).replace(QLatin1Char('\n'), QLatin1String("\\n")), dropIn);
    s.action = [dir, dropIn, calendar](StepContext &ctx) {
        if (!QDir().mkpath(dir))
            return toolFailed(mi18nc("%1 a directory", "Cannot make the directory %1.", dir));
        return writeFileAtomically(ctx, dropIn, dropInText(calendar));
    };
    s.check = [calendar] {
        return expectSchedule([calendar](const ScrubSchedule &now) { return now.calendar == QStringList{calendar}; }, calendarWords(calendar));
    };
    if (v.dropInExists)
        s.cannotUndo = i18nc("why a step cannot be undone, after 'cannot be undone: '", "Plexus's earlier schedule is replaced; set it again to have it back");
    else
        s.undo = [dropIn] { return QList<Step>{removeDropIn(dropIn)}; };
    return s;
}

} // namespace

Status validate(const Validator &checks, const CheckScheduleRequest &r, ValidCheckSchedule *out)
{
    *out = {};
    const QString &when = r.when;
    if (when.isEmpty())
        return invalid(mi18nc("keep the calendar and the words 'off' and 'default' as they are: they are what to type",
                             "Say when to check: a systemd calendar such as 'Sun *-*-1..7 01:00', 'off' or 'default'."));
    // What reaches systemd-analyze and the unit file: one line of calendar characters.
    static const QRegularExpression calendarChars(QStringLiteral("^[A-Za-z0-9*][A-Za-z0-9*,./:~ +-]{0,63}$"));
    if (when != off && when != asShipped && !calendarChars.match(when).hasMatch())
        return invalid(mi18nc("%1 what was given; keep the calendar and the words 'off' and 'default' as they are: they are what to type",
                             "'%1' is not a calendar. Use letters, digits, spaces and * , . / : ~ + - (up to 64 characters), "
                             "for example 'Sun *-*-1..7 01:00'; or say 'off' or 'default'.",
                             when.left(80)));
    const ScrubSchedule now = checks.system().scrubSchedule();
    if (now.source.isEmpty())
        return invalid(mi18n("This machine has no timer that checks its arrays (mdadm's mdcheck_start.timer or Fedora's raid-check.timer). "
                            "Install the distribution's mdadm package with its timers first."));
    if (now.source.startsWith(QLatin1Char('/')))
        return invalid(mi18nc("%1 a file (/etc/cron.d/mdadm)",
                             "This machine checks its arrays from %1 (a cron job), which Plexus does not change. "
                             "Change the time on its checkarray line there.",
                             now.source));
    if (now.masked)
        return invalid(mi18nc("%1 a systemd timer (mdcheck_start.timer)", "%1 is masked: scheduled checks were turned off for good. Unmask it first (systemctl unmask %1).", now.source));

    out->timer = now.source;
    out->before = now.state();
    out->dropIn = QStringLiteral("/etc/systemd/system/%1.d/%2").arg(now.source, QLatin1String(checkScheduleDropIn));
    out->dropInExists = checks.system().exists(out->dropIn);
    out->enabled = now.enabled;
    out->managerRunning = checks.system().serviceManagerRunning();
    if (when == off) {
        if (!now.enabled)
            return invalid(mi18nc("%1 a systemd timer (mdcheck_start.timer)", "The arrays are already not checked on a schedule: %1 is not enabled.", now.source));
        out->change = ValidCheckSchedule::Off;
        return {};
    }
    if (when == asShipped) {
        if (!out->dropInExists && now.enabled)
            return invalid(mi18nc("%1 when the arrays are checked ('every Sunday at 01:00')", "The schedule is already as the distribution ships it: %1.", now.when()));
        out->change = ValidCheckSchedule::AsShipped;
        return {};
    }
    if (Status s = checks.system().calendarValid(when); !s)
        return s;
    if (now.enabled && now.calendar == QStringList{when})
        return invalid(mi18nc("%1 when the arrays are checked ('every Sunday at 01:00')", "The arrays are already checked %1.", now.when()));
    out->change = ValidCheckSchedule::Calendar;
    out->calendar = when;
    return {};
}

Plan makePlan(const ValidCheckSchedule &v)
{
    Plan plan;
    switch (v.change) {
    case ValidCheckSchedule::Off:
        plan.summary = i18nc("%1 when the arrays are checked now ('every Sunday at 01:00')", "Stop checking the arrays on a schedule (now: %1).", v.before);
        plan.notes << i18nc("Check is the window's action",
                            "Without checks, a sector that went bad on one copy is found only when the other copy is needed: "
                            "check by hand now and then (Check), or turn the schedule back on.");
        plan.steps << enableTimer(v, false);
        return plan;
    case ValidCheckSchedule::AsShipped:
        plan.summary = i18nc("%1 a systemd timer, %2 when the arrays are checked now ('every Sunday at 01:00', 'never (... is not enabled)')",
                             "Check the arrays as the distribution ships %1 (now: %2).", v.timer, v.before);
        if (v.dropInExists) {
            plan.steps << removeDropIn(v.dropIn);
            if (v.managerRunning)
                plan.steps << reload();
        }
        break;
    case ValidCheckSchedule::Calendar:
        plan.summary = i18nc("%1 and %2 when the arrays are checked, then and now ('every Sunday at 01:00', 'never (... is not enabled)')",
                             "Check the arrays %1 (now: %2).", calendarWords(v.calendar), v.before);
        plan.steps << writeDropIn(v);
        if (v.managerRunning)
            plan.steps << reload();
        break;
    }
    if (!v.enabled)
        plan.steps << enableTimer(v, true);
    else if (v.managerRunning)
        plan.steps << restartTimer(v.timer);
    if (!v.managerRunning)
        plan.notes << i18n("systemd does not run this system: the timer's files are changed, and it follows them from the next start.");
    if (v.timer == QLatin1String("mdcheck_start.timer"))
        plan.notes << i18n("mdcheck checks every array for up to six hours a night, and mdcheck_continue.timer goes on the next night "
                           "where it stopped; the timer may also wait up to a day before it starts (RandomizedDelaySec).");
    return plan;
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "scrubschedule.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <KLocalizedString>
#include <QRegularExpression>

namespace plexus {

namespace {

const QStringList unitDirs{QStringLiteral("usr/lib/systemd/system"), QStringLiteral("lib/systemd/system"),
                           QStringLiteral("etc/systemd/system")};

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// OnCalendar= lines of a unit file's [Timer] section, applied to `calendar`
// as systemd applies them: an empty value clears what came before.
void applyTimerFile(const QString &text, QStringList *calendar)
{
    bool inTimer = false;
    for (QString line : text.split(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (line.startsWith(QLatin1Char('[')))
            inTimer = line == QLatin1String("[Timer]");
        else if (inTimer && line.startsWith(QLatin1String("OnCalendar="))) {
            const QString value = line.mid(11).trimmed();
            if (value.isEmpty())
                calendar->clear();
            else
                *calendar << value;
        }
    }
}

bool readTimer(const QDir &root, const QString &unit, ScrubSchedule *out)
{
    // The unit file: the last directory that has it wins (/etc over /usr/lib).
    QString main;
    for (const QString &dir : unitDirs) {
        const QFileInfo file(root.filePath(dir + QLatin1Char('/') + unit));
        if (file.exists() || file.isSymLink())
            main = file.filePath();
    }
    if (main.isEmpty())
        return false;
    out->source = unit;
    if (QFileInfo(main).isSymLink() && QFileInfo(main).symLinkTarget() == QLatin1String("/dev/null")) {
        out->masked = true;
        return true;
    }
    applyTimerFile(readText(main), &out->calendar);
    // Drop-ins in the order of their names; /etc's replaces a namesake elsewhere.
    QMap<QString, QString> dropIns;
    for (const QString &dir : unitDirs) {
        const QDir d(root.filePath(dir + QLatin1Char('/') + unit + QStringLiteral(".d")));
        for (const QString &name : d.entryList({QStringLiteral("*.conf")}, QDir::Files))
            dropIns.insert(name, d.filePath(name));
    }
    for (const QString &path : std::as_const(dropIns))
        applyTimerFile(readText(path), &out->calendar);
    const QDir etc(root.filePath(QStringLiteral("etc/systemd/system")));
    for (const QString &wants : etc.entryList({QStringLiteral("*.wants")}, QDir::Dirs)) {
        if (QFileInfo(etc.filePath(wants + QLatin1Char('/') + unit)).isSymLink())
            out->enabled = true;
    }
    return true;
}

// Debian's cron job before the timers: "57 0 * * 0 root if [ -x .../checkarray ]
// && [ $(date +\%d) -le 7 ]; then ...checkarray --cron --all ...".
bool readCron(const QDir &root, ScrubSchedule *out)
{
    const QString path = QStringLiteral("/etc/cron.d/mdadm");
    for (const QString &line : readText(root.filePath(path.mid(1))).split(QLatin1Char('\n'))) {
        if (line.trimmed().startsWith(QLatin1Char('#')) || !line.contains(QLatin1String("checkarray")))
            continue;
        const QStringList fields = line.simplified().split(QLatin1Char(' '));
        if (fields.size() < 6)
            continue;
        out->source = path;
        out->calendar = fields.mid(0, 5);
        out->firstWeekOnly = line.contains(QLatin1String("-le 7"));
        out->enabled = true;
        return true;
    }
    return false;
}

QString clock(const QString &hour, const QString &minute)
{
    return QStringLiteral("%1:%2").arg(hour.toInt(), 2, 10, QLatin1Char('0')).arg(minute.toInt(), 2, 10, QLatin1Char('0'));
}

// systemd's day ("Sun") as a person names it.
QString dayName(const QString &day)
{
    if (day == QLatin1String("Mon")) return i18nc("a day of the week", "Monday");
    if (day == QLatin1String("Tue")) return i18nc("a day of the week", "Tuesday");
    if (day == QLatin1String("Wed")) return i18nc("a day of the week", "Wednesday");
    if (day == QLatin1String("Thu")) return i18nc("a day of the week", "Thursday");
    if (day == QLatin1String("Fri")) return i18nc("a day of the week", "Friday");
    if (day == QLatin1String("Sat")) return i18nc("a day of the week", "Saturday");
    return i18nc("a day of the week", "Sunday");
}

} // namespace

QString ScrubSchedule::when() const
{
    if (calendar.size() == 1) {
        const QString spec = calendar.first();
        // "Sun *-*-1..7 1:00:00", "Sat 02:30", "*-*-01 01:00", "*-*-* 03:00"
        static const QRegularExpression firstWeekday(QStringLiteral("^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\*-\\*-(?:0?1)\\.\\.0?7 (\\d+):(\\d+)(?::00)?$"));
        static const QRegularExpression weekday(QStringLiteral("^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:\\*-\\*-\\* )?(\\d+):(\\d+)(?::00)?$"));
        static const QRegularExpression firstDay(QStringLiteral("^\\*-\\*-0?1 (\\d+):(\\d+)(?::00)?$"));
        static const QRegularExpression everyDay(QStringLiteral("^(?:\\*-\\*-\\* )?(\\d+):(\\d+)(?::00)?$"));
        if (const QRegularExpressionMatch m = firstWeekday.match(spec); m.hasMatch())
            return i18nc("when arrays are checked: %1 a day of the week, %2 a time of day", "the first %1 of each month at %2", dayName(m.captured(1)), clock(m.captured(2), m.captured(3)));
        if (const QRegularExpressionMatch m = weekday.match(spec); m.hasMatch())
            return i18nc("when arrays are checked: %1 a day of the week, %2 a time of day", "every %1 at %2", dayName(m.captured(1)), clock(m.captured(2), m.captured(3)));
        if (const QRegularExpressionMatch m = firstDay.match(spec); m.hasMatch())
            return i18nc("when arrays are checked: %1 a time of day", "the first day of each month at %1", clock(m.captured(1), m.captured(2)));
        if (const QRegularExpressionMatch m = everyDay.match(spec); m.hasMatch())
            return i18nc("when arrays are checked: %1 a time of day", "every day at %1", clock(m.captured(1), m.captured(2)));
        if (spec == QLatin1String("weekly"))
            return i18nc("when arrays are checked", "every Monday at 00:00");
        if (spec == QLatin1String("monthly"))
            return i18nc("when arrays are checked", "the first day of each month at 00:00");
        if (spec == QLatin1String("daily"))
            return i18nc("when arrays are checked", "every day at 00:00");
    }
    // cron: minute hour day-of-month month day-of-week, Sunday 0 or 7.
    if (source.startsWith(QLatin1Char('/')) && calendar.size() == 5 && (calendar.at(4) == QLatin1String("0") || calendar.at(4) == QLatin1String("7"))
        && calendar.at(2) == QLatin1String("*")) {
        return firstWeekOnly
            ? i18nc("when arrays are checked: %1 a time of day", "the first Sunday of each month at %1", clock(calendar.at(1), calendar.at(0)))
            : i18nc("when arrays are checked: %1 a time of day", "every Sunday at %1", clock(calendar.at(1), calendar.at(0)));
    }
    return calendar.join(QStringLiteral("; "));
}

QString ScrubSchedule::state() const
{
    if (source.isEmpty())
        return i18nc("when arrays are checked", "never (no check timer)");
    if (masked)
        return i18nc("when arrays are checked; %1 a systemd timer or cron file", "never (%1 is masked)", source);
    return enabled ? when() : i18nc("when arrays are checked; %1 a systemd timer or cron file", "never (%1 is not enabled)", source);
}

ScrubSchedule readScrubSchedule(const QString &root)
{
    const QDir dir(root);
    ScrubSchedule schedule;
    for (const QString &unit : {QStringLiteral("mdcheck_start.timer"), QStringLiteral("raid-check.timer")}) {
        if (readTimer(dir, unit, &schedule))
            return schedule;
    }
    readCron(dir, &schedule);
    return schedule;
}

} // namespace plexus

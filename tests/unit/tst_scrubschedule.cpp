// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// When the machine checks its arrays, read from unit files, drop-ins,
// enablement links and cron as distributions install them.
#include "probe/scrubschedule.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace plexus;

namespace {

// Debian 13's mdadm, as installed.
const QByteArray debianTimer = "[Unit]\nDescription=MD array scrubbing\n\n[Timer]\nOnCalendar=Sun *-*-1..7 1:00:00\n"
                               "RandomizedDelaySec=24h\nPersistent=true\n\n[Install]\nWantedBy=mdmonitor.service\n";

void write(const QTemporaryDir &root, const QString &path, const QByteArray &text)
{
    QDir(root.path()).mkpath(QFileInfo(root.filePath(path)).path());
    QFile f(root.filePath(path));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

void link(const QTemporaryDir &root, const QString &path, const QString &target)
{
    QDir(root.path()).mkpath(QFileInfo(root.filePath(path)).path());
    QVERIFY(QFile::link(target, root.filePath(path)));
}

} // namespace

class TestScrubSchedule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void debianMonthlyTimer()
    {
        QTemporaryDir root;
        write(root, QStringLiteral("usr/lib/systemd/system/mdcheck_start.timer"), debianTimer);
        ScrubSchedule s = readScrubSchedule(root.path());
        QCOMPARE(s.source, QStringLiteral("mdcheck_start.timer"));
        QCOMPARE(s.calendar, QStringList{QStringLiteral("Sun *-*-1..7 1:00:00")});
        QVERIFY(!s.enabled); // installed, wanted by nothing yet
        QCOMPARE(s.when(), QStringLiteral("the first Sunday of each month at 01:00"));

        link(root, QStringLiteral("etc/systemd/system/mdmonitor.service.wants/mdcheck_start.timer"),
             QStringLiteral("/usr/lib/systemd/system/mdcheck_start.timer"));
        QVERIFY(readScrubSchedule(root.path()).enabled);

        // An administrator's drop-in: an empty OnCalendar= clears the packaged one.
        write(root, QStringLiteral("etc/systemd/system/mdcheck_start.timer.d/weekly.conf"),
              "[Timer]\nOnCalendar=\nOnCalendar=Sun *-*-* 03:30:00\n");
        s = readScrubSchedule(root.path());
        QCOMPARE(s.calendar, QStringList{QStringLiteral("Sun *-*-* 03:30:00")});
        QCOMPARE(s.when(), QStringLiteral("every Sunday at 03:30"));

        // Masked: no check at all, whatever the files say.
        link(root, QStringLiteral("etc/systemd/system/mdcheck_start.timer"), QStringLiteral("/dev/null"));
        QVERIFY(readScrubSchedule(root.path()).masked);
    }

    void fedoraWeeklyTimer()
    {
        QTemporaryDir root;
        write(root, QStringLiteral("usr/lib/systemd/system/raid-check.timer"), "[Timer]\nOnCalendar=Sun *-*-* 01:00:00\n");
        link(root, QStringLiteral("etc/systemd/system/timers.target.wants/raid-check.timer"), QStringLiteral("/usr/lib/systemd/system/raid-check.timer"));
        const ScrubSchedule s = readScrubSchedule(root.path());
        QCOMPARE(s.source, QStringLiteral("raid-check.timer"));
        QVERIFY(s.enabled);
        QCOMPARE(s.when(), QStringLiteral("every Sunday at 01:00"));
    }

    void debianCronBeforeTimers()
    {
        QTemporaryDir root;
        write(root, QStringLiteral("etc/cron.d/mdadm"),
              "# cron.d/mdadm -- schedules periodic redundancy checks of MD devices\n"
              "57 0 * * 0 root if [ -x /usr/share/mdadm/checkarray ] && [ $(date +\\%d) -le 7 ]; then "
              "/usr/share/mdadm/checkarray --cron --all --idle --quiet; fi\n");
        const ScrubSchedule s = readScrubSchedule(root.path());
        QCOMPARE(s.source, QStringLiteral("/etc/cron.d/mdadm"));
        QVERIFY(s.enabled);
        QCOMPARE(s.when(), QStringLiteral("the first Sunday of each month at 00:57"));
    }

    void noneFound()
    {
        QTemporaryDir root;
        const ScrubSchedule s = readScrubSchedule(root.path());
        QVERIFY(s.source.isEmpty());
        QVERIFY(!s.enabled);
        QCOMPARE(s.state(), QStringLiteral("never (no check timer)"));
    }

    // The calendars "Change when arrays are checked" offers, and others, in words.
    void calendarsInWords_data()
    {
        QTest::addColumn<QString>("calendar");
        QTest::addColumn<QString>("words");
        QTest::newRow("mdadm's") << "Sun *-*-1..7 1:00:00" << "the first Sunday of each month at 01:00";
        QTest::newRow("first Saturday") << "Sat *-*-1..7 03:30" << "the first Saturday of each month at 03:30";
        QTest::newRow("weekday") << "Wed 22:15" << "every Wednesday at 22:15";
        QTest::newRow("first day") << "*-*-01 01:00" << "the first day of each month at 01:00";
        QTest::newRow("every day") << "*-*-* 04:00:00" << "every day at 04:00";
        QTest::newRow("as written") << "Mon,Thu *-*-* 02:00" << "Mon,Thu *-*-* 02:00";
    }
    void calendarsInWords()
    {
        QFETCH(QString, calendar);
        QFETCH(QString, words);
        ScrubSchedule s;
        s.source = QStringLiteral("mdcheck_start.timer");
        s.calendar = {calendar};
        QCOMPARE(s.when(), words);
        QCOMPARE(s.state(), QStringLiteral("never (mdcheck_start.timer is not enabled)"));
        s.enabled = true;
        QCOMPARE(s.state(), words);
    }
};

QTEST_GUILESS_MAIN(TestScrubSchedule)
#include "tst_scrubschedule.moc"

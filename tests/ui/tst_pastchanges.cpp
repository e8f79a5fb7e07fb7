// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The Changes view begins with what the system journal kept. journalctl is a
// stand-in here (a script printing what journalctl -o json prints); the VM test
// monitor_server_alerts reads the real journal through the same query and parser.
#include "changelogmodel.h"
#include "details.h"
#include "monitor/journalentry.h"
#include "pastchanges.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace plexus;

namespace {

// One line of journalctl -o json for a Plexus event (as journalentry.h writes it).
QByteArray journalLine(EventKind kind, const QString &array, const QString &device, const QDateTime &when)
{
    QJsonObject o{{QStringLiteral("__REALTIME_TIMESTAMP"), QString::number(when.toMSecsSinceEpoch() * 1000)},
                  {QStringLiteral("SYSLOG_IDENTIFIER"), QStringLiteral("plexus")}};
    Event e{kind, array, device, {}, {}, {}, when, {}};
    for (const JournalField &f : journalFields(e))
        o.insert(QString::fromLatin1(f.name), QString::fromUtf8(f.value));
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

class TestPastChanges : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const QDateTime m_yesterday = QDateTime(QDate::currentDate().addDays(-1), QTime(14, 2, 11));

    // A journalctl that records its arguments and prints `out` and `err`, exiting with `code`.
    QString fakeJournalctl(const QByteArray &out, const QByteArray &err = {}, int code = 0)
    {
        QFile(m_dir.filePath(QStringLiteral("out"))).remove();
        QFile o(m_dir.filePath(QStringLiteral("out")));
        o.open(QIODevice::WriteOnly);
        o.write(out);
        o.close();
        const QString path = m_dir.filePath(QStringLiteral("journalctl"));
        QFile script(path);
        script.open(QIODevice::WriteOnly | QIODevice::Truncate);
        script.write("#!/bin/sh\nprintf '%s\\n' \"$@\" > " + m_dir.filePath(QStringLiteral("args")).toLocal8Bit() + "\ncat "
                     + o.fileName().toLocal8Bit() + "\nprintf '" + err + "' >&2\nexit " + QByteArray::number(code) + "\n");
        script.close();
        script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        return path;
    }

    QList<QVariant> load(const QString &program)
    {
        PastChanges past(program);
        QSignalSpy loaded(&past, &PastChanges::loaded);
        past.load(HistoryQuery{});
        if (!loaded.wait(10000))
            return {};
        return loaded.takeFirst();
    }

private Q_SLOTS:
    void journalEventsBecomeEarlierLines()
    {
        const QByteArray out = journalLine(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("sdb1"), m_yesterday)
            // Another program's entry, and one claiming an event with the wrong MESSAGE_ID: not ours.
            + R"({"MESSAGE":"hello","SYSLOG_IDENTIFIER":"plexus","__REALTIME_TIMESTAMP":"1"})" "\n"
            + R"({"PLEXUS_EVENT":"array-failed","MESSAGE_ID":"00000000000000000000000000000000","__REALTIME_TIMESTAMP":"1"})" "\n"
            + journalLine(EventKind::ArrayRecovered, QStringLiteral("md0"), {}, m_yesterday.addSecs(3600));
        const QList<QVariant> result = load(fakeJournalctl(out));
        QCOMPARE(result.size(), 2);
        const QList<Event> events = result.at(0).value<QList<Event>>();
        QCOMPARE(result.at(1).toString(), QString());
        QCOMPARE(events.size(), 2);
        QVERIFY(events.at(0).kind == EventKind::MemberFailed);
        QCOMPARE(events.at(0).device, QStringLiteral("sdb1"));
        QCOMPARE(events.at(0).time, m_yesterday.toUTC());
        QVERIFY(events.at(1).kind == EventKind::ArrayRecovered);

        QFile args(m_dir.filePath(QStringLiteral("args")));
        QVERIFY(args.open(QIODevice::ReadOnly));
        const QList<QByteArray> words = args.readAll().split('\n');
        QVERIFY(words.contains("--output=json"));
        QVERIFY(words.contains("SYSLOG_IDENTIFIER=plexus"));

        // Before what the window saw itself, each at its own time, with its date.
        ChangeLogModel log;
        log.append(QDateTime::currentDateTimeUtc(), {ChangeNote{QStringLiteral("watching 1 array on 2 disks"), Tone::Neutral}});
        Snapshot now;
        log.insertPast(pastEntries(events, now));
        const QStringList lines = log.lines();
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), m_yesterday.toString(QStringLiteral("MMM d HH:mm:ss")) + QStringLiteral(" sdb1 failed in md0"));
        QVERIFY2(lines.at(1).endsWith(QStringLiteral(" md0 is healthy again")), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).endsWith(QStringLiteral(" watching 1 array on 2 disks")), qPrintable(lines.at(2)));
        QVERIFY2(!lines.at(2).contains(QLatin1Char(' ') + QDate::currentDate().toString(QStringLiteral("MMM"))), "today's lines show the time only");

        QListView view;
        view.setModel(&log);
        view.resize(420, 90);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QDir().mkpath(QStringLiteral(PLEXUS_SCREENSHOT_DIR));
        view.grab().save(QStringLiteral(PLEXUS_SCREENSHOT_DIR "/changes-with-past.png"));
    }

    // What md does not keep, from the history: when an array was last checked.
    void detailsTellTheLastCheck()
    {
        Snapshot snapshot;
        Array md0;
        md0.name = QStringLiteral("md0");
        md0.level = QStringLiteral("raid1");
        md0.raidDisks = 2;
        snapshot.arrays << md0;
        const auto row = [&](const QList<Event> &history) {
            const Details d = detailsFor(Selectable::array(QStringLiteral("md0")), snapshot, DetailsContext{history, {}});
            const DetailRow *r = d.row(QStringLiteral("Last check"));
            return r ? r->value : QStringLiteral("(no row)");
        };
        QCOMPARE(row({}), QStringLiteral("none recorded"));
        const QDateTime start(QDate(2025, 6, 1), QTime(1, 0));
        Event started{EventKind::SyncStarted, QStringLiteral("md0"), {}, SyncAction::Check, {}, {}, start.toUTC(), {}, {}, {}};
        Event finished{EventKind::SyncFinished, QStringLiteral("md0"), {}, SyncAction::Check, {}, qint64(0), start.addSecs(7980).toUTC(), {}, {}, {}};
        QCOMPARE(row({started, finished}), QStringLiteral("Jun 1 2025, 03:13, took 2 h 13 min, none differed"));

        DetailsContext context;
        context.schedule = ScrubSchedule{QStringLiteral("mdcheck_start.timer"), {QStringLiteral("Sun *-*-1..7 1:00:00")}, true, false};
        const Details d = detailsFor(Selectable::array(QStringLiteral("md0")), snapshot, context);
        QCOMPARE(d.row(QStringLiteral("Scheduled check"))->value, QStringLiteral("the first Sunday of each month at 01:00 (mdcheck_start.timer)"));
        QCOMPARE(d.row(QStringLiteral("Scheduled check"))->raw, QStringLiteral("Sun *-*-1..7 1:00:00"));
    }

    void aPartialJournalIsSaid()
    {
        const QByteArray hint("Hint: You are currently not seeing messages from other users and the system.\\n");
        const QList<QVariant> result = load(fakeJournalctl({}, hint));
        QCOMPARE(result.at(0).value<QList<Event>>().size(), 0);
        QCOMPARE(result.at(1).toString(), QStringLiteral("Earlier changes: journalctl says: Hint: You are currently not seeing messages from other users and the system."));
    }

    void failuresAreSaidNotHidden()
    {
        QList<QVariant> result = load(fakeJournalctl({}, "Failed to open journal\\n", 1));
        QCOMPARE(result.at(1).toString(), QStringLiteral("Earlier changes: journalctl failed: Failed to open journal"));
        result = load(fakeJournalctl("not json\n"));
        QVERIFY2(result.at(1).toString().startsWith(QStringLiteral("Earlier changes: journalctl's output, line 1, is not JSON")), qPrintable(result.at(1).toString()));
        result = load(m_dir.filePath(QStringLiteral("no-such-journalctl")));
        QVERIFY2(result.at(1).toString().startsWith(QStringLiteral("Earlier changes: journalctl could not run")), qPrintable(result.at(1).toString()));
    }
};

QTEST_MAIN(TestPastChanges)
#include "tst_pastchanges.moc"

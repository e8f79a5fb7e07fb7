// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// An array's last check, from the events the history kept: md remembers only
// the last mismatch count, not when the check ran or how long it took.
#include "monitor/checkhistory.h"

#include <QTest>

using namespace plexus;

namespace {

const QDateTime night(QDate(2026, 12, 6), QTime(1, 0), QTimeZone::UTC);

Event sync(EventKind kind, const QString &array, SyncAction action, qint64 secondsAfter, std::optional<qint64> mismatches = {})
{
    Event e{kind, array, {}, action, {}, mismatches, night.addSecs(secondsAfter), {}, {}, {}};
    return e;
}

} // namespace

class TestCheckHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theLastCheckWithItsDurationAndFindings()
    {
        const QList<Event> events{
            sync(EventKind::SyncStarted, QStringLiteral("md0"), SyncAction::Check, 0),
            sync(EventKind::SyncStarted, QStringLiteral("md1"), SyncAction::Check, 10),
            sync(EventKind::SyncFinished, QStringLiteral("md0"), SyncAction::Check, 7980, 0),
            // A rebuild later is not a check.
            sync(EventKind::SyncStarted, QStringLiteral("md0"), SyncAction::Recovery, 9000),
            sync(EventKind::SyncFinished, QStringLiteral("md0"), SyncAction::Recovery, 9600),
        };
        const std::optional<CheckRecord> md0 = lastCheck(events, QStringLiteral("md0"));
        QVERIFY(md0);
        QVERIFY(md0->action == SyncAction::Check);
        QCOMPARE(md0->finished, night.addSecs(7980));
        QCOMPARE(md0->seconds, std::optional<qint64>(7980));
        QCOMPARE(md0->mismatches, std::optional<qint64>(0));
        // Still running: no check of md1 has finished.
        QVERIFY(!lastCheck(events, QStringLiteral("md1")));
        QVERIFY(!lastCheck(events, QStringLiteral("md2")));
    }

    void aRepairWhoseStartIsNotInTheHistory()
    {
        const QList<Event> events{
            sync(EventKind::SyncStarted, QStringLiteral("md0"), SyncAction::Check, 0),
            sync(EventKind::SyncFinished, QStringLiteral("md0"), SyncAction::Check, 600, 0),
            sync(EventKind::SyncFinished, QStringLiteral("md0"), SyncAction::Repair, 90000),
            sync(EventKind::MismatchFound, QStringLiteral("md0"), SyncAction::Repair, 90000, 128),
        };
        const std::optional<CheckRecord> last = lastCheck(events, QStringLiteral("md0"));
        QVERIFY(last);
        QVERIFY(last->action == SyncAction::Repair);
        QVERIFY(!last->seconds);                              // when it began is not known
        QCOMPARE(last->mismatches, std::optional<qint64>(128)); // from the mismatch-found event
    }
};

QTEST_GUILESS_MAIN(TestCheckHistory)
#include "tst_checkhistory.moc"

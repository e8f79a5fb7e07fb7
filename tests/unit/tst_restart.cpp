// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Plans that go on after the computer restarts (engine/restart.h): the restart
// step ends this boot's part, the journal says the plan waits, it cannot be
// resumed before the restart, and it is picked up after one.
#include "tst_engine_fixture.h"

#include "engine/engine.h"
#include "engine/executor.h"
#include "engine/restart.h"
#include "engine/unfinishedjobs.h"

#include <QTemporaryDir>
#include <QTest>

using namespace plexus;
using namespace plexus::fixture;

namespace {

const QString job = QStringLiteral("20261204-020000-000-bbbb");
const Caller caller{QStringLiteral(":1.5"), 0, 4242};

Step marking(const QString &description, QStringList *ran)
{
    Step s;
    s.description = description;
    s.command = {QStringLiteral("true")};
    s.action = [ran, description](StepContext &) {
        ran->append(description);
        return Status();
    };
    return s;
}

} // namespace

class TestRestart : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    QStringList ran;

    Status runJournaled(const Plan &plan)
    {
        Journal j(dir.path());
        if (!j.begin(job, plan, caller, {}))
            qFatal("cannot journal");
        return execute(plan, &j, nullptr, nullptr);
    }

    Plan plan(bool restartLast = false)
    {
        Plan p;
        p.operation = QStringLiteral("MirrorSystem");
        p.summary = QStringLiteral("Mirror the running system onto /dev/sdb.");
        p.steps = {marking(QStringLiteral("Copy the system"), &ran), restartStep(QStringLiteral("to start the system from md0"))};
        if (!restartLast)
            p.steps << marking(QStringLiteral("Add /dev/sda1 to md0"), &ran);
        return p;
    }

private Q_SLOTS:
    void init()
    {
        QDir(dir.path()).removeRecursively();
        QDir().mkpath(dir.path());
        ran.clear();
    }

    // The steps before the restart run; the job ends well for now and says
    // what happens next; the journal says it waits, in this boot.
    void planStopsAtTheRestartAndWaits()
    {
        const Status s = runJournaled(plan());
        EXPECT_OK(s);
        QCOMPARE(s.message(), QStringLiteral("Restart the computer when you are ready: after it starts again, Plexus goes on by itself "
                                             "with step 3 of 3 (Add /dev/sda1 to md0)."));
        QCOMPARE(ran, QStringList{QStringLiteral("Copy the system")});
        JournalSummary j;
        EXPECT_OK(Journal::find(job, &j, false, dir.path()));
        QVERIFY(j.waitsForRestart());
        QCOMPARE(j.waitingBoot, currentBootId());
        QVERIFY(j.unfinished());
        QCOMPARE(j.states, (QList<StepState>{StepState::Done, StepState::Done, StepState::NotRun}));
        QCOMPARE(restartWords(j), s.message());
        QCOMPARE(j.commands.value(1), QStringLiteral("systemctl reboot # by you"));
        QCOMPARE(j.undo.value(1), QStringLiteral("nothing to undo"));
        QVERIFY(j.steps.value(1).contains(QStringLiteral("Plexus never restarts it by itself")));
    }

    // Before the restart it is refused, in words, and nothing is picked up;
    // in another boot it is picked up; dropped, it is not.
    void resumedOnlyAfterTheRestart()
    {
        EXPECT_OK(runJournaled(plan()));
        const Snapshot s = machine();
        const FakeSystem system(s);
        const Engine engine(std::make_shared<const Snapshot>(s), system);
        Plan resumed;
        EXPECT_REFUSAL(resumeJob(job, caller, dir.path()).prepare(engine, &resumed), ErrorCode::Busy,
                       "waits for a restart. Restart the computer when you are ready");
        QVERIFY(resumed.steps.isEmpty());
        const QList<JournalSummary> unfinished = Journal::unfinishedPlans(dir.path());
        QVERIFY(jobsToPickUp(unfinished, currentBootId()).isEmpty());
        QCOMPARE(jobsToPickUp(unfinished, QStringLiteral("0f1e2d3c-another-boot")), QStringList{job});
        QVERIFY(jobsToPickUp(unfinished, QStringLiteral("unknown")).isEmpty()); // no boot id: only by hand
        EXPECT_OK(checkRestarted(unfinished.first(), QStringLiteral("0f1e2d3c-another-boot")));

        QVERIFY(Journal::drop(job, caller, dir.path()).ok());
        QVERIFY(jobsToPickUp(Journal::read(dir.path()), QStringLiteral("0f1e2d3c-another-boot")).isEmpty());
    }

    // Once resumed, the plan no longer waits: a later interruption is an
    // ordinary one.
    void resumingEndsTheWait()
    {
        EXPECT_OK(runJournaled(plan()));
        QVERIFY(Journal(dir.path()).resume(job, caller).ok());
        JournalSummary j;
        EXPECT_OK(Journal::find(job, &j, false, dir.path()));
        QVERIFY(!j.waitsForRestart());
        QVERIFY(j.unfinished());
    }

    // A restart as the last step leaves nothing to wait for: the job ends.
    void restartAsLastStepEndsTheJob()
    {
        const Status s = runJournaled(plan(true));
        EXPECT_OK(s);
        QVERIFY(s.message().isEmpty());
        JournalSummary j;
        EXPECT_OK(Journal::find(job, &j, false, dir.path()));
        QVERIFY(!j.waitsForRestart());
        QVERIFY(j.finished && j.ok);
    }
};

QTEST_GUILESS_MAIN(TestRestart)
#include "tst_restart.moc"

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The helper's job runner without D-Bus (engine/jobrunner.h; polkit is asked
// before it: tst_authorization): refusals change
// nothing and leave no journal, a job that runs is journaled step by step, one
// job at a time and a second caller meanwhile is told Busy.

#include "tst_engine_fixture.h"

#include "engine/engine.h"
#include "engine/jobrunner.h"
#include "engine/ops/field.h"

#include <QDir>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace plexus;

namespace {

class Recorder : public JobObserver
{
public:
    QStringList events;
    void jobStarted(const Job &job, const Plan &plan) override { events << QStringLiteral("job %1: %2").arg(job.id, plan.summary); }
    void stepStarted(int index, const Step &) override { events << QStringLiteral("start %1").arg(index); }
    void stepFinished(int index, const Status &s) override { events << QStringLiteral("end %1 %2").arg(index).arg(s.ok() ? "ok" : "failed"); }
};

Plan onePlan(std::function<Status(StepContext &)> action)
{
    Plan p;
    p.summary = QStringLiteral("Do one thing.");
    Step s;
    s.description = QStringLiteral("The thing");
    s.command = {QStringLiteral("true")};
    s.action = std::move(action);
    p.steps << s;
    return p;
}

} // namespace

class TestJobRunner : public QObject
{
    Q_OBJECT
    SnapshotPtr snap = std::make_shared<Snapshot>(fixture::machine());
    fixture::FakeSystem sys{*snap};

    Job job(const QString &id, std::function<Status(const Engine &, Plan *)> prepare)
    {
        Job j;
        j.id = id;
        j.operation = QStringLiteral("Test");
        j.caller = {QStringLiteral(":1.42"), 1000, 4242};
        j.actions = {QLatin1String(polkitActions::modify), QLatin1String(polkitActions::erase)};
        j.request = {{QStringLiteral("array"), QStringLiteral("/dev/md0")}};
        j.prepare = std::move(prepare);
        return j;
    }

private Q_SLOTS:
    void refusedByValidationLeavesNoJournal()
    {
        QTemporaryDir dir;
        JobRunner runner([this] { return snap; }, sys, dir.path());
        const JobRunner::Result r = runner.run(job(QStringLiteral("20261203-000000-000-0002"), [](const Engine &engine, Plan *) {
                                                   // The engine sees the machine the runner took.
                                                   return engine.snapshot().array(QStringLiteral("md0"))
                                                              ? Status::failure(ErrorCode::InUse, QStringLiteral("md0 is busy."))
                                                              : Status();
                                               }), nullptr);
        QCOMPARE(r.status.code(), ErrorCode::InUse);
        QVERIFY(!r.ran);
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
        QVERIFY(runner.running().isEmpty());
    }

    void successIsJournaledStepByStep()
    {
        QTemporaryDir dir;
        JobRunner runner([this] { return snap; }, sys, dir.path());
        Recorder recorder;
        int ran = 0;
        const QString id = QStringLiteral("20261203-000000-000-0003");
        const JobRunner::Result r = runner.run(job(id, [&](const Engine &, Plan *plan) {
                                                   *plan = onePlan([&](StepContext &) {
                                                       ++ran;
                                                       return Status();
                                                   });
                                                   return Status();
                                               }), &recorder);
        QVERIFY2(r.status.ok(), qPrintable(r.status.message()));
        QVERIFY(r.ran);
        QCOMPARE(ran, 1);
        QCOMPARE(recorder.events, (QStringList{QStringLiteral("job %1: Do one thing.").arg(id), QStringLiteral("start 0"), QStringLiteral("end 0 ok")}));
        const QList<JournalSummary> all = Journal::read(dir.path());
        QCOMPARE(all.size(), 1);
        QCOMPARE(all[0].job, id);
        QVERIFY(all[0].finished);
        QVERIFY(all[0].ok);
        QCOMPARE(all[0].stepsFinished, 1);
        QCOMPARE(all[0].steps, QStringList{QStringLiteral("The thing")});
    }

    void oneJobAtATime()
    {
        QTemporaryDir dir;
        JobRunner runner([this] { return snap; }, sys, dir.path());
        QSemaphore inside, release;
        const QString first = QStringLiteral("20261203-000000-000-0004");
        JobRunner::Result firstResult;
        QThread *t = QThread::create([&] {
            firstResult = runner.run(job(first, [&](const Engine &, Plan *plan) {
                                         *plan = onePlan([&](StepContext &) {
                                             inside.release();
                                             release.acquire();
                                             return Status();
                                         });
                                         return Status();
                                     }), nullptr);
        });
        t->start();
        QVERIFY(inside.tryAcquire(1, 10000));
        QCOMPARE(runner.running(), QStringLiteral("%1, Test").arg(first));
        bool secondPrepared = false;
        const JobRunner::Result second = runner.run(job(QStringLiteral("20261203-000000-000-0005"), [&](const Engine &, Plan *) {
                                                        secondPrepared = true;
                                                        return Status();
                                                    }), nullptr);
        QCOMPARE(second.status.code(), ErrorCode::Busy);
        QVERIFY2(second.status.message().contains(first), qPrintable(second.status.message()));
        QVERIFY(!second.ran);
        QVERIFY(!secondPrepared);
        release.release();
        QVERIFY(t->wait(10000));
        delete t;
        QVERIFY(firstResult.status.ok());
        QCOMPARE(Journal::read(dir.path()).size(), 1); // the refused one left nothing
        QVERIFY(runner.running().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"

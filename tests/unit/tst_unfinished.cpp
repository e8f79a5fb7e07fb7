// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Unfinished plans (engine/unfinished.h): a plan is made again from its journal
// exactly as it was, resumed from the first step not done, rolled back step by
// step, and refused whenever that cannot be done safely: another disk under the
// same name, a journal that does not match, a step that cannot be undone.

#include "tst_engine_fixture.h"

#include "engine/devicespec.h"
#include "engine/engine.h"
#include "engine/executor.h"
#include "engine/ops/anyrequest.h"
#include "engine/ops/registry.h"
#include "engine/recordedsystem.h"
#include "engine/unfinished.h"
#include "model/snapshotrecord.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace plexus;
using namespace plexus::fixture;

namespace {

const QString job = QStringLiteral("20261204-010000-000-aaaa");
const Caller caller{QStringLiteral(":1.5"), 1000, 4242};

ReplaceMemberRequest replaceSddWithSdb(const Snapshot &s)
{
    ReplaceMemberRequest r;
    r.array = QStringLiteral("/dev/md0");
    r.oldMember = deviceSpecFor(s, QStringLiteral("/dev/sdd"));
    r.newDevice = deviceSpecFor(s, QStringLiteral("/dev/sdb"));
    r.zeroSuperblock = true;
    return r;
}

} // namespace

class TestUnfinished : public QObject
{
    Q_OBJECT
    Snapshot then = machine();
    QTemporaryDir dir;

    // Journals `request` as the helper's job runner does, then the steps' fate:
    // `done` steps ended well, and the next one started (the helper died there).
    Plan journalJob(const AnyRequest &request, int done, const QVariantMap &data = {})
    {
        const FakeSystem live(then);
        const RecordingSystem answers(live);
        Engine engine(std::make_shared<const Snapshot>(then), answers);
        engine.setStamp(QStringLiteral("20261204-010000"));
        Plan plan;
        const Status made = request.prepare(engine, &plan);
        if (!made)
            qFatal("the plan was refused: %s", qPrintable(made.message()));
        Journal j(dir.path());
        if (!j.begin(job, plan, caller, request.json(), recordMachine(then, answers, engine.stamp())))
            qFatal("cannot journal");
        for (int i = 0; i < done; ++i) {
            j.stepStarted(i);
            j.stepFinished(i, Status(), data);
        }
        j.stepStarted(done);
        return plan;
    }

private Q_SLOTS:
    void init()
    {
        QDir(dir.path()).removeRecursively();
        QDir().mkpath(dir.path());
    }

    // Every field comes back, to the byte: a plan made from it is the same plan.
    void snapshotRecordRoundTrips()
    {
        const QJsonObject record = recordSnapshot(then);
        const Snapshot back = restoreSnapshot(record);
        QCOMPARE(recordSnapshot(back), record);
        QCOMPARE(back.disks.size(), then.disks.size());
        QCOMPARE(back.disk(QStringLiteral("sdc"))->partitions.size(), then.disk(QStringLiteral("sdc"))->partitions.size());
        QCOMPARE(back.disk(QStringLiteral("sdb"))->sizeBytes, TiB);
        QCOMPARE(back.array(QStringLiteral("md1"))->degraded, true);
        QCOMPARE(back.array(QStringLiteral("md0"))->uuid, then.array(QStringLiteral("md0"))->uuid);
        QCOMPARE(back.volumeGroups.size(), 2);
        QCOMPARE(back.mounts.size(), then.mounts.size());
    }

    // The helper died in step 3 (the copy): the plan comes back as it was, and
    // goes on from step 3, which is first checked for whether it took effect.
    void interruptedPlanIsMadeAgainAndResumed()
    {
        const Plan original = journalJob(replaceSddWithSdb(then), 2, {{QStringLiteral("dump"), QByteArray("label: gpt\n")}});
        UnfinishedPlan u;
        EXPECT_OK(loadUnfinished(job, dir.path(), &u));
        QCOMPARE(u.plan.previews(), original.previews());
        QCOMPARE(u.plan.descriptions(), original.descriptions());
        QCOMPARE(u.journal.states.value(0), StepState::Done);
        QCOMPARE(u.journal.states.value(2), StepState::InProgress);
        QVERIFY(u.journal.interrupted());
        QVERIFY(u.actions.contains(QLatin1String(polkitActions::erase))); // it erases the old superblock
        EXPECT_OK(checkSameDevices(u, then));

        const Plan resumed = resumePlan(u);
        QCOMPARE(resumed.startAt, 2);
        QCOMPARE(resumed.carried.value(QStringLiteral("dump")).toByteArray(), QByteArray("label: gpt\n"));
        QVERIFY(resumed.exclusive.isEmpty());
        QVERIFY(resumed.summary.startsWith(QStringLiteral("Resume job %1 from step 3").arg(job)));
        QCOMPARE(resumed.previews(), original.previews());
    }

    // A reboot put another disk under the name the plan uses: nothing runs.
    void anotherDiskUnderTheSameNameIsRefused()
    {
        journalJob(replaceSddWithSdb(then), 1);
        UnfinishedPlan u;
        EXPECT_OK(loadUnfinished(job, dir.path(), &u));
        Snapshot now = then;
        for (Disk &d : now.disks)
            if (d.name == QLatin1String("sdb"))
                d.serial = QStringLiteral("SDI-SERIAL");
            else if (d.name == QLatin1String("sdi"))
                d.serial = QStringLiteral("SDB-SERIAL");
        EXPECT_REFUSAL(checkSameDevices(u, now), ErrorCode::NotFound, "/dev/sdb is not the device job");
        EXPECT_REFUSAL(checkSameDevices(u, now), ErrorCode::NotFound, "(disk SDB-SERIAL is now /dev/sdi)");
        // A disk that has gone is left to the steps to judge.
        Snapshot gone = then;
        gone.disks.removeIf([](const Disk &d) { return d.name == QLatin1String("sdd"); });
        EXPECT_OK(checkSameDevices(u, gone));
    }

    // Rolling back undoes the steps done, last first, between two journal marks.
    void rollBackUndoesWhatWasDone()
    {
        const Plan original = journalJob(replaceSddWithSdb(then), 2);
        UnfinishedPlan u;
        EXPECT_OK(loadUnfinished(job, dir.path(), &u));
        Plan back;
        EXPECT_OK(rollBackPlan(u, QStringLiteral("20261204-020000-000-bbbb"), dir.path(), &back));
        QCOMPARE(back.operation, QLatin1String(rollBackOperation));
        QCOMPARE(back.keptFrom, job);
        const QStringList steps = back.descriptions();
        QVERIFY2(steps.first().contains(QStringLiteral("this job is rolling it back")), qPrintable(steps.join(QLatin1Char('\n'))));
        QVERIFY2(steps.last().contains(QStringLiteral("it was rolled back")), qPrintable(steps.join(QLatin1Char('\n'))));
        // Step 3 (the copy) was running: stopped by failing the new member; step 1 (the spare) removed.
        QVERIFY2(steps.value(1).contains(QStringLiteral("Mark /dev/sdb faulty")), qPrintable(steps.join(QLatin1Char('\n'))));
        QVERIFY2(steps.value(2).contains(QStringLiteral("Clear /dev/sdd's mark for replacement")), qPrintable(steps.join(QLatin1Char('\n'))));
        QVERIFY2(steps.value(3).contains(QStringLiteral("Remove the added device /dev/sdb")), qPrintable(steps.join(QLatin1Char('\n'))));
        QCOMPARE(steps.size(), 5);
    }

    // The new disk pulled in the middle of the copy (the VM's helper_faults_unplug):
    // udev's mdadm -If has taken its member out, and mdadm cannot name a device
    // node that is gone. Rolling back finds nothing to stop or remove for it,
    // rather than failing on it. (No md0 here: to md, sdb is gone.)
    void rollBackWhenTheNewDiskIsGone()
    {
        journalJob(replaceSddWithSdb(then), 2);
        UnfinishedPlan u;
        EXPECT_OK(loadUnfinished(job, dir.path(), &u));
        Plan back;
        EXPECT_OK(rollBackPlan(u, QStringLiteral("20261204-020000-000-bbbb"), dir.path(), &back));
        Plan undo;
        undo.steps = {back.steps.value(1), back.steps.value(3)};
        QVERIFY2(undo.steps[0].description.contains(QStringLiteral("Mark /dev/sdb faulty")), qPrintable(undo.steps[0].description));
        QVERIFY2(undo.steps[1].description.contains(QStringLiteral("Remove the added device /dev/sdb")), qPrintable(undo.steps[1].description));
        undo.steps[0].precondition = {}; // the old member still in service: a live md's to say
        EXPECT_OK(execute(undo, nullptr, nullptr, nullptr));
    }

    // Once the old member's superblock is erased, there is no going back.
    void rollBackRefusedWhenAStepCannotBeUndone()
    {
        const Plan original = journalJob(replaceSddWithSdb(then), 4);
        QCOMPARE(original.steps.size(), 5);
        UnfinishedPlan u;
        EXPECT_OK(loadUnfinished(job, dir.path(), &u));
        Plan back;
        EXPECT_REFUSAL(rollBackPlan(u, QStringLiteral("x"), dir.path(), &back), ErrorCode::Invalid, "step 4 (Remove the replaced member /dev/sdd");
        EXPECT_REFUSAL(rollBackPlan(u, QStringLiteral("x"), dir.path(), &back), ErrorCode::Invalid, "a removed member comes back only as a new one");
    }

    // A journal whose steps were altered is not run: the plan would not be the one shown.
    void alteredJournalIsRefused()
    {
        journalJob(replaceSddWithSdb(then), 1);
        const QString file = dir.filePath(job + QStringLiteral(".jsonl"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        f.close();
        text.replace("--replace /dev/sdd --with /dev/sdb", "--replace /dev/sdd --with /dev/sdi");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        UnfinishedPlan u;
        EXPECT_REFUSAL(loadUnfinished(job, dir.path(), &u), ErrorCode::Invalid, "comes out differently from its journal");
    }

    // Ended well, dropped, or never started: nothing to take up, and it says why.
    void onlyUnfinishedJobsAreTakenUp()
    {
        journalJob(replaceSddWithSdb(then), 1);
        QVERIFY(Journal::drop(job, caller, dir.path()).ok());
        UnfinishedPlan u;
        EXPECT_REFUSAL(loadUnfinished(job, dir.path(), &u), ErrorCode::Invalid, "it was dropped");
        EXPECT_REFUSAL(loadUnfinished(QStringLiteral("20990101-000000-000-ffff"), dir.path(), &u), ErrorCode::NotFound, "no journal");
        EXPECT_REFUSAL(loadUnfinished(QStringLiteral("../../etc/passwd"), dir.path(), &u), ErrorCode::Invalid, "not a job id");
    }

    // A journal from before plans kept their machine cannot be made again: it says what to do instead.
    void journalWithoutMachineIsRefused()
    {
        Plan p;
        p.operation = QStringLiteral("ReplaceMember");
        Step s;
        s.description = QStringLiteral("first");
        p.steps = {s, s};
        Journal j(dir.path());
        QVERIFY(j.begin(job, p, caller, {}).ok());
        j.stepStarted(0);
        UnfinishedPlan u;
        EXPECT_REFUSAL(loadUnfinished(job, dir.path(), &u), ErrorCode::Invalid, "journaled by an older Plexus");
    }
};

QTEST_GUILESS_MAIN(TestUnfinished)
#include "tst_unfinished.moc"

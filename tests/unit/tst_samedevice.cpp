// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The check right before a step that erases a device (engine/samedevice.h):
// identities noted as the plan is made, recorded and replayed with the
// machine, and compared again by the executor; a device that is no longer the
// one the plan was made for is refused and nothing of the step runs.
#include "tst_engine_fixture.h"

#include "engine/engine.h"
#include "engine/executor.h"
#include "engine/journal.h"
#include "engine/ops/registry.h"
#include "engine/recordedsystem.h"
#include "engine/samedevice.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace plexus;
using namespace plexus::fixture;

class TestSameDevice : public QObject
{
    Q_OBJECT
    SnapshotPtr snap = std::make_shared<Snapshot>(machine());

    // A plan of one step that "erases" `file` (it writes into it) as if it were
    // /dev/sdi: the fake leads the file's path to sdi, and the claim opens the
    // file for real.
    struct Scene {
        QTemporaryDir dir;
        QString file = dir.filePath(QStringLiteral("sdi"));
        QStringList ran;
        Plan plan;
    };
    static void setUp(Scene &sc, FakeSystem &sys)
    {
        QFile f(sc.file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("md superblock");
        f.close();
        NodeInfo n;
        n.exists = n.isBlock = true;
        n.canonicalPath = sc.file;
        n.kernelName = QStringLiteral("sdi");
        sys.addNode(sc.file, n);
        Step s;
        s.description = QStringLiteral("Erase the md superblock on /dev/sdi");
        s.command = {QStringLiteral("mdadm"), QStringLiteral("--zero-superblock"), sc.file};
        const QString file = sc.file;
        QStringList *ran = &sc.ran;
        s.action = [file, ran](StepContext &) {
            *ran << file;
            QFile f(file);
            if (!f.open(QIODevice::WriteOnly))
                return Status::failure(ErrorCode::ToolFailed, QStringLiteral("cannot write"));
            f.write("zeroed");
            return Status();
        };
        s.erases = {{sc.file, QStringLiteral("sdi")}};
        sc.plan.operation = QStringLiteral("Test");
        sc.plan.steps = {s};
        noteIdentities(&sc.plan, sys);
    }
    static QByteArray contents(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    // The plans that erase say so, with the device as it was when planned.
    void identitiesNotedWhenPlanned()
    {
        FakeSystem sys(*snap);
        Engine engine(snap, sys);
        ZeroSuperblockRequest r;
        r.device = deviceSpecFor(*snap, QStringLiteral("/dev/sdi"));
        r.device.identity = QStringLiteral("SDI-SERIAL");
        Plan p;
        const Status s = engine.prepare(r, &p);
        QVERIFY2(s.ok(), qPrintable(s.message()));
        QCOMPARE(p.steps.size(), 1);
        QCOMPARE(p.steps[0].erases.size(), 1);
        const Erasure &e = p.steps[0].erases[0];
        QCOMPARE(e.path, QStringLiteral("/dev/sdi"));
        QCOMPARE(e.name, QStringLiteral("sdi"));
        QCOMPARE(e.then.who, QStringLiteral("disk SDI-SERIAL"));
        QCOMPARE(e.then.sizeBytes, TiB);
        QCOMPARE(e.then, sys.identity(QStringLiteral("sdi")));
        // A hot replacement with --zero-old: the last step erases the old member.
        ReplaceMemberRequest replace;
        replace.array = QStringLiteral("/dev/md0");
        replace.oldMember = deviceSpecFor(*snap, QStringLiteral("/dev/sdd"));
        replace.newDevice = deviceSpecFor(*snap, QStringLiteral("/dev/sdb"));
        replace.oldMember.identity = snap->disk(QStringLiteral("sdd"))->identity();
        replace.newDevice.identity = snap->disk(QStringLiteral("sdb"))->identity();
        replace.zeroSuperblock = true;
        QVERIFY(engine.prepare(replace, &p).ok());
        for (int i = 0; i + 1 < p.steps.size(); ++i)
            QVERIFY2(p.steps[i].erases.isEmpty(), qPrintable(p.steps[i].description));
        QCOMPARE(p.steps.last().erases.size(), 1);
        QCOMPARE(p.steps.last().erases[0].name, QStringLiteral("sdd"));
        QCOMPARE(p.steps.last().erases[0].then, sys.identity(QStringLiteral("sdd")));
    }

    // The journal keeps the identities with the machine: a resumed plan
    // compares with the device it was first made for, not the one there now.
    void identitiesRecordedAndReplayed()
    {
        FakeSystem sys(*snap);
        const RecordingSystem recording(sys);
        const DeviceIdentity then = recording.identity(QStringLiteral("sdc1"));
        QVERIFY(then.present());
        QVERIFY(!recording.identity(QStringLiteral("sdz")).present());
        const ReplayedSystem replayed(recording.record());
        QCOMPARE(replayed.identity(QStringLiteral("sdc1")), then);
        QVERIFY(!replayed.identity(QStringLiteral("sdz")).present());
        // A journal from before identities were recorded: none, and nothing missed.
        QVERIFY(!replayed.identity(QStringLiteral("sdb")).present());
        QVERIFY(!replayed.missedAny());
    }

    void sameDeviceRuns()
    {
        FakeSystem sys(*snap);
        Scene sc;
        setUp(sc, sys);
        QVERIFY(sc.plan.steps[0].erases[0].then.present());
        const Status s = execute(sc.plan, nullptr, nullptr, nullptr, &sys);
        QVERIFY2(s.ok(), qPrintable(s.message()));
        QCOMPARE(sc.ran, QStringList{sc.file});
        QCOMPARE(contents(sc.file), QByteArray("zeroed"));
    }

    // Another disk under the name (another serial), another size, another
    // device number, the node leading to another device, the device gone:
    // each refused in words, journaled, and nothing of the step runs.
    void changedDeviceIsRefused_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("words");
        QTest::newRow("another disk") << "serial" << "now it is /dev/sdi (8:128, disk OTHER-SERIAL, 1.00 TiB)";
        QTest::newRow("another size") << "size" << "now it is /dev/sdi (8:128, disk SDI-SERIAL, 96.0 MiB)";
        QTest::newRow("another number") << "number" << "now it is /dev/sdi (253:16, disk SDI-SERIAL, 1.00 TiB)";
        QTest::newRow("another device") << "node" << "now it is /dev/sdb (8:16, disk SDB-SERIAL, 1.00 TiB)";
        QTest::newRow("gone") << "gone" << "is not there any more (it was 8:128, disk SDI-SERIAL, 1.00 TiB). Nothing was erased.";
    }
    void changedDeviceIsRefused()
    {
        QFETCH(QString, change);
        QFETCH(QString, words);
        FakeSystem sys(*snap);
        Scene sc;
        setUp(sc, sys);
        QCOMPARE(sc.plan.steps[0].erases[0].then.words(), QStringLiteral("8:128, disk SDI-SERIAL, 1.00 TiB"));
        DeviceIdentity now = sys.identity(QStringLiteral("sdi"));
        if (change == QLatin1String("serial"))
            now.who = QStringLiteral("disk OTHER-SERIAL");
        else if (change == QLatin1String("size"))
            now.sizeBytes = 96 * MiB;
        else if (change == QLatin1String("number"))
            now.number = QStringLiteral("253:16");
        else if (change == QLatin1String("gone"))
            now = {};
        sys.setIdentity(QStringLiteral("sdi"), now);
        if (change == QLatin1String("node")) {
            NodeInfo n = sys.node(sc.file);
            n.kernelName = QStringLiteral("sdb");
            sys.addNode(sc.file, n);
        }
        QTemporaryDir journalDir;
        Journal j(journalDir.path());
        const QString job = QStringLiteral("20261204-100000-000-abcd");
        QVERIFY(j.begin(job, sc.plan, {}, {}).ok());
        const Status s = execute(sc.plan, &j, nullptr, nullptr, &sys);
        QCOMPARE(s.code(), ErrorCode::NotFound);
        QVERIFY2(s.message().contains(words), qPrintable(s.message()));
        QVERIFY2(s.message().contains(QLatin1String("Nothing was erased.")), qPrintable(s.message()));
        if (change != QLatin1String("gone"))
            QVERIFY2(s.message().contains(QStringLiteral("%1 is no longer the device this plan was made for: then it was /dev/sdi "
                                                         "(8:128, disk SDI-SERIAL, 1.00 TiB)").arg(sc.file)),
                     qPrintable(s.message()));
        QVERIFY(sc.ran.isEmpty());
        QCOMPARE(contents(sc.file), QByteArray("md superblock"));
        const JournalSummary sum = Journal::summarize(journalDir.filePath(job + QStringLiteral(".jsonl")));
        QCOMPARE(sum.states, QList<StepState>{StepState::Failed});
        QCOMPARE(sum.error, QStringLiteral("org.plexus.Error.NotFound"));
        QVERIFY2(sum.message.contains(words), qPrintable(sum.message));
    }

    // The device is claimed again: a node the kernel no longer has cannot be
    // opened, and the step does not run.
    void claimedAgain()
    {
        FakeSystem sys(*snap);
        Scene sc;
        setUp(sc, sys);
        QVERIFY(QFile::remove(sc.file)); // the fake still says the node is sdi
        const Status s = execute(sc.plan, nullptr, nullptr, nullptr, &sys);
        QCOMPARE(s.code(), ErrorCode::NotFound);
        QVERIFY2(s.message().contains(QLatin1String("has gone")) && s.message().contains(QLatin1String("Nothing was erased.")), qPrintable(s.message()));
        QVERIFY(sc.ran.isEmpty());
        QVERIFY(!QFile::exists(sc.file));
    }

    // A device an earlier step makes (a new partition) has no identity to
    // compare: it must be there and free when its step comes.
    void madeByThePlan()
    {
        FakeSystem sys(*snap);
        Scene sc;
        setUp(sc, sys);
        sc.plan.steps[0].erases[0].then = {};
        QVERIFY(execute(sc.plan, nullptr, nullptr, nullptr, &sys).ok());
        QCOMPARE(sc.ran.size(), 1);
        sys.setIdentity(QStringLiteral("sdi"), {});
        const Status s = execute(sc.plan, nullptr, nullptr, nullptr, &sys);
        QCOMPARE(s.code(), ErrorCode::NotFound);
        QVERIFY2(s.message().contains(QLatin1String("is not there any more (it was to be made by this plan)")), qPrintable(s.message()));
        QCOMPARE(sc.ran.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSameDevice)
#include "tst_samedevice.moc"

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The md sysfs probe against fixture trees (tests/fixtures/sysfs/<scenario>/):
// what an administrator would check per scenario, plus broken and vanishing trees.
#include "probe/mdsysfsprobe.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace plexus;

Q_DECLARE_METATYPE(plexus::ArrayState)
Q_DECLARE_METATYPE(plexus::SyncAction)
Q_DECLARE_METATYPE(plexus::SyncStatus)

namespace {

const QString fixtures = QStringLiteral(PLEXUS_FIXTURES "/sysfs");

QString scenario(const QString &name) { return fixtures + QLatin1Char('/') + name; }

// Copies a fixture into `dir` so a test can break it.
bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        const QString dst = to + src.mid(from.size());
        if (it.fileInfo().isDir()) {
            if (!QDir().mkpath(dst))
                return false;
        } else if (!QDir().mkpath(QFileInfo(dst).path()) || !QFile::copy(src, dst)) {
            return false;
        }
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

// Probes a single-array scenario; fails the test on warnings or a wrong count.
Array onlyArray(const QString &root, QStringList *warnings = nullptr)
{
    QStringList w;
    const QList<Array> arrays = MdSysfsProbe(root).arrays(&w);
    if (warnings)
        *warnings = w;
    else if (!w.isEmpty())
        qWarning() << "unexpected warnings:" << w;
    return arrays.size() == 1 ? arrays.first() : Array{};
}

const Member &memberOf(const Array &a, const char *device)
{
    static const Member none;
    const Member *m = a.member(QString::fromLatin1(device));
    return m ? *m : none;
}

} // namespace

class TestMdSysfsProbe : public QObject
{
    Q_OBJECT

    // A writable copy of a scenario; md0's md dir is `md`.
    struct Copy {
        QTemporaryDir dir;
        QString root;
        QString md(const QString &array = QStringLiteral("md0")) const { return root + QStringLiteral("/sys/block/") + array + QStringLiteral("/md"); }
    };
    static std::unique_ptr<Copy> copyOf(const QString &name)
    {
        auto c = std::make_unique<Copy>();
        c->root = c->dir.path();
        if (!copyTree(scenario(name), c->root))
            return nullptr;
        return c;
    }

private Q_SLOTS:
    // Every scenario reads without a single warning and has an array.
    void everyScenarioReadsCleanly_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList names = QDir(fixtures).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY(names.size() >= 11);
        for (const QString &n : names)
            QTest::newRow(qPrintable(n)) << n;
    }
    void everyScenarioReadsCleanly()
    {
        QFETCH(QString, name);
        QStringList warnings;
        const QList<Array> arrays = MdSysfsProbe(scenario(name)).arrays(&warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        QVERIFY(!arrays.isEmpty());
        for (const Array &a : arrays) {
            QVERIFY(!a.members.isEmpty());
            QVERIFY(!a.arrayStateWord.isEmpty());
        }
    }

    void healthyRaid1()
    {
        const Array a = onlyArray(scenario(QStringLiteral("healthy-raid1")));
        QCOMPARE(a.name, QStringLiteral("md0"));
        QCOMPARE(a.level, QStringLiteral("raid1"));
        QCOMPARE(toString(a.state), toString(ArrayState::Active));
        QCOMPARE(a.arrayStateWord, QStringLiteral("clean"));
        QCOMPARE(a.raidDisks, 2);
        QCOMPARE(a.activeDisks, 2);
        QCOMPARE(a.degradedCount, 0);
        QVERIFY(!a.degraded);
        QCOMPARE(a.missingCount(), 0);
        QCOMPARE(a.sizeKib, Q_INT64_C(2094080));
        QCOMPARE(a.metadata, QStringLiteral("1.2"));
        QVERIFY(!a.chunkKib);  // raid1 has no chunks
        QVERIFY(!a.layout);
        QCOMPARE(a.uuid, QStringLiteral("3f1c9a2e-7b41-4c0d-9e55-0a8b6d2c41f7"));
        QCOMPARE(a.memberStatus, QStringLiteral("UU"));
        QCOMPARE(a.mismatchCount, Q_INT64_C(0));
        QCOMPARE(a.syncSpeedMin, Q_INT64_C(1000));
        QCOMPARE(a.syncSpeedMax, Q_INT64_C(200000));
        QVERIFY(!a.sync);
        QVERIFY(a.bitmap);
        QCOMPARE(a.bitmap->chunkBytes, Q_INT64_C(67108864));
        QCOMPARE(a.members.size(), 2);
        QCOMPARE(a.members[0].device, QStringLiteral("sda1"));
        QCOMPARE(a.members[1].device, QStringLiteral("sdb1"));
        for (const Member &m : a.members) {
            QVERIFY(m.inSync);
            QVERIFY(!m.faulty && !m.spare && !m.replacement && !m.writeMostly);
            QCOMPARE(m.errors, Q_INT64_C(0));
            QCOMPARE(m.rawState, QStringList{QStringLiteral("in_sync")});
        }
        QCOMPARE(a.members[0].slot, 0);
        QCOMPARE(a.members[1].slot, 1);
        QCOMPARE(a.members[1].index, 1);
    }

    void degradedRaid5()
    {
        const Array a = onlyArray(scenario(QStringLiteral("degraded-raid5")));
        QCOMPARE(a.level, QStringLiteral("raid5"));
        QCOMPARE(toString(a.state), toString(ArrayState::Active));
        QVERIFY(a.degraded);
        QCOMPARE(a.degradedCount, 1);
        QCOMPARE(a.missingCount(), 1);
        QCOMPARE(a.raidDisks, 4);
        QCOMPARE(a.activeDisks, 3);
        QCOMPARE(a.memberStatus, QStringLiteral("UU_U"));
        QCOMPARE(a.chunkKib, 512);
        QCOMPARE(a.layout, 2);
        QCOMPARE(a.sizeKib, Q_INT64_C(6282240));
        QCOMPARE(a.members.size(), 4); // the failed member is still listed
        const Member &sdc = memberOf(a, "sdc1");
        QVERIFY(sdc.faulty);
        QVERIFY(!sdc.spare);  // a faulty device is not a spare, even without a slot
        QVERIFY(!sdc.inSync);
        QVERIFY(!sdc.slot);
        QCOMPARE(sdc.index, -1);
        QCOMPARE(a.members.last().device, QStringLiteral("sdc1")); // slotless members last
        QCOMPARE(memberOf(a, "sdd1").slot, 3);
        QVERIFY(!a.sync);
    }

    void resyncingRaid1()
    {
        const Array a = onlyArray(scenario(QStringLiteral("resyncing-raid1")));
        QCOMPARE(a.arrayStateWord, QStringLiteral("active"));
        QVERIFY(!a.degraded);
        QCOMPARE(a.memberStatus, QStringLiteral("UU"));
        QVERIFY(a.sync);
        QCOMPARE(toString(a.sync->action), toString(SyncAction::Resync));
        QCOMPARE(toString(a.sync->status), toString(SyncStatus::Running));
        QCOMPARE(a.sync->doneKib, Q_INT64_C(661504));
        QCOMPARE(a.sync->totalKib, Q_INT64_C(2094080));
        QCOMPARE(a.sync->percent, 31.5); // as mdstat prints it
        QCOMPARE(a.sync->speedKibPerSec, Q_INT64_C(28672));
        QCOMPARE(a.sync->finishMinutes, 0.8);
    }

    void recoveringRaid1()
    {
        const Array a = onlyArray(scenario(QStringLiteral("recovering-raid1")));
        QVERIFY(a.degraded);
        QCOMPARE(a.activeDisks, 1);
        QCOMPARE(a.memberStatus, QStringLiteral("U_"));
        QVERIFY(!a.member(QStringLiteral("sdb1"))); // the dead disk is gone
        const Member &sdc = memberOf(a, "sdc1");
        QCOMPARE(sdc.slot, 1);        // rebuilding into slot 1
        QVERIFY(!sdc.inSync);
        QVERIFY(!sdc.spare);          // kernel says "spare", but it holds a slot
        QCOMPARE(sdc.rawState, QStringList{QStringLiteral("spare")});
        QCOMPARE(sdc.index, -1);
        QVERIFY(a.sync);
        QCOMPARE(toString(a.sync->action), toString(SyncAction::Recovery));
        QCOMPARE(a.sync->percent, 12.5);
        QCOMPARE(a.sync->doneKib, Q_INT64_C(262144));
        QCOMPARE(a.sync->speedKibPerSec, Q_INT64_C(51200));
        QCOMPARE(a.sync->finishMinutes, 0.5);
    }

    void faultyMember()
    {
        const Array a = onlyArray(scenario(QStringLiteral("faulty-member")));
        QCOMPARE(a.level, QStringLiteral("raid10"));
        QCOMPARE(a.raid10Layout, QStringLiteral("2 near-copies"));
        QVERIFY(!a.layout); // the number is raid10's packed copies, not a parity algorithm
        QCOMPARE(a.chunkKib, 512);
        QCOMPARE(a.memberStatus, QStringLiteral("UU_U"));
        QCOMPARE(a.activeDisks, 3);
        const Member &sdc = memberOf(a, "sdc1");
        QVERIFY(sdc.faulty);
        QVERIFY(sdc.writeError);
        QCOMPARE(sdc.errors, Q_INT64_C(3));
        QCOMPARE(sdc.rawState, (QStringList{QStringLiteral("faulty"), QStringLiteral("write_error")}));
        const Member &sdb = memberOf(a, "sdb1");
        QVERIFY(sdb.inSync && !sdb.faulty);
        QCOMPARE(sdb.errors, Q_INT64_C(5)); // corrected read errors: healthy but worth a look
    }

    void spare()
    {
        const Array a = onlyArray(scenario(QStringLiteral("spare")));
        QCOMPARE(a.raidDisks, 3);
        QCOMPARE(a.activeDisks, 3);
        QVERIFY(!a.degraded);
        QCOMPARE(a.memberStatus, QStringLiteral("UUU"));
        QCOMPARE(a.members.size(), 4);
        const Member &sdd = memberOf(a, "sdd1");
        QVERIFY(sdd.spare);
        QVERIFY(!sdd.slot);
        QVERIFY(!sdd.inSync && !sdd.faulty);
        QCOMPARE(sdd.index, -1);
    }

    void inactive()
    {
        const Array a = onlyArray(scenario(QStringLiteral("inactive")));
        QCOMPARE(a.name, QStringLiteral("md127"));
        QCOMPARE(toString(a.state), toString(ArrayState::Inactive));
        QCOMPARE(a.arrayStateWord, QStringLiteral("inactive"));
        QVERIFY(!a.level);
        QVERIFY(!a.raidDisks);
        QVERIFY(!a.activeDisks);
        QVERIFY(!a.sizeKib);
        QVERIFY(!a.degradedCount);
        QVERIFY(!a.degraded);
        QVERIFY(!a.sync);
        QVERIFY(!a.bitmap);
        QVERIFY(a.uuid.isEmpty()); // all zeros until assembled
        QCOMPARE(a.metadata, QStringLiteral("1.2"));
        QVERIFY(a.memberStatus.isEmpty());
        QCOMPARE(a.members.size(), 2);
        for (const Member &m : a.members) {
            QVERIFY(m.spare);
            QVERIFY(!m.slot);
        }
    }

    void checkRaid6()
    {
        const Array a = onlyArray(scenario(QStringLiteral("check-raid6")));
        QCOMPARE(a.level, QStringLiteral("raid6"));
        QCOMPARE(a.mismatchCount, Q_INT64_C(128));
        QCOMPARE(a.memberStatus, QStringLiteral("UUUU"));
        QVERIFY(a.sync);
        QCOMPARE(toString(a.sync->action), toString(SyncAction::Check));
        QCOMPARE(toString(a.sync->status), toString(SyncStatus::Running));
        QCOMPARE(a.sync->percent, 62.4);
        QCOMPARE(a.sync->doneKib, Q_INT64_C(1308672));
        QCOMPARE(a.sync->totalKib, Q_INT64_C(2094080));
        QCOMPARE(a.sync->speedKibPerSec, Q_INT64_C(40960));
        QCOMPARE(a.sync->finishMinutes, 0.3);
    }

    void reshapeRaid5()
    {
        const Array a = onlyArray(scenario(QStringLiteral("reshape-raid5")));
        QCOMPARE(a.raidDisks, 5); // "5 (4)": the new count
        QCOMPARE(a.activeDisks, 5);
        QCOMPARE(a.memberStatus, QStringLiteral("UUUUU"));
        QCOMPARE(a.sizeKib, Q_INT64_C(6282240)); // still the old size until it ends
        QVERIFY(!a.bitmap);
        QCOMPARE(memberOf(a, "sde1").slot, 4);
        QVERIFY(a.sync);
        QCOMPARE(toString(a.sync->action), toString(SyncAction::Reshape));
        QCOMPARE(a.sync->percent, 18.7);
        QCOMPARE(a.sync->finishMinutes, 2.7);
    }

    void replacementRaid1()
    {
        const Array a = onlyArray(scenario(QStringLiteral("replacement-raid1")));
        QVERIFY(!a.degraded); // hot replacement keeps both copies
        QCOMPARE(a.activeDisks, 2);
        QCOMPARE(a.memberStatus, QStringLiteral("UU"));
        const Member &old = memberOf(a, "sdb1");
        QVERIFY(old.wantReplacement);
        QVERIFY(old.inSync);
        QCOMPARE(old.errors, Q_INT64_C(27));
        const Member &repl = memberOf(a, "sdc1");
        QVERIFY(repl.replacement);
        QVERIFY(!repl.spare);
        QVERIFY(!repl.inSync);
        QCOMPARE(repl.slot, 1); // the slot of the member it replaces
        QCOMPARE(repl.index, 1);
        // Slot order, the replacement after the member it replaces.
        QCOMPARE(a.members[1].device, QStringLiteral("sdb1"));
        QCOMPARE(a.members[2].device, QStringLiteral("sdc1"));
        QVERIFY(a.sync);
        QCOMPARE(toString(a.sync->action), toString(SyncAction::Recovery));
        QCOMPARE(a.sync->percent, 37.5);
    }

    void mixedMachine()
    {
        QStringList warnings;
        const QList<Array> arrays = MdSysfsProbe(scenario(QStringLiteral("mixed"))).arrays(&warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        QStringList names;
        for (const Array &a : arrays)
            names << a.name;
        QCOMPARE(names, (QStringList{QStringLiteral("md0"), QStringLiteral("md1"), QStringLiteral("md2"),
                                     QStringLiteral("md3"), QStringLiteral("md4")}));
        const Array &boot = arrays[0];
        QCOMPARE(boot.metadata, QStringLiteral("0.90"));
        QCOMPARE(boot.sizeKib, Q_INT64_C(1048512));
        QVERIFY(!boot.sync && !boot.bitmap);

        const Array &root = arrays[1];
        QVERIFY(root.member(QStringLiteral("sdb2"))->writeMostly);
        QCOMPARE(toString(root.sync->action), toString(SyncAction::Resync));
        QCOMPARE(root.sync->percent, 29.9);
        QCOMPARE(root.sync->finishMinutes, 8.1);

        const Array &srv = arrays[2]; // waits for md1, which shares its disks
        QVERIFY(srv.sync);
        QCOMPARE(toString(srv.sync->status), toString(SyncStatus::Delayed));
        QVERIFY(!srv.sync->percent);
        QVERIFY(!srv.sync->finishMinutes);

        const Array &scratch = arrays[3];
        QCOMPARE(scratch.level, QStringLiteral("raid0"));
        QCOMPARE(scratch.chunkKib, 512);
        QCOMPARE(scratch.activeDisks, 2);
        QVERIFY(!scratch.degradedCount); // raid0 has no md/degraded
        QVERIFY(!scratch.mismatchCount);
        QVERIFY(!scratch.sync);
        QVERIFY(scratch.memberStatus.isEmpty());
        QCOMPARE(scratch.sizeKib, Q_INT64_C(33519616));

        const Array &data = arrays[4];
        QCOMPARE(toString(data.state), toString(ArrayState::AutoReadOnly));
        QCOMPARE(data.arrayStateWord, QStringLiteral("read-auto"));
        QVERIFY(data.sync);
        QCOMPARE(toString(data.sync->action), toString(SyncAction::Resync));
        QCOMPARE(toString(data.sync->status), toString(SyncStatus::Pending));
        QCOMPARE(data.sizeKib, Q_INT64_C(7813769216));
    }

    void oneArrayByName()
    {
        const MdSysfsProbe probe(scenario(QStringLiteral("mixed")));
        const auto md3 = probe.array(QStringLiteral("md3"));
        QVERIFY(md3);
        QCOMPARE(md3->level, QStringLiteral("raid0"));
        QVERIFY(!probe.array(QStringLiteral("md9")));
        QVERIFY(!probe.array(QStringLiteral("sda"))); // a disk, not an array
        QCOMPARE(probe.mdDir(QStringLiteral("md3")), scenario(QStringLiteral("mixed")) + QStringLiteral("/sys/block/md3/md"));
        QCOMPARE(MdSysfsProbe().mdDir(QStringLiteral("md0")), QStringLiteral("/sys/block/md0/md"));
        QCOMPARE(MdSysfsProbe(scenario(QStringLiteral("mixed")) + QLatin1Char('/')).mdDir(QStringLiteral("md3")),
                 probe.mdDir(QStringLiteral("md3")));
    }

    void emptyTrees()
    {
        QTemporaryDir dir;
        QStringList warnings;
        QVERIFY(MdSysfsProbe(dir.path()).arrays(&warnings).isEmpty()); // no sys/ at all
        QVERIFY(MdSysfsProbe(dir.path() + QStringLiteral("/does-not-exist")).arrays(&warnings).isEmpty());
        QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/sys/block/sda")));
        QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/sys/block/md0"))); // md node without md/: not an array
        QVERIFY(MdSysfsProbe(dir.path()).arrays(&warnings).isEmpty());
        QVERIFY(warnings.isEmpty());
    }

    // Files that cannot be read leave their field empty and say so; the rest is read.
    void missingFilesWarn()
    {
        auto c = copyOf(QStringLiteral("healthy-raid1"));
        QVERIFY(c);
        for (const char *f : {"degraded", "sync_action", "uuid", "dev-sdb1/state"})
            QVERIFY(QFile::remove(c->md() + QLatin1Char('/') + QLatin1String(f)));
        QVERIFY(writeFile(c->md() + QStringLiteral("/mismatch_cnt"), "banana\n"));
        QStringList warnings;
        const Array a = onlyArray(c->root, &warnings);
        QCOMPARE(a.level, QStringLiteral("raid1"));
        QVERIFY(!a.degradedCount);
        QVERIFY(!a.sync);
        QVERIFY(!a.mismatchCount);
        QVERIFY(a.uuid.isEmpty());
        QCOMPARE(a.activeDisks, 1); // counted from the members: sdb1's state is unknown
        QCOMPARE(a.members.size(), 2);
        QVERIFY(memberOf(a, "sdb1").rawState.isEmpty());
        QCOMPARE(memberOf(a, "sdb1").slot, 1);
        const QString all = warnings.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("md/degraded")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("md/sync_action")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("dev-sdb1/state")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("mismatch_cnt: unexpected content 'banana'")), qPrintable(all));
        QVERIFY2(!all.contains(QLatin1String("uuid")), qPrintable(all)); // old kernels have none
        QCOMPARE(warnings.size(), 4);
    }

    void unreadableArrayStateFallsBack()
    {
        auto c = copyOf(QStringLiteral("inactive"));
        QVERIFY(c);
        QVERIFY(QFile::remove(c->md(QStringLiteral("md127")) + QStringLiteral("/array_state")));
        QStringList warnings;
        const Array a = onlyArray(c->root, &warnings);
        QCOMPARE(toString(a.state), toString(ArrayState::Inactive)); // no level, so no personality runs
        QCOMPARE(warnings.size(), 1);
    }

    // mdadm --remove took the member away before we looked: just one member less.
    void memberDirRemoved()
    {
        auto c = copyOf(QStringLiteral("degraded-raid5"));
        QVERIFY(c);
        QVERIFY(QDir(c->md() + QStringLiteral("/dev-sdc1")).removeRecursively());
        QStringList warnings;
        const Array a = onlyArray(c->root, &warnings);
        QVERIFY(warnings.isEmpty());
        QCOMPARE(a.members.size(), 3);
        QVERIFY(!a.member(QStringLiteral("sdc1")));
        QCOMPARE(a.memberStatus, QStringLiteral("UU_U"));
    }

    // ... or while we read it: listed, then gone. A dangling link stands in for that.
    void memberVanishesWhileReading()
    {
        auto c = copyOf(QStringLiteral("degraded-raid5"));
        QVERIFY(c);
        const QString dev = c->md() + QStringLiteral("/dev-sdc1");
        QVERIFY(QDir(dev).removeRecursively());
        QVERIFY(QFile::link(c->root + QStringLiteral("/gone"), dev));
        QStringList warnings;
        const Array a = onlyArray(c->root, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        QCOMPARE(a.members.size(), 3);
    }

    void arrayVanishesWhileReading()
    {
        auto c = copyOf(QStringLiteral("healthy-raid1"));
        QVERIFY(c);
        QVERIFY(QFile::link(c->root + QStringLiteral("/gone"), c->root + QStringLiteral("/sys/block/md9")));
        QStringList warnings;
        const QList<Array> arrays = MdSysfsProbe(c->root).arrays(&warnings);
        QCOMPARE(arrays.size(), 1);
        QVERIFY(warnings.isEmpty());
    }

    void arrayStateWords_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<ArrayState>("state");
        QTest::newRow("clean") << "clean" << ArrayState::Active;
        QTest::newRow("active") << "active" << ArrayState::Active;
        QTest::newRow("active-idle") << "active-idle" << ArrayState::Active;
        QTest::newRow("write-pending") << "write-pending" << ArrayState::Active;
        QTest::newRow("readonly") << "readonly" << ArrayState::ReadOnly;
        QTest::newRow("read-auto") << "read-auto" << ArrayState::AutoReadOnly;
        QTest::newRow("broken") << "broken" << ArrayState::Broken;
        QTest::newRow("inactive") << "inactive" << ArrayState::Inactive;
        QTest::newRow("clear") << "clear" << ArrayState::Inactive;
    }
    void arrayStateWords()
    {
        QFETCH(QString, word);
        QFETCH(ArrayState, state);
        auto c = copyOf(QStringLiteral("healthy-raid1"));
        QVERIFY(c);
        QVERIFY(writeFile(c->md() + QStringLiteral("/array_state"), word.toUtf8() + '\n'));
        const Array a = onlyArray(c->root);
        QCOMPARE(toString(a.state), toString(state));
        QCOMPARE(a.arrayStateWord, word);
    }

    void raid10Layouts_data()
    {
        QTest::addColumn<QByteArray>("layout");
        QTest::addColumn<QString>("text");
        QTest::newRow("n2") << QByteArray("258") << "2 near-copies";
        QTest::newRow("n3") << QByteArray("259") << "3 near-copies";
        QTest::newRow("f2") << QByteArray("513") << "2 far-copies";
        QTest::newRow("o2") << QByteArray("66049") << "2 offset-copies";
        QTest::newRow("n2f2") << QByteArray("514") << "2 near-copies 2 far-copies";
    }
    void raid10Layouts()
    {
        QFETCH(QByteArray, layout);
        QFETCH(QString, text);
        auto c = copyOf(QStringLiteral("faulty-member"));
        QVERIFY(c);
        QVERIFY(writeFile(c->md() + QStringLiteral("/layout"), layout + '\n'));
        QCOMPARE(onlyArray(c->root).raid10Layout, text);
    }

    // The percentage is the kernel's per-mille: rounded down, never up to 100 early.
    void percentRoundsDownLikeTheKernel()
    {
        auto c = copyOf(QStringLiteral("resyncing-raid1"));
        QVERIFY(c);
        QVERIFY(writeFile(c->md() + QStringLiteral("/sync_completed"), "4187136 / 4188160\n"));
        QVERIFY(writeFile(c->md() + QStringLiteral("/sync_speed"), "none\n"));
        const Array a = onlyArray(c->root);
        QVERIFY(a.sync);
        QCOMPARE(a.sync->percent, 99.9);
        QCOMPARE(a.sync->doneKib, Q_INT64_C(2093568));
        QVERIFY(!a.sync->speedKibPerSec);
        QVERIFY(!a.sync->finishMinutes); // no rate, no estimate
    }

    void otherSyncStates_data()
    {
        QTest::addColumn<QByteArray>("action");
        QTest::addColumn<QByteArray>("completed");
        QTest::addColumn<bool>("hasSync");
        QTest::addColumn<SyncAction>("expectedAction");
        QTest::addColumn<SyncStatus>("status");
        QTest::newRow("repair") << QByteArray("repair") << QByteArray("100 / 4188160") << true << SyncAction::Repair << SyncStatus::Running;
        QTest::newRow("recover delayed") << QByteArray("recover") << QByteArray("delayed") << true << SyncAction::Recovery << SyncStatus::Delayed;
        QTest::newRow("not started yet") << QByteArray("resync") << QByteArray("none") << true << SyncAction::Resync << SyncStatus::Pending;
        QTest::newRow("frozen") << QByteArray("frozen") << QByteArray("none") << false << SyncAction::Resync << SyncStatus::Running;
        QTest::newRow("idle") << QByteArray("idle") << QByteArray("none") << false << SyncAction::Resync << SyncStatus::Running;
    }
    void otherSyncStates()
    {
        QFETCH(QByteArray, action);
        QFETCH(QByteArray, completed);
        QFETCH(bool, hasSync);
        QFETCH(SyncAction, expectedAction);
        QFETCH(SyncStatus, status);
        auto c = copyOf(QStringLiteral("healthy-raid1"));
        QVERIFY(c);
        QVERIFY(writeFile(c->md() + QStringLiteral("/sync_action"), action + '\n'));
        QVERIFY(writeFile(c->md() + QStringLiteral("/sync_completed"), completed + '\n'));
        const Array a = onlyArray(c->root);
        QCOMPARE(a.sync.has_value(), hasSync);
        if (!hasSync)
            return;
        QCOMPARE(toString(a.sync->action), toString(expectedAction));
        QCOMPARE(toString(a.sync->status), toString(status));
    }

    void localSpeedLimitsAndOddNames()
    {
        auto c = copyOf(QStringLiteral("healthy-raid1"));
        QVERIFY(c);
        QVERIFY(writeFile(c->md() + QStringLiteral("/sync_speed_min"), "50000 (local)\n"));
        QVERIFY(writeFile(c->md() + QStringLiteral("/metadata_version"), "none\n"));
        QVERIFY(writeFile(c->md() + QStringLiteral("/level"), "1\n")); // a number, as written before a run
        // cciss-style names carry '/', which sysfs spells '!'.
        QVERIFY(QDir().rename(c->md() + QStringLiteral("/dev-sdb1"), c->md() + QStringLiteral("/dev-cciss!c0d0p1")));
        const Array a = onlyArray(c->root);
        QCOMPARE(a.syncSpeedMin, Q_INT64_C(50000));
        QCOMPARE(a.metadata, QStringLiteral("non-persistent"));
        QCOMPARE(a.level, QStringLiteral("raid1"));
        QVERIFY(a.member(QStringLiteral("cciss/c0d0p1")));
    }

    void journalMember()
    {
        auto c = copyOf(QStringLiteral("spare"));
        QVERIFY(c);
        QVERIFY(writeFile(c->md() + QStringLiteral("/dev-sdd1/state"), "journal\n"));
        QVERIFY(writeFile(c->md() + QStringLiteral("/dev-sdd1/slot"), "journal\n"));
        const Array a = onlyArray(c->root);
        const Member &j = memberOf(a, "sdd1");
        QVERIFY(j.journal);
        QVERIFY(!j.spare);
        QVERIFY(!j.slot);
        QCOMPARE(a.activeDisks, 3);
    }

    void naturalNameOrder()
    {
        auto c = copyOf(QStringLiteral("healthy-raid1"));
        QVERIFY(c);
        const QString block = c->root + QStringLiteral("/sys/block/");
        for (const char *n : {"md10", "md2", "md127"})
            QVERIFY(copyTree(block + QStringLiteral("md0"), block + QLatin1String(n)));
        QStringList names;
        for (const Array &a : MdSysfsProbe(c->root).arrays())
            names << a.name;
        QCOMPARE(names, (QStringList{QStringLiteral("md0"), QStringLiteral("md2"), QStringLiteral("md10"), QStringLiteral("md127")}));
    }
};

QTEST_GUILESS_MAIN(TestMdSysfsProbe)
#include "tst_mdsysfsprobe.moc"

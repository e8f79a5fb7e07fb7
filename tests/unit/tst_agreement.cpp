// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// sysfs and /proc/mdstat must tell the same story: for every fixture scenario
// (tests/fixtures/sysfs/<scenario>/, each with its matching proc/mdstat), and a
// deliberate difference must come out as a sentence naming the field.
#include "probe/agreement.h"
#include "probe/mdstatparser.h"
#include "probe/mdsysfsprobe.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace plexus;

namespace {

const QString fixtures = QStringLiteral(PLEXUS_FIXTURES "/sysfs");

bool readMdstat(const QString &root, MdstatContents *out, QString *error)
{
    QFile f(root + QStringLiteral("/proc/mdstat"));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return false;
    }
    return parseMdstat(QString::fromUtf8(f.readAll()), out, error);
}

const Array *named(const QList<Array> &arrays, const QString &name)
{
    for (const Array &a : arrays)
        if (a.name == name)
            return &a;
    return nullptr;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        const QString dst = to + src.mid(from.size());
        const bool ok = it.fileInfo().isDir() ? QDir().mkpath(dst)
                                              : QDir().mkpath(QFileInfo(dst).path()) && QFile::copy(src, dst);
        if (!ok)
            return false;
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

// A healthy raid1 as both sources would describe it.
Array raid1()
{
    Array a;
    a.name = QStringLiteral("md0");
    a.level = QStringLiteral("raid1");
    a.raidDisks = 2;
    a.activeDisks = 2;
    a.degradedCount = 0;
    a.sizeKib = 2094080;
    a.metadata = QStringLiteral("1.2");
    a.memberStatus = QStringLiteral("UU");
    for (const char *dev : {"sda1", "sdb1"}) {
        Member m;
        m.device = QString::fromLatin1(dev);
        m.slot = int(a.members.size());
        m.inSync = true;
        a.members.append(m);
    }
    return a;
}

SyncProgress sync(SyncAction action, SyncStatus status = SyncStatus::Running)
{
    SyncProgress p;
    p.action = action;
    p.status = status;
    return p;
}

} // namespace

class TestAgreement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyScenarioAgrees_data()
    {
        QTest::addColumn<QString>("root");
        const QStringList names = QDir(fixtures).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY(names.size() >= 11);
        for (const QString &n : names)
            QTest::newRow(qPrintable(n)) << fixtures + QLatin1Char('/') + n;
    }
    void everyScenarioAgrees()
    {
        QFETCH(QString, root);
        MdstatContents mdstat;
        QString error;
        QVERIFY2(readMdstat(root, &mdstat, &error), qPrintable(error));
        QStringList warnings;
        const QList<Array> sysfs = MdSysfsProbe(root).arrays(&warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        QCOMPARE(sysfs.size(), mdstat.arrays.size());
        for (const Array &m : mdstat.arrays) {
            const Array *s = named(sysfs, m.name);
            QVERIFY2(s, qPrintable(m.name + QStringLiteral(" is in mdstat only")));
            const QStringList diff = disagreements(*s, m);
            QVERIFY2(diff.isEmpty(), qPrintable(m.name + QStringLiteral(": ") + diff.join(QStringLiteral("; "))));
            QCOMPARE(s->members.size(), m.members.size());
        }
    }

    // Beyond "no disagreement": progress numbers read from both are the same.
    void progressNumbersMatch_data() { everyScenarioAgrees_data(); }
    void progressNumbersMatch()
    {
        QFETCH(QString, root);
        MdstatContents mdstat;
        QString error;
        QVERIFY2(readMdstat(root, &mdstat, &error), qPrintable(error));
        const QList<Array> sysfs = MdSysfsProbe(root).arrays();
        for (const Array &m : mdstat.arrays) {
            const Array *s = named(sysfs, m.name);
            QVERIFY(s);
            QCOMPARE(s->sync.has_value(), m.sync.has_value());
            if (!m.sync || m.sync->status != SyncStatus::Running)
                continue;
            QCOMPARE(s->sync->percent, m.sync->percent);
            QCOMPARE(s->sync->doneKib, m.sync->doneKib);
            QCOMPARE(s->sync->totalKib, m.sync->totalKib);
            QCOMPARE(s->sync->speedKibPerSec, m.sync->speedKibPerSec);
            QCOMPARE(s->sync->finishMinutes, m.sync->finishMinutes);
        }
    }

    void identicalArraysAgree()
    {
        QVERIFY(disagreements(raid1(), raid1()).isEmpty());
    }

    void eachFieldIsReportedInWords()
    {
        Array s = raid1(), m = raid1();
        m.level = QStringLiteral("raid10");
        m.raidDisks = 3;
        m.activeDisks = 1;
        m.degraded = true;
        m.sizeKib = 1000;
        m.metadata = QStringLiteral("0.90");
        s.chunkKib = 64;
        m.chunkKib = 512;
        m.memberStatus = QStringLiteral("U_");
        const QStringList d = disagreements(s, m);
        const QStringList expected = {
            QStringLiteral("level: sysfs says raid1, /proc/mdstat says raid10"),
            QStringLiteral("raid_disks: sysfs says 2, /proc/mdstat says 3"),
            QStringLiteral("active_disks: sysfs says 2, /proc/mdstat says 1"),
            QStringLiteral("degraded: sysfs says no, /proc/mdstat says yes"),
            QStringLiteral("size (KiB): sysfs says 2094080, /proc/mdstat says 1000"),
            QStringLiteral("metadata: sysfs says 1.2, /proc/mdstat says 0.90"),
            QStringLiteral("chunk (KiB): sysfs says 64, /proc/mdstat says 512"),
            QStringLiteral("member status: sysfs says UU, /proc/mdstat says U_"),
        };
        QCOMPARE(d, expected);
    }

    // A field one source does not know is not a disagreement.
    void unknownFieldsAreSkipped()
    {
        Array s = raid1(), m = raid1();
        s.sizeKib.reset();        // inactive arrays have no size in sysfs
        m.level.reset();
        s.memberStatus.clear();
        m.metadata.reset();
        m.chunkKib = 512;
        QVERIFY(disagreements(s, m).isEmpty());
    }

    void states_data()
    {
        QTest::addColumn<int>("sysfs");
        QTest::addColumn<int>("mdstat");
        QTest::addColumn<bool>("agree");
        QTest::newRow("readonly = (read-only)") << int(ArrayState::ReadOnly) << int(ArrayState::ReadOnly) << true;
        QTest::newRow("read-auto = (auto-read-only)") << int(ArrayState::AutoReadOnly) << int(ArrayState::AutoReadOnly) << true;
        QTest::newRow("broken shows as active") << int(ArrayState::Broken) << int(ArrayState::Active) << true;
        QTest::newRow("readonly vs active") << int(ArrayState::ReadOnly) << int(ArrayState::Active) << false;
        QTest::newRow("read-auto vs read-only") << int(ArrayState::AutoReadOnly) << int(ArrayState::ReadOnly) << false;
        QTest::newRow("inactive vs active") << int(ArrayState::Inactive) << int(ArrayState::Active) << false;
    }
    void states()
    {
        QFETCH(int, sysfs);
        QFETCH(int, mdstat);
        QFETCH(bool, agree);
        Array s = raid1(), m = raid1();
        s.state = ArrayState(sysfs);
        m.state = ArrayState(mdstat);
        const QStringList d = disagreements(s, m);
        QCOMPARE(d.isEmpty(), agree);
        if (!agree)
            QCOMPARE(d, QStringList{QStringLiteral("state: sysfs says %1, /proc/mdstat says %2").arg(toString(s.state), toString(m.state))});
    }

    void memberSetAndFlags()
    {
        Array s = raid1(), m = raid1();
        Member extra;
        extra.device = QStringLiteral("sdc1");
        extra.spare = true;
        s.members.append(extra);
        extra.device = QStringLiteral("sdd1");
        m.members.append(extra);
        s.members[1].faulty = true;
        m.members[0].writeMostly = true;
        m.members[0].replacement = true;
        s.members[0].journal = true;
        const QStringList d = disagreements(s, m);
        QVERIFY2(d.contains(QStringLiteral("member sdc1: only in sysfs")), qPrintable(d.join(u'\n')));
        QVERIFY(d.contains(QStringLiteral("member sdd1: only in /proc/mdstat")));
        QVERIFY(d.contains(QStringLiteral("member sdb1 faulty: sysfs says yes, /proc/mdstat says no")));
        QVERIFY(d.contains(QStringLiteral("member sda1 write-mostly: sysfs says no, /proc/mdstat says yes")));
        QVERIFY(d.contains(QStringLiteral("member sda1 replacement: sysfs says no, /proc/mdstat says yes")));
        QVERIFY(d.contains(QStringLiteral("member sda1 journal: sysfs says yes, /proc/mdstat says no")));
        QCOMPARE(d.size(), 6);
    }

    void syncActions_data()
    {
        QTest::addColumn<int>("sysfs");
        QTest::addColumn<int>("mdstat");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("agree");
        QTest::newRow("repair shows as resync") << int(SyncAction::Repair) << int(SyncAction::Resync) << int(SyncStatus::Running) << true;
        QTest::newRow("repair as newer kernels print it") << int(SyncAction::Repair) << int(SyncAction::Repair) << int(SyncStatus::Running) << true;
        QTest::newRow("check vs resync") << int(SyncAction::Check) << int(SyncAction::Resync) << int(SyncStatus::Running) << false;
        QTest::newRow("recovery vs reshape") << int(SyncAction::Recovery) << int(SyncAction::Reshape) << int(SyncStatus::Running) << false;
        QTest::newRow("resync vs repair") << int(SyncAction::Resync) << int(SyncAction::Repair) << int(SyncStatus::Running) << false;
        // mdstat says "resync=DELAYED" whatever is waiting.
        QTest::newRow("delayed recovery") << int(SyncAction::Recovery) << int(SyncAction::Resync) << int(SyncStatus::Delayed) << true;
        QTest::newRow("pending") << int(SyncAction::Resync) << int(SyncAction::Resync) << int(SyncStatus::Pending) << true;
    }
    void syncActions()
    {
        QFETCH(int, sysfs);
        QFETCH(int, mdstat);
        QFETCH(int, status);
        QFETCH(bool, agree);
        Array s = raid1(), m = raid1();
        s.sync = sync(SyncAction(sysfs), SyncStatus(status));
        m.sync = sync(SyncAction(mdstat), SyncStatus(status));
        const QStringList d = disagreements(s, m);
        QCOMPARE(d.isEmpty(), agree);
        if (!agree)
            QCOMPARE(d, QStringList{QStringLiteral("sync action: sysfs says %1, /proc/mdstat says %2")
                                        .arg(toString(SyncAction(sysfs)), toString(SyncAction(mdstat)))});
    }

    void syncPresenceAndStatus()
    {
        Array s = raid1(), m = raid1();
        s.sync = sync(SyncAction::Check);
        QCOMPARE(disagreements(s, m), QStringList{QStringLiteral("sync: sysfs says check (running), /proc/mdstat says no sync")});
        m.sync = sync(SyncAction::Resync, SyncStatus::Delayed);
        QCOMPARE(disagreements(s, m), QStringList{QStringLiteral("sync status: sysfs says running, /proc/mdstat says delayed")});
        // Progress numbers move between the two reads; they are not compared.
        m.sync = sync(SyncAction::Check);
        s.sync->percent = 10.0;
        m.sync->percent = 10.4;
        QVERIFY(disagreements(s, m).isEmpty());
    }

    void bitmaps()
    {
        Array s = raid1(), m = raid1();
        s.bitmap = Bitmap{};
        s.bitmap->chunkBytes = 67108864;
        QCOMPARE(disagreements(s, m), QStringList{QStringLiteral("bitmap: sysfs says present, /proc/mdstat says none")});
        // sysfs without md/bitmap/ cannot say "none": not held against mdstat.
        QVERIFY(disagreements(m, s).isEmpty());
        m.bitmap = Bitmap{};
        m.bitmap->chunkBytes = 67108864;
        m.bitmap->pagesTotal = 8; // only mdstat knows pages
        QVERIFY(disagreements(s, m).isEmpty());
        m.bitmap->chunkBytes = 4096 * 1024;
        QCOMPARE(disagreements(s, m), QStringList{QStringLiteral("bitmap chunk (bytes): sysfs says 67108864, /proc/mdstat says 4194304")});
    }

    // A fixture whose sysfs was changed behind mdstat's back: the change is named.
    void editedFixtureDisagrees_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("level") << "degraded-raid5" << "md/level" << QByteArray("raid6\n")
                               << "level: sysfs says raid6, /proc/mdstat says raid5";
        QTest::newRow("member no longer faulty") << "degraded-raid5" << "md/dev-sdc1/state" << QByteArray("in_sync\n")
                                                 << "member sdc1 faulty: sysfs says no, /proc/mdstat says yes";
        QTest::newRow("degraded") << "healthy-raid1" << "md/degraded" << QByteArray("1\n")
                                  << "degraded: sysfs says yes, /proc/mdstat says no";
        QTest::newRow("read-only") << "healthy-raid1" << "md/array_state" << QByteArray("readonly\n")
                                   << "state: sysfs says read-only, /proc/mdstat says active";
        QTest::newRow("size") << "spare" << "size" << QByteArray("4188000\n")
                              << "size (KiB): sysfs says 2094000, /proc/mdstat says 4188160";
        QTest::newRow("check finished") << "check-raid6" << "md/sync_action" << QByteArray("idle\n")
                                        << "sync: sysfs says no sync, /proc/mdstat says check (running)";
        QTest::newRow("repair is fine") << "resyncing-raid1" << "md/sync_action" << QByteArray("repair\n") << "";
    }
    void editedFixtureDisagrees()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(copyTree(fixtures + QLatin1Char('/') + scenario, dir.path()));
        QVERIFY(writeFile(dir.path() + QStringLiteral("/sys/block/md0/") + file, content));
        MdstatContents mdstat;
        QString error;
        QVERIFY2(readMdstat(dir.path(), &mdstat, &error), qPrintable(error));
        const auto s = MdSysfsProbe(dir.path()).array(QStringLiteral("md0"));
        QVERIFY(s);
        const QStringList d = disagreements(*s, mdstat.arrays.first());
        if (expected.isEmpty())
            QVERIFY2(d.isEmpty(), qPrintable(d.join(u'\n')));
        else
            QVERIFY2(d.contains(expected), qPrintable(d.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestAgreement)
#include "tst_agreement.moc"

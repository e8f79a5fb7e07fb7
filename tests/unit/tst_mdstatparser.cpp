// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The /proc/mdstat parser against samples from 2.4 and early 2.6 kernels, the
// Debian 13 VM captures, samples composed from the kernel's printing code, and
// text that is not mdstat or was cut off.
#include "probe/mdstatparser.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTest>

using namespace plexus;

namespace {

const QString mdstatDir = QStringLiteral(PLEXUS_FIXTURES "/mdstat");
const QString badDir = QStringLiteral(PLEXUS_FIXTURES "/mdstat/bad");

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString flagsOf(const Member &m)
{
    QString s;
    if (m.writeMostly) s += QStringLiteral("(W)");
    if (m.journal) s += QStringLiteral("(J)");
    if (m.faulty) s += QStringLiteral("(F)");
    if (m.spare) s += QStringLiteral("(S)");
    if (m.replacement) s += QStringLiteral("(R)");
    return s;
}

// Every field a user reads off mdstat, one line per array, so a mismatch shows
// exactly which field differs.
QString summary(const Array &a)
{
    QStringList p{a.name + QLatin1Char(':'), toString(a.state)};
    if (a.level) p << *a.level;
    if (a.raidDisks || a.activeDisks)
        p << QStringLiteral("disks=%1/%2").arg(a.raidDisks.value_or(-1)).arg(a.activeDisks.value_or(-1));
    if (a.degraded) p << QStringLiteral("degraded");
    if (a.sizeKib) p << QStringLiteral("size=%1").arg(*a.sizeKib);
    if (a.metadata) p << QStringLiteral("meta=") + *a.metadata;
    if (a.chunkKib) p << QStringLiteral("chunk=%1").arg(*a.chunkKib);
    if (a.layout) p << QStringLiteral("algorithm=%1").arg(*a.layout);
    if (!a.raid10Layout.isEmpty()) p << QStringLiteral("r10='%1'").arg(a.raid10Layout);
    if (!a.memberStatus.isEmpty()) p << QLatin1Char('[') + a.memberStatus + QLatin1Char(']');
    QStringList members;
    for (const Member &m : a.members)
        members << QStringLiteral("%1[%2]%3").arg(m.device).arg(m.index).arg(flagsOf(m))
                       + (m.slot ? QStringLiteral("slot?") : QString());   // mdstat never tells the slot
    p << QStringLiteral("members=") + members.join(QLatin1Char(','));
    if (a.sync) {
        const SyncProgress &s = *a.sync;
        QString t = QStringLiteral("sync=%1/%2").arg(toString(s.action), toString(s.status));
        if (s.percent) t += QStringLiteral(" %1%").arg(*s.percent, 0, 'f', 1);
        if (s.doneKib || s.totalKib) t += QStringLiteral(" %1/%2").arg(s.doneKib.value_or(-1)).arg(s.totalKib.value_or(-1));
        if (s.finishMinutes) t += QStringLiteral(" finish=%1").arg(*s.finishMinutes, 0, 'f', 1);
        if (s.speedKibPerSec) t += QStringLiteral(" speed=%1").arg(*s.speedKibPerSec);
        p << t;
    }
    if (a.bitmap) {
        const Bitmap &b = *a.bitmap;
        QString t = QStringLiteral("bitmap=%1/%2 mem=%3 chunk=%4B").arg(b.pagesInMemory).arg(b.pagesTotal).arg(b.memoryKib).arg(b.chunkBytes);
        if (!b.file.isEmpty()) t += QStringLiteral(" file=") + b.file;
        p << t;
    }
    return p.join(QLatin1Char(' '));
}

QStringList summaries(const MdstatContents &c)
{
    QStringList out;
    for (const Array &a : c.arrays)
        out << summary(a);
    return out;
}

// One array around a header fragment, for the small table-driven cases.
QString raid1With(const QString &members, const QString &extra = {})
{
    return QStringLiteral("Personalities : [raid1] \nmd0 : active raid1 %1\n"
                          "      1046528 blocks super 1.2 [2/2] [UU]\n%2      \nunused devices: <none>\n")
        .arg(members, extra);
}

// A machine with a hundred arrays, each with a progress and a bitmap line.
QString hundredArrays()
{
    QString s = QStringLiteral("Personalities : [raid1] [raid6] [raid5] [raid4] [raid10] \n");
    for (int i = 0; i < 100; ++i) {
        const QString d = QStringLiteral("sd%1").arg(QChar(u'a' + i % 20));
        s += QStringLiteral("md%1 : active raid5 %2%3[3] %2%4[2] %2%5[1](W) %2%6[0]\n"
                            "      2930034688 blocks super 1.2 level 5, 512k chunk, algorithm 2 [4/4] [UUUU]\n"
                            "      [====>................]  check = 21.7% (212112384/976678229) finish=72.4min speed=176000K/sec\n"
                            "      bitmap: 2/8 pages [8KB], 65536KB chunk\n\n")
                 .arg(i).arg(d).arg(i * 4 + 1).arg(i * 4 + 2).arg(i * 4 + 3).arg(i * 4 + 4);
    }
    return s + QStringLiteral("unused devices: <none>\n");
}

} // namespace

class TestMdstatParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every good sample: the personalities, the unused devices and every array field.
    void samples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("personalities");
        QTest::addColumn<QStringList>("unused");
        QTest::addColumn<QStringList>("arrays");
        const QStringList r1{QStringLiteral("raid1")};
        const QStringList r015{QStringLiteral("raid0"), QStringLiteral("raid1"), QStringLiteral("raid5")};
        const QStringList r1654{QStringLiteral("raid1"), QStringLiteral("raid6"), QStringLiteral("raid5"), QStringLiteral("raid4")};
        const QStringList r654{QStringLiteral("raid6"), QStringLiteral("raid5"), QStringLiteral("raid4")};
        const QStringList none;

        // --- 2.4 and early 2.6 kernels, 0.90 metadata ---
        QTest::newRow("sample000-l376-recovery") << "sample000-l376-recovery.txt" << r1 << none << QStringList{
            "md1: active raid1 disks=2/2 size=125376 meta=0.90 [UU] members=hda1[0],hdc1[1]",
            "md2: active raid1 disks=2/1 degraded size=9644928 meta=0.90 [_U] members=hda2[2],hdc2[1] "
            "sync=recovery/running 0.1% 11696/9644928 finish=13.7 speed=11696"};
        QTest::newRow("sample000-l420-faulty") << "sample000-l420-faulty.txt" << none << none << QStringList{
            "md2: active raid1 disks=2/1 degraded size=9644928 meta=0.90 [U_] members=hda2[0],hdc2[1](F)"};
        QTest::newRow("sample002-l114-no-arrays") << "sample002-l114-no-arrays.txt" << r015 << none << QStringList{};
        QTest::newRow("sample002-l163-degraded") << "sample002-l163-degraded.txt" << r015 << none << QStringList{
            "md2: active raid1 disks=2/1 degraded size=16988608 meta=0.90 [_U] members=sdb6[1]",
            "md1: active raid1 disks=2/1 degraded size=489856 meta=0.90 [_U] members=sdb5[1]",
            "md0: active raid1 disks=2/1 degraded size=289024 meta=0.90 [_U] members=sdb1[1]"};
        QTest::newRow("sample002-l173-devfs") << "sample002-l173-devfs.txt" << r015 << none << QStringList{
            "md2: active raid1 disks=2/1 degraded size=16988608 meta=0.90 [_U] members=scsi/host0/bus0/target1/lun0/part6[1]",
            "md1: active raid1 disks=2/1 degraded size=489856 meta=0.90 [_U] members=scsi/host0/bus0/target1/lun0/part5[1]",
            "md0: active raid1 disks=2/1 degraded size=289024 meta=0.90 [_U] members=scsi/host0/bus0/target1/lun0/part1[1]"};
        QTest::newRow("sample002-l344-recovery") << "sample002-l344-recovery.txt" << r015 << none << QStringList{
            "md0: active raid1 disks=2/1 degraded size=289024 meta=0.90 [_U] members=sda1[2],sdb1[1] "
            "sync=recovery/running 6.7% 19520/289024 finish=0.2 speed=19520",
            "md1: active raid1 disks=2/1 degraded size=489856 meta=0.90 [_U] members=sda5[2],sdb5[1]",
            "md2: active raid1 disks=2/2 size=16988608 meta=0.90 [UU] members=sda6[0],sdb6[1]"};
        QTest::newRow("sample002-l403-failed") << "sample002-l403-failed.txt" << none << none << QStringList{
            "md0: active raid1 disks=2/2 size=289024 meta=0.90 [UU] members=sda1[0],sdb1[1]",
            "md1: active raid1 disks=2/2 size=489856 meta=0.90 [UU] members=sda5[0],sdb5[1]",
            "md2: active raid1 disks=2/1 degraded size=16988608 meta=0.90 [_U] members=sda6[2](F),sdb6[1]"};
        QTest::newRow("sample002-l426-missing") << "sample002-l426-missing.txt" << none << none << QStringList{
            "md0: active raid1 disks=2/1 degraded size=289024 meta=0.90 [_U] members=sda1[1]",
            "md5: active raid1 disks=2/1 degraded size=489856 meta=0.90 [_U] members=sda5[1]",
            "md2: active raid1 disks=2/1 degraded size=16988608 meta=0.90 [_U] members=sda6[1]"};
        QTest::newRow("sample003-l68-degraded") << "sample003-l68-degraded.txt" << r1 << none << QStringList{
            "md0: active raid1 disks=2/1 degraded size=4192832 meta=0.90 [U_] members=hda1[0]"};
        QTest::newRow("sample003-l79-synced") << "sample003-l79-synced.txt" << r1 << none << QStringList{
            "md0: active raid1 disks=2/2 size=4192832 meta=0.90 [UU] members=sda1[1],hda1[0]"};
        QTest::newRow("sample003-l88-degraded-again") << "sample003-l88-degraded-again.txt" << r1 << none << QStringList{
            "md0: active raid1 disks=2/1 degraded size=4192832 meta=0.90 [U_] members=hda1[0]"};
        QTest::newRow("sample003-l99-grow") << "sample003-l99-grow.txt" << r1 << none << QStringList{
            "md0: active raid1 disks=3/2 degraded size=4192832 meta=0.90 [UU_] members=sda1[1],hda1[0]"};
        QTest::newRow("sample003-l103-three-way") << "sample003-l103-three-way.txt" << r1 << none << QStringList{
            "md0: active raid1 disks=3/3 size=4192832 meta=0.90 [UUU] members=sda2[2],sda1[1],hda1[0]"};

        // --- Debian 13 (kernel 6.12) in the VM ---
        QTest::newRow("debian13-vm") << "debian13-vm.txt"
            << QStringList{"raid1", "raid10", "raid6", "raid5", "raid4"} << none << QStringList{
            "md8: active raid6 disks=4/4 size=200704 meta=1.2 chunk=512 algorithm=2 [UUUU] members=vdf4[3],vde4[2],vdd4[1],vdc4[0] "
            "sync=resync/delayed",
            "md5: active raid1 disks=2/2 size=101376 meta=1.2 [UU] members=vda4[2](R),vdd3[1](W),vdc3[0]",
            "md4: active raid5 disks=3/3 size=302592 meta=1.2 chunk=512 algorithm=2 [UUU] members=vdf2[3](S),vde2[2],vdd2[1],vdc2[0]",
            "md3: active raid10 disks=4/4 size=200704 meta=1.2 chunk=512 r10='2 near-copies' [UUUU] members=vdf1[3],vde1[2],vdd1[1],vdc1[0] "
            "sync=resync/running 4.8% 9856/200704 finish=1.2 speed=2464",
            "md1: active raid1 disks=2/2 size=101376 meta=1.2 [UU] members=vdb1[1],vda1[0] "
            "sync=resync/running 6.0% 6144/101376 finish=1.5 speed=1024 bitmap=1/1 mem=4 chunk=67108864B"};

        // --- composed from md.c and the personalities' status() ---
        QTest::newRow("kernel-raid6-reshape") << "kernel-raid6-reshape.txt" << r654 << none << QStringList{
            "md0: active raid6 disks=6/6 size=2093056 meta=1.2 chunk=512 algorithm=2 [UUUUUU] "
            "members=sdf1[5],sde1[4],sdd1[3],sdc1[2],sdb1[1],sda1[0] sync=reshape/running 33.6% 352256/1046528 finish=3.1 speed=3718"};
        QTest::newRow("kernel-raid5-check") << "kernel-raid5-check.txt" << r1654 << none << QStringList{
            "md127: active raid5 disks=3/3 size=1953260544 meta=1.2 chunk=512 algorithm=2 [UUU] members=sdd1[3],sdc1[1],sdb1[0] "
            "sync=check/running 36.8% 359614464/976630272 finish=52.1 speed=197361 bitmap=0/8 mem=0 chunk=67108864B",
            "md126: active raid1 disks=2/2 size=523264 meta=1.2 [UU] members=sdf1[1],sde1[0]"};
        QTest::newRow("kernel-raid1-writemostly-bitmap-file") << "kernel-raid1-writemostly-bitmap-file.txt" << r1 << none << QStringList{
            "md0: active raid1 disks=2/2 size=976630464 meta=1.2 [UU] members=sdb1[1](W),sda1[0] "
            "bitmap=2/8 mem=8 chunk=67108864B file=/var/lib/mdadm/md0.bitmap",
            "md1: active raid1 disks=2/2 size=1048512 meta=0.90 [UU] members=sdd1[1](W),sdc1[0] "
            "bitmap=1/1 mem=4 chunk=512B file=/srv/md bitmaps/md1.bitmap",
            "md2: active raid1 disks=2/1 degraded size=1046528 meta=1.0 [U_] members=sdf1[2](W)(F),sde1[0] "
            "bitmap=1/1 mem=4 chunk=65536B"};
        QTest::newRow("kernel-raid10-far-offset") << "kernel-raid10-far-offset.txt" << QStringList{"raid10"} << none << QStringList{
            "md10: active raid10 disks=4/4 size=1953260544 meta=1.2 chunk=512 r10='2 far-copies' [UUUU] members=sdd1[3],sdc1[2],sdb1[1],sda1[0]",
            "md11: active raid10 disks=3/3 size=1464945408 meta=1.2 chunk=512 r10='2 offset-copies' [UUU] members=sdg1[2],sdf1[1],sde1[0] "
            "bitmap=3/11 mem=12 chunk=67108864B",
            "md12: active raid10 disks=2/2 size=976630272 meta=1.2 r10='2 near-copies' [UU] members=sdi1[1],sdh1[0]",
            "md13: active raid10 disks=4/3 degraded size=1953260544 meta=1.2 chunk=512 r10='2 near-copies' [UU_U] "
            "members=sdm1[3],sdl1[2],sdk1[1],sdj1[0] sync=recovery/running 7.4% 72577024/976630272 finish=101.6 speed=148210"};
        QTest::newRow("kernel-raid0-linear") << "kernel-raid0-linear.txt" << QStringList{"raid0", "linear"} << none << QStringList{
            "md0: active raid0 disks=2/2 size=1953259520 meta=1.2 chunk=512 members=sdc1[1],sdb1[0]",
            "md1: active linear disks=2/2 size=1953260928 meta=1.2 chunk=0 members=sde1[1],sdd1[0]",
            "md2: active linear disks=2/2 size=2097024 meta=0.90 chunk=64 members=sdg1[1],sdf1[0]"};
        QTest::newRow("kernel-inactive-spares") << "kernel-inactive-spares.txt" << r1654 << none << QStringList{
            "md127: inactive size=2929890816 meta=1.2 members=sdc1[2](S),sdb1[1](S),sda1[0](S)",
            "md126: inactive size=976630400 meta=0.90 members=sdd1[0](S)"};
        QTest::newRow("kernel-imsm-container") << "kernel-imsm-container.txt" << r1 << none << QStringList{
            "md126: active raid1 disks=2/2 size=976759808 meta=external:/md127/0 [UU] members=sda[1],sdb[0] "
            "sync=resync/running 1.3% 13516480/976759808 finish=133.2 speed=120448",
            "md127: inactive size=5288 meta=external:imsm members=sdb[1](S),sda[0](S)"};
        QTest::newRow("kernel-readonly-pending") << "kernel-readonly-pending.txt" << r1654 << none << QStringList{
            "md1: read-only raid1 disks=2/2 size=1047552 meta=1.2 [UU] members=sdd1[1],sdc1[0]",
            "md0: auto-read-only raid5 disks=3/3 size=2093056 meta=1.2 chunk=512 algorithm=2 [UUU] members=sdb1[2],sda1[1],sde1[0] "
            "sync=resync/pending"};
        QTest::newRow("kernel-broken-raid0") << "kernel-broken-raid0.txt" << QStringList{"raid0", "raid1"} << none << QStringList{
            "md0: broken raid0 disks=2/2 size=2093056 meta=1.2 chunk=512 members=sdc[1],sdb[0]"};
        QTest::newRow("kernel-raid5-journal") << "kernel-raid5-journal.txt" << r654 << none << QStringList{
            "md0: active raid5 disks=3/3 size=2093056 meta=1.2 chunk=512 algorithm=2 [UUU] members=sde1[4](J),sdd1[3],sdc1[1],sdb1[0]",
            "md1: active raid4 disks=3/3 size=2093056 meta=1.2 chunk=64 algorithm=5 [UUU] members=sdi1[4](J)(F),sdh1[2],sdg1[1],sdf1[0]"};
        QTest::newRow("kernel-raid1-replacement") << "kernel-raid1-replacement.txt" << r1654 << none << QStringList{
            "md2: active raid1 disks=2/2 size=976630464 meta=1.2 [UU] members=sdc1[2](R),sdb1[1],sda1[0] "
            "sync=recovery/running 12.6% 123456789/976630464 finish=85.3 speed=166666 bitmap=1/8 mem=4 chunk=67108864B",
            "md3: active raid6 disks=5/5 size=4190208 meta=1.2 chunk=512 algorithm=18 [UUUUU] "
            "members=sdh2[7](S),sdg2[6](F),sdf2[5],sde2[4],sdd2[3](W),sdc2[2],sdb2[1](W)(R),sda2[0] sync=resync/delayed"};
        QTest::newRow("kernel-unused-devices") << "kernel-unused-devices.txt" << r1 << QStringList{"sdc1", "sdd1"} << QStringList{
            "md0: active raid1 disks=2/2 size=1046528 meta=1.2 [UU] members=sdb1[1],sda1[0]"};
        QTest::newRow("kernel-raid6-recovery-delayed") << "kernel-raid6-recovery-delayed.txt" << r1654 << none << QStringList{
            "md1: active raid6 disks=5/4 degraded size=6285312 meta=1.2 chunk=512 algorithm=2 [UU_UU] "
            "members=sde2[5],sdd2[3],sdc2[2](F),sdb2[1],sda2[0] "
            "sync=recovery/running 57.8% 1211904/2095104 finish=0.5 speed=27048 bitmap=1/1 mem=4 chunk=67108864B",
            "md0: active raid1 disks=2/1 degraded size=523200 meta=1.2 [U_] members=sde1[2],sda1[0] "
            "sync=resync/delayed bitmap=1/1 mem=4 chunk=67108864B"};
        QTest::newRow("kernel-multipath-faulty") << "kernel-multipath-faulty.txt" << QStringList{"multipath", "faulty"} << none << QStringList{
            "md0: active multipath disks=2/2 size=8388544 meta=0.90 [UU] members=sdc1[1],sdb1[0]",
            "md1: active faulty disks=1/1 size=102336 meta=non-persistent members=loop0[0]"};
        QTest::newRow("kernel-nonpersistent-empty") << "kernel-nonpersistent-empty.txt" << r1 << none << QStringList{
            "md_d0: active raid1 disks=2/2 size=488386496 meta=non-persistent [UU] members=sdb[1],sda[0]",
            "md9: inactive members="};
    }
    void samples()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, personalities);
        QFETCH(QStringList, unused);
        QFETCH(QStringList, arrays);
        const QByteArray bytes = readBytes(mdstatDir + QLatin1Char('/') + file);
        QVERIFY2(!bytes.isEmpty(), qPrintable(file));
        MdstatContents c;
        QString error;
        QVERIFY2(parseMdstat(QString::fromUtf8(bytes), &c, &error), qPrintable(error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(c.personalities, personalities);
        QCOMPARE(c.unusedDevices, unused);
        const QStringList got = summaries(c);
        QCOMPARE(got.size(), arrays.size());
        for (qsizetype i = 0; i < arrays.size(); ++i)
            QCOMPARE(got[i], arrays[i]);
    }

    // No fixture goes untested: every .txt has a row above, every bad one a row below.
    void everyFixtureHasExpectations()
    {
        const QStringList good = QDir(mdstatDir).entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
        const QStringList bad = QDir(badDir).entryList(QDir::Files, QDir::Name);
        QVERIFY2(good.size() >= 25, "expected every document sample and the composed kernel samples");
        QCOMPARE(good, sorted(knownGood()));
        QCOMPARE(bad, sorted(knownBad()));
    }

    // The same fields, one QCOMPARE each, for the wrapped 2.4 sample.
    void wrappedRecoveryFieldByField()
    {
        const QByteArray bytes = readBytes(mdstatDir + QStringLiteral("/sample000-l376-recovery.txt"));
        QVERIFY2(bytes.contains(" \\\n        finish="), "the fixture must keep the document's wrapped line");
        MdstatContents c;
        QString error;
        QVERIFY2(parseMdstat(QString::fromUtf8(bytes), &c, &error), qPrintable(error));
        QCOMPARE(c.arrays.size(), 2);
        const Array &a = c.arrays[1];
        QCOMPARE(a.name, QStringLiteral("md2"));
        QCOMPARE(toString(a.state), QStringLiteral("active"));
        QCOMPARE(a.level.value_or(QString()), QStringLiteral("raid1"));
        QCOMPARE(a.raidDisks.value_or(-1), 2);
        QCOMPARE(a.activeDisks.value_or(-1), 1);
        QVERIFY(a.degraded);
        QCOMPARE(a.sizeKib.value_or(-1), Q_INT64_C(9644928));
        QCOMPARE(a.metadata.value_or(QString()), QStringLiteral("0.90"));
        QVERIFY(!a.chunkKib.has_value());
        QVERIFY(!a.layout.has_value());
        QVERIFY(a.raid10Layout.isEmpty());
        QCOMPARE(a.memberStatus, QStringLiteral("_U"));
        QCOMPARE(a.members.size(), 2);
        QCOMPARE(a.members[0].device, QStringLiteral("hda2"));
        QCOMPARE(a.members[0].index, 2);
        QVERIFY(!a.members[0].slot.has_value());
        QVERIFY(!a.members[0].faulty && !a.members[0].spare);
        QVERIFY(a.sync.has_value());
        QCOMPARE(toString(a.sync->action), QStringLiteral("recovery"));
        QCOMPARE(toString(a.sync->status), QStringLiteral("running"));
        QCOMPARE(a.sync->percent.value_or(-1), 0.1);
        QCOMPARE(a.sync->doneKib.value_or(-1), Q_INT64_C(11696));
        QCOMPARE(a.sync->totalKib.value_or(-1), Q_INT64_C(9644928));
        QCOMPARE(a.sync->finishMinutes.value_or(-1), 13.7);
        QCOMPARE(a.sync->speedKibPerSec.value_or(-1), Q_INT64_C(11696));
        QVERIFY(!a.bitmap.has_value());
        // Fields only sysfs knows stay empty.
        QVERIFY(a.arrayStateWord.isEmpty());
        QVERIFY(!a.mismatchCount.has_value());
        QVERIFY(a.uuid.isEmpty());
    }

    void inactiveHasNoLevelOrDiskCounts()
    {
        MdstatContents c;
        QString error;
        QVERIFY2(parseMdstat(QString::fromUtf8(readBytes(mdstatDir + QStringLiteral("/kernel-inactive-spares.txt"))), &c, &error),
                 qPrintable(error));
        const Array &a = c.arrays[0];
        QCOMPARE(toString(a.state), QStringLiteral("inactive"));
        QVERIFY(!a.level.has_value());
        QVERIFY(!a.raidDisks.has_value());
        QVERIFY(!a.activeDisks.has_value());
        QVERIFY(!a.degraded);
        QVERIFY(a.memberStatus.isEmpty());
        QVERIFY(!a.sync.has_value());
    }

    // Bad fixtures: each fails, naming the line, in words that say what is wrong.
    void badFixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("words");
        const auto row = [](const char *file, int line, const char *words) {
            QTest::newRow(file) << QString::fromLatin1(file) << line << QString::fromLatin1(words);
        };
        row("empty.txt", 1, "empty");
        row("blank-only.txt", 1, "empty");
        row("garbage.txt", 1, "not /proc/mdstat");
        row("mdadm-detail.txt", 1, "not /proc/mdstat");
        row("binary-elf.txt", 1, "binary");
        row("binary-tail.txt", 4, "binary");
        row("truncated-after-header.txt", 2, "cut off");
        row("truncated-member.txt", 2, "'sda'");
        row("truncated-member-bracket.txt", 2, "cut off");
        row("truncated-member-flag.txt", 2, "cut off");
        row("truncated-before-level.txt", 2, "cut off");
        row("truncated-status-bracket.txt", 3, "cut off");
        row("truncated-counts-bracket.txt", 3, "cut off");
        row("truncated-size-line.txt", 3, "cut off");
        row("truncated-blocks-word.txt", 3, "size line");
        row("truncated-progress.txt", 4, "incomplete");
        row("truncated-progress-bar.txt", 4, "cut off");
        row("truncated-bitmap.txt", 4, "incomplete");
        row("truncated-personalities.txt", 1, "cut off");
        row("truncated-footer.txt", 5, "cut off");
        row("truncated-continuation.txt", 4, "cut off");
        row("unrecognised-between-arrays.txt", 6, "unrecognised");
        row("text-after-footer.txt", 6, "after the 'unused devices'");
        row("progress-before-array.txt", 2, "before any array");
        row("header-without-size.txt", 2, "no size line");
        row("unknown-member-flag.txt", 2, "unknown flag");
        row("illegal-flag-order.txt", 2, "combination");
        row("unknown-state.txt", 2, "unknown array state");
        row("status-length-mismatch.txt", 3, "slots");
        row("unknown-sync-word.txt", 4, "unrecognised");
    }
    void badFixtures()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, words);
        QFile f(badDir + QLatin1Char('/') + file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        MdstatContents c;
        QString error;
        QVERIFY(!parseMdstat(QString::fromUtf8(f.readAll()), &c, &error));
        QVERIFY2(error.startsWith(QStringLiteral("line %1: ").arg(line)), qPrintable(error));
        QVERIFY2(error.contains(words, Qt::CaseInsensitive), qPrintable(error));
    }

    // Small inputs: what each member marker means, and which combinations the kernel never prints.
    void memberFlags_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("device");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("flags");   // as summary() spells them, or "error"
        QTest::newRow("plain") << "sdb1[1]" << "sdb1" << 1 << "";
        QTest::newRow("write-mostly") << "sdb1[1](W)" << "sdb1" << 1 << "(W)";
        QTest::newRow("journal") << "nvme0n1p1[4](J)" << "nvme0n1p1" << 4 << "(J)";
        QTest::newRow("faulty") << "sdb1[2](F)" << "sdb1" << 2 << "(F)";
        QTest::newRow("spare") << "sdb1[3](S)" << "sdb1" << 3 << "(S)";
        QTest::newRow("replacement") << "sdb1[3](R)" << "sdb1" << 3 << "(R)";
        QTest::newRow("W F") << "sdb1[1](W)(F)" << "sdb1" << 1 << "(W)(F)";
        QTest::newRow("W S") << "sdb1[1](W)(S)" << "sdb1" << 1 << "(W)(S)";
        QTest::newRow("W R") << "sdb1[1](W)(R)" << "sdb1" << 1 << "(W)(R)";
        QTest::newRow("J F") << "sdb1[1](J)(F)" << "sdb1" << 1 << "(J)(F)";
        QTest::newRow("S R") << "sdb1[1](S)(R)" << "sdb1" << 1 << "(S)(R)";
        QTest::newRow("W J S R") << "sdb1[1](W)(J)(S)(R)" << "sdb1" << 1 << "(W)(J)(S)(R)";
        QTest::newRow("devfs") << "ide/host0/bus1/target0/lun0/part2[0]" << "ide/host0/bus1/target0/lun0/part2" << 0 << "";
        QTest::newRow("bang in name") << "cciss!c0d0p1[0]" << "cciss!c0d0p1" << 0 << "";
        QTest::newRow("large index") << "sdz1[127]" << "sdz1" << 127 << "";
        QTest::newRow("F then S") << "sdb1[1](F)(S)" << "" << 0 << "error";
        QTest::newRow("F then R") << "sdb1[1](F)(R)" << "" << 0 << "error";
        QTest::newRow("S before W") << "sdb1[1](S)(W)" << "" << 0 << "error";
        QTest::newRow("twice") << "sdb1[1](W)(W)" << "" << 0 << "error";
        QTest::newRow("unknown") << "sdb1[1](Q)" << "" << 0 << "error";
        QTest::newRow("lowercase") << "sdb1[1](w)" << "" << 0 << "error";
        QTest::newRow("junk after") << "sdb1[1]x" << "" << 0 << "error";
        QTest::newRow("no number") << "sdb1[]" << "" << 0 << "error";
        QTest::newRow("letters") << "sdb1[a]" << "" << 0 << "error";
        QTest::newRow("no name") << "[1]" << "" << 0 << "error";
        QTest::newRow("no bracket") << "sdb1" << "" << 0 << "error";
        QTest::newRow("open bracket") << "sdb1[1" << "" << 0 << "error";
        QTest::newRow("open flag") << "sdb1[1](W" << "" << 0 << "error";
    }
    void memberFlags()
    {
        QFETCH(QString, token);
        QFETCH(QString, device);
        QFETCH(int, index);
        QFETCH(QString, flags);
        MdstatContents c;
        QString error;
        const bool ok = parseMdstat(raid1With(token + QStringLiteral(" sda1[0]")), &c, &error);
        if (flags == u"error") {
            QVERIFY(!ok);
            QVERIFY2(error.startsWith(QStringLiteral("line 2: ")), qPrintable(error));
            QVERIFY2(error.contains(token.left(4)), qPrintable(error));
            return;
        }
        QVERIFY2(ok, qPrintable(error));
        const Member &m = c.arrays[0].members[0];
        QCOMPARE(m.device, device);
        QCOMPARE(m.index, index);
        QCOMPARE(flagsOf(m), flags);
        QVERIFY(!m.slot.has_value());
        QCOMPARE(c.arrays[0].members[1].device, QStringLiteral("sda1"));
    }

    // Array lines: states, read-only marks and levels.
    void headers_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("size");
        QTest::addColumn<QString>("expected");   // summary(), or "error: words"
        const QString r1 = QStringLiteral("      100 blocks super 1.2 [2/2] [UU]");
        QTest::newRow("active") << "md0 : active raid1 b[1] a[0]" << r1
                                << "md0: active raid1 disks=2/2 size=100 meta=1.2 [UU] members=b[1],a[0]";
        QTest::newRow("read-only") << "md0 : active (read-only) raid1 b[1] a[0]" << r1
                                   << "md0: read-only raid1 disks=2/2 size=100 meta=1.2 [UU] members=b[1],a[0]";
        QTest::newRow("auto-read-only") << "md0 : active (auto-read-only) raid1 b[1] a[0]" << r1
                                        << "md0: auto-read-only raid1 disks=2/2 size=100 meta=1.2 [UU] members=b[1],a[0]";
        QTest::newRow("broken read-only") << "md0 : broken (read-only) raid1 b[1] a[0]" << r1
                                          << "md0: broken raid1 disks=2/2 size=100 meta=1.2 [UU] members=b[1],a[0]";
        QTest::newRow("named array") << "md_home : active raid1 b[1] a[0]" << r1
                                     << "md_home: active raid1 disks=2/2 size=100 meta=1.2 [UU] members=b[1],a[0]";
        QTest::newRow("retyped colon") << "md0: active raid1 b[1] a[0]" << r1
                                       << "md0: active raid1 disks=2/2 size=100 meta=1.2 [UU] members=b[1],a[0]";
        QTest::newRow("unknown level") << "md0 : active raid7 b[1] a[0]" << "      100 blocks super 1.2"
                                       << "md0: active raid7 disks=2/2 size=100 meta=1.2 members=b[1],a[0]";
        QTest::newRow("inactive 0.90") << "md0 : inactive b[1](S) a[0](S)" << "      200 blocks"
                                       << "md0: inactive size=200 meta=0.90 members=b[1](S),a[0](S)";
        QTest::newRow("inactive no devices, super on its line") << "md0 : inactive super external:ddf" << "       "
                                                                << "md0: inactive meta=external:ddf members=";
        QTest::newRow("unknown state") << "md0 : dormant raid1 b[1] a[0]" << r1 << "error: unknown array state";
        QTest::newRow("unknown mark") << "md0 : active (frozen) raid1 b[1] a[0]" << r1 << "error: unknown mark";
        QTest::newRow("no level") << "md0 : active" << r1 << "error: names no RAID level";
        QTest::newRow("member for level") << "md0 : active b[1] a[0]" << r1 << "error: where the RAID level";
        QTest::newRow("no state") << "md0 :" << r1 << "error: before its state";
    }
    void headers()
    {
        QFETCH(QString, header);
        QFETCH(QString, size);
        QFETCH(QString, expected);
        const QString text = QStringLiteral("Personalities : [raid1] \n%1\n%2\n      \nunused devices: <none>\n").arg(header, size);
        MdstatContents c;
        QString error;
        const bool ok = parseMdstat(text, &c, &error);
        if (expected.startsWith(QStringLiteral("error: "))) {
            QVERIFY(!ok);
            QVERIFY2(error.startsWith(QStringLiteral("line 2: ")), qPrintable(error));
            QVERIFY2(error.contains(expected.mid(7)), qPrintable(error));
            return;
        }
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(c.arrays.size(), 1);
        QCOMPARE(summary(c.arrays[0]), expected);
    }

    // Size lines of every personality, and what a cut-off one looks like.
    void sizeLines_data()
    {
        QTest::addColumn<QString>("level");
        QTest::addColumn<QString>("size");
        QTest::addColumn<QString>("expected");   // summary() after "md0: active LEVEL", or "error: words"
        const auto row = [](const char *name, const char *level, const char *size, const char *expected) {
            QTest::newRow(name) << QString::fromLatin1(level) << QString::fromLatin1(size) << QString::fromLatin1(expected);
        };
        row("raid1 0.90", "raid1", "100 blocks [2/2] [UU]", "disks=2/2 size=100 meta=0.90 [UU]");
        row("raid1 1.2 degraded", "raid1", "100 blocks super 1.2 [3/1] [U__]", "disks=3/1 degraded size=100 meta=1.2 [U__]");
        row("raid1 status underscore only", "raid1", "100 blocks super 1.2 [2/2] [U_]", "disks=2/2 degraded size=100 meta=1.2 [U_]");
        row("raid5", "raid5", "200 blocks super 1.2 level 5, 64k chunk, algorithm 2 [3/3] [UUU]",
            "disks=3/3 size=200 meta=1.2 chunk=64 algorithm=2 [UUU]");
        row("raid6 algorithm 18", "raid6", "200 blocks super 1.2 level 6, 512k chunk, algorithm 18 [4/3] [UUU_]",
            "disks=4/3 degraded size=200 meta=1.2 chunk=512 algorithm=18 [UUU_]");
        row("raid4", "raid4", "200 blocks level 4, 32k chunk, algorithm 0 [3/3] [UUU]",
            "disks=3/3 size=200 meta=0.90 chunk=32 algorithm=0 [UUU]");
        row("raid10 near", "raid10", "200 blocks super 1.2 512K chunks 2 near-copies [4/4] [UUUU]",
            "disks=4/4 size=200 meta=1.2 chunk=512 r10='2 near-copies' [UUUU]");
        row("raid10 near=disks prints no chunks", "raid10", "200 blocks super 1.2 2 near-copies [2/2] [UU]",
            "disks=2/2 size=200 meta=1.2 r10='2 near-copies' [UU]");
        row("raid10 far sets", "raid10", "200 blocks super 1.2 512K chunks 2 far-copies 2 devices per set [4/4] [UUUU]",
            "disks=4/4 size=200 meta=1.2 chunk=512 r10='2 far-copies 2 devices per set' [UUUU]");
        row("raid10 near and far", "raid10", "200 blocks super 1.2 64K chunks 2 near-copies 2 far-copies [4/4] [UUUU]",
            "disks=4/4 size=200 meta=1.2 chunk=64 r10='2 near-copies 2 far-copies' [UUUU]");
        row("raid10 offset", "raid10", "200 blocks super 1.2 512K chunks 3 offset-copies [3/3] [UUU]",
            "disks=3/3 size=200 meta=1.2 chunk=512 r10='3 offset-copies' [UUU]");
        row("raid0", "raid0", "200 blocks super 1.2 512k chunks", "disks=2/2 size=200 meta=1.2 chunk=512");
        row("raid0 2.4", "raid0", "200 blocks 4k chunks", "disks=2/2 size=200 meta=0.90 chunk=4");
        row("linear", "linear", "200 blocks super 1.2 0k rounding", "disks=2/2 size=200 meta=1.2 chunk=0");
        row("linear 64k", "linear", "200 blocks 64k rounding", "disks=2/2 size=200 meta=0.90 chunk=64");
        row("multipath", "multipath", "200 blocks [2/1] [U_]", "disks=2/1 degraded size=200 meta=0.90 [U_]");
        row("faulty counters", "faulty", "200 blocks super non-persistent WriteTransient=3(10) ReadFixable=1(0) WriteAll nfaults=4",
            "disks=2/2 size=200 meta=non-persistent");
        row("super 1.0", "raid1", "200 blocks super 1.0 [2/2] [UU]", "disks=2/2 size=200 meta=1.0 [UU]");
        row("super 1.1", "raid1", "200 blocks super 1.1 [2/2] [UU]", "disks=2/2 size=200 meta=1.1 [UU]");
        row("super external member", "raid5", "200 blocks super external:/md127/1 level 5, 128k chunk, algorithm 0 [3/3] [UUU]",
            "disks=3/3 size=200 meta=external:/md127/1 chunk=128 algorithm=0 [UUU]");
        row("super external read-only member", "raid1", "200 blocks super external:-md127/0 [2/2] [UU]",
            "disks=2/2 size=200 meta=external:-md127/0 [UU]");
        row("super non-persistent", "raid1", "200 blocks super non-persistent [2/2] [UU]",
            "disks=2/2 size=200 meta=non-persistent [UU]");
        row("huge size", "raid6", "117187522560 blocks super 1.2 level 6, 512k chunk, algorithm 2 [32/32] [UUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUU]",
            "disks=32/32 size=117187522560 meta=1.2 chunk=512 algorithm=2 [UUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUU]");
        row("raid1 cut before counts", "raid1", "100 blocks super 1.2", "error: lacks '[n/m] [UU]'");
        row("raid1 cut before status", "raid1", "100 blocks super 1.2 [2/2]", "error: lacks '[n/m] [UU]'");
        row("raid5 cut in level", "raid5", "100 blocks super 1.2 level 5, 512k chunk,", "error: lacks 'level L, Nk chunk, algorithm A'");
        row("raid5 cut after algorithm", "raid5", "100 blocks super 1.2 level 5, 512k chunk, algorithm", "error: 'algorithm' of md0");
        row("raid0 cut", "raid0", "100 blocks super 1.2", "error: lacks 'Nk chunks'");
        row("raid0 cut in chunk", "raid0", "100 blocks super 1.2 512k", "error: unexpected '512k'");
        row("linear cut", "linear", "100 blocks", "error: lacks 'Nk rounding'");
        row("super cut", "raid1", "100 blocks super", "error: not followed by a metadata version");
        row("super cut in version", "raid1", "100 blocks super 1.", "error: not followed by a metadata version");
        row("super external empty", "raid1", "100 blocks super external: [2/2] [UU]", "error: not followed by a metadata version");
        row("counts open", "raid1", "100 blocks super 1.2 [2/2", "error: cut off");
        row("status open", "raid1", "100 blocks super 1.2 [2/2] [U", "error: cut off");
        row("status letters", "raid1", "100 blocks super 1.2 [2/2] [UX]", "error: not a member status");
        row("active over raid", "raid1", "100 blocks super 1.2 [2/3] [UU]", "error: not a valid");
        row("status length", "raid1", "100 blocks super 1.2 [2/2] [UUU]", "error: slots");
        row("two counts", "raid1", "100 blocks super 1.2 [2/2] [2/2] [UU]", "error: not a valid");
        row("two statuses", "raid1", "100 blocks super 1.2 [2/2] [UU] [UU]", "error: a second member status");
        row("unknown word", "raid1", "100 blocks super 1.2 [2/2] [UU] extra", "error: unexpected 'extra'");
        row("chunk without k", "raid0", "100 blocks 512 chunks", "error: not a size like 512k");
        row("faulty words elsewhere", "raid1", "100 blocks nfaults=0 [2/2] [UU]", "error: unexpected 'nfaults=0'");
        row("copies not a number", "raid10", "100 blocks two near-copies [2/2] [UU]", "error: not a number of copies");
    }
    void sizeLines()
    {
        QFETCH(QString, level);
        QFETCH(QString, size);
        QFETCH(QString, expected);
        const QString text = QStringLiteral("md0 : active %1 b[1] a[0]\n      %2\n      \n").arg(level, size);
        MdstatContents c;
        QString error;
        const bool ok = parseMdstat(text, &c, &error);
        if (expected.startsWith(QStringLiteral("error: "))) {
            QVERIFY(!ok);
            QVERIFY2(error.startsWith(QStringLiteral("line 2: ")), qPrintable(error));
            QVERIFY2(error.contains(expected.mid(7)), qPrintable(error));
            return;
        }
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(summary(c.arrays[0]),
                 QStringLiteral("md0: active %1 %2 members=b[1],a[0]").arg(level, expected));
    }

    // Progress lines: every label, every status line, and cut-off ones.
    void progressLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expected");   // the sync part of summary(), or "error: words"
        QTest::newRow("resync") << "[>....................]  resync =  0.0% (128/1046528) finish=8.5min speed=2048K/sec"
                                << "sync=resync/running 0.0% 128/1046528 finish=8.5 speed=2048";
        QTest::newRow("recovery") << "[==>..................]  recovery = 12.6% (131969/1046528) finish=0.4min speed=32992K/sec"
                                  << "sync=recovery/running 12.6% 131969/1046528 finish=0.4 speed=32992";
        QTest::newRow("reshape") << "[=========>...........]  reshape = 47.3% (495040/1046528) finish=1.1min speed=8192K/sec"
                                 << "sync=reshape/running 47.3% 495040/1046528 finish=1.1 speed=8192";
        QTest::newRow("check") << "[===================>.]  check = 99.9% (1045504/1046528) finish=0.0min speed=174421K/sec"
                               << "sync=check/running 99.9% 1045504/1046528 finish=0.0 speed=174421";
        QTest::newRow("full bar, 100%") << "[====================>]  resync =100.0% (1046528/1046528) finish=0.0min speed=104652K/sec"
                                        << "sync=resync/running 100.0% 1046528/1046528 finish=0.0 speed=104652";
        QTest::newRow("long finish") << "[>....................]  recovery =  0.2% (2031616/976630464) finish=41243.2min speed=393K/sec"
                                     << "sync=recovery/running 0.2% 2031616/976630464 finish=41243.2 speed=393";
        QTest::newRow("tab before") << "\t[=>...................]  resync =  6.0% (6144/101376) finish=1.5min speed=1024K/sec"
                                    << "sync=resync/running 6.0% 6144/101376 finish=1.5 speed=1024";
        QTest::newRow("delayed") << "\tresync=DELAYED" << "sync=resync/delayed";
        QTest::newRow("pending") << "\tresync=PENDING" << "sync=resync/pending";
        QTest::newRow("cluster recovery elsewhere") << "\trecover=REMOTE" << "sync=recovery/running";
        QTest::newRow("cluster reshape elsewhere") << "\treshape=REMOTE" << "sync=reshape/running";
        QTest::newRow("cut in bar") << "[=====>......" << "error: cut off";
        QTest::newRow("cut after bar") << "[=====>...............]" << "error: incomplete";
        QTest::newRow("cut in label") << "[=====>...............]  reco" << "error: unknown kind of work";
        QTest::newRow("cut in percent") << "[=====>...............]  recovery = 27." << "error: incomplete";
        QTest::newRow("cut in counts") << "[=====>...............]  recovery = 27.1% (283712/10" << "error: incomplete";
        QTest::newRow("cut before finish") << "[=====>...............]  recovery = 27.1% (283712/1046528)" << "error: incomplete";
        QTest::newRow("cut in finish") << "[=====>...............]  recovery = 27.1% (283712/1046528) finish=1" << "error: incomplete";
        QTest::newRow("cut before speed") << "[=====>...............]  recovery = 27.1% (283712/1046528) finish=1.2min" << "error: incomplete";
        QTest::newRow("cut in speed") << "[=====>...............]  recovery = 27.1% (283712/1046528) finish=1.2min speed=1024K/s"
                                      << "error: incomplete";
        QTest::newRow("junk after") << "[=====>...............]  recovery = 27.1% (283712/1046528) finish=1.2min speed=1024K/sec now"
                                    << "error: incomplete";
        QTest::newRow("not a bar") << "[UU]" << "error: not a progress bar";
        QTest::newRow("repair never printed") << "[=>...................]  repair =  6.0% (6144/101376) finish=1.5min speed=1024K/sec"
                                              << "error: unknown kind of work";
        QTest::newRow("unknown status") << "\tresync=LATER" << "error: unrecognised";
        QTest::newRow("unknown word") << "\tscrub=DELAYED" << "error: unrecognised";
    }
    void progressLines()
    {
        QFETCH(QString, line);
        QFETCH(QString, expected);
        MdstatContents c;
        QString error;
        const bool ok = parseMdstat(raid1With(QStringLiteral("sdb1[1] sda1[0]"), QStringLiteral("      ") + line + QLatin1Char('\n')),
                                    &c, &error);
        if (expected.startsWith(QStringLiteral("error: "))) {
            QVERIFY(!ok);
            QVERIFY2(error.startsWith(QStringLiteral("line 4: ")), qPrintable(error));
            QVERIFY2(error.contains(expected.mid(7)), qPrintable(error));
            return;
        }
        QVERIFY2(ok, qPrintable(error));
        const QString s = summary(c.arrays[0]);
        QCOMPARE(s.mid(s.indexOf(QStringLiteral("sync="))), expected);
    }

    void bitmapLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expected");   // the bitmap part of summary(), or "error: words"
        QTest::newRow("internal") << "bitmap: 1/1 pages [4KB], 65536KB chunk" << "bitmap=1/1 mem=4 chunk=67108864B";
        QTest::newRow("none in memory") << "bitmap: 0/8 pages [0KB], 65536KB chunk" << "bitmap=0/8 mem=0 chunk=67108864B";
        QTest::newRow("chunk in bytes") << "bitmap: 3/4 pages [12KB], 512B chunk" << "bitmap=3/4 mem=12 chunk=512B";
        QTest::newRow("file") << "bitmap: 0/2 pages [0KB], 2048KB chunk, file: /boot/md0.bitmap"
                              << "bitmap=0/2 mem=0 chunk=2097152B file=/boot/md0.bitmap";
        QTest::newRow("file with escaped space and tab") << "bitmap: 0/2 pages [0KB], 2048KB chunk, file: /mnt/my\\040disk/b\\011map"
                                                         << "bitmap=0/2 mem=0 chunk=2097152B file=/mnt/my disk/b\tmap";
        QTest::newRow("file with a backslash not escaping") << "bitmap: 0/2 pages [0KB], 2048KB chunk, file: /mnt/a\\b"
                                                            << "bitmap=0/2 mem=0 chunk=2097152B file=/mnt/a\\b";
        QTest::newRow("cut in pages") << "bitmap: 1/" << "error: incomplete";
        QTest::newRow("cut in memory") << "bitmap: 1/1 pages [4K" << "error: incomplete";
        QTest::newRow("cut in chunk") << "bitmap: 1/1 pages [4KB], 65536KB chu" << "error: incomplete";
        QTest::newRow("cut after comma") << "bitmap: 1/1 pages [4KB], 65536KB chunk," << "error: incomplete";
        QTest::newRow("cut before path") << "bitmap: 1/1 pages [4KB], 65536KB chunk, file:" << "error: bitmap file of md0 is missing";
        QTest::newRow("more in memory than total") << "bitmap: 9/1 pages [36KB], 65536KB chunk" << "error: incomplete";
        QTest::newRow("unit MB") << "bitmap: 1/1 pages [4KB], 64MB chunk" << "error: incomplete";
    }
    void bitmapLines()
    {
        QFETCH(QString, line);
        QFETCH(QString, expected);
        MdstatContents c;
        QString error;
        const bool ok = parseMdstat(raid1With(QStringLiteral("sdb1[1] sda1[0]"), QStringLiteral("      ") + line + QLatin1Char('\n')),
                                    &c, &error);
        if (expected.startsWith(QStringLiteral("error: "))) {
            QVERIFY(!ok);
            QVERIFY2(error.startsWith(QStringLiteral("line 4: ")), qPrintable(error));
            QVERIFY2(error.contains(expected.mid(7)), qPrintable(error));
            return;
        }
        QVERIFY2(ok, qPrintable(error));
        const QString s = summary(c.arrays[0]);
        QCOMPARE(s.mid(s.indexOf(QStringLiteral("bitmap="))), expected);
    }

    // Whole-text shapes: what may come where.
    void texts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");   // summaries joined by " | ", or "error: line N: words"
        const QString md0 = QStringLiteral("md0 : active raid1 sdb1[1] sda1[0]\n      100 blocks super 1.2 [2/2] [UU]\n");
        const QString md0sum = QStringLiteral("md0: active raid1 disks=2/2 size=100 meta=1.2 [UU] members=sdb1[1],sda1[0]");
        QTest::newRow("no arrays") << "Personalities : \nunused devices: <none>\n" << "";
        QTest::newRow("personalities only") << "Personalities : [raid1] [raid10] \n" << "";
        QTest::newRow("footer only") << "unused devices: <none>\n" << "";
        QTest::newRow("no trailing newline") << QString(md0).chopped(1) << md0sum;
        QTest::newRow("CRLF") << QString(QStringLiteral("Personalities : [raid1]\n") + md0 + QStringLiteral("      \nunused devices: <none>\n"))
                                     .replace(QStringLiteral("\n"), QStringLiteral("\r\n"))
                              << md0sum;
        QTest::newRow("blank lines everywhere") << "\n\nPersonalities : [raid1]\n\n" + md0 + "\n \t \n\n\nunused devices: <none>\n\n\n" << md0sum;
        QTest::newRow("no indentation (pasted)") << "md0 : active raid1 sdb1[1] sda1[0]\n100 blocks super 1.2 [2/2] [UU]\nbitmap: 0/1 pages [0KB], 65536KB chunk\n"
                                                 << md0sum + " bitmap=0/1 mem=0 chunk=67108864B";
        QTest::newRow("wrapped header") << "md0 : active raid1 \\\n   sdb1[1] sda1[0]\n      100 blocks super 1.2 [2/2] [UU]\n" << md0sum;
        QTest::newRow("wrapped twice") << "md0 : active raid1 sdb1[1] \\\n sda1[0] \\\n\n" << "error: line 1: nothing follows";
        QTest::newRow("wrapped size line") << "md0 : active raid1 sdb1[1] sda1[0]\n      100 blocks super 1.2 \\\n [2/2] \\\n    [UU]\n" << md0sum;
        QTest::newRow("read_ahead after arrays") << md0 + "read_ahead 1024 sectors\n" << "error: line 3: only appears once";
        QTest::newRow("read_ahead junk") << "Personalities : [raid1]\nread_ahead lots\n" << "error: line 2: read_ahead N sectors";
        QTest::newRow("two personalities") << "Personalities : [raid1]\n" + md0 + "Personalities : [raid1]\n" << "error: line 4: more than one capture";
        QTest::newRow("personalities prose") << "Personalities are hard to change.\n" << "error: line 1: expected 'Personalities : [...]'";
        QTest::newRow("personality unbracketed") << "Personalities : raid1\n" << "error: line 1: not of the form [name]";
        QTest::newRow("size before array") << "Personalities : [raid1]\n      100 blocks [2/2] [UU]\n" << "error: line 2: before any array";
        QTest::newRow("bitmap before array") << "Personalities : [raid1]\n      bitmap: 0/1 pages [0KB], 65536KB chunk\n"
                                             << "error: line 2: before any array";
        QTest::newRow("bitmap before size") << "md0 : active raid1 sdb1[1] sda1[0]\n      bitmap: 0/1 pages [0KB], 65536KB chunk\n"
                                            << "error: line 2: expected the size line of md0";
        QTest::newRow("two size lines") << md0 + "      100 blocks super 1.2 [2/2] [UU]\n" << "error: line 3: a second size line";
        QTest::newRow("two progress lines") << md0 + "      \tresync=DELAYED\n      \tresync=PENDING\n" << "error: line 4: a second progress line";
        QTest::newRow("two bitmaps") << md0 + "      bitmap: 0/1 pages [0KB], 65536KB chunk\n      bitmap: 0/1 pages [0KB], 65536KB chunk\n"
                                     << "error: line 4: a second bitmap line";
        QTest::newRow("memberless inactive at end") << "Personalities : \nmd9 : inactive\n" << "error: line 2: cut off";
        QTest::newRow("unused cut") << md0 + "unused devices:\n" << "error: line 3: followed by nothing";
        QTest::newRow("unused bracket") << md0 + "unused devices: sdc1[0]\n" << "error: line 3: not a device name";
        QTest::newRow("prose in the middle") << md0 + "\nThis is where it gets interesting.\n" + md0 << "error: line 4: unrecognised line";
        QTest::newRow("command line first") << "# cat /proc/mdstat\n" + md0 << "error: line 1: not /proc/mdstat";
        QTest::newRow("prose with a colon") << "Status: all good\n" << "error: line 1: not /proc/mdstat";
        QTest::newRow("NUL") << QStringLiteral("Personalities : [raid1]\nmd0 : active raid1 sdb1[1]") + QChar(0) << "error: line 2: binary";
        QTest::newRow("bad UTF-8") << QString::fromUtf8("Personalities : [raid1]\n\xff\xfe\n") << "error: line 2: binary";
        QTest::newRow("escape character") << "Personalities : [raid1]\n\x1b[31mred\n" << "error: line 2: binary";
    }
    void texts()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        MdstatContents c;
        QString error;
        const bool ok = parseMdstat(text, &c, &error);
        if (expected.startsWith(QStringLiteral("error: "))) {
            QVERIFY2(!ok, qPrintable(summaries(c).join(QStringLiteral(" | "))));
            const QString where = expected.mid(7, expected.indexOf(QLatin1Char(':'), 7) - 7 + 2);
            QVERIFY2(error.startsWith(where), qPrintable(error));
            QVERIFY2(error.contains(expected.mid(7 + where.size())), qPrintable(error));
            return;
        }
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(summaries(c).join(QStringLiteral(" | ")), expected);
    }

    // Whatever is cut off or damaged, the parser answers in words and never crashes.
    void everyPrefixIsHandled()
    {
        for (const QString &file : knownGood()) {
            const QString text = QString::fromUtf8(readBytes(mdstatDir + QLatin1Char('/') + file));
            for (qsizetype n = 0; n <= text.size(); ++n) {
                MdstatContents c;
                QString error;
                if (!parseMdstat(text.left(n), &c, &error))
                    QVERIFY2(error.startsWith(QStringLiteral("line ")), qPrintable(file + QStringLiteral(": ") + error));
            }
        }
    }

    // A prefix ending inside a header, member, bracket or progress line is always refused.
    void cutInsideATokenIsRefused()
    {
        const QString text = QString::fromUtf8(readBytes(mdstatDir + QStringLiteral("/kernel-raid1-replacement.txt")));
        const QStringList cuts{QStringLiteral("md2 : active raid1 sdc1[2"), QStringLiteral("md2 : active raid1 sdc1[2](R"),
                               QStringLiteral("md2 : active raid1 sdc1"), QStringLiteral("976630464 blocks super 1.2 [2/2] [U"),
                               QStringLiteral("976630464 blocks super 1.2 [2"), QStringLiteral("976630464 blocks super 1.2 [2/2]"),
                               QStringLiteral("recovery = 12.6% (123456789/97"), QStringLiteral("finish=85.3min speed=166666K/s"),
                               QStringLiteral("bitmap: 1/8 pages [4KB], 65536KB"), QStringLiteral("sdb2[1](W)(R"),
                               QStringLiteral("algorithm 18 [5/5] [UUUU")};
        for (const QString &cut : cuts) {
            const qsizetype at = text.indexOf(cut);
            QVERIFY2(at >= 0, qPrintable(cut));
            MdstatContents c;
            QString error;
            QVERIFY2(!parseMdstat(text.left(at + cut.size()), &c, &error), qPrintable(cut));
            QVERIFY2(error.startsWith(QStringLiteral("line ")), qPrintable(error));
        }
    }

    void randomDamageIsHandled()
    {
        quint32 seed = 12345;
        const auto next = [&seed] { seed = seed * 1103515245u + 12345u; return (seed >> 16) & 0x7fff; };
        static const char noise[] = "[]()/:=%. \t\nUF_SWJR0123456789kKx\\";
        for (const QString &file : knownGood()) {
            const QByteArray original = readBytes(mdstatDir + QLatin1Char('/') + file);
            for (int round = 0; round < 200; ++round) {
                QByteArray damaged = original;
                for (int k = 0, n = 1 + int(next() % 4); k < n && !damaged.isEmpty(); ++k) {
                    const int at = int(next() % damaged.size());
                    switch (next() % 3) {
                    case 0: damaged[at] = noise[next() % (sizeof(noise) - 1)]; break;
                    case 1: damaged.remove(at, 1 + int(next() % 8)); break;
                    default: damaged.insert(at, noise[next() % (sizeof(noise) - 1)]); break;
                    }
                }
                MdstatContents c;
                QString error;
                if (!parseMdstat(QString::fromUtf8(damaged), &c, &error))
                    QVERIFY2(error.startsWith(QStringLiteral("line ")), qPrintable(error));
            }
        }
    }

    void nullOutputsAreAllowed()
    {
        QVERIFY(parseMdstat(raid1With(QStringLiteral("sdb1[1] sda1[0]")), nullptr, nullptr));
        QVERIFY(!parseMdstat(QString(), nullptr, nullptr));
    }

    // A hundred arrays parse in a small fraction of a millisecond (figure reported,
    // bound only against pathological slowness).
    void hundredArraysAreFast()
    {
        const QString text = hundredArrays();
        MdstatContents c;
        QString error;
        QVERIFY2(parseMdstat(text, &c, &error), qPrintable(error));
        QCOMPARE(c.arrays.size(), 100);
        QCOMPARE(summary(c.arrays[42]),
                 QStringLiteral("md42: active raid5 disks=4/4 size=2930034688 meta=1.2 chunk=512 algorithm=2 [UUUU] "
                                "members=sdc169[3],sdc170[2],sdc171[1](W),sdc172[0] "
                                "sync=check/running 21.7% 212112384/976678229 finish=72.4 speed=176000 "
                                "bitmap=2/8 mem=8 chunk=67108864B"));
        qint64 best = std::numeric_limits<qint64>::max();
        for (int i = 0; i < 30; ++i) {
            QElapsedTimer t;
            t.start();
            MdstatContents again;
            parseMdstat(text, &again, &error);
            best = qMin(best, t.nsecsElapsed());
        }
        qInfo("100 arrays (%lld bytes) parsed in %.1f us", qint64(text.size()), best / 1000.0);
        QVERIFY2(best < 20 * 1000 * 1000, "parsing a 100-array mdstat took over 20 ms");
    }

private:
    static QStringList sorted(const QSet<QString> &s)
    {
        QStringList l(s.begin(), s.end());
        l.sort();
        return l;
    }
    static QSet<QString> knownGood()
    {
        QSet<QString> s;
        for (const char *f : {"sample000-l376-recovery.txt", "sample000-l420-faulty.txt", "sample002-l114-no-arrays.txt",
                              "sample002-l163-degraded.txt", "sample002-l173-devfs.txt", "sample002-l344-recovery.txt",
                              "sample002-l403-failed.txt", "sample002-l426-missing.txt", "sample003-l68-degraded.txt",
                              "sample003-l79-synced.txt", "sample003-l88-degraded-again.txt", "sample003-l99-grow.txt",
                              "sample003-l103-three-way.txt", "debian13-vm.txt", "kernel-raid6-reshape.txt",
                              "kernel-raid5-check.txt", "kernel-raid1-writemostly-bitmap-file.txt",
                              "kernel-raid10-far-offset.txt", "kernel-raid0-linear.txt", "kernel-inactive-spares.txt",
                              "kernel-imsm-container.txt", "kernel-readonly-pending.txt", "kernel-broken-raid0.txt",
                              "kernel-raid5-journal.txt", "kernel-raid1-replacement.txt", "kernel-unused-devices.txt",
                              "kernel-raid6-recovery-delayed.txt", "kernel-multipath-faulty.txt",
                              "kernel-nonpersistent-empty.txt"})
            s << QString::fromLatin1(f);
        return s;
    }
    static QSet<QString> knownBad()
    {
        QSet<QString> s;
        for (const char *f : {"empty.txt", "blank-only.txt", "garbage.txt", "mdadm-detail.txt", "binary-elf.txt",
                              "binary-tail.txt", "truncated-after-header.txt", "truncated-member.txt",
                              "truncated-member-bracket.txt", "truncated-member-flag.txt", "truncated-before-level.txt",
                              "truncated-status-bracket.txt", "truncated-counts-bracket.txt", "truncated-size-line.txt",
                              "truncated-blocks-word.txt", "truncated-progress.txt", "truncated-progress-bar.txt",
                              "truncated-bitmap.txt", "truncated-personalities.txt", "truncated-footer.txt",
                              "truncated-continuation.txt", "unrecognised-between-arrays.txt", "text-after-footer.txt",
                              "progress-before-array.txt", "header-without-size.txt", "unknown-member-flag.txt",
                              "illegal-flag-order.txt", "unknown-state.txt", "status-length-mismatch.txt",
                              "unknown-sync-word.txt"})
            s << QString::fromLatin1(f);
        return s;
    }
};

QTEST_GUILESS_MAIN(TestMdstatParser)
#include "tst_mdstatparser.moc"

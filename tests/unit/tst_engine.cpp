// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The engine's plans (previews, descriptions, order of steps) for each operation
// on a machine built in code, the text edits (mdadm.conf, sfdisk dumps), the
// journal and the executor. Nothing runs on a real device here.
#include "tst_engine_fixture.h"

#include "engine/engine.h"
#include "engine/ops/registry.h"
#include "engine/executor.h"
#include "engine/journal.h"
#include "engine/textedits.h"
#include "engine/toolwatchdog.h"
#include "engine/actions.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace plexus;
using namespace plexus::fixture;

namespace {

DeviceSpec spec(const Snapshot &s, const QString &path)
{
    DeviceSpec d;
    d.path = path;
    if (path == QLatin1String("missing"))
        return d;
    const QString name = path.mid(5);
    if (const Disk *disk = s.diskOf(name)) {
        d.identity = disk->identity();
        d.sizeBytes = quint64(disk->name == name ? disk->sizeBytes : disk->partition(name)->sizeBytes);
    }
    return d;
}

DeviceSpecList specs(const Snapshot &s, const QStringList &paths)
{
    DeviceSpecList l;
    for (const QString &p : paths)
        l << spec(s, p);
    return l;
}

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT
    SnapshotPtr snap = std::make_shared<Snapshot>(machine());
    FakeSystem sys{*snap};
    Engine engine{snap, sys};

    template<typename Request>
    Plan plan(const Request &r)
    {
        Plan p;
        const Status s = engine.prepare(r, &p);
        if (!s.ok())
            qWarning("%s: %s", qPrintable(s.name()), qPrintable(s.message()));
        return p;
    }

private Q_SLOTS:
    void shellQuoting()
    {
        QCOMPARE(shellQuote(QStringLiteral("/dev/sdb1")), QStringLiteral("/dev/sdb1"));
        QCOMPARE(shellQuote(QStringLiteral("--name=home")), QStringLiteral("--name=home"));
        QCOMPARE(shellQuote(QStringLiteral("my disk")), QStringLiteral("'my disk'"));
        QCOMPARE(shellQuote(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
        QCOMPARE(shellQuote(QString()), QStringLiteral("''"));
    }

    void createDegradedMirror()
    {
        CreateArrayRequest r;
        r.array = QStringLiteral("/dev/md5");
        r.level = QStringLiteral("raid1");
        r.members = specs(*snap, {QStringLiteral("missing"), QStringLiteral("/dev/sdc1")});
        const Plan p = plan(r);
        QCOMPARE(p.steps.size(), 1);
        QCOMPARE(p.steps[0].preview(),
                 QStringLiteral("mdadm --create /dev/md5 --run --level=1 --raid-devices=2 --metadata=1.2 --bitmap=internal missing /dev/sdc1"));
        QCOMPARE(p.steps[0].description,
                 QStringLiteral("Create the RAID-1 array /dev/md5 from /dev/sdc1 and a missing slot, with an internal write-intent bitmap"));
        QCOMPARE(p.summary, QStringLiteral("Create /dev/md5: RAID-1 of 2 devices, about 100 GiB."));
        QVERIFY(p.notes.join(QLatin1Char('\n')).contains(QStringLiteral("starts degraded")));
        QCOMPARE(p.exclusive, QStringList{QStringLiteral("/dev/sdc1")});
    }

    // A layout ready to mount: the filesystem goes on the new array in the same
    // plan; a filesystem that does not fit, or a label without one, is refused.
    void createWithAFilesystem()
    {
        CreateArrayRequest r;
        r.array = QStringLiteral("/dev/md5");
        r.level = QStringLiteral("raid1");
        r.members = specs(*snap, {QStringLiteral("missing"), QStringLiteral("/dev/sdc1")});
        r.filesystem = QStringLiteral("xfs");
        r.label = QStringLiteral("data");
        const Plan p = plan(r);
        QCOMPARE(p.steps.size(), 2);
        QCOMPARE(p.steps[1].preview(), QStringLiteral("mkfs.xfs -f -q -L data /dev/md5"));
        QCOMPARE(p.summary, QStringLiteral("Create /dev/md5: RAID-1 of 2 devices, about 100 GiB, with xfs on it."));

        Plan none;
        CreateArrayRequest labelOnly = r;
        labelOnly.filesystem.clear();
        Status s = engine.prepare(labelOnly, &none);
        QCOMPARE(s.code(), ErrorCode::Invalid);
        QVERIFY2(s.message().contains(QStringLiteral("A label belongs to a filesystem")), qPrintable(s.message()));
        CreateArrayRequest unknown = r;
        unknown.filesystem = QStringLiteral("ntfs");
        s = engine.prepare(unknown, &none);
        QCOMPARE(s.code(), ErrorCode::Invalid);
        QVERIFY2(s.message().contains(QStringLiteral("'ntfs' is not a filesystem Plexus makes")), qPrintable(s.message()));
        QVERIFY(none.steps.isEmpty());
    }

    void createVariants()
    {
        CreateArrayRequest r;
        r.array = QStringLiteral("/dev/md/data");
        r.level = QStringLiteral("5");
        r.members = specs(*snap, {QStringLiteral("/dev/sdb"), QStringLiteral("/dev/sdc1"), QStringLiteral("/dev/sdk")});
        r.spares = specs(*snap, {QStringLiteral("/dev/sdi")});
        r.chunkKib = 64;
        r.name = QStringLiteral("data");
        r.overwrite = true;
        Plan p = plan(r);
        QCOMPARE(p.steps[0].preview(), QStringLiteral("mdadm --create /dev/md/data --run --level=5 --raid-devices=3 --spare-devices=1 "
                                                      "--metadata=1.2 --bitmap=internal --chunk=64 /dev/sdb /dev/sdc1 /dev/sdk /dev/sdi --name=data"));
        // The smallest member decides, and the plan says so in words.
        QVERIFY2(p.notes.join(QLatin1Char('\n')).contains(QStringLiteral("The smallest member, /dev/sdc1 (100 GiB), decides how much of each member is used")),
                 qPrintable(p.notes.join(QLatin1Char('\n'))));
        QCOMPARE(p.summary, QStringLiteral("Create /dev/md/data: RAID-5 of 3 devices, about 200 GiB."));

        CreateArrayRequest stripe;
        stripe.array = QStringLiteral("/dev/md5");
        stripe.level = QStringLiteral("raid0");
        stripe.members = specs(*snap, {QStringLiteral("/dev/sdb"), QStringLiteral("/dev/sdc1")});
        p = plan(stripe);
        QCOMPARE(p.steps[0].preview(), QStringLiteral("mdadm --create /dev/md5 --run --level=0 --raid-devices=2 --metadata=1.2 /dev/sdb /dev/sdc1"));

        CreateArrayRequest nobitmap = r;
        nobitmap.level = QStringLiteral("raid1");
        nobitmap.array = QStringLiteral("/dev/md5");
        nobitmap.chunkKib = 0;
        nobitmap.name.clear();
        nobitmap.spares.clear();
        nobitmap.members = specs(*snap, {QStringLiteral("/dev/sdb"), QStringLiteral("/dev/sdk")});
        nobitmap.bitmap = QStringLiteral("none");
        p = plan(nobitmap);
        QVERIFY2(p.steps[0].preview().contains(QStringLiteral("--bitmap=none")), qPrintable(p.steps[0].preview()));

        CreateArrayRequest single;
        single.array = QStringLiteral("/dev/md5");
        single.level = QStringLiteral("raid1");
        single.members = specs(*snap, {QStringLiteral("/dev/sdb")});
        single.forceSingle = true;
        p = plan(single);
        // mdadm wants --force before --raid-devices.
        QCOMPARE(p.steps[0].preview(), QStringLiteral("mdadm --create /dev/md5 --run --force --level=1 --raid-devices=1 --metadata=1.2 --bitmap=internal /dev/sdb"));
    }

    void memberOperations()
    {
        Plan p = plan(AddDeviceRequest{QStringLiteral("/dev/md1"), spec(*snap, QStringLiteral("/dev/sdb")), false, false, {}});
        QCOMPARE(p.previews(), QStringList{QStringLiteral("mdadm /dev/md1 --add /dev/sdb")});
        p = plan(AddDeviceRequest{QStringLiteral("/dev/md0"), spec(*snap, QStringLiteral("/dev/sdb")), true, false, {}});
        QCOMPARE(p.previews(), QStringList{QStringLiteral("mdadm /dev/md0 --add-spare /dev/sdb")});
        p = plan(FailMemberRequest{QStringLiteral("/dev/md0"), spec(*snap, QStringLiteral("/dev/sdd")), {}});
        QCOMPARE(p.previews(), QStringList{QStringLiteral("mdadm /dev/md0 --fail /dev/sdd")});
        QVERIFY(p.steps[0].description.contains(QStringLiteral("md0 then runs without it (degraded)")));
        p = plan(RemoveMemberRequest{QStringLiteral("/dev/md0"), spec(*snap, QStringLiteral("/dev/sdd")), true, true, {}});
        QCOMPARE(p.previews(), (QStringList{QStringLiteral("mdadm /dev/md0 --fail /dev/sdd"), QStringLiteral("mdadm /dev/md0 --remove /dev/sdd"),
                                            QStringLiteral("mdadm --zero-superblock /dev/sdd")}));
        p = plan(StopArrayRequest{QStringLiteral("/dev/md0"), {}});
        QCOMPARE(p.previews(), QStringList{QStringLiteral("mdadm --stop /dev/md0")});
        QCOMPARE(p.exclusive, QStringList{QStringLiteral("/dev/md0")});
    }

    void hotReplacement()
    {
        Plan p = plan(ReplaceMemberRequest{QStringLiteral("/dev/md0"), spec(*snap, QStringLiteral("/dev/sdd")), spec(*snap, QStringLiteral("/dev/sdb")), true, false, {}});
        QCOMPARE(p.previews(), (QStringList{QStringLiteral("mdadm /dev/md0 --add-spare /dev/sdb"),
                                            QStringLiteral("mdadm /dev/md0 --replace /dev/sdd --with /dev/sdb"),
                                            QStringLiteral("mdadm --wait /dev/md0"),
                                            QStringLiteral("mdadm /dev/md0 --remove /dev/sdd")}));
        QVERIFY(p.steps[2].waitsForKernel);
        QVERIFY(p.summary.contains(QStringLiteral("never loses redundancy")));
        p = plan(ReplaceMemberRequest{QStringLiteral("/dev/md0"), spec(*snap, QStringLiteral("/dev/sdd")), spec(*snap, QStringLiteral("/dev/sdb")), false, false, {}});
        QCOMPARE(p.steps.size(), 2);
        QVERIFY(p.notes.join(QLatin1Char(' ')).contains(QStringLiteral("remove it then")));
        // A faulty member: take it out, put the new one in (recovery).
        p = plan(ReplaceMemberRequest{QStringLiteral("/dev/md1"), spec(*snap, QStringLiteral("/dev/sdh")), spec(*snap, QStringLiteral("/dev/sdb")), true, false, {}});
        QCOMPARE(p.previews(), (QStringList{QStringLiteral("mdadm /dev/md1 --remove /dev/sdh"), QStringLiteral("mdadm /dev/md1 --add /dev/sdb")}));
    }

    void growAndShrinkMirror()
    {
        GrowArrayRequest up;
        up.array = QStringLiteral("/dev/md0");
        up.raidDevices = 3;
        up.add = specs(*snap, {QStringLiteral("/dev/sdb")});
        Plan p = plan(up);
        QCOMPARE(p.previews(), (QStringList{QStringLiteral("mdadm /dev/md0 --add-spare /dev/sdb"), QStringLiteral("mdadm --grow /dev/md0 --raid-devices=3")}));
        QCOMPARE(p.summary, QStringLiteral("Grow md0 from 2 to 3 devices."));
        GrowArrayRequest down;
        down.array = QStringLiteral("/dev/md0");
        down.raidDevices = 1;
        down.remove = specs(*snap, {QStringLiteral("/dev/sde")});
        down.forceSingle = true;
        p = plan(down);
        QCOMPARE(p.previews(), (QStringList{QStringLiteral("mdadm /dev/md0 --fail /dev/sde"), QStringLiteral("mdadm /dev/md0 --remove /dev/sde"),
                                            QStringLiteral("mdadm --grow /dev/md0 --force --raid-devices=1")}));
        QVERIFY2(p.steps[2].description.contains(QStringLiteral("(its remaining member: sdd)")), qPrintable(p.steps[2].description));
        GrowArrayRequest size;
        size.array = QStringLiteral("/dev/md0");
        size.size = QStringLiteral("max");
        p = plan(size);
        QCOMPARE(p.previews(), QStringList{QStringLiteral("mdadm --grow /dev/md0 --size=max")});
    }

    void sysfsWrites()
    {
        Plan p = plan(SyncActionRequest{QStringLiteral("/dev/md0"), QStringLiteral("check"), {}});
        QCOMPARE(p.previews(), QStringList{QStringLiteral("echo check > /sys/block/md0/md/sync_action")});
        // Raising the minimum above the current maximum: the maximum goes first.
        p = plan(SpeedLimitsRequest{QStringLiteral("/dev/md0"), QStringLiteral("300000"), QStringLiteral("400000"), {}});
        QCOMPARE(p.previews(), (QStringList{QStringLiteral("echo 400000 > /sys/block/md0/md/sync_speed_max"),
                                            QStringLiteral("echo 300000 > /sys/block/md0/md/sync_speed_min")}));
        p = plan(SpeedLimitsRequest{QStringLiteral("/dev/md0"), QStringLiteral("system"), QString(), {}});
        QCOMPARE(p.previews(), QStringList{QStringLiteral("echo system > /sys/block/md0/md/sync_speed_min")});
        // As fast as the disks allow for the rebuild under way, then the limits as they were (the system's here).
        sys.setSyncAction(QStringLiteral("md0"), QStringLiteral("recover"));
        p = plan(SpeedLimitsRequest{.array = QStringLiteral("/dev/md0"), .min = QStringLiteral("10000000"), .max = QStringLiteral("10000000"), .untilIdle = true});
        QCOMPARE(p.previews(), (QStringList{QStringLiteral("echo 10000000 > /sys/block/md0/md/sync_speed_max"),
                                            QStringLiteral("echo 10000000 > /sys/block/md0/md/sync_speed_min"),
                                            QStringLiteral("mdadm --wait /dev/md0"),
                                            QStringLiteral("echo system > /sys/block/md0/md/sync_speed_min"),
                                            QStringLiteral("echo system > /sys/block/md0/md/sync_speed_max")}));
        QCOMPARE(p.summary, QStringLiteral("Set md0's resync speed limits: minimum 10000000, maximum 10000000, until md has finished this sync; then as before."));
        sys.setSyncAction(QStringLiteral("md0"), QStringLiteral("idle"));
    }

    void diskOperations()
    {
        Plan p = plan(ZeroSuperblockRequest{spec(*snap, QStringLiteral("/dev/sdi")), {}});
        QCOMPARE(p.previews(), QStringList{QStringLiteral("mdadm --zero-superblock /dev/sdi")});
        QCOMPARE(p.exclusive, QStringList{QStringLiteral("/dev/sdi")});
        p = plan(CopyPartitionTableRequest{spec(*snap, QStringLiteral("/dev/sdc")), spec(*snap, QStringLiteral("/dev/sdk")), true, {}});
        QCOMPARE(p.previews(), (QStringList{QStringLiteral("sfdisk --dump /dev/sdk > /var/lib/plexus/journal/JOB.d/sdk.sfdisk"),
                                            QStringLiteral("sfdisk --dump /dev/sdc"),
                                            QStringLiteral("sfdisk --no-reread --no-tell-kernel --wipe=always --wipe-partitions=always /dev/sdk < sdc.sfdisk"),
                                            QStringLiteral("blockdev --rereadpt /dev/sdk")}));
        engine.setStamp(QStringLiteral("20261121-120000"));
        sys.addPath(QStringLiteral("/etc/mdadm"));
        sys.addPath(QStringLiteral("/etc/mdadm/mdadm.conf"));
        p = plan(WriteMdadmConfRequest{});
        QCOMPARE(p.steps.size(), 3);
        QCOMPARE(p.steps[1].preview(), QStringLiteral("cp -p /etc/mdadm/mdadm.conf /etc/mdadm/mdadm.conf.plexus-20261121-120000"));
        QCOMPARE(p.summary, QStringLiteral("Write the 2 running arrays into /etc/mdadm/mdadm.conf."));
    }

    void checkSchedule()
    {
        ScrubSchedule mdcheck;
        mdcheck.source = QStringLiteral("mdcheck_start.timer");
        mdcheck.calendar = {QStringLiteral("Sun *-*-1..7 1:00:00")};
        mdcheck.enabled = true;
        sys.setScrubSchedule(mdcheck, true);
        const QString dropIn = QStringLiteral("/etc/systemd/system/mdcheck_start.timer.d/90-plexus-schedule.conf");
        Plan p = plan(CheckScheduleRequest{.when = QStringLiteral("Sat 03:00")});
        QCOMPARE(p.summary, QStringLiteral("Check the arrays every Saturday at 03:00 (now: the first Sunday of each month at 01:00)."));
        QCOMPARE(p.previews(),
                 (QStringList{QStringLiteral("mkdir -p /etc/systemd/system/mdcheck_start.timer.d && printf '# Written by Plexus (plexusctl check-schedule default takes it away).\\n"
                                             "[Timer]\\nOnCalendar=\\nOnCalendar=Sat 03:00\\n' > ") + dropIn,
                              QStringLiteral("systemctl daemon-reload"), QStringLiteral("systemctl restart mdcheck_start.timer")}));
        QCOMPARE(p.steps[0].undoWords(), QStringLiteral("undo: Remove Plexus's schedule (%1): the timer's own calendar applies again").arg(dropIn));

        // Off, and back on as shipped: a timer not enabled is enabled; without systemd, on disk only.
        p = plan(CheckScheduleRequest{.when = QStringLiteral("off")});
        QCOMPARE(p.previews(), QStringList{QStringLiteral("systemctl disable --now mdcheck_start.timer")});
        ScrubSchedule off = mdcheck;
        off.enabled = false;
        sys.setScrubSchedule(off, false);
        sys.addPath(dropIn);
        p = plan(CheckScheduleRequest{.when = QStringLiteral("default")});
        QCOMPARE(p.previews(), (QStringList{QStringLiteral("rm -f ") + dropIn, QStringLiteral("systemctl enable mdcheck_start.timer")}));
        QVERIFY(p.notes.join(QLatin1Char(' ')).contains(QStringLiteral("systemd does not run this system")));
    }

    void planOnACopy()
    {
        // Planning a shrink simulates fail+remove on its own copy: the live model stays.
        GrowArrayRequest down;
        down.array = QStringLiteral("/dev/md0");
        down.raidDevices = 1;
        down.remove = specs(*snap, {QStringLiteral("/dev/sde")});
        down.forceSingle = true;
        plan(down);
        QCOMPARE(snap->array(QStringLiteral("md0"))->members.size(), 2);
        QVERIFY(!snap->array(QStringLiteral("md0"))->member(QStringLiteral("sde"))->faulty);
    }

    void mdadmConf()
    {
        const QByteArray conf = "# mdadm.conf\nHOMEHOST <system>\nMAILADDR root\n\n# definitions of existing MD arrays\n"
                                "ARRAY /dev/md/0 metadata=1.2 UUID=aaaa:bbbb:cccc:dddd name=host:0\n   spares=1\n"
                                "ARRAY /dev/md/1 metadata=1.2 UUID=1111:2222:3333:4444\n# trailing comment\n";
        const QByteArray scan = "ARRAY /dev/md0 metadata=1.2 UUID=eeee:ffff:0000:1111\nARRAY /dev/md1 metadata=1.2 UUID=2222:3333:4444:5555\n";
        const QByteArray merged = mergeMdadmConf(conf, scan, QStringLiteral("2026-11-21"));
        QCOMPARE(merged, QByteArray("# mdadm.conf\nHOMEHOST <system>\nMAILADDR root\n\n# definitions of existing MD arrays\n"
                                    "# ARRAY lines written by Plexus (mdadm --detail --scan) on 2026-11-21\n"
                                    "ARRAY /dev/md0 metadata=1.2 UUID=eeee:ffff:0000:1111\nARRAY /dev/md1 metadata=1.2 UUID=2222:3333:4444:5555\n"
                                    "# trailing comment\n"));
        // Twice gives the same file (the header is not repeated).
        QCOMPARE(mergeMdadmConf(merged, scan, QStringLiteral("2026-11-21")), merged);
        // No ARRAY line yet: appended at the end.
        QCOMPARE(mergeMdadmConf("MAILADDR root\n", "ARRAY /dev/md0 UUID=1\n", QStringLiteral("x")),
                 QByteArray("MAILADDR root\n\n# ARRAY lines written by Plexus (mdadm --detail --scan) on x\nARRAY /dev/md0 UUID=1\n"));
        QCOMPARE(mergeMdadmConf(QByteArray(), "ARRAY /dev/md0 UUID=1\n", QStringLiteral("x")),
                 QByteArray("# ARRAY lines written by Plexus (mdadm --detail --scan) on x\nARRAY /dev/md0 UUID=1\n"));
        // Nothing but ARRAY lines comes from the scan (a name with a newline in it, say).
        QCOMPARE(mergeMdadmConf(QByteArray(), "ARRAY /dev/md0 UUID=1 name=a\nPROGRAM /tmp/evil\n   spares=1\nmdadm: warning\n", QStringLiteral("x")),
                 QByteArray("# ARRAY lines written by Plexus (mdadm --detail --scan) on x\nARRAY /dev/md0 UUID=1 name=a\n"));
    }

    void sfdiskDump()
    {
        const QByteArray dump = "label: gpt\nlabel-id: 2E8F9A40-1111-2222-3333-444455556666\ndevice: /dev/sda\nunit: sectors\n"
                                "first-lba: 2048\nlast-lba: 524254\nsector-size: 512\n\n"
                                "/dev/sda1 : start=        2048, size=      204800, type=A19D880F-05FC-4D3B-A006-743F0F84911E, uuid=8F5B2C66-AAAA-BBBB-CCCC-DDDDEEEEFFFF, name=\"boot\"\n"
                                "/dev/sda2 : start=      206848, size=      122880, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, uuid=246D4093-B61A-498A-B2A3-4A1D4A0A211C\n";
        QCOMPARE(sanitizeSfdiskDump(dump),
                 QByteArray("label: gpt\nunit: sectors\nfirst-lba: 2048\nsector-size: 512\n\n"
                            "/dev/sda1 : start=        2048, size=      204800, type=A19D880F-05FC-4D3B-A006-743F0F84911E, name=\"boot\"\n"
                            "/dev/sda2 : start=      206848, size=      122880, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4\n"));
        const QByteArray mbr = "label: dos\nlabel-id: 0x1a2b3c4d\ndevice: /dev/sda\nunit: sectors\nsector-size: 512\n\n/dev/sda1 : start=2048, size=1024000, type=fd, bootable\n";
        QCOMPARE(sanitizeSfdiskDump(mbr), QByteArray("label: dos\nunit: sectors\nsector-size: 512\n\n/dev/sda1 : start=2048, size=1024000, type=fd, bootable\n"));
    }

    void journal()
    {
        QTemporaryDir dir;
        Plan p;
        p.operation = QStringLiteral("ReplaceMember");
        p.summary = QStringLiteral("Replace sdd with sdb.");
        Step a;
        a.description = QStringLiteral("first");
        a.command = {QStringLiteral("true")};
        Step b = a;
        b.description = QStringLiteral("second");
        p.steps = {a, b};
        Journal j(dir.path());
        QVERIFY(j.begin(QStringLiteral("20261121-000000-000-aaaa"), p, {QStringLiteral(":1.5")}, {}).ok());
        j.stepStarted(0);
        j.stepFinished(0, Status());
        j.stepStarted(1);
        // The helper died here: the job is unfinished.
        QList<JournalSummary> open = Journal::unfinished(dir.path());
        QCOMPARE(open.size(), 1);
        QCOMPARE(open[0].operation, QStringLiteral("ReplaceMember"));
        QCOMPARE(open[0].stepsFinished, 1);
        QCOMPARE(open[0].lastStarted, 1);
        QCOMPARE(open[0].steps, (QStringList{QStringLiteral("first"), QStringLiteral("second")}));
        QCOMPARE(Journal::drop(QStringLiteral("nope"), {QStringLiteral("x")}, dir.path()).code(), ErrorCode::NotFound);
        QCOMPARE(Journal::drop(QStringLiteral("../etc/passwd"), {QStringLiteral("x")}, dir.path()).code(), ErrorCode::Invalid);
        QVERIFY(Journal::drop(QStringLiteral("20261121-000000-000-aaaa"), {QStringLiteral(":1.9"), 1000, 77}, dir.path()).ok());
        QVERIFY(Journal::unfinished(dir.path()).isEmpty());
        // Dropped once is enough: the second time says why not.
        EXPECT_REFUSAL(Journal::drop(QStringLiteral("20261121-000000-000-aaaa"), {QStringLiteral("x")}, dir.path()), ErrorCode::Invalid, "it was dropped");

        Journal done(dir.path());
        QVERIFY(done.begin(QStringLiteral("20261121-000001-000-bbbb"), p, {QStringLiteral(":1.5")}, {}).ok());
        done.finish(Status());
        QVERIFY(Journal::unfinished(dir.path()).isEmpty());
        QCOMPARE(Journal::read(dir.path()).size(), 2);
        Journal::prune(1, dir.path());
        QCOMPARE(Journal::read(dir.path()).size(), 1);
    }

    // The journal holds commands, tool output and partition tables: root's only,
    // by the modes given at creation (checked under umask 0, which takes nothing
    // away), never written through a link; it names the caller by uid and pid.
    void journalIsPrivate()
    {
        QTemporaryDir top;
        const QString dir = top.path() + QStringLiteral("/journal");
        const mode_t oldMask = umask(0);
        Plan p;
        p.operation = QStringLiteral("CopyPartitionTable");
        Journal j(dir);
        const Status begun = j.begin(QStringLiteral("20261121-000003-000-dddd"), p, {QStringLiteral(":1.7"), 1000, 4242}, {});
        QString dump;
        const Status kept = j.keep(QStringLiteral("sdb.sfdisk"), "label: gpt\n", &dump);
        QVERIFY(QFile::link(top.path() + QStringLiteral("/elsewhere"), dir + QStringLiteral("/20261121-000003-000-dddd.d/sdc.sfdisk")));
        const Status throughLink = j.keep(QStringLiteral("sdc.sfdisk"), "label: dos\n", nullptr);
        const Status outside = j.keep(QStringLiteral("../sdd.sfdisk"), "x", nullptr);
        umask(oldMask);
        QVERIFY2(begun.ok(), qPrintable(begun.message()));
        QVERIFY2(kept.ok(), qPrintable(kept.message()));
        auto mode = [](const QString &path) {
            struct stat st;
            return lstat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
        };
        QCOMPARE(mode(dir), 0700);
        QCOMPARE(mode(dir + QStringLiteral("/20261121-000003-000-dddd.jsonl")), 0600);
        QCOMPARE(dump, dir + QStringLiteral("/20261121-000003-000-dddd.d/sdb.sfdisk"));
        QCOMPARE(mode(dir + QStringLiteral("/20261121-000003-000-dddd.d")), 0700);
        QCOMPARE(mode(dump), 0600);
        QCOMPARE(throughLink.code(), ErrorCode::ToolFailed);
        QVERIFY(!QFile::exists(top.path() + QStringLiteral("/elsewhere")));
        QCOMPARE(outside.code(), ErrorCode::Invalid);

        QFile f(dir + QStringLiteral("/20261121-000003-000-dddd.jsonl"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject plan = QJsonDocument::fromJson(f.readLine()).object();
        QCOMPARE(plan.value(QStringLiteral("caller")).toString(), QStringLiteral(":1.7"));
        QCOMPARE(plan.value(QStringLiteral("uid")).toInt(), 1000);
        QCOMPARE(plan.value(QStringLiteral("pid")).toInt(), 4242);
    }

    // Under systemd the journal lives in the unit's StateDirectory.
    void journalInStateDirectory()
    {
        const QByteArray test = qgetenv("PLEXUS_JOURNAL_DIR"), state = qgetenv("STATE_DIRECTORY");
        qunsetenv("PLEXUS_JOURNAL_DIR");
        qputenv("STATE_DIRECTORY", "/var/lib/plexus-state:/var/lib/other");
        const QString fromState = Journal::defaultDirectory();
        qunsetenv("STATE_DIRECTORY");
        const QString fallback = Journal::defaultDirectory();
        qputenv("PLEXUS_JOURNAL_DIR", test);
        qputenv("STATE_DIRECTORY", state);
        if (test.isEmpty())
            qunsetenv("PLEXUS_JOURNAL_DIR");
        if (state.isEmpty())
            qunsetenv("STATE_DIRECTORY");
        QCOMPARE(fromState, QStringLiteral("/var/lib/plexus-state/journal"));
        QCOMPARE(fallback, QStringLiteral("/var/lib/plexus/journal"));
    }

    // A journal directory an older helper left world-readable is narrowed.
    void journalDirectoryNarrowed()
    {
        QTemporaryDir top;
        const QString dir = top.path() + QStringLiteral("/journal");
        QVERIFY(QDir().mkdir(dir));
        QVERIFY(QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));
        Journal j(dir);
        QVERIFY(j.begin(QStringLiteral("20261121-000004-000-eeee"), Plan(), {QStringLiteral(":1.8")}, {}).ok());
        struct stat st;
        QCOMPARE(lstat(QFile::encodeName(dir).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 07777), 0700);
    }

    // A tool that hangs is killed when its step's time limit passes; the job
    // ends ToolFailed with what the tool had said.
    void hungToolIsKilled()
    {
        Plan p;
        p.operation = QStringLiteral("Test");
        Step s;
        s.description = QStringLiteral("hang");
        s.command = {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo started; exec sleep 30")};
        s.timeLimitSeconds = 1;
        const QStringList argv = s.command;
        s.action = [argv](StepContext &ctx) { return actions::run(ctx, argv); };
        p.steps = {s};
        QElapsedTimer clock;
        clock.start();
        const Status result = execute(p, nullptr, nullptr, nullptr);
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(result.code(), ErrorCode::ToolFailed);
        QVERIFY2(result.message().contains(QLatin1String("gave up after 1 s")), qPrintable(result.message()));
        QVERIFY2(result.message().contains(QLatin1String("Its output so far: started")), qPrintable(result.message()));
    }

    // A tool that reports as it goes (pvmove -i N): each line arrives as it is
    // printed, and the time limit runs from the last one, so a long move that
    // keeps reporting lives and a silent one is killed.
    void toolReportingLines()
    {
        actions::QuietContext ctx;
        ctx.timeLimitSeconds = 1;
        QStringList lines;
        const auto collect = [&lines](const QString &line) { lines << line; };
        const Status alive = actions::runReportingLines(ctx, {QStringLiteral("sh"), QStringLiteral("-c"),
                                                              QStringLiteral("echo 'Moved: 10.0%'; sleep 0.6; echo 'Moved: 60.0%'; sleep 0.6; echo done >&2")},
                                                       collect);
        QVERIFY2(alive.ok(), qPrintable(alive.message()));
        QCOMPARE(lines, (QStringList{QStringLiteral("Moved: 10.0%"), QStringLiteral("Moved: 60.0%"), QStringLiteral("done")}));
        lines.clear();
        const Status silent = actions::runReportingLines(ctx, {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo started; exec sleep 30")}, collect);
        QCOMPARE(silent.code(), ErrorCode::ToolFailed);
        QVERIFY2(silent.message().contains(QLatin1String("gave up after 1 s")), qPrintable(silent.message()));
        QCOMPARE(lines, QStringList{QStringLiteral("started")});
    }

    // Where libblockdev runs the tool, the watchdog kills what the thread started.
    void watchdogKillsWhatTheThreadStarted()
    {
        QElapsedTimer clock;
        clock.start();
        ToolWatchdog watchdog(1);
        const int code = QProcess::execute(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(watchdog.fired());
        QVERIFY(code != 0);
        ToolWatchdog quiet(5);
        QCOMPARE(QProcess::execute(QStringLiteral("true"), {}), 0);
        QVERIFY(!quiet.fired());
    }

    void toolTimeLimits()
    {
        actions::QuietContext ctx;
        QCOMPARE(actions::timeLimitSeconds(ctx, QStringLiteral("mdadm")), 300);
        QCOMPARE(actions::timeLimitSeconds(ctx, QStringLiteral("sfdisk")), 120);
        ctx.timeLimitSeconds = 7; // the step's own
        QCOMPARE(actions::timeLimitSeconds(ctx, QStringLiteral("mdadm")), 7);
    }

    void executorStopsAtTheFirstFailure()
    {
        QTemporaryDir dir;
        QStringList ran;
        auto step = [&](const QString &name, Status result, bool precondition = true) {
            Step s;
            s.description = name;
            s.command = {QStringLiteral("echo"), name};
            if (!precondition)
                s.precondition = [] { return Status::failure(ErrorCode::NotFound, QStringLiteral("gone")); };
            s.action = [&ran, name, result](StepContext &ctx) {
                ctx.log(QStringLiteral("running ") + name);
                ran << name;
                return result;
            };
            return s;
        };
        Plan p;
        p.operation = QStringLiteral("Test");
        p.steps = {step(QStringLiteral("one"), Status()),
                   step(QStringLiteral("two"), Status::failure(ErrorCode::ToolFailed, QStringLiteral("mdadm: no"))),
                   step(QStringLiteral("three"), Status())};
        Journal j(dir.path());
        QVERIFY(j.begin(QStringLiteral("20261121-000002-000-cccc"), p, {}, {}).ok());
        const Status s = execute(p, &j, nullptr, nullptr);
        QCOMPARE(s.code(), ErrorCode::ToolFailed);
        QCOMPARE(s.message(), QStringLiteral("Step 2 of 3 (two) failed: mdadm: no Step 1 was done. Step 3 did not run."));
        QCOMPARE(ran, (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
        const JournalSummary sum = Journal::summarize(dir.path() + QStringLiteral("/20261121-000002-000-cccc.jsonl"));
        QVERIFY(sum.finished);
        QVERIFY(!sum.ok);
        QCOMPARE(sum.error, QStringLiteral("org.plexus.Error.ToolFailed"));

        ran.clear();
        p.steps = {step(QStringLiteral("one"), Status(), false), step(QStringLiteral("two"), Status())};
        QCOMPARE(execute(p, nullptr, nullptr, nullptr).code(), ErrorCode::NotFound);
        QVERIFY(ran.isEmpty()); // a failed precondition runs nothing
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"

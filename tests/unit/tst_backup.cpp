// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Split-mirror backups (engine/ops: BackUpToDisk, OpenBackup, CloseBackup) on
// the fixture machine (tst_engine_fixture.h): which copies are taken back
// incrementally, which are refused and why, and the plans' commands.

#include "tst_engine_fixture.h"

#include "engine/backuprecord.h"
#include "engine/ops/registry.h"

#include <QJsonDocument>
#include <QTest>

using namespace plexus;
using namespace plexus::fixture;

namespace {

const QString copyUuid = QStringLiteral("aaaaaaaa:bbbbbbbb:cccccccc:dddddddd");
const QString stamp = QStringLiteral("ext: mounted 3 times, last written 2026-12-04T09:00:00Z, 4096 KiB written in its life");

// What mdadm --examine says of a copy of md0 cut from slot 1.
QString examineCopy(qint64 events)
{
    return QStringLiteral("/dev/sdb:\n          Magic : a92b4efc\n        Version : 1.2\n     Array UUID : 11111111:22223333:44445555:55555555\n"
                          "     Raid Level : raid1\n     Array Size : 1073610752 KiB (1023.87 GiB)\n    Data Offset : 262144 sectors\n"
                          "    Device UUID : %1\n    Update Time : Fri Dec  4 09:00:00 2026\n         Events : %2\n\n"
                          "   Device Role : Active device 1\n   Array State : AA ('A' == active, '.' == missing, 'R' == replacing)\n")
        .arg(copyUuid)
        .arg(events);
}

QString record(qint64 events)
{
    BackupRecord r;
    r.arrayUuid = QStringLiteral("11111111-2222-3333-4444-555555555555");
    r.array = QStringLiteral("md0");
    r.deviceUuid = copyUuid;
    r.device = QStringLiteral("sdb");
    r.events = events;
    r.contentStamp = stamp;
    r.cutAt = QDateTime(QDate(2026, 12, 4), QTime(9, 0), QTimeZone::UTC);
    return QString::fromUtf8(QJsonDocument(r.toJson()).toJson());
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT
    Snapshot snap = machine();

    // md0 kept for backups: one member (sdd), slot 1 free, a bitmap; sdb holds
    // a copy of it as recorded at event 100.
    static Snapshot keptForBackups()
    {
        Snapshot s = machine();
        Array &md0 = s.arrays[0];
        md0.members = {member(QStringLiteral("sdd"), 0)};
        md0.activeDisks = 1;
        md0.degradedCount = 1;
        md0.degraded = true;
        md0.memberStatus = QStringLiteral("U_");
        md0.bitmap = Bitmap{};
        Disk &sdb = s.disks[1];
        sdb.fsType = QStringLiteral("linux_raid_member");
        sdb.uuid = md0.uuid;
        return s;
    }
    static FakeSystem copyAt(const Snapshot &s, qint64 events)
    {
        FakeSystem sys(s);
        sys.setExamine(QStringLiteral("sdb"), examineCopy(events));
        sys.setBackupRecord(copyUuid, record(100));
        sys.setContentStamp(QStringLiteral("sdb"), stamp);
        return sys;
    }
    static BackUpRequest backUp(const Snapshot &s, const QString &array, const QString &device)
    {
        BackUpRequest r;
        r.array = array;
        r.device = deviceSpecFor(s, device);
        return r;
    }

private Q_SLOTS:
    void refusals()
    {
        FakeSystem sys(snap);
        ValidBackUp v;
        EXPECT_REFUSAL(validate(Validator(snap, sys), backUp(snap, QStringLiteral("/dev/md1"), QStringLiteral("/dev/sdb")), &v), ErrorCode::Invalid,
                       "only a mirror (RAID-1) holds all of the data on each member");
        EXPECT_REFUSAL(validate(Validator(snap, sys), backUp(snap, QStringLiteral("/dev/md0"), QStringLiteral("/dev/sdd")), &v), ErrorCode::Invalid,
                       "/dev/sdd is already a member of /dev/md0");
        EXPECT_REFUSAL(validate(Validator(snap, sys), backUp(snap, QStringLiteral("/dev/md0"), QStringLiteral("/dev/sdc3")), &v), ErrorCode::Invalid,
                       "/dev/sdc3 contains a filesystem (ext4)");
        EXPECT_REFUSAL(validate(Validator(snap, sys), backUp(snap, QStringLiteral("/dev/md0"), QStringLiteral("/dev/sdi")), &v), ErrorCode::Invalid,
                       "carries the md superblock of another array");
    }

    // No slot to spare: one more for the backup, given back after the cut.
    void fullCopyGrowsAndGivesBack()
    {
        FakeSystem sys(snap);
        ValidBackUp v;
        EXPECT_OK(validate(Validator(snap, sys), backUp(snap, QStringLiteral("/dev/md0"), QStringLiteral("/dev/sdb")), &v));
        const Plan p = makePlan(v);
        QCOMPARE(p.previews(), (QStringList{
                                   QStringLiteral("mdadm --grow /dev/md0 --raid-devices=3"),
                                   QStringLiteral("cat /sys/class/block/sdb/stat"),
                                   QStringLiteral("mdadm /dev/md0 --add /dev/sdb"),
                                   QStringLiteral("mdadm --wait /dev/md0"),
                                   QStringLiteral("mdadm /dev/md0 --fail /dev/sdb # between fsfreeze --freeze and fsfreeze --unfreeze of each filesystem on md0"),
                                   QStringLiteral("mdadm /dev/md0 --remove /dev/sdb"),
                                   QStringLiteral("mdadm --grow /dev/md0 --raid-devices=2"),
                                   QStringLiteral("mdadm --examine /dev/sdb > /var/lib/plexus/journal/backups/…"),
                               }));
        QVERIFY(p.notes.join(QLatin1Char(' ')).contains(QStringLiteral("the next backup to /dev/sdb copies everything again")));
    }

    void incrementalWhenTheCopyIsAsCut()
    {
        const Snapshot s = keptForBackups();
        ValidBackUp v;
        EXPECT_OK(validate(Validator(s, copyAt(s, 100)), backUp(s, QStringLiteral("/dev/md0"), QStringLiteral("/dev/sdb")), &v));
        QVERIFY(v.incremental);
        const Plan p = makePlan(v);
        QVERIFY(p.summary.startsWith(QStringLiteral("Bring the backup of md0 on /dev/sdb up to date")));
        QCOMPARE(p.previews().mid(0, 3), (QStringList{QStringLiteral("cat /sys/class/block/sdb/stat"), QStringLiteral("mdadm /dev/md0 --re-add /dev/sdb"),
                                                      QStringLiteral("mdadm --wait /dev/md0")}));
        QVERIFY(!p.previews().join(QLatin1Char('\n')).contains(QStringLiteral("--raid-devices")));
    }

    // md decides what to copy from event counts and the bitmap alone: a copy
    // that changed on its own would keep those changes, so it is refused.
    void changedCopiesAreRefused()
    {
        const Snapshot s = keptForBackups();
        const BackUpRequest r = backUp(s, QStringLiteral("/dev/md0"), QStringLiteral("/dev/sdb"));
        ValidBackUp v;
        EXPECT_REFUSAL(validate(Validator(s, copyAt(s, 104)), r, &v), ErrorCode::Invalid,
                       "its md superblock moved on from event 100 (the cut, 2026-12-04T09:00:00Z) to 104");
        FakeSystem written = copyAt(s, 100);
        written.setContentStamp(QStringLiteral("sdb"), QStringLiteral("ext: mounted 4 times, last written 2026-12-05T10:00:00Z, 4100 KiB written in its life"));
        EXPECT_REFUSAL(validate(Validator(s, written), r, &v), ErrorCode::Invalid, "the filesystem on it was written after the cut");
        EXPECT_REFUSAL(validate(Validator(s, written), r, &v), ErrorCode::Invalid, "Back it up with overwrite instead");
        FakeSystem unknown = copyAt(s, 100);
        unknown.setBackupRecord(copyUuid, QString());
        EXPECT_REFUSAL(validate(Validator(s, unknown), r, &v), ErrorCode::Invalid, "Plexus has no record of cutting this copy");
        Snapshot noBitmap = s;
        noBitmap.arrays[0].bitmap.reset();
        EXPECT_REFUSAL(validate(Validator(noBitmap, copyAt(noBitmap, 100)), r, &v), ErrorCode::Invalid, "has no write-intent bitmap");

        // With overwrite: all of it again, the old superblock erased first so md cannot take it back as it was.
        BackUpRequest over = r;
        over.overwrite = true;
        EXPECT_OK(validate(Validator(s, written), over, &v));
        QVERIFY(!v.incremental);
        const QStringList previews = makePlan(v).previews();
        QCOMPARE(previews.first(), QStringLiteral("mdadm --zero-superblock /dev/sdb"));
        QVERIFY(previews.contains(QStringLiteral("mdadm /dev/md0 --add /dev/sdb")));
        QVERIFY(!previews.join(QLatin1Char('\n')).contains(QStringLiteral("--raid-devices")));
    }

    void openAndClose()
    {
        const Snapshot s = keptForBackups();
        FakeSystem sys = copyAt(s, 100);
        OpenBackupRequest open;
        open.device = deviceSpecFor(s, QStringLiteral("/dev/sdb"));
        ValidOpenBackup vo;
        EXPECT_OK(validate(Validator(s, sys), open, &vo));
        QCOMPARE(makePlan(vo).previews(),
                 QStringList{QStringLiteral("losetup --find --show --read-only --offset=134217728 --sizelimit=1099377410048 /dev/sdb")});
        open.device = deviceSpecFor(s, QStringLiteral("/dev/sdd"));
        EXPECT_REFUSAL(validate(Validator(s, sys), open, &vo), ErrorCode::Invalid, "/dev/sdd is a member of the running array /dev/md0");
        open.device = deviceSpecFor(s, QStringLiteral("/dev/sdk"));
        EXPECT_REFUSAL(validate(Validator(s, sys), open, &vo), ErrorCode::Invalid, "/dev/sdk carries no md superblock");

        CloseBackupRequest close;
        close.device = deviceSpecFor(s, QStringLiteral("/dev/sdb"));
        ValidCloseBackup vc;
        EXPECT_REFUSAL(validate(Validator(s, sys), close, &vc), ErrorCode::Invalid, "/dev/sdb is not open");
        sys.setLoopsOver(QStringLiteral("sdb"), {QStringLiteral("loop0")});
        EXPECT_OK(validate(Validator(s, sys), close, &vc));
        // Open, it is neither opened again nor written by a backup.
        open.device = deviceSpecFor(s, QStringLiteral("/dev/sdb"));
        EXPECT_REFUSAL(validate(Validator(s, sys), open, &vo), ErrorCode::InUse, "The backup on /dev/sdb is open already, as /dev/loop0.");
        ValidBackUp vb;
        EXPECT_REFUSAL(validate(Validator(s, sys), backUp(s, QStringLiteral("/dev/md0"), QStringLiteral("/dev/sdb")), &vb), ErrorCode::InUse,
                       "/dev/sdb is read through the loop device /dev/loop0 (an open backup?). Close it first");
        QCOMPARE(makePlan(vc).previews(), QStringList{QStringLiteral("losetup --detach /dev/loop0")});
        Snapshot mounted = s;
        mounted.mounts << Mount{QStringLiteral("loop0"), QStringLiteral("/dev/loop0"), QStringLiteral("/mnt/copy"), QStringLiteral("ext4")};
        FakeSystem mountedSys = copyAt(mounted, 100);
        mountedSys.setLoopsOver(QStringLiteral("sdb"), {QStringLiteral("loop0")});
        EXPECT_REFUSAL(validate(Validator(mounted, mountedSys), close, &vc), ErrorCode::InUse, "mounted on /mnt/copy (/dev/loop0). Unmount it first.");
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// A new volume's mount point (engine/mountpoint.h, steps/mountsteps.h) on the
// fixture machine (tst_engine_fixture.h) and in a directory tree standing for
// /: the paths refused and why, with nothing made by a refusal; the plan of
// CreateVolume with a mount point; /etc/fstab's lines added and taken out with
// every other line kept; and RemoveVolume / RemoveVolumeGroup taking the
// volume's lines out of /etc/fstab with it.

#include "tst_engine_fixture.h"

#include "engine/mountpoint.h"
#include "engine/ops/createvolume.h"
#include "engine/ops/removevolume.h"
#include "engine/ops/removevolumegroup.h"
#include "engine/recordedsystem.h"
#include "engine/steps/mountsteps.h"
#include "engine/textedits.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace plexus;
using namespace plexus::fixture;

namespace {

const QString rootVolumeLine = QStringLiteral("/dev/mapper/vg0-root / ext4 errors=remount-ro 0 1");

// Every entry under `root` with its type and mode: what a refusal must leave as it was.
QStringList listing(const QString &root)
{
    QStringList out;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat st {};
        ::lstat(QFile::encodeName(path).constData(), &st);
        out << QStringLiteral("%1 %2").arg(path.mid(root.size())).arg(st.st_mode, 0, 8);
    }
    out.sort();
    return out;
}

void makeDir(const QString &path, mode_t mode)
{
    QVERIFY(QDir().mkpath(path));
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode), 0); // whatever the umask
}

} // namespace

class TestMountPoint : public QObject
{
    Q_OBJECT
    Snapshot snap = machine();
    // Stands for /: srv (empty but for what the tests make), srv/other holding
    // two entries, srv/link a symbolic link to srv/other, srv/open (0777),
    // srv/team (0775), all the test user's.
    QTemporaryDir tree;
    QString root;

    // vg1 with 1 TiB free, a new volume "data" asked for with ext4 on /srv/data.
    Snapshot roomy() const
    {
        Snapshot s = snap;
        s.volumeGroups[1].freeBytes = TiB;
        return s;
    }
    static CreateVolumeRequest request(const QString &mountPoint)
    {
        CreateVolumeRequest r;
        r.group = QStringLiteral("vg1");
        r.name = QStringLiteral("data");
        r.size = quint64(GiB);
        r.filesystem = QStringLiteral("ext4");
        r.mountPoint = mountPoint;
        return r;
    }
    template<class R> Status check(const R &r, const Snapshot &s, const QString &fstab, typename R::Valid *v = nullptr)
    {
        FakeSystem sys(s);
        sys.setMountRoot(root);
        sys.setFstab(fstab);
        typename R::Valid ignored;
        return validate(Validator(s, sys), r, v ? v : &ignored);
    }
    // A refusal that leaves the tree (and so the machine) as it was.
    Status refused(const CreateVolumeRequest &r, const Snapshot &s, const QString &fstab = rootVolumeLine)
    {
        const QStringList before = listing(root);
        const Status st = check(r, s, fstab);
        if (listing(root) != before)
            return Status::failure(ErrorCode::ToolFailed, QStringLiteral("the refusal changed the tree"));
        return st;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tree.isValid());
        root = tree.path();
        QCOMPARE(::chmod(QFile::encodeName(root).constData(), 0755), 0);
        makeDir(root + QStringLiteral("/srv"), 0755);
        makeDir(root + QStringLiteral("/srv/other/sub"), 0755);
        QFile keep(root + QStringLiteral("/srv/other/keep.txt"));
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.write("kept\n");
        keep.close();
        QVERIFY(QFile::link(QStringLiteral("other"), root + QStringLiteral("/srv/link")));
        makeDir(root + QStringLiteral("/srv/open"), 0777);
        makeDir(root + QStringLiteral("/srv/team"), 0775);
        makeDir(root + QStringLiteral("/srv/empty"), 0755);
    }

    void words()
    {
        EXPECT_OK(checkMountPointWords(QStringLiteral("/srv/data")));
        EXPECT_REFUSAL(checkMountPointWords(QStringLiteral("srv/data")), ErrorCode::Invalid, "not an absolute path");
        EXPECT_REFUSAL(checkMountPointWords(QStringLiteral("/")), ErrorCode::Invalid, "where the running system is mounted");
        EXPECT_REFUSAL(checkMountPointWords(QStringLiteral("/srv/../etc")), ErrorCode::Invalid, "write it as /etc");
        EXPECT_REFUSAL(checkMountPointWords(QStringLiteral("/srv/data/")), ErrorCode::Invalid, "write it as /srv/data");
        EXPECT_REFUSAL(checkMountPointWords(QStringLiteral("/srv//data")), ErrorCode::Invalid, "write it as /srv/data");
        EXPECT_REFUSAL(checkMountPointWords(QStringLiteral("/srv/my data")), ErrorCode::Invalid, "contains a space");
        EXPECT_REFUSAL(checkMountPointWords(QStringLiteral("/srv/a\tb")), ErrorCode::Invalid, "contains a space");
        EXPECT_REFUSAL(checkMountPointWords(QStringLiteral("/srv/a\nb")), ErrorCode::Invalid, "contains a space");
        EXPECT_REFUSAL(checkMountPointWords(QStringLiteral("/srv/a\\b")), ErrorCode::Invalid, "contains a space");
        EXPECT_REFUSAL(checkMountPointWords(QStringLiteral("/srv/a#b")), ErrorCode::Invalid, "contains a space");
        for (const char *system : {"/proc/x", "/sys", "/dev/shm/x", "/run/media/data", "/tmp/data", "/var/tmp/data"})
            EXPECT_REFUSAL(checkMountPointWords(QLatin1String(system)), ErrorCode::Invalid, "belongs to the running system");
        EXPECT_OK(checkMountPointWords(QStringLiteral("/tmpdata")));
        EXPECT_OK(checkMountPointWords(QStringLiteral("/var/tmpdata")));
    }

    void directories()
    {
        const uid_t me = ::getuid();
        EXPECT_OK(checkMountPointDirectories(root, QStringLiteral("/srv/data"), me));
        EXPECT_OK(checkMountPointDirectories(root, QStringLiteral("/srv/new/deeper"), me));
        EXPECT_OK(checkMountPointDirectories(root, QStringLiteral("/srv/empty"), me));
        EXPECT_REFUSAL(checkMountPointDirectories(root, QStringLiteral("/srv/other"), me), ErrorCode::InUse, "it holds 2 entries");
        EXPECT_REFUSAL(checkMountPointDirectories(root, QStringLiteral("/srv/link/data"), me), ErrorCode::Invalid, "/srv/link is a symbolic link");
        EXPECT_REFUSAL(checkMountPointDirectories(root, QStringLiteral("/srv/link"), me), ErrorCode::Invalid, "/srv/link is a symbolic link");
        EXPECT_REFUSAL(checkMountPointDirectories(root, QStringLiteral("/srv/other/keep.txt"), me), ErrorCode::Invalid, "is a file, not a directory");
        EXPECT_REFUSAL(checkMountPointDirectories(root, QStringLiteral("/srv/other/keep.txt/x"), me), ErrorCode::Invalid, "is a file, not a directory");
        EXPECT_REFUSAL(checkMountPointDirectories(root, QStringLiteral("/srv/open/data"), me), ErrorCode::Invalid, "can write in /srv/open (mode 0777)");
        EXPECT_REFUSAL(checkMountPointDirectories(root, QStringLiteral("/srv/team/data"), me), ErrorCode::Invalid, "can write in /srv/team (mode 0775)");
        // The owner the helper requires is root; here, a user who owns nothing of it.
        EXPECT_REFUSAL(checkMountPointDirectories(root, QStringLiteral("/srv/data"), me + 1), ErrorCode::Invalid, "/ belongs to");
    }

    void makeDirectories()
    {
        // What makeMountPointStep runs: each missing directory made 0755, listed for its undo.
        QStringList made;
        EXPECT_OK(makeMountPointDirectories(root, QStringLiteral("/srv/made/deep"), ::getuid(), &made));
        QCOMPARE(made, (QStringList{QStringLiteral("/srv/made"), QStringLiteral("/srv/made/deep")}));
        struct stat st {};
        QCOMPARE(::lstat(QFile::encodeName(root + QStringLiteral("/srv/made/deep")).constData(), &st), 0);
        QVERIFY(S_ISDIR(st.st_mode));
        QCOMPARE(st.st_mode & 07777, mode_t(0755));
        // Again: everything is there, nothing made.
        made.clear();
        EXPECT_OK(makeMountPointDirectories(root, QStringLiteral("/srv/made/deep"), ::getuid(), &made));
        QVERIFY(made.isEmpty());
        // Never through a symbolic link, and nothing made before the refusal.
        const QStringList before = listing(root);
        EXPECT_REFUSAL(makeMountPointDirectories(root, QStringLiteral("/srv/link/x/y"), ::getuid(), &made), ErrorCode::Invalid, "symbolic link");
        QVERIFY(made.isEmpty());
        QCOMPARE(listing(root), before);
        QVERIFY(QDir(root + QStringLiteral("/srv/made")).removeRecursively());
    }

    void fstabEdits()
    {
        const QByteArray fstab = "# /etc/fstab: static file system information.\n"
                                 "/dev/mapper/vg0-root / ext4 errors=remount-ro 0 1\n"
                                 "\n"
                                 "UUID=0A1B-2C3D  /boot/efi  vfat  umask=0077  0  1\n"
                                 "/dev/mapper/vg1-data /srv/data ext4 defaults 0 2\n"
                                 "# /dev/mapper/vg1-data /srv/data ext4 defaults 0 2 (the comment stays)\n"
                                 "/dev/mapper/vg1-data--old\t/srv/my\\040old ext4 defaults 0 2\n";
        const QList<FstabEntry> entries = fstabEntries(fstab);
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries[1].source, QStringLiteral("UUID=0A1B-2C3D"));
        QCOMPARE(entries[1].mountPoint, QStringLiteral("/boot/efi"));
        QCOMPARE(entries[1].type, QStringLiteral("vfat"));
        QCOMPARE(entries[3].mountPoint, QStringLiteral("/srv/my old"));
        QVERIFY(fstabSourceIsOneOf(entries[1].source, {QStringLiteral("UUID=0a1b-2c3d")}));
        QVERIFY(!fstabSourceIsOneOf(QStringLiteral("/dev/VG1/data"), {QStringLiteral("/dev/vg1/data")}));

        // Added at the end, every byte before it kept; a last line without its newline gets one first.
        const QByteArray line = "/dev/mapper/vg1-new /srv/new ext4 defaults 0 2";
        QCOMPARE(appendFstabLine(fstab, line), fstab + line + '\n');
        QCOMPARE(appendFstabLine("/dev/sda1 / ext4 defaults 0 1", line), QByteArray("/dev/sda1 / ext4 defaults 0 1\n") + line + '\n');
        QCOMPARE(appendFstabLine(QByteArray(), line), line + '\n');

        // Only the volume's own line goes: the comment, vg1-data--old and the blank line stay.
        const QByteArray removed = removeFstabEntries(fstab, [](const FstabEntry &e) {
            return e.source == QLatin1String("/dev/mapper/vg1-data");
        });
        QByteArray expected = fstab;
        expected.replace("/dev/mapper/vg1-data /srv/data ext4 defaults 0 2\n#", "#");
        QCOMPARE(removed, expected);
        // A last line without its newline stays so.
        QCOMPARE(removeFstabEntries("a / ext4 d 0 1\nb /x ext4 d 0 2\nc /y ext4 d 0 2", [](const FstabEntry &e) { return e.source == QLatin1String("b"); }),
                 QByteArray("a / ext4 d 0 1\nc /y ext4 d 0 2"));
        QCOMPARE(removeFstabEntries(appendFstabLine(fstab, line), [](const FstabEntry &e) { return e.mountPoint == QLatin1String("/srv/new"); }), fstab);
    }

    void names()
    {
        QCOMPARE(mapperPath(QStringLiteral("vg1"), QStringLiteral("data")), QStringLiteral("/dev/mapper/vg1-data"));
        QCOMPARE(mapperPath(QStringLiteral("my-vg"), QStringLiteral("lv-1")), QStringLiteral("/dev/mapper/my--vg-lv--1"));
        QCOMPARE(fstabLine(QStringLiteral("/dev/mapper/vg1-data"), QStringLiteral("/srv/data"), QStringLiteral("xfs")),
                 QByteArray("/dev/mapper/vg1-data /srv/data xfs defaults 0 0"));
        // systemd-escape --path --suffix=mount
        QCOMPARE(mountUnitName(QStringLiteral("/srv/data")), QStringLiteral("srv-data.mount"));
        QCOMPARE(mountUnitName(QStringLiteral("/srv/my-data.d")), QStringLiteral("srv-my\\x2ddata.d.mount"));
        QCOMPARE(mountUnitName(QStringLiteral("/.dot/d.e")), QStringLiteral("\\x2edot-d.e.mount"));
    }

    void createVolumeWithMountPoint()
    {
        const Snapshot s = roomy();
        ValidCreateVolume v;
        EXPECT_OK(check(request(QStringLiteral("/srv/data")), s, rootVolumeLine, &v));
        const Plan p = makePlan(v);
        QCOMPARE(p.previews(), (QStringList{QStringLiteral("lvcreate -y -n data -L 1073741824b vg1"),
                                            QStringLiteral("mkfs.ext4 -F -q /dev/vg1/data"),
                                            QStringLiteral("mkdir -p /srv/data"),
                                            QStringLiteral("echo '/dev/mapper/vg1-data /srv/data ext4 defaults 0 2' >> /etc/fstab && systemctl daemon-reload"),
                                            QStringLiteral("systemctl start srv-data.mount # or, without systemd: mount /srv/data")}));
        QVERIFY(p.notes.join(QLatin1Char(' ')).contains(QLatin1String("mounted on /srv/data now and at every start")));
        // Rolled back: unmounted, the line taken out, the directories made removed while empty.
        QCOMPARE(p.steps[4].undo().first().preview(), QStringLiteral("systemctl stop srv-data.mount # or, without systemd: umount /srv/data"));
        QVERIFY(p.steps[3].undo().first().preview().startsWith(QLatin1String("sed -i -e '\\|^[[:space:]]*/dev/mapper/vg1-data[[:space:]]\\+/srv/data[[:space:]]|d' /etc/fstab")));
        QCOMPARE(p.steps[2].undo().first().preview(), QStringLiteral("rmdir /srv/data"));
        // An existing empty directory of root's (here the test user's) will do, as will one deeper still to be made.
        EXPECT_OK(check(request(QStringLiteral("/srv/empty")), s, rootVolumeLine));
        EXPECT_OK(check(request(QStringLiteral("/srv/new/deeper")), s, rootVolumeLine));
        // Without a mount point, the plan is as before.
        QCOMPARE(makePlan([&] { ValidCreateVolume w; check(request(QString()), s, rootVolumeLine, &w); return w; }()).steps.size(), 2);
    }

    void createVolumeRefusals()
    {
        const Snapshot s = roomy();
        EXPECT_REFUSAL(refused(request(QStringLiteral("srv/data")), s), ErrorCode::Invalid, "not an absolute path");
        EXPECT_REFUSAL(refused(request(QStringLiteral("/")), s), ErrorCode::Invalid, "where the running system is mounted");
        EXPECT_REFUSAL(refused(request(QStringLiteral("/proc/data")), s), ErrorCode::Invalid, "belongs to the running system");
        EXPECT_REFUSAL(refused(request(QStringLiteral("/srv/other")), s), ErrorCode::InUse, "it holds 2 entries");
        EXPECT_REFUSAL(refused(request(QStringLiteral("/srv/link/data")), s), ErrorCode::Invalid, "/srv/link is a symbolic link");
        EXPECT_REFUSAL(refused(request(QStringLiteral("/srv/open/data")), s), ErrorCode::Invalid, "Users other than");
        EXPECT_REFUSAL(refused(request(QStringLiteral("/srv/team/data")), s), ErrorCode::Invalid, "Users other than");

        CreateVolumeRequest swap = request(QStringLiteral("/srv/data"));
        swap.filesystem = QStringLiteral("swap");
        EXPECT_REFUSAL(refused(swap, s), ErrorCode::Invalid, "Swap space is not mounted");
        CreateVolumeRequest bare = request(QStringLiteral("/srv/data"));
        bare.filesystem.clear();
        EXPECT_REFUSAL(refused(bare, s), ErrorCode::Invalid, "Only a filesystem can be mounted");

        const QString fstab = rootVolumeLine + QStringLiteral("\nLABEL=backup /srv/data ext4 noauto 0 0\n");
        EXPECT_REFUSAL(refused(request(QStringLiteral("/srv/data")), s, fstab), ErrorCode::InUse, "/etc/fstab already has a line mounting LABEL=backup on /srv/data");

        Snapshot mounted = s;
        mounted.mounts << Mount{QStringLiteral("sdc3"), QStringLiteral("/dev/sdc3"), QStringLiteral("/srv/data"), QStringLiteral("ext4")};
        EXPECT_REFUSAL(refused(request(QStringLiteral("/srv/data")), mounted), ErrorCode::InUse, "/dev/sdc3 is already mounted on /srv/data");

        // A system that cannot look at the directories refuses.
        FakeSystem blind(s);
        ValidCreateVolume v;
        EXPECT_REFUSAL(validate(Validator(s, blind), request(QStringLiteral("/srv/data")), &v), ErrorCode::Invalid, "unknown here");
    }

    void answersRecorded()
    {
        // A plan rebuilt from its journal gets the very verdict and fstab it was made from.
        const Snapshot s = roomy();
        FakeSystem live(s);
        live.setMountRoot(root);
        live.setFstab(rootVolumeLine);
        RecordingSystem recording(live);
        const Status refusal = recording.mountPointUsable(QStringLiteral("/srv/other"));
        EXPECT_OK(recording.mountPointUsable(QStringLiteral("/srv/data")));
        recording.fstab();
        const ReplayedSystem replayed(recording.record());
        const Status again = replayed.mountPointUsable(QStringLiteral("/srv/other"));
        QCOMPARE(again.code(), refusal.code());
        QCOMPARE(again.message(), refusal.message());
        EXPECT_OK(replayed.mountPointUsable(QStringLiteral("/srv/data")));
        QCOMPARE(replayed.fstab(), rootVolumeLine);
        QVERIFY(!replayed.missedAny());
        EXPECT_REFUSAL(replayed.mountPointUsable(QStringLiteral("/srv/never-asked")), ErrorCode::Invalid, "no answer");
        QVERIFY(replayed.missedAny());
    }

    void removeVolumeTakesItsLines()
    {
        // vg0/data (dm-2, ext4 labelled "data", as sdc3 is too) is named in
        // /etc/fstab by UUID and by /dev/vg0/data; LABEL=data may be sdc3's, so it stays.
        Snapshot s = snap;
        LogicalVolume data{QStringLiteral("data"), QStringLiteral("vg0"), QStringLiteral("dm-2"), 8 * GiB, QStringLiteral("linear"), true};
        data.fsType = QStringLiteral("ext4");
        data.fsLabel = QStringLiteral("data");
        s.volumeGroups[0].logicalVolumes << data;
        const QString fstab = rootVolumeLine + QStringLiteral("\n"
                                                              "UUID=0a1b2c3d-0000-4000-8000-00000000000a /srv/data ext4 defaults 0 2\n"
                                                              "LABEL=data /srv/sdc3 ext4 defaults 0 2\n"
                                                              "/dev/vg0/data /srv/again ext4 noauto 0 0\n");
        FakeSystem sys(s);
        sys.setFstab(fstab);
        sys.setFilesystemUuid(QStringLiteral("dm-2"), QStringLiteral("0A1B2C3D-0000-4000-8000-00000000000A"));
        RemoveVolumeRequest r;
        r.volume = deviceSpecFor(s, QStringLiteral("/dev/dm-2"));
        ValidRemoveVolume v;
        EXPECT_OK(validate(Validator(s, sys), r, &v));
        const Plan p = makePlan(v);
        QCOMPARE(p.previews(),
                 (QStringList{QStringLiteral("sed -i -e '\\|^[[:space:]]*UUID=0a1b2c3d-0000-4000-8000-00000000000a[[:space:]]\\+/srv/data[[:space:]]|d' "
                                             "-e '\\|^[[:space:]]*/dev/vg0/data[[:space:]]\\+/srv/again[[:space:]]|d' /etc/fstab && systemctl daemon-reload"),
                              QStringLiteral("lvremove -y vg0/data")}));
        QVERIFY(p.notes.join(QLatin1Char(' ')).contains(QLatin1String("/etc/fstab uses it on /srv/data and on /srv/again: those lines go too")));
        // Rolled back before the volume went, the lines come back as they were written.
        QVERIFY(p.steps[0].undo().first().preview().contains(QLatin1String("/dev/vg0/data /srv/again ext4 noauto 0 0")));

        // Still refused while mounted, lines or not.
        Snapshot mounted = s;
        mounted.mounts << Mount{QStringLiteral("dm-2"), QStringLiteral("/dev/mapper/vg0-data"), QStringLiteral("/srv/data"), QStringLiteral("ext4")};
        FakeSystem busy(mounted);
        busy.setFstab(fstab);
        EXPECT_REFUSAL(validate(Validator(mounted, busy), r, &v), ErrorCode::InUse, "is mounted on /srv/data");

        // A swap volume's line goes too (an inactive swap volume is not in use).
        LogicalVolume swap{QStringLiteral("swap"), QStringLiteral("vg0"), QStringLiteral("dm-3"), GiB, QStringLiteral("linear"), true};
        swap.fsType = QStringLiteral("swap");
        s.volumeGroups[0].logicalVolumes << swap;
        FakeSystem withSwap(s);
        withSwap.setFstab(fstab + QStringLiteral("/dev/mapper/vg0-swap none swap sw 0 0\n"));
        RemoveVolumeRequest swapRequest;
        swapRequest.volume = deviceSpecFor(s, QStringLiteral("/dev/dm-3"));
        EXPECT_OK(validate(Validator(s, withSwap), swapRequest, &v));
        QVERIFY(makePlan(v).notes.join(QLatin1Char(' ')).contains(QLatin1String("/etc/fstab uses it as swap: that line goes too")));
        QCOMPARE(makePlan(v).steps.size(), 2);

        // Without a line for it, the plan is as before.
        sys.setFstab(rootVolumeLine);
        EXPECT_OK(validate(Validator(s, sys), r, &v));
        QCOMPARE(makePlan(v).previews(), QStringList{QStringLiteral("lvremove -y vg0/data")});
    }

    void removeVolumeGroupTakesItsLines()
    {
        Snapshot s = snap;
        s.mounts.removeFirst(); // root unmounted (a rescue system)
        FakeSystem sys(s);
        sys.setFstab(QStringLiteral("/dev/sda1 /boot ext4 defaults 0 2\n") + rootVolumeLine + QLatin1Char('\n'));
        RemoveVolumeGroupRequest r;
        r.group = QStringLiteral("vg0");
        ValidRemoveVolumeGroup v;
        EXPECT_OK(validate(Validator(s, sys), r, &v));
        const Plan p = makePlan(v);
        QCOMPARE(p.previews(), (QStringList{QStringLiteral("sed -i -e '\\|^[[:space:]]*/dev/mapper/vg0-root[[:space:]]\\+/[[:space:]]|d' /etc/fstab && systemctl daemon-reload"),
                                            QStringLiteral("vgremove -y -f vg0"), QStringLiteral("pvremove -y /dev/sda2")}));
        QVERIFY(p.notes.join(QLatin1Char(' ')).contains(QLatin1String("/etc/fstab uses its volumes on /: that line goes too")));
    }
};

QTEST_GUILESS_MAIN(TestMountPoint)
#include "tst_mountpoint.moc"

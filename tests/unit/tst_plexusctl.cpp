// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// plexusctl as a user runs it: the real binary, real files, exit codes and messages.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryFile>
#include <QTest>

class TestPlexusctl : public QObject
{
    Q_OBJECT

    struct Result {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Result run(const QStringList &args, const QByteArray &stdinData = {})
    {
        QProcess p;
        p.start(QStringLiteral(PLEXUS_BIN_DIR "/plexusctl"), args);
        if (!p.waitForStarted())
            return {};
        p.write(stdinData);
        p.closeWriteChannel();
        if (!p.waitForFinished(30000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(), p.readAllStandardError()};
    }

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    const QString mdstatDir = QStringLiteral(PLEXUS_FIXTURES "/mdstat");
    const QString machine = QStringLiteral(PLEXUS_FIXTURES "/machine/lvm-on-raid1");

private Q_SLOTS:
    // Every captured mdstat with an expected description (NAME.json next to NAME.txt)
    // must be described exactly, read from standard input as a user would paste it.
    void mdstatJsonIsExact_data()
    {
        QTest::addColumn<QString>("sample");
        const QStringList samples = QDir(mdstatDir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY2(samples.size() >= 10, "expected descriptions of the old kernels' and today's mdstat samples");
        for (const QString &json : samples)
            QTest::newRow(qPrintable(json)) << QString(json).chopped(5);
    }
    void mdstatJsonIsExact()
    {
        QFETCH(QString, sample);
        const Result r = run({QStringLiteral("status"), QStringLiteral("--mdstat"), QStringLiteral("-"), QStringLiteral("--json")},
                             readFile(mdstatDir + QLatin1Char('/') + sample + QStringLiteral(".txt")));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject got = QJsonDocument::fromJson(r.out).object();
        const QJsonObject want = QJsonDocument::fromJson(readFile(mdstatDir + QLatin1Char('/') + sample + QStringLiteral(".json"))).object();
        QVERIFY(!want.isEmpty());
        if (got != want) {
            qWarning().noquote() << "got:" << r.out;
            QFAIL("plexusctl's description differs from the expected one");
        }
    }

    void mdstatFromFileEqualsFromStdin()
    {
        const QString path = mdstatDir + QStringLiteral("/sample000-l376-recovery.txt");
        const Result fromFile = run({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--mdstat"), path});
        const Result fromStdin = run({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--mdstat"), QStringLiteral("-")}, readFile(path));
        QCOMPARE(fromFile.exitCode, 0);
        QCOMPARE(fromFile.out, fromStdin.out);
    }

    void textTreeShowsHealthAndRoles()
    {
        const Result r = run({QStringLiteral("status"), QStringLiteral("--root"), machine});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QStringLiteral("sda2  931 GiB  member of md1 (in sync)")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("md1  raid1  931 GiB  [UU]  Healthy")));
        QVERIFY(out.contains(QStringLiteral("md0  raid1")));
        QVERIFY(out.contains(QStringLiteral("swap  8.00 GiB  swap (active)")));
        QVERIFY(out.contains(QStringLiteral("volume group vg0")));
        QVERIFY(out.contains(QStringLiteral("root  900 GiB  ext4 on /")));
        QVERIFY(out.contains(QStringLiteral("ext4 on /boot")));
        QVERIFY(out.contains(QStringLiteral("ext4 on /media/backup")));
        QVERIFY(out.contains(QStringLiteral("hot-pluggable")));
    }

    void systemJsonHasDisksAndVolumes()
    {
        const Result r = run({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--root"), machine});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("schema")).toString(), QStringLiteral("plexus.status/1"));
        QCOMPARE(o.value(QStringLiteral("source")).toString(), QStringLiteral("system"));
        QCOMPARE(o.value(QStringLiteral("disks")).toArray().size(), 3);
        QCOMPARE(o.value(QStringLiteral("arrays")).toArray().size(), 2);
        const QJsonObject vg = o.value(QStringLiteral("volume_groups")).toArray().at(0).toObject();
        QCOMPARE(vg.value(QStringLiteral("name")).toString(), QStringLiteral("vg0"));
        QCOMPARE(vg.value(QStringLiteral("logical_volumes")).toArray().size(), 3);
    }

    // Before pulling a disk: what is printed on it and where it is plugged in.
    void locateSaysWhatToLookFor()
    {
        const Result r = run({QStringLiteral("locate"), QStringLiteral("/dev/sdb"), QStringLiteral("--root"), machine});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.startsWith(QStringLiteral("To find sdb in the machine, look for:\n  Serial number: WD-WCC6Y0GHIJKL\n")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("  WWN: 0x50014ee2b5a1c3d5\n")));
        QVERIFY(text.contains(QStringLiteral("  Connected at: pci-0000:00:17.0-ata-2\n      (SATA port 2 of the controller at PCI 0000:00:17.0;")));
        QVERIFY(text.contains(QStringLiteral("ledctl locate=/dev/sdb")));
        // A partition: its disk, said so.
        const Result part = run({QStringLiteral("locate"), QStringLiteral("sdb1"), QStringLiteral("--root"), machine});
        QCOMPARE(part.exitCode, 0);
        QVERIFY(part.out.startsWith("sdb1 is a partition of sdb.\nTo find sdb"));
        // No such disk: the disks there are, and nothing on standard output.
        const Result none = run({QStringLiteral("locate"), QStringLiteral("sdz"), QStringLiteral("--root"), machine});
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.out.isEmpty());
        QVERIFY2(none.err.contains("there is no disk or partition 'sdz' (disks: sda, sdb, sdc)"), none.err.constData());
        const Result path = run({QStringLiteral("locate"), QStringLiteral("../../etc/passwd"), QStringLiteral("--root"), machine});
        QCOMPARE(path.exitCode, 2);
        QVERIFY2(path.err.contains("is not a disk name like sdb"), path.err.constData());
        QCOMPARE(run({QStringLiteral("locate"), QStringLiteral("--root"), machine}).exitCode, 2);
    }

    void crossCheckAgreesOnConsistentTree()
    {
        const Result r = run({QStringLiteral("status"), QStringLiteral("--cross-check"), QStringLiteral("--root"), machine});
        QVERIFY2(r.exitCode == 0, r.out.constData());
        QVERIFY(r.out.contains("agree on 2 arrays"));
    }

    // Bad input: a clear message, exit status 1 (2 for wrong usage), never a crash.
    void badInputIsRefusedClearly_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QStringList viaStdin{QStringLiteral("status"), QStringLiteral("--mdstat"), QStringLiteral("-")};
        QTest::newRow("missing file") << QStringList{QStringLiteral("status"), QStringLiteral("--mdstat"), QStringLiteral("/nonexistent/mdstat")}
                                      << QByteArray() << 1 << QStringLiteral("cannot read /nonexistent/mdstat");
        QTest::newRow("directory") << QStringList{QStringLiteral("status"), QStringLiteral("--mdstat"), QStringLiteral("/")}
                                   << QByteArray() << 1 << QStringLiteral("cannot read /");
        QTest::newRow("empty") << viaStdin << QByteArray() << 1 << QStringLiteral("empty");
        QTest::newRow("binary") << viaStdin << QByteArray("\x7f" "ELF\x02\x01\x01\0\0\0", 10) << 1 << QStringLiteral("NUL bytes");
        QTest::newRow("prose") << viaStdin << QByteArray("Dear admin,\nthe server is fine.\n") << 1 << QStringLiteral("line 1");
        QTest::newRow("truncated after header") << viaStdin
            << QByteArray("Personalities : [raid1]\nmd0 : active raid1 sdb1[1] sda1[0]\n") << 1 << QStringLiteral("line 2");
        QTest::newRow("truncated member") << viaStdin
            << QByteArray("Personalities : [raid1]\nmd0 : active raid1 sdb1[1] sda") << 1 << QStringLiteral("line 2");
        QTest::newRow("no command option") << QStringList{QStringLiteral("status"), QStringLiteral("--bogus")} << QByteArray() << 2 << QStringLiteral("bogus");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QByteArray() << 2 << QStringLiteral("unknown command 'frobnicate'");
        // The monitor starts nothing when its alerts would not go where asked.
        const QString monitor = QStringLiteral("monitor");
        QTest::newRow("mail address with a header") << QStringList{monitor, QStringLiteral("--mail"), QStringLiteral("root\nBcc: all@example.org")}
            << QByteArray() << 2 << QStringLiteral("is not a mail address");
        QTest::newRow("mdadm.conf without an address") << QStringList{monitor, QStringLiteral("--mdadm-conf"), QStringLiteral(PLEXUS_FIXTURES "/mdadm/no-address.conf")}
            << QByteArray() << 2 << QStringLiteral("no-address.conf, line 2: MAILADDR names no address");
        QTest::newRow("mdstat without file") << QStringList{QStringLiteral("status"), QStringLiteral("--mdstat")} << QByteArray() << 2 << QStringLiteral("mdstat");
    }
    void badInputIsRefusedClearly()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Result r = run(args, input);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QString::fromUtf8(r.err).contains(message, Qt::CaseInsensitive), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestPlexusctl)
#include "tst_plexusctl.moc"

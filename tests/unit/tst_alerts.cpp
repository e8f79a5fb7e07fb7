// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Alerts for a server nobody watches: mdadm.conf's mail settings, the mail
// itself, and journal entries as journald receives them.
#include "monitor/journalentry.h"
#include "monitor/journalhistory.h"
#include "monitor/mailalert.h"
#include "monitor/mdadmalerts.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace plexus;

namespace {

Event makeEvent(EventKind kind, const QString &array, const QString &device = {})
{
    Event e{kind, array, device, {}, {}, {}, QDateTime(QDate(2026, 12, 4), QTime(20, 15, 7)), {}};
    return e;
}

QString fixture(const QString &name)
{
    QFile f(QStringLiteral(PLEXUS_FIXTURES "/mdadm/") + name);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestAlerts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void debianMdadmConfKeepsItsSettings()
    {
        QString error;
        const MdadmAlerts alerts = parseMdadmAlerts(fixture(QStringLiteral("debian.conf")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // A continuation line adds to MAILADDR; keywords are shortened and in any case.
        QCOMPARE(alerts.mailTo, (QStringList{QStringLiteral("root"), QStringLiteral("storage-team@example.org")}));
        QCOMPARE(alerts.mailFrom, QStringLiteral("RAID watcher <raid@example.org>"));
        QCOMPARE(alerts.program, QStringLiteral("/usr/local/sbin/raid-event"));
    }

    void confWithoutAlertsHasNone()
    {
        QString error;
        const MdadmAlerts alerts = parseMdadmAlerts(QStringLiteral("ARRAY /dev/md0 UUID=a:b:c:d\n#MAILADDR root\nDEVICE partitions\n"), &error);
        QVERIFY(error.isEmpty());
        QVERIFY(alerts.mailTo.isEmpty());
        QVERIFY(alerts.program.isEmpty());
    }

    void malformedAlertLinesAreNamed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("no address") << fixture(QStringLiteral("no-address.conf")) << QStringLiteral("line 2: MAILADDR names no address");
        QTest::newRow("no program") << QStringLiteral("MAILADDR root\nPROGRAM\n") << QStringLiteral("line 2: PROGRAM names no program");
        QTest::newRow("control character") << QStringLiteral("MAILADDR root\x01\n")
                                          << QStringLiteral("line 1: 'root\x01' is not a mail address");
        QTest::newRow("angle brackets") << QStringLiteral("\nMAILADDR <root>\n") << QStringLiteral("line 2: '<root>' is not a mail address");
    }
    void malformedAlertLinesAreNamed()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        QString got;
        const MdadmAlerts alerts = parseMdadmAlerts(text, &got);
        QCOMPARE(got, error);
        QVERIFY(alerts.mailTo.isEmpty());
    }

    void mailAddressesCannotAddHeaders()
    {
        QVERIFY(isPlainMailAddress(QStringLiteral("root")));
        QVERIFY(isPlainMailAddress(QStringLiteral("admin@example.org")));
        QVERIFY(isPlainMailAddress(QStringLiteral("root,admin@example.org")));
        QVERIFY(!isPlainMailAddress(QString()));
        QVERIFY(!isPlainMailAddress(QStringLiteral("root\nBcc: everyone@example.org")));
        QVERIFY(!isPlainMailAddress(QStringLiteral("root admin")));
        QVERIFY(!isPlainMailAddress(QStringLiteral("root\tadmin")));
    }

    void mdadmProgramsGetMdadmsEventNames()
    {
        QCOMPARE(mdadmEventName(makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("sdb1"))), QStringLiteral("Fail"));
        QCOMPARE(mdadmEventName(makeEvent(EventKind::ArrayDegraded, QStringLiteral("md0"))), QStringLiteral("DegradedArray"));
        QCOMPARE(mdadmEventName(makeEvent(EventKind::SpareActivated, QStringLiteral("md0"), QStringLiteral("sdc1"))), QStringLiteral("SpareActive"));
        QCOMPARE(mdadmEventName(makeEvent(EventKind::SyncStarted, QStringLiteral("md0"))), QStringLiteral("RebuildStarted"));
        QCOMPARE(mdadmEventName(makeEvent(EventKind::SyncFinished, QStringLiteral("md0"))), QStringLiteral("RebuildFinished"));
        QCOMPARE(mdadmEventName(makeEvent(EventKind::ArrayStarted, QStringLiteral("md0"))), QStringLiteral("NewArray"));
        QCOMPARE(mdadmEventName(makeEvent(EventKind::ArrayStopped, QStringLiteral("md0"))), QStringLiteral("DeviceDisappeared"));
        QCOMPARE(mdadmEventName(makeEvent(EventKind::DiskAdded, {}, QStringLiteral("sdd"))), QString());
    }

    void onlyWhatNeedsSomeoneIsMailed()
    {
        QVERIFY(isAlert(makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("sdb1"))));
        QVERIFY(isAlert(makeEvent(EventKind::ArrayDegraded, QStringLiteral("md0"))));
        QVERIFY(isAlert(makeEvent(EventKind::ArrayFailed, QStringLiteral("md0"))));
        Event mismatch = makeEvent(EventKind::MismatchFound, QStringLiteral("md0"));
        mismatch.mismatches = 128;
        QVERIFY(isAlert(mismatch));
        QVERIFY(!isAlert(makeEvent(EventKind::SyncFinished, QStringLiteral("md0"))));
        QVERIFY(!isAlert(makeEvent(EventKind::DiskAdded, {}, QStringLiteral("sdd"))));
        Event planned = makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("sdb1"));
        planned.planned = QStringLiteral("Plexus split the mirror for a backup");
        QVERIFY(!isAlert(planned));
    }

    void oneMailForOneChange()
    {
        const QList<Event> alerts{makeEvent(EventKind::MemberFailed, QStringLiteral("md1"), QStringLiteral("vdb")),
                                  makeEvent(EventKind::ArrayDegraded, QStringLiteral("md1"))};
        const QByteArray mdstat("Personalities : [raid1]\nmd1 : active raid1 vdb[1](F) vda[0]\n");
        const QString message = QString::fromUtf8(alertMessage(alerts, {{QStringLiteral("root"), QStringLiteral("ops@example.org")},
                                                                         QStringLiteral("raid@example.org"), QStringLiteral("fileserver"), mdstat}));
        const qsizetype blank = message.indexOf(QStringLiteral("\n\n"));
        QVERIFY(blank > 0);
        const QString headers = message.left(blank + 1);
        const QString body = message.mid(blank + 2);
        QVERIFY2(headers.contains(QStringLiteral("To: root, ops@example.org\n")), qPrintable(headers));
        QVERIFY(headers.contains(QStringLiteral("From: raid@example.org\n")));
        QVERIFY(headers.contains(QStringLiteral("Subject: Plexus on fileserver: vdb failed in md1 (and 1 more)\n")));
        QVERIFY(headers.contains(QStringLiteral("Auto-Submitted: auto-generated\n")));
        QVERIFY(body.contains(QStringLiteral("vdb failed in md1\n")));
        QVERIFY(body.contains(QStringLiteral("md1 is degraded\n")));
        QVERIFY(body.contains(QStringLiteral("Replace it")));
        QVERIFY(body.endsWith(QString::fromUtf8(mdstat)));

        const QString noSender = QString::fromUtf8(alertMessage(alerts.mid(1), {{QStringLiteral("root")}, {}, QStringLiteral("h"), {}}));
        QVERIFY(!noSender.contains(QStringLiteral("From:")));
        QVERIFY(noSender.contains(QStringLiteral("Subject: Plexus on h: md1 is degraded\n")));
        QVERIFY(!noSender.contains(QStringLiteral("mdstat")));
    }

    void journalFieldsSayWhatHappened()
    {
        const QList<JournalField> fields = journalFields(makeEvent(EventKind::MemberFailed, QStringLiteral("md1"), QStringLiteral("vdb")));
        QHash<QByteArray, QByteArray> byName;
        for (const JournalField &f : fields)
            byName.insert(f.name, f.value);
        QCOMPARE(byName.value("MESSAGE"), QByteArray("vdb failed in md1"));
        QCOMPARE(byName.value("MESSAGE_ID"), QByteArray("ecee4c4f2205457e81e6a1fddd046bcd"));
        QCOMPARE(byName.value("PRIORITY"), QByteArray("2"));
        QCOMPARE(byName.value("SYSLOG_IDENTIFIER"), QByteArray("plexus"));
        QCOMPARE(byName.value("PLEXUS_EVENT"), QByteArray("member-failed"));
        QCOMPARE(byName.value("PLEXUS_ARRAY"), QByteArray("md1"));
        QCOMPARE(byName.value("PLEXUS_DEVICE"), QByteArray("vdb"));
        QVERIFY(!byName.contains("PLEXUS_ACTION"));
    }

    void helperJobsSayWhoAndWhat()
    {
        Event done = makeEvent(EventKind::JobDone, QStringLiteral("md1"));
        done.job = QStringLiteral("Create /dev/md1: RAID-1 of 2 device(s), about 256 MiB");
        done.user = QStringLiteral("alice");
        QCOMPARE(done.summary(), QStringLiteral("Done for alice: Create /dev/md1: RAID-1 of 2 device(s), about 256 MiB"));
        QHash<QByteArray, QByteArray> byName;
        for (const JournalField &f : journalFields(done))
            byName.insert(f.name, f.value);
        QCOMPARE(byName.value("PLEXUS_JOB"), done.job.toUtf8());
        QCOMPARE(byName.value("PLEXUS_USER"), QByteArray("alice"));
        QCOMPARE(byName.value("PRIORITY"), QByteArray("6"));
        Event failed = done;
        failed.kind = EventKind::JobFailed;
        QCOMPARE(failed.summary(), QStringLiteral("Failed for alice: Create /dev/md1: RAID-1 of 2 device(s), about 256 MiB"));
        QVERIFY(!isAlert(failed)); // whoever ran it was told at once
        QCOMPARE(mdadmEventName(failed), QString());

        // Read back from journalctl's JSON as it was written.
        QJsonObject o{{QStringLiteral("__REALTIME_TIMESTAMP"), QStringLiteral("1796416413745885")}};
        for (const JournalField &f : journalFields(done))
            o.insert(QString::fromLatin1(f.name), QString::fromUtf8(f.value));
        QString error;
        const QList<Event> back = parseJournalHistory(QJsonDocument(o).toJson(QJsonDocument::Compact), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.first().summary(), done.summary());
        QCOMPARE(back.first().array, QStringLiteral("md1"));
        QCOMPARE(back.first().time.toMSecsSinceEpoch(), qint64(1796416413745));
    }

    void everyKindHasItsOwnMessageId()
    {
        QSet<QByteArray> ids;
        const QRegularExpression hex32(QStringLiteral("^[0-9a-f]{32}$"));
        for (int k = int(EventKind::MemberFailed); k <= int(lastEventKind); ++k) {
            const QByteArray id = journalMessageId(EventKind(k));
            QVERIFY2(hex32.match(QString::fromLatin1(id)).hasMatch(), id.constData());
            ids.insert(id);
        }
        QCOMPARE(ids.size(), int(lastEventKind) + 1);
    }

    void valuesWithLineBreaksUseTheBinaryForm()
    {
        const QByteArray datagram = journalDatagram({{"MESSAGE", "md0 is degraded"}, {"PLEXUS_PLANNED", "one\ntwo"}});
        const QByteArray expected = QByteArray("MESSAGE=md0 is degraded\nPLEXUS_PLANNED\n") + QByteArray("\x07\0\0\0\0\0\0\0", 8) + "one\ntwo\n";
        QCOMPARE(datagram, expected);
    }

    // What journald would receive, on a socket of our own.
    void entriesArriveAsOneDatagram()
    {
        QTemporaryDir dir;
        const QByteArray path = dir.filePath(QStringLiteral("socket")).toLocal8Bit();
        const int fd = ::socket(AF_UNIX, SOCK_DGRAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        qstrncpy(address.sun_path, path.constData(), sizeof address.sun_path);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        const QList<JournalField> fields = journalFields(makeEvent(EventKind::ArrayDegraded, QStringLiteral("md0")));
        QCOMPARE(writeJournalEntry(fields, QString::fromLocal8Bit(path)), QString());
        char buffer[4096];
        const ssize_t got = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
        ::close(fd);
        QCOMPARE(QByteArray(buffer, int(got)), journalDatagram(fields));
    }

    void noJournalIsSaidPlainly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing"));
        const QString error = writeJournalEntry(journalFields(makeEvent(EventKind::ArrayDegraded, QStringLiteral("md0"))), path);
        QVERIFY2(error.startsWith(QStringLiteral("no journal at ") + path + QStringLiteral(": ")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestAlerts)
#include "tst_alerts.moc"

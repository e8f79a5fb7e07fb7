// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// One window per session: a second `plexus` hands its command line to the
// running one over the session bus (KDBusService) and exits with its answer,
// and the first keeps running; a tree shown with --root gets a window of its
// own. The real binary, offscreen, on a private session bus, showing this
// machine ("/": the build machine's disks, no arrays).
#include "privatebus.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QTest>

namespace {

const QString binary = QStringLiteral(PLEXUS_BIN_DIR "/plexus");
const QString service = QStringLiteral("org.plexus.plexus");

} // namespace

class TestSingleWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (plexus::test::PrivateBus::daemon().isEmpty())
            QSKIP("no dbus-daemon");
        m_address = m_bus.start();
        QVERIFY(!m_address.isEmpty());
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
        m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    }

    void secondStartHandsOver()
    {
        QDBusConnection bus = QDBusConnection::connectToBus(m_address, QStringLiteral("test"));
        QVERIFY(bus.isConnected());
        QProcess first;
        first.setProcessEnvironment(m_env);
        first.start(binary, {});
        QTRY_VERIFY_WITH_TIMEOUT(bus.interface()->isServiceRegistered(service), 30000);
        QCOMPARE(bus.interface()->servicePid(service).value(), uint(first.processId()));

        // The running window answers: there is no md0 here, so it says so and the second start exits 1.
        QProcess second;
        second.setProcessEnvironment(m_env);
        second.start(binary, {QStringLiteral("--select"), QStringLiteral("md0")});
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitCode(), 1);
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += first.readAllStandardError()).contains("--select md0: no such array or member"), 10000);
        QVERIFY2(!second.readAllStandardError().contains("no such array"), "the second start looked for md0 itself");

        // Started again as from the menu: it raises the running window and exits 0.
        QProcess third;
        third.setProcessEnvironment(m_env);
        third.start(binary, {});
        QVERIFY(third.waitForFinished(30000));
        QCOMPARE(third.exitCode(), 0);
        QCOMPARE(first.state(), QProcess::Running);
        QCOMPARE(bus.interface()->servicePid(service).value(), uint(first.processId()));

        // A fixture tree is a window of its own, even now.
        QProcess fixture;
        fixture.setProcessEnvironment(m_env);
        fixture.start(binary, {QStringLiteral("--root"), QStringLiteral(PLEXUS_FIXTURES "/machine/lvm-on-raid1")});
        QVERIFY(fixture.waitForStarted());
        QVERIFY(!fixture.waitForFinished(3000));
        fixture.kill();
        fixture.waitForFinished();

        first.terminate();
        QVERIFY(first.waitForFinished(10000));
        QDBusConnection::disconnectFromBus(QStringLiteral("test"));
    }

private:
    plexus::test::PrivateBus m_bus;
    QString m_address;
    QProcessEnvironment m_env;
};

QTEST_GUILESS_MAIN(TestSingleWindow)
#include "tst_singlewindow.moc"

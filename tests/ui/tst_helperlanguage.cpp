// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The helper speaks English (helper/main.cpp), yet a client reads its refusals
// in its own user's language: just before the error, whose message stays the
// English sentence for scripts, the helper signals the sentence's catalogue
// entry and arguments (engine/dbusstatus.h), from which HelperClient composes it. Here the client
// runs in the x-test pseudo-language (tools/lib/pseudo-catalogue.sh) and a
// stand-in for plexus-helper on a bus of the test's own answers as the helper
// does: the call parsed into its request, planned on a fixture machine, and the
// refusal sent with sendRefusal().
#include "engine/dbusstatus.h"
#include "engine/engine.h"
#include "engine/ops/adddevice.h"
#include "engine/ops/anyrequest.h"
#include "engine/ops/createarray.h"
#include "engine/ops/failmember.h"
#include "helper1_proxy.h"
#include "helperclient.h"
#include "operationsmachine.h"
#include "privatebus.h"

#include <KLocalizedString>
#include <QDBusConnection>
#include <QDBusVirtualObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <clocale>

using namespace plexus;
using namespace plexus::test;

namespace {

// plexus-helper's part: parse, plan, refuse; in English, as it runs.
class StandInHelper : public QDBusVirtualObject
{
public:
    explicit StandInHelper(Machine &machine) : m_machine(machine) {}
    QString english; // the last reply's error message

    bool handleMessage(const QDBusMessage &call, const QDBusConnection &connection) override
    {
        KLocalizedString::setLanguages({QStringLiteral("en_US")});
        if (call.member() == QLatin1String("Garbled") || call.member() == QLatin1String("Stale")) {
            // An entry that does not read, or that is of another sentence: the client keeps the English.
            const bool garbled = call.member() == QLatin1String("Garbled");
            QDBusMessage signal = QDBusMessage::createTargetedSignal(call.service(), call.path(), call.interface(), QStringLiteral("Refusal"));
            signal << (garbled ? QStringLiteral("Said in English only.") : QStringLiteral("Another sentence."))
                   << (garbled ? QStringLiteral("{\"s\": 42, \"a\": [") : QStringLiteral("{\"s\": \"Disks\", \"a\": []}"));
            connection.send(signal);
            connection.send(call.createErrorReply(errorName(ErrorCode::Invalid), QStringLiteral("Said in English only.")));
        } else {
            AnyRequest request;
            Plan plan;
            Status s = AnyRequest::fromDBus(call.member(), call.arguments(), &request);
            if (s)
                s = request.prepare(Engine(m_machine.snapshot, *m_machine.system), &plan);
            english = s.message();
            if (s)
                connection.send(call.createReply(QStringLiteral("job")));
            else
                sendRefusal(connection, call, s);
        }
        KLocalizedString::setLanguages({QStringLiteral("x-test")});
        return true;
    }
    QString introspect(const QString &) const override { return {}; }

private:
    Machine &m_machine;
};

// What is left of a sentence without the machine's names, paths and sizes:
// in x-test, any ASCII letter left there was not translated.
QString withoutData(QString text)
{
    static const QRegularExpression data(QStringLiteral("/[\\w./:-]*|\\b(md|sd)[a-z0-9]+\\b|\\b[0-9][0-9.,]*\\s?([KMGTPE]i?B|B)\\b|\\braid[0-9]+\\b|\\bRAID-[0-9]+\\b"));
    return text.replace(data, QStringLiteral(" "));
}

} // namespace

class TestHelperLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::locate(QStandardPaths::GenericDataLocation, QStringLiteral("locale/x-test/LC_MESSAGES/plexus.mo")).isEmpty(),
                 "no x-test catalogue: the plexus-pseudo-catalogue target builds it");
        const QByteArray messages = setlocale(LC_MESSAGES, nullptr);
        if (messages == "C" || messages.startsWith("C.") || messages == "POSIX")
            QSKIP("no locale but C here, where gettext translates nothing: it needs localedef and the locales package's sources");
        if (PrivateBus::daemon().isEmpty())
            QSKIP("no dbus-daemon here");
        KLocalizedString::setApplicationDomain("plexus");
        KLocalizedString::setLanguages({QStringLiteral("x-test")});
        const QString address = m_bus.start();
        QVERIFY2(!address.isEmpty(), "the test's own bus did not start");
        // HelperClient talks to the system bus: this one stands in for it.
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", address.toUtf8());
        QDBusConnection helperSide = QDBusConnection::connectToBus(address, QStringLiteral("stand-in helper"));
        QVERIFY(helperSide.isConnected());
        QVERIFY(helperSide.registerService(QLatin1String(HelperClient::serviceName)));
        QVERIFY(helperSide.registerVirtualObject(QLatin1String(HelperClient::objectPath), &m_helper));
    }

    void refusalIsSaidInTheClientsLanguage_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QVariantList>("arguments");
        QTest::addColumn<int>("code");
        const auto spec = [this](const char *path) { return deviceSpecFor(*m_machine.snapshot, QLatin1String(path)); };
        AddSpareRequest tooSmall;
        tooSmall.array = QStringLiteral("/dev/md1");
        tooSmall.device = spec("/dev/sdf");
        QTest::newRow("a disk too small") << QStringLiteral("AddSpare") << AnyRequest(tooSmall).arguments() << int(ErrorCode::TooSmall);
        // Its sentence is made of three: what uses the device, and what to do.
        AddSpareRequest mounted;
        mounted.array = QStringLiteral("/dev/md0");
        mounted.device = spec("/dev/sdg1");
        QTest::newRow("a mounted partition") << QStringLiteral("AddSpare") << AnyRequest(mounted).arguments() << int(ErrorCode::InUse);
        // A plural (one device) and a hint in a sentence of its own.
        CreateArrayRequest one;
        one.array = QStringLiteral("/dev/md5");
        one.level = QStringLiteral("raid5");
        one.members = {spec("/dev/sde")};
        QTest::newRow("too few devices") << QStringLiteral("CreateArray") << AnyRequest(one).arguments() << int(ErrorCode::Invalid);
        FailMemberRequest gone;
        gone.array = QStringLiteral("/dev/md9");
        gone.member = spec("/dev/sda1");
        QTest::newRow("no such array") << QStringLiteral("FailMember") << AnyRequest(gone).arguments() << int(ErrorCode::NotFound);
    }

    void refusalIsSaidInTheClientsLanguage()
    {
        QFETCH(QString, method);
        QFETCH(QVariantList, arguments);
        QFETCH(int, code);
        HelperClient client;
        const HelperResult r = client.wait(client.proxy()->asyncCallWithArgumentList(method, arguments));
        QVERIFY(!r.ok);
        QVERIFY(r.code && *r.code == ErrorCode(code));
        // The helper said it in English, for scripts and its journal...
        QVERIFY2(withoutData(m_helper.english).contains(QRegularExpression(QStringLiteral("[a-z]{3} [a-z]{3}"))), qPrintable(m_helper.english));
        // ...and the client in its own language, word for word what its own
        // engine says of the same request in that language.
        QVERIFY2(!withoutData(r.message).contains(QRegularExpression(QStringLiteral("[A-Za-z]"))), qPrintable(r.message));
        AnyRequest request;
        QVERIFY(AnyRequest::fromDBus(method, arguments, &request));
        Plan plan;
        QCOMPARE(r.message, request.prepare(Engine(m_machine.snapshot, *m_machine.system), &plan).message());
    }

    // An entry that does not read (a helper of another version), or that is
    // of another sentence than the error's, is set aside: the English is shown.
    void aGarbledOrStaleEntryLeavesTheEnglish_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("garbled") << QStringLiteral("Garbled");
        QTest::newRow("stale") << QStringLiteral("Stale");
    }
    void aGarbledOrStaleEntryLeavesTheEnglish()
    {
        QFETCH(QString, method);
        HelperClient client;
        const HelperResult r = client.wait(client.proxy()->asyncCallWithArgumentList(method, {}));
        QVERIFY(!r.ok);
        QCOMPARE(r.message, QStringLiteral("Said in English only."));
    }

private:
    PrivateBus m_bus;
    Machine m_machine;
    StandInHelper m_helper{m_machine};
};

QTEST_MAIN(TestHelperLanguage)
#include "tst_helperlanguage.moc"

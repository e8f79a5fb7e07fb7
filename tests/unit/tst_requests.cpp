// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The requests as they travel (engine/ops/field.h, wire.h, anyrequest.h): the
// helper's strict D-Bus parser, the polkit actions read from the parsed request,
// the journal record, and every operation's round trip from client to helper.

#include "tst_engine_fixture.h"

#include "engine/ops/anyrequest.h"
#include "engine/ops/registry.h"

#include <QDBusVariant>
#include <QJsonArray>
#include <QTest>

using namespace plexus;

namespace {

const QString eraseAction = QLatin1String(polkitActions::erase);

DeviceSpec dev(const QString &path)
{
    return {path, QStringLiteral("SERIAL"), 1024};
}

// What a client sends for `r`, with `options` in place of its own.
template<class R> QVariantList call(const R &r, const QVariantMap &options)
{
    QVariantList arguments = AnyRequest(r).arguments();
    arguments.last() = options;
    return arguments;
}

QStringList actionsOf(const QString &method, const QVariantList &arguments, Status *status = nullptr)
{
    AnyRequest parsed;
    const Status s = AnyRequest::fromDBus(method, arguments, &parsed);
    if (status)
        *status = s;
    return s ? parsed.actions() : QStringList();
}

} // namespace

class TestRequests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every operation: what a client writes is what the helper reads.
    void everyOperationRoundTrips()
    {
        int types = 0;
        forEachRequestType([&types](auto type) {
            using R = typename decltype(type)::type;
            R r;
            r.common.tag = QStringLiteral("t-1");
            r.common.allowSystemDisk = true;
            AnyRequest parsed;
            const Status s = AnyRequest::fromDBus(QLatin1String(R::info.method), AnyRequest(r).arguments(), &parsed);
            QVERIFY2(s.ok(), qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(R::info.method), s.message())));
            QCOMPARE(parsed.info().method, R::info.method);
            QCOMPARE(parsed.tag(), QStringLiteral("t-1"));
            QCOMPARE(parsed.json(), AnyRequest(r).json());
            ++types;
        });
        QCOMPARE(types, operationTypes().size());
        QCOMPARE(types, 31);
    }

    void typedArgumentsArrive()
    {
        ReplaceMemberRequest r;
        r.array = QStringLiteral("/dev/md0");
        r.oldMember = dev(QStringLiteral("/dev/sdb1"));
        r.newDevice = dev(QStringLiteral("/dev/sdc1"));
        r.wait = false;
        r.zeroSuperblock = true;
        ReplaceMemberRequest back;
        QVERIFY(parseRequest(AnyRequest(r).arguments(), &back).ok());
        QCOMPARE(back.array, r.array);
        QCOMPARE(back.oldMember, r.oldMember);
        QCOMPARE(back.newDevice, r.newDevice);
        QVERIFY(!back.wait);
        QVERIFY(back.zeroSuperblock);
        const QJsonObject json = AnyRequest(back).json();
        QCOMPARE(json.value(QStringLiteral("new_device")).toObject().value(QStringLiteral("path")).toString(), QStringLiteral("/dev/sdc1"));
        QCOMPARE(json.value(QStringLiteral("zero_superblock")).toBool(), true);
    }

    // An option nested in a second variant is not unwrapped (it
    // once read as false when the actions were chosen, and as true when parsed).
    void nestedVariantsAreRefused()
    {
        RemoveMemberRequest r;
        r.array = QStringLiteral("/dev/md0");
        r.member = dev(QStringLiteral("/dev/sdb1"));
        Status s;
        QVERIFY(actionsOf(QStringLiteral("RemoveMember"), call(r, {{QStringLiteral("zero_superblock"), QVariant::fromValue(QDBusVariant(true))}}), &s).isEmpty());
        QCOMPARE(s.code(), ErrorCode::Invalid);
        QVERIFY2(s.message().contains(QStringLiteral("Option 'zero_superblock' must be a boolean")), qPrintable(s.message()));
    }

    void illTypedAndUnknownAreRefused_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QVariantList>("arguments");
        QTest::addColumn<QString>("message");
        CreateArrayRequest c;
        QTest::newRow("unknown option") << "CreateArray" << call(c, {{QStringLiteral("bogus"), true}}) << "Unknown option 'bogus'";
        QTest::newRow("string for integer") << "CreateArray" << call(c, {{QStringLiteral("chunk_kib"), QStringLiteral("64")}}) << "Option 'chunk_kib' must be an integer";
        QTest::newRow("huge integer") << "CreateArray" << call(c, {{QStringLiteral("chunk_kib"), qulonglong(1) << 40}}) << "Option 'chunk_kib' is out of range";
        QTest::newRow("integer for flag") << "CreateArray" << call(c, {{QStringLiteral("overwrite"), 1}}) << "Option 'overwrite' must be a boolean";
        QTest::newRow("flag for text") << "CreateArray" << call(c, {{QStringLiteral("name"), true}}) << "Option 'name' must be a string";
        QTest::newRow("tag with prose") << "CreateArray" << call(c, {{QStringLiteral("tag"), QStringLiteral("a b\nc")}}) << "Option 'tag' must be";
        QTest::newRow("uuid with a path") << "StopArray" << call(StopArrayRequest{}, {{QStringLiteral("array_uuid"), QStringLiteral("../x")}})
                                          << "Option 'array_uuid' must be a UUID";
        QTest::newRow("string for device") << "FailMember" << QVariantList{QStringLiteral("/dev/md0"), QStringLiteral("/dev/sdb"), QVariantMap()}
                                           << "Argument 'member' must be a device (sst)";
        QTest::newRow("argument missing") << "FailMember" << QVariantList{QStringLiteral("/dev/md0"), QVariantMap()} << "Argument 'member' is missing";
        QTest::newRow("no options map") << "StopArray" << QVariantList{QStringLiteral("/dev/md0")} << "no options map";
        QTest::newRow("argument too many") << "StopArray" << QVariantList{QStringLiteral("/dev/md0"), QStringLiteral("x"), QVariantMap()}
                                           << "1 argument too many";
        QTest::newRow("unknown method") << "RunShell" << QVariantList{QVariantMap()} << "Unknown operation 'RunShell'";
    }
    void illTypedAndUnknownAreRefused()
    {
        QFETCH(QString, method);
        QFETCH(QVariantList, arguments);
        QFETCH(QString, message);
        AnyRequest parsed;
        const Status s = AnyRequest::fromDBus(method, arguments, &parsed);
        QCOMPARE(s.code(), ErrorCode::Invalid);
        QVERIFY2(s.message().contains(message), qPrintable(s.message()));
        QVERIFY(parsed.isNull());
    }

    // Renamed options keep their old names on D-Bus (one name per concept now).
    void formerNamesAreAccepted()
    {
        ReplaceMemberRequest r;
        ReplaceMemberRequest before, now;
        QVERIFY(parseRequest(call(r, {{QStringLiteral("zero_old"), true}, {QStringLiteral("partition_like_old"), true}}), &before).ok());
        QVERIFY(parseRequest(call(r, {{QStringLiteral("zero_superblock"), true}, {QStringLiteral("partition_like"), true}}), &now).ok());
        QVERIFY(before.zeroSuperblock && before.partitionLike);
        QCOMPARE(AnyRequest(before).json(), AnyRequest(now).json());
        AddMemberRequest add;
        QVERIFY(parseRequest(call(add, {{QStringLiteral("partition_like_members"), true}}), &add).ok());
        QVERIFY(add.partitionLike);
        // Both names at once is one option given twice: the second is unknown.
        QCOMPARE(parseRequest(call(r, {{QStringLiteral("zero_old"), true}, {QStringLiteral("zero_superblock"), true}}), &r).code(), ErrorCode::Invalid);
    }

    // Which polkit actions each request needs, from what it will really do.
    void actionsFollowTheParsedRequest_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QVariantList>("arguments");
        QTest::addColumn<QStringList>("actions");
        const QString create = QLatin1String(polkitActions::create), modify = QLatin1String(polkitActions::modify),
                      scrub = QLatin1String(polkitActions::scrub);
        CreateArrayRequest c;
        QTest::newRow("create") << "CreateArray" << call(c, {}) << QStringList{create};
        QTest::newRow("create overwrite") << "CreateArray" << call(c, {{QStringLiteral("overwrite"), true}}) << QStringList{create, eraseAction};
        QTest::newRow("create partitioning") << "CreateArray" << call(c, {{QStringLiteral("partition_disks"), true}}) << QStringList{create, eraseAction};
        QTest::newRow("create overwrite false") << "CreateArray" << call(c, {{QStringLiteral("overwrite"), false}}) << QStringList{create};
        RemoveMemberRequest rm;
        QTest::newRow("remove") << "RemoveMember" << call(rm, {{QStringLiteral("fail"), true}}) << QStringList{modify};
        QTest::newRow("remove zero") << "RemoveMember" << call(rm, {{QStringLiteral("zero_superblock"), true}}) << QStringList{modify, eraseAction};
        ReplaceMemberRequest rep;
        QTest::newRow("replace") << "ReplaceMember" << call(rep, {{QStringLiteral("wait"), false}}) << QStringList{modify};
        QTest::newRow("replace zero old") << "ReplaceMember" << call(rep, {{QStringLiteral("zero_old"), true}}) << QStringList{modify, eraseAction};
        QTest::newRow("replace partition") << "ReplaceMember" << call(rep, {{QStringLiteral("partition_like_old"), true}}) << QStringList{modify, eraseAction};
        // A disk replacement always partitions the new disk: erase as well, as replace with partition_like.
        QTest::newRow("replace disk") << "ReplaceDisk" << call(ReplaceDiskRequest{}, {}) << QStringList{modify, eraseAction};
        QTest::newRow("replace disk zero") << "ReplaceDisk" << call(ReplaceDiskRequest{}, {{QStringLiteral("zero_superblock"), true}}) << QStringList{modify, eraseAction};
        QTest::newRow("take disk out") << "TakeDiskOut" << call(TakeDiskOutRequest{}, {}) << QStringList{modify};
        // Mirroring the system always partitions the new disk (and, after the restart, the old one).
        QTest::newRow("mirror system") << "MirrorSystem" << call(MirrorSystemRequest{}, {}) << QStringList{create, eraseAction};
        AddMemberRequest add;
        QTest::newRow("add") << "AddMember" << call(add, {}) << QStringList{modify};
        QTest::newRow("add partition") << "AddMember" << call(add, {{QStringLiteral("partition_like_members"), true}}) << QStringList{modify, eraseAction};
        AddSpareRequest spare;
        QTest::newRow("spare overwrite") << "AddSpare" << call(spare, {{QStringLiteral("overwrite"), true}}) << QStringList{modify, eraseAction};
        GrowArrayRequest grow;
        QTest::newRow("grow overwrite") << "GrowArray" << call(grow, {{QStringLiteral("overwrite"), true}}) << QStringList{modify, eraseAction};
        QTest::newRow("scrub") << "RequestSyncAction" << call(SyncActionRequest{}, {}) << QStringList{scrub};
        QTest::newRow("speed") << "SetSyncSpeedLimits" << call(SpeedLimitsRequest{}, {}) << QStringList{modify};
        QTest::newRow("check schedule") << "SetCheckSchedule" << call(CheckScheduleRequest{.when = QStringLiteral("off")}, {}) << QStringList{scrub};
        QTest::newRow("stop") << "StopArray" << call(StopArrayRequest{}, {}) << QStringList{modify};
        QTest::newRow("assemble") << "AssembleArray" << call(AssembleArrayRequest{}, {{QStringLiteral("run_degraded"), true}}) << QStringList{modify};
        QTest::newRow("assemble keep") << "AssembleArray" << call(AssembleArrayRequest{}, {{QStringLiteral("keep"), QStringLiteral("/dev/sdb")}})
                                       << QStringList{modify, eraseAction};
        QTest::newRow("zero") << "ZeroSuperblock" << call(ZeroSuperblockRequest{}, {}) << QStringList{eraseAction};
        QTest::newRow("copy table") << "CopyPartitionTable" << call(CopyPartitionTableRequest{}, {{QStringLiteral("overwrite"), true}}) << QStringList{eraseAction};
        QTest::newRow("write conf") << "WriteMdadmConf" << call(WriteMdadmConfRequest{}, {}) << QStringList{modify};
    }
    void actionsFollowTheParsedRequest()
    {
        QFETCH(QString, method);
        QFETCH(QVariantList, arguments);
        QFETCH(QStringList, actions);
        Status s;
        QCOMPARE(actionsOf(method, arguments, &s), actions);
        QVERIFY2(s.ok(), qPrintable(s.message()));
    }

    // What the GUI's review names as erased comes from the same field list.
    void writtenOverDevices()
    {
        CreateArrayRequest c;
        c.members = {dev(QStringLiteral("/dev/sdb")), DeviceSpec{QStringLiteral("missing"), {}, 0}};
        c.spares = {dev(QStringLiteral("/dev/sdc"))};
        QCOMPARE(AnyRequest(c).writtenOver(), (DeviceSpecList{dev(QStringLiteral("/dev/sdb")), dev(QStringLiteral("/dev/sdc"))}));
        GrowArrayRequest g;
        g.add = {dev(QStringLiteral("/dev/sdd"))};
        g.remove = {dev(QStringLiteral("/dev/sde"))};
        QCOMPARE(AnyRequest(g).writtenOver(), DeviceSpecList{dev(QStringLiteral("/dev/sdd"))});
        FailMemberRequest f;
        f.member = dev(QStringLiteral("/dev/sde"));
        QVERIFY(AnyRequest(f).writtenOver().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRequests)
#include "tst_requests.moc"

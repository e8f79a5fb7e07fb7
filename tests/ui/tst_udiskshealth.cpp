// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Drive health read over D-Bus from a fake UDisks2 on a private bus standing in
// for the system bus: a healthy SATA disk, a failing one, a hot one, an NVMe disk
// with a critical warning, a disk without SMART; partitions are not drives; the
// watcher hears UDisks' PropertiesChanged and gathers a burst into one change.
// The real udisksd (with qemu's NVMe health log) is the VM tier's health_drives.
#include "privatebus.h"
#include "probe/drivehealthprobe.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

using namespace plexus;

// One row of Drive.Ata's SmartGetAttributes: (ysqiiixia{sv}).
struct FakeAttribute {
    uchar id = 0;
    QString name;
    ushort flags = 0;
    int value = 100, worst = 100, threshold = 0;
    qlonglong pretty = 0;
    int unit = 1;
    QVariantMap expansion;
};
Q_DECLARE_METATYPE(FakeAttribute)

QDBusArgument &operator<<(QDBusArgument &a, const FakeAttribute &x)
{
    a.beginStructure();
    a << x.id << x.name << x.flags << x.value << x.worst << x.threshold << x.pretty << x.unit << x.expansion;
    a.endStructure();
    return a;
}
const QDBusArgument &operator>>(const QDBusArgument &a, FakeAttribute &x)
{
    a.beginStructure();
    a >> x.id >> x.name >> x.flags >> x.value >> x.worst >> x.threshold >> x.pretty >> x.unit >> x.expansion;
    a.endStructure();
    return a;
}

class FakeObjectManager : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.DBus.ObjectManager")
public:
    QMap<QDBusObjectPath, QMap<QString, QVariantMap>> objects;
public Q_SLOTS:
    QMap<QDBusObjectPath, QMap<QString, QVariantMap>> GetManagedObjects() { return objects; }
};

class FakeAta : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.UDisks2.Drive.Ata")
public:
    QList<FakeAttribute> attributes;
public Q_SLOTS:
    QList<FakeAttribute> SmartGetAttributes(const QVariantMap &) { return attributes; }
};

class FakeNvme : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.UDisks2.NVMe.Controller")
public:
    QVariantMap log;
public Q_SLOTS:
    QVariantMap SmartGetAttributes(const QVariantMap &) { return log; }
};

namespace {

const QString root = QStringLiteral("/org/freedesktop/UDisks2");
constexpr int sectors = 3, millikelvin = 4;

QVariantMap ata(bool failing, double kelvin, qlonglong bad)
{
    return {{QStringLiteral("SmartSupported"), true},
            {QStringLiteral("SmartEnabled"), true},
            {QStringLiteral("SmartUpdated"), qulonglong(1764806400)},
            {QStringLiteral("SmartFailing"), failing},
            {QStringLiteral("SmartPowerOnSeconds"), qulonglong(3600) * 20000},
            {QStringLiteral("SmartTemperature"), kelvin},
            {QStringLiteral("SmartNumAttributesFailing"), failing ? 1 : 0},
            {QStringLiteral("SmartNumAttributesFailedInThePast"), 0},
            {QStringLiteral("SmartNumBadSectors"), bad},
            {QStringLiteral("SmartSelftestStatus"), QStringLiteral("success")},
            {QStringLiteral("SmartSelftestPercentRemaining"), -1}};
}

QList<FakeAttribute> sectorAttributes(qlonglong reallocated, qlonglong pending)
{
    FakeAttribute r, p, t;
    r.id = 5, r.name = QStringLiteral("reallocated-sector-count"), r.pretty = reallocated, r.unit = sectors;
    p.id = 197, p.name = QStringLiteral("current-pending-sector"), p.pretty = pending, p.unit = sectors;
    t.id = 194, t.name = QStringLiteral("temperature-celsius-2"), t.pretty = 307150, t.unit = millikelvin;
    return {r, p, t};
}

QVariantMap block(const QString &device, const QString &drive)
{
    return {{QStringLiteral("Device"), QByteArray(device.toUtf8() + '\0')},
            {QStringLiteral("Drive"), QVariant::fromValue(QDBusObjectPath(drive.isEmpty() ? QStringLiteral("/") : root + QStringLiteral("/drives/") + drive))}};
}

} // namespace

class TestUdisksHealth : public QObject
{
    Q_OBJECT

    test::PrivateBus m_bus;
    QString m_address;
    QThread m_thread; // the fake answers from here: the probe blocks for its replies
    FakeObjectManager m_manager;
    FakeAta m_sda, m_sdb, m_sdc;
    FakeNvme m_nvme;

    void addDrive(const QString &disk, const QString &drive, const QString &interface, const QVariantMap &props)
    {
        m_manager.objects.insert(QDBusObjectPath(root + QStringLiteral("/block_devices/") + disk),
                                 {{QStringLiteral("org.freedesktop.UDisks2.Block"), block(QStringLiteral("/dev/") + disk, drive)}});
        QMap<QString, QVariantMap> ifaces{{QStringLiteral("org.freedesktop.UDisks2.Drive"), {{QStringLiteral("Model"), drive}}}};
        if (!interface.isEmpty())
            ifaces.insert(interface, props);
        m_manager.objects.insert(QDBusObjectPath(root + QStringLiteral("/drives/") + drive), ifaces);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (test::PrivateBus::daemon().isEmpty())
            QSKIP("no dbus-daemon");
        m_address = m_bus.start();
        QVERIFY(!m_address.isEmpty());
        // The probe asks "the system bus": make it this one before anyone connects.
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", m_address.toUtf8());
        qDBusRegisterMetaType<QMap<QString, QVariantMap>>();
        qDBusRegisterMetaType<QMap<QDBusObjectPath, QMap<QString, QVariantMap>>>();
        qDBusRegisterMetaType<FakeAttribute>();
        qDBusRegisterMetaType<QList<FakeAttribute>>();

        const QString ataIface = QStringLiteral("org.freedesktop.UDisks2.Drive.Ata");
        addDrive(QStringLiteral("sda"), QStringLiteral("Healthy_A"), ataIface, ata(false, 307.15, 0));
        m_sda.attributes = sectorAttributes(0, 0);
        addDrive(QStringLiteral("sdb"), QStringLiteral("Failing_B"), ataIface, ata(true, 310.15, 10));
        m_sdb.attributes = sectorAttributes(8, 2);
        addDrive(QStringLiteral("sdc"), QStringLiteral("Hot_C"), ataIface, ata(false, 336.15, 0));
        m_sdc.attributes = sectorAttributes(0, 0);
        QVariantMap noSmart = ata(false, 0, -1);
        noSmart[QStringLiteral("SmartSupported")] = false;
        addDrive(QStringLiteral("sdd"), QStringLiteral("NoSmart_D"), ataIface, noSmart);
        addDrive(QStringLiteral("sde"), QStringLiteral("UsbStick_E"), QString(), {}); // no Ata interface at all
        addDrive(QStringLiteral("nvme0n1"), QStringLiteral("Nvme_N"), QStringLiteral("org.freedesktop.UDisks2.NVMe.Controller"),
                 {{QStringLiteral("SmartUpdated"), qulonglong(1764806400)},
                  {QStringLiteral("SmartCriticalWarning"), QStringList{QStringLiteral("temperature")}},
                  {QStringLiteral("SmartPowerOnHours"), qulonglong(77)},
                  {QStringLiteral("SmartTemperature"), ushort(358)},
                  {QStringLiteral("SmartSelftestStatus"), QString()},
                  {QStringLiteral("SmartSelftestPercentRemaining"), -1}});
        m_nvme.log = {{QStringLiteral("media_errors"), qulonglong(0)}, {QStringLiteral("percent_used"), uchar(12)}};
        // A partition has a Block too, and is never a drive of its own.
        m_manager.objects.insert(QDBusObjectPath(root + QStringLiteral("/block_devices/sda1")),
                                 {{QStringLiteral("org.freedesktop.UDisks2.Block"), block(QStringLiteral("/dev/sda1"), QStringLiteral("Healthy_A"))},
                                  {QStringLiteral("org.freedesktop.UDisks2.Partition"), {{QStringLiteral("Number"), 1u}}}});

        QDBusConnection bus = QDBusConnection::connectToBus(m_address, QStringLiteral("fake-udisks"));
        QVERIFY(bus.isConnected());
        m_thread.start();
        for (QObject *o : std::initializer_list<QObject *>{&m_manager, &m_sda, &m_sdb, &m_sdc, &m_nvme})
            o->moveToThread(&m_thread);
        QVERIFY(bus.registerObject(root, &m_manager, QDBusConnection::ExportAllSlots));
        QVERIFY(bus.registerObject(root + QStringLiteral("/drives/Healthy_A"), &m_sda, QDBusConnection::ExportAllSlots));
        QVERIFY(bus.registerObject(root + QStringLiteral("/drives/Failing_B"), &m_sdb, QDBusConnection::ExportAllSlots));
        QVERIFY(bus.registerObject(root + QStringLiteral("/drives/Hot_C"), &m_sdc, QDBusConnection::ExportAllSlots));
        QVERIFY(bus.registerObject(root + QStringLiteral("/drives/Nvme_N"), &m_nvme, QDBusConnection::ExportAllSlots));
        QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.UDisks2")));
    }

    void cleanupTestCase()
    {
        m_thread.quit();
        m_thread.wait();
        QDBusConnection::disconnectFromBus(QStringLiteral("fake-udisks"));
    }

    void readsEveryDrive()
    {
        const QHash<QString, DriveHealth> health = readDriveHealth();
        QCOMPARE(QStringList(health.keyBegin(), health.keyEnd()).size(), 4);
        QVERIFY2(!health.contains(QStringLiteral("sdd")), "SMART not supported: nothing known");
        QVERIFY2(!health.contains(QStringLiteral("sde")), "no ATA or NVMe interface: nothing known");
        QVERIFY2(!health.contains(QStringLiteral("sda1")), "a partition is not a drive");

        const DriveHealth &sda = health.value(QStringLiteral("sda"));
        QVERIFY(!sda.atRisk());
        QCOMPARE(sda.badge(), QStringLiteral("healthy"));
        QCOMPARE(sda.reallocatedSectors.value_or(-1), 0);
        QCOMPARE(sda.powerOnHours.value_or(0), 20000);
        QCOMPARE(qRound(sda.temperatureC.value_or(0)), 34);

        const DriveHealth &sdb = health.value(QStringLiteral("sdb"));
        QVERIFY(sdb.failing);
        QCOMPARE(sdb.reallocatedSectors.value_or(-1), 8);
        QCOMPARE(sdb.pendingSectors.value_or(-1), 2);
        QCOMPARE(sdb.attributesFailing, 1);
        QCOMPARE(sdb.badge(), QStringLiteral("failing"));

        const DriveHealth &sdc = health.value(QStringLiteral("sdc"));
        QVERIFY(!sdc.atRisk());
        QVERIFY(sdc.hot());
        QCOMPARE(sdc.badge(), QStringLiteral("hot"));

        const DriveHealth &nvme = health.value(QStringLiteral("nvme0n1"));
        QCOMPARE(nvme.kind, DriveHealth::Kind::Nvme);
        QVERIFY(nvme.failing);
        QCOMPARE(nvme.risks(), QStringList{QStringLiteral("it is too hot or too cold")});
        QCOMPARE(nvme.wearPercent.value_or(-1), 12);
        QCOMPARE(nvme.mediaErrors.value_or(-1), 0);
        QCOMPARE(nvme.powerOnHours.value_or(0), 77);
    }

    // UDisks read a drive again: one change for a burst, none for other interfaces.
    void watcherHearsUdisks()
    {
        DriveHealthWatcher watcher;
        QSignalSpy changed(&watcher, &DriveHealthWatcher::changed);
        QDBusConnection bus = QDBusConnection(QStringLiteral("fake-udisks"));
        const auto propertiesChanged = [&bus](const QString &path, const QString &interface) {
            QDBusMessage signal = QDBusMessage::createSignal(path, QStringLiteral("org.freedesktop.DBus.Properties"),
                                                             QStringLiteral("PropertiesChanged"));
            signal << interface << QVariantMap{{QStringLiteral("SmartUpdated"), qulonglong(1764810000)}} << QStringList();
            QVERIFY(bus.send(signal));
        };
        propertiesChanged(root + QStringLiteral("/block_devices/sda"), QStringLiteral("org.freedesktop.UDisks2.Block"));
        QTest::qWait(500);
        QCOMPARE(changed.size(), 0);
        propertiesChanged(root + QStringLiteral("/drives/Healthy_A"), QStringLiteral("org.freedesktop.UDisks2.Drive.Ata"));
        propertiesChanged(root + QStringLiteral("/drives/Failing_B"), QStringLiteral("org.freedesktop.UDisks2.Drive.Ata"));
        propertiesChanged(root + QStringLiteral("/drives/Nvme_N"), QStringLiteral("org.freedesktop.UDisks2.NVMe.Controller"));
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 3000);
        QTest::qWait(400);
        QCOMPARE(changed.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestUdisksHealth)
#include "tst_udiskshealth.moc"

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "drivehealthprobe.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QTimeZone>

namespace plexus {

namespace {

const QString service = QStringLiteral("org.freedesktop.UDisks2");
const QString ataInterface = QStringLiteral("org.freedesktop.UDisks2.Drive.Ata");
const QString nvmeInterface = QStringLiteral("org.freedesktop.UDisks2.NVMe.Controller");
const QString blockInterface = QStringLiteral("org.freedesktop.UDisks2.Block");
const QString partitionInterface = QStringLiteral("org.freedesktop.UDisks2.Partition");
// udisksd answers from memory; a stuck daemon must not stall the window or the monitor.
constexpr int callTimeoutMs = 3000;

constexpr double kelvin = 273.15;

QDateTime fromEpoch(const QVariant &seconds)
{
    const qulonglong s = seconds.toULongLong();
    return s ? QDateTime::fromSecsSinceEpoch(qint64(s), QTimeZone::UTC) : QDateTime();
}

using Interfaces = QHash<QString, QVariantMap>;

// a{sa{sv}}: one object's interfaces and their properties.
Interfaces readInterfaces(const QDBusArgument &arg)
{
    Interfaces out;
    arg.beginMap();
    while (!arg.atEnd()) {
        QString name;
        QVariantMap props;
        arg.beginMapEntry();
        arg >> name >> props;
        arg.endMapEntry();
        out.insert(name, props);
    }
    arg.endMap();
    return out;
}

// GetManagedObjects: a{oa{sa{sv}}}.
QHash<QString, Interfaces> managedObjects()
{
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected())
        return {};
    const QDBusMessage call = QDBusMessage::createMethodCall(service, QStringLiteral("/org/freedesktop/UDisks2"),
                                                             QStringLiteral("org.freedesktop.DBus.ObjectManager"),
                                                             QStringLiteral("GetManagedObjects"));
    const QDBusMessage reply = bus.call(call, QDBus::Block, callTimeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return {};
    const QDBusArgument arg = reply.arguments().constFirst().value<QDBusArgument>();
    QHash<QString, Interfaces> out;
    arg.beginMap();
    while (!arg.atEnd()) {
        QDBusObjectPath path;
        arg.beginMapEntry();
        arg >> path;
        out.insert(path.path(), readInterfaces(arg));
        arg.endMapEntry();
    }
    arg.endMap();
    return out;
}

// SmartGetAttributes: a(ysqiiixia{sv}); only id, pretty and its unit are used.
QList<AtaAttribute> ataAttributes(const QString &drivePath)
{
    QDBusMessage call = QDBusMessage::createMethodCall(service, drivePath, ataInterface, QStringLiteral("SmartGetAttributes"));
    call << QVariantMap();
    const QDBusMessage reply = QDBusConnection::systemBus().call(call, QDBus::Block, callTimeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return {};
    const QDBusArgument arg = reply.arguments().constFirst().value<QDBusArgument>();
    QList<AtaAttribute> out;
    arg.beginArray();
    while (!arg.atEnd()) {
        uchar id = 0;
        QString name;
        ushort flags = 0;
        int value = 0, worst = 0, threshold = 0, unit = 0;
        qlonglong pretty = 0;
        QVariantMap expansion;
        arg.beginStructure();
        arg >> id >> name >> flags >> value >> worst >> threshold >> pretty >> unit >> expansion;
        arg.endStructure();
        out.append({int(id), pretty, unit});
    }
    arg.endArray();
    return out;
}

// NVMe.Controller's SmartGetAttributes: a{sv}, the health log's fields.
QVariantMap nvmeLog(const QString &drivePath)
{
    QDBusMessage call = QDBusMessage::createMethodCall(service, drivePath, nvmeInterface, QStringLiteral("SmartGetAttributes"));
    call << QVariantMap();
    const QDBusMessage reply = QDBusConnection::systemBus().call(call, QDBus::Block, callTimeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return {};
    QVariantMap out;
    reply.arguments().constFirst().value<QDBusArgument>() >> out;
    return out;
}

// Block.Device is a NUL-terminated byte string: "/dev/sda".
QString kernelName(const QVariantMap &block)
{
    QByteArray device = block.value(QStringLiteral("Device")).toByteArray();
    if (device.endsWith('\0'))
        device.chop(1);
    return QString::fromUtf8(device).section(QLatin1Char('/'), -1);
}

} // namespace

std::optional<DriveHealth> ataHealth(const QVariantMap &ata, const QList<AtaAttribute> &attributes)
{
    if (!ata.value(QStringLiteral("SmartSupported")).toBool() || !ata.value(QStringLiteral("SmartEnabled")).toBool())
        return std::nullopt;
    DriveHealth h;
    h.kind = DriveHealth::Kind::Ata;
    h.updated = fromEpoch(ata.value(QStringLiteral("SmartUpdated")));
    if (!h.updated.isValid())
        return std::nullopt; // not read yet: the other figures are zeros, not facts
    h.failing = ata.value(QStringLiteral("SmartFailing")).toBool();
    h.attributesFailing = ata.value(QStringLiteral("SmartNumAttributesFailing")).toInt();
    h.attributesFailedInPast = ata.value(QStringLiteral("SmartNumAttributesFailedInThePast")).toInt();
    // UDisks says -1 (or a huge unsigned) when it could not tell.
    const qlonglong bad = ata.value(QStringLiteral("SmartNumBadSectors")).toLongLong();
    if (bad >= 0)
        h.badSectors = bad;
    const double k = ata.value(QStringLiteral("SmartTemperature")).toDouble();
    if (k > 0)
        h.temperatureC = k - kelvin;
    const qulonglong seconds = ata.value(QStringLiteral("SmartPowerOnSeconds")).toULongLong();
    if (seconds > 0)
        h.powerOnHours = qint64(seconds / 3600);
    h.selfTest = ata.value(QStringLiteral("SmartSelftestStatus")).toString();
    if (h.selfTest == QLatin1String("inprogress"))
        h.selfTestRemainingPercent = ata.value(QStringLiteral("SmartSelftestPercentRemaining")).toInt();
    constexpr int sectorsUnit = 3;
    for (const AtaAttribute &a : attributes) {
        if (a.id == 5 && a.prettyUnit == sectorsUnit)
            h.reallocatedSectors = a.pretty;
        else if (a.id == 197 && a.prettyUnit == sectorsUnit)
            h.pendingSectors = a.pretty;
    }
    return h;
}

std::optional<DriveHealth> nvmeHealth(const QVariantMap &controller, const QVariantMap &log)
{
    DriveHealth h;
    h.kind = DriveHealth::Kind::Nvme;
    h.updated = fromEpoch(controller.value(QStringLiteral("SmartUpdated")));
    if (!h.updated.isValid())
        return std::nullopt;
    h.criticalWarnings = controller.value(QStringLiteral("SmartCriticalWarning")).toStringList();
    h.failing = !h.criticalWarnings.isEmpty();
    const uint k = controller.value(QStringLiteral("SmartTemperature")).toUInt();
    if (k > 0)
        h.temperatureC = k - kelvin;
    h.powerOnHours = controller.value(QStringLiteral("SmartPowerOnHours")).toLongLong();
    h.selfTest = controller.value(QStringLiteral("SmartSelftestStatus")).toString();
    if (h.selfTest == QLatin1String("inprogress"))
        h.selfTestRemainingPercent = controller.value(QStringLiteral("SmartSelftestPercentRemaining")).toInt();
    if (log.contains(QStringLiteral("media_errors")))
        h.mediaErrors = log.value(QStringLiteral("media_errors")).toLongLong();
    if (log.contains(QStringLiteral("percent_used")))
        h.wearPercent = log.value(QStringLiteral("percent_used")).toInt();
    return h;
}

QHash<QString, DriveHealth> readDriveHealth()
{
    const QHash<QString, Interfaces> objects = managedObjects();
    QHash<QString, DriveHealth> out;
    for (auto it = objects.cbegin(); it != objects.cend(); ++it) {
        const auto block = it->find(blockInterface);
        if (block == it->cend() || it->contains(partitionInterface))
            continue;
        const QString drivePath = block->value(QStringLiteral("Drive")).value<QDBusObjectPath>().path();
        const auto drive = objects.find(drivePath);
        if (drive == objects.cend())
            continue;
        std::optional<DriveHealth> health;
        if (const auto ata = drive->find(ataInterface); ata != drive->cend())
            health = ataHealth(*ata, ata->value(QStringLiteral("SmartEnabled")).toBool() ? ataAttributes(drivePath) : QList<AtaAttribute>());
        else if (const auto nvme = drive->find(nvmeInterface); nvme != drive->cend())
            health = nvmeHealth(*nvme, nvmeLog(drivePath));
        if (health)
            out.insert(kernelName(*block), *health);
    }
    return out;
}

void applyDriveHealth(QList<Disk> *disks, const QHash<QString, DriveHealth> &health)
{
    for (Disk &d : *disks) {
        const auto it = health.find(d.name);
        d.health = it == health.cend() ? std::nullopt : std::optional<DriveHealth>(*it);
    }
}

DriveHealthWatcher::DriveHealthWatcher(QObject *parent) : QObject(parent)
{
    m_gather.setSingleShot(true);
    m_gather.setInterval(200);
    connect(&m_gather, &QTimer::timeout, this, &DriveHealthWatcher::changed);
    QDBusConnection::systemBus().connect(service, QString(), QStringLiteral("org.freedesktop.DBus.Properties"),
                                         QStringLiteral("PropertiesChanged"), this,
                                         SLOT(onPropertiesChanged(QString, QVariantMap, QStringList)));
}

void DriveHealthWatcher::onPropertiesChanged(const QString &interface, const QVariantMap &, const QStringList &)
{
    if ((interface == ataInterface || interface == nvmeInterface) && !m_gather.isActive())
        m_gather.start();
}

} // namespace plexus

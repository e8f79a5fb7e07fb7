// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "soliddrives.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <Solid/Block>
#include <Solid/Device>
#include <Solid/StorageDrive>

namespace plexus {

namespace {

QString busName(Solid::StorageDrive::Bus bus)
{
    switch (bus) {
    case Solid::StorageDrive::Ide: return QStringLiteral("ide");
    case Solid::StorageDrive::Usb: return QStringLiteral("usb");
    case Solid::StorageDrive::Ieee1394: return QStringLiteral("ieee1394");
    case Solid::StorageDrive::Scsi: return QStringLiteral("scsi");
    case Solid::StorageDrive::Sata: return QStringLiteral("ata");
    case Solid::StorageDrive::Platform: return QStringLiteral("platform");
    }
    return {};
}

} // namespace

bool solidAvailable()
{
    const QDBusConnection bus = QDBusConnection::systemBus();
    return bus.isConnected() && bus.interface()
        && bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.UDisks2"));
}

void enrichWithSolid(QList<Disk> *disks)
{
    if (!solidAvailable())
        return;
    const auto drives = Solid::Device::listFromType(Solid::DeviceInterface::StorageDrive);
    for (const Solid::Device &device : drives) {
        const auto *drive = device.as<Solid::StorageDrive>();
        const auto *block = device.as<Solid::Block>();
        if (!drive || !block)
            continue;
        const QString name = block->device().section(QLatin1Char('/'), -1);
        for (Disk &d : *disks) {
            if (d.name != name)
                continue;
            // Solid calls virtio and NVMe "Platform"/"Scsi": keep sysfs's more precise word.
            const QString bus = busName(drive->bus());
            if (d.bus.isEmpty() || bus == QLatin1String("usb") || bus == QLatin1String("ieee1394") || bus == QLatin1String("ata"))
                d.bus = bus;
            d.removable = d.removable || drive->isRemovable();
            d.hotpluggable = d.hotpluggable || drive->isHotpluggable();
        }
    }
}

} // namespace plexus

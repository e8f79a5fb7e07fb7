// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "devicespec.h"
#include "probe/blockprobe.h"

#include <QDBusMetaType>

namespace plexus {

QDBusArgument &operator<<(QDBusArgument &arg, const DeviceSpec &spec)
{
    arg.beginStructure();
    arg << spec.path << spec.identity << spec.sizeBytes;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, DeviceSpec &spec)
{
    arg.beginStructure();
    arg >> spec.path >> spec.identity >> spec.sizeBytes;
    arg.endStructure();
    return arg;
}

void registerDBusTypes()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    qDBusRegisterMetaType<DeviceSpec>();
    qDBusRegisterMetaType<DeviceSpecList>();
    qDBusRegisterMetaType<QList<QVariantMap>>();
}

DeviceSpec deviceSpecFor(const Snapshot &snapshot, const QString &path)
{
    DeviceSpec spec;
    spec.path = path;
    if (spec.isMissing())
        return spec;
    const QString name = kernelNameForDevicePath(QStringLiteral("/"), path);
    if (const Disk *disk = snapshot.diskOf(name)) {
        spec.identity = disk->identity();
        if (disk->name == name)
            spec.sizeBytes = quint64(disk->sizeBytes);
        else if (const Partition *p = disk->partition(name))
            spec.sizeBytes = quint64(p->sizeBytes);
    } else if (const Array *a = snapshot.array(name)) {
        spec.identity = a->uuid;
        spec.sizeBytes = quint64(a->sizeKib.value_or(0) * 1024);
    } else if (const LogicalVolume *lv = snapshot.activeVolume(name)) {
        spec.identity = lv->vgName + QLatin1Char('/') + lv->name;
        spec.sizeBytes = quint64(lv->sizeBytes);
    }
    return spec;
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A device as a request names it: the path the user picked, together with what the
// user saw of it (the serial or WWN of its disk, and its size in bytes). The helper
// refuses when the node now belongs to another disk or has another size, so a
// renumbered /dev/sdX can never turn into the wrong disk. On D-Bus: (sst).

#include "model/snapshot.h"

#include <QDBusArgument>
#include <QList>
#include <QMetaType>
#include <QString>

namespace plexus {

struct DeviceSpec {
    QString path;        // "/dev/sdb1", or "missing" for an empty slot in CreateArray
    QString identity;    // serial (else WWN, else model/size) of the disk holding it;
                         // of an md array its UUID; of a logical volume "VG/LV"
    quint64 sizeBytes = 0; // the size of the node itself (partition or whole disk)

    bool isMissing() const { return path == QLatin1String("missing"); }
    bool operator==(const DeviceSpec &) const = default;
};
using DeviceSpecList = QList<DeviceSpec>;

QDBusArgument &operator<<(QDBusArgument &arg, const DeviceSpec &spec);
const QDBusArgument &operator>>(const QDBusArgument &arg, DeviceSpec &spec);

// Registers DeviceSpec and DeviceSpecList with Qt's D-Bus type system (once).
void registerDBusTypes();

// What a client sends for `path`, filled from its own snapshot of the machine:
// identity and size of the node as the user sees it now. A path the snapshot does
// not know keeps an empty identity (the helper then says what is wrong with it).
DeviceSpec deviceSpecFor(const Snapshot &snapshot, const QString &path);

} // namespace plexus

Q_DECLARE_METATYPE(plexus::DeviceSpec)
Q_DECLARE_METATYPE(plexus::DeviceSpecList)

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Every drive's own health (ATA SMART, NVMe health log), read from UDisks2 on the
// system bus, without root.
//
// Why UDisks and not libblockdev's smart plugin through plexus-helper: udisksd
// already reads every drive's SMART at start and every ten minutes (skipping
// sleeping disks, which a read of ours would wake), any user may read what it
// found, and it is on every machine Plexus runs on. A helper call would need
// root, a polkit action and a poll of our own for the same figures.

#include "model/blockdevice.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QVariantMap>

namespace plexus {

// One ATA SMART attribute as UDisks' SmartGetAttributes gives it.
struct AtaAttribute {
    int id = 0;
    qint64 pretty = 0;      // the raw value made sense of (a count for sectors)
    int prettyUnit = 0;     // UDisks: 1 none, 2 ms, 3 sectors, 4 mK
};

// From the properties of org.freedesktop.UDisks2.Drive.Ata (and its attributes);
// none when the drive has no SMART or it is off.
std::optional<DriveHealth> ataHealth(const QVariantMap &ata, const QList<AtaAttribute> &attributes);
// From org.freedesktop.UDisks2.NVMe.Controller's properties and its health log
// (SmartGetAttributes: media_errors, percent_used); none before UDisks read it.
std::optional<DriveHealth> nvmeHealth(const QVariantMap &controller, const QVariantMap &log = {});

// Kernel disk name ("sda", "nvme0n1") → its health, for every drive UDisks has
// health for. Empty when UDisks is not there.
QHash<QString, DriveHealth> readDriveHealth();
// Sets each disk's health from `health` (and clears it for disks not in it).
void applyDriveHealth(QList<Disk> *disks, const QHash<QString, DriveHealth> &health);

// Tells when UDisks has read a drive's health again (PropertiesChanged on the
// Drive.Ata or NVMe.Controller interface), so the monitor and the window need not poll.
// UDisks reads all drives at once every ten minutes: their signals come as one changed().
class DriveHealthWatcher : public QObject
{
    Q_OBJECT
public:
    explicit DriveHealthWatcher(QObject *parent = nullptr);

Q_SIGNALS:
    void changed();

private Q_SLOTS:
    void onPropertiesChanged(const QString &interface, const QVariantMap &changed, const QStringList &invalidated);

private:
    QTimer m_gather;
};

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "words.h"
#include "model/describe.h"

#include <QHash>

namespace plexus {

QString levelTitle(const std::optional<QString> &level)
{
    if (!level)
        return QStringLiteral("Unknown level");
    if (*level == QLatin1String("linear"))
        return QStringLiteral("Linear");
    if (level->startsWith(QLatin1String("raid")))
        return QStringLiteral("RAID-%1").arg(level->mid(4));
    return *level; // multipath, faulty, container
}

QString levelOrganisation(const std::optional<QString> &level)
{
    static const QHash<QString, QString> words = {
        {QStringLiteral("linear"), QStringLiteral("concatenated")},
        {QStringLiteral("raid0"), QStringLiteral("striped")},
        {QStringLiteral("raid1"), QStringLiteral("mirror")},
        {QStringLiteral("raid4"), QStringLiteral("striped, parity disk")},
        {QStringLiteral("raid5"), QStringLiteral("striped with parity")},
        {QStringLiteral("raid6"), QStringLiteral("striped with double parity")},
        {QStringLiteral("raid10"), QStringLiteral("striped mirrors")},
    };
    return level ? words.value(*level) : QString();
}

QString busTitle(const QString &bus)
{
    static const QHash<QString, QString> words = {
        {QStringLiteral("ata"), QStringLiteral("SATA")},   {QStringLiteral("usb"), QStringLiteral("USB")},
        {QStringLiteral("nvme"), QStringLiteral("NVMe")},  {QStringLiteral("virtio"), QStringLiteral("VirtIO")},
        {QStringLiteral("scsi"), QStringLiteral("SCSI")},  {QStringLiteral("mmc"), QStringLiteral("SD/MMC")},
        {QStringLiteral("ieee1394"), QStringLiteral("FireWire")},
    };
    return words.value(bus, bus);
}

QString parityLayoutName(int layout)
{
    // drivers/md/raid5.h ALGORITHM_*, named as mdadm names them.
    switch (layout) {
    case 0: return QStringLiteral("left-asymmetric");
    case 1: return QStringLiteral("right-asymmetric");
    case 2: return QStringLiteral("left-symmetric");
    case 3: return QStringLiteral("right-symmetric");
    case 4: return QStringLiteral("parity-first");
    case 5: return QStringLiteral("parity-last");
    case 8: return QStringLiteral("ddf-zero-restart");
    case 9: return QStringLiteral("ddf-N-restart");
    case 10: return QStringLiteral("ddf-N-continue");
    case 16: return QStringLiteral("left-asymmetric-6");
    case 17: return QStringLiteral("right-asymmetric-6");
    case 18: return QStringLiteral("left-symmetric-6");
    case 19: return QStringLiteral("right-symmetric-6");
    case 20: return QStringLiteral("parity-first-6");
    }
    return {};
}

bool arrayFailed(const Array &a)
{
    if (a.state == ArrayState::Broken)
        return true;
    if (a.state == ArrayState::Inactive || !a.degraded)
        return false;
    return a.dataLost();
}

QString arrayHealth(const Array &a)
{
    if (arrayFailed(a) && a.state != ArrayState::Broken)
        return QStringLiteral("Failed: %1 of %2 members missing").arg(a.missingCount()).arg(a.raidDisks.value_or(0));
    return arrayHealthText(a);
}

Tone arrayTone(const Array &a)
{
    if (arrayFailed(a))
        return Tone::Bad;
    if (a.state == ArrayState::Inactive)
        return Tone::Neutral;
    if (a.degraded || (a.sync && a.sync->action == SyncAction::Recovery))
        return Tone::Warning;
    if (a.sync)
        return Tone::Busy;
    return Tone::Good;
}

int arrayUrgency(const Array &a)
{
    switch (arrayTone(a)) {
    case Tone::Bad: return 0;
    case Tone::Warning: return 1;
    case Tone::Neutral: return 2;
    case Tone::Busy: return 3;
    case Tone::Good: return 4;
    }
    return 4;
}

} // namespace plexus

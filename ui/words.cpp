// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "words.h"
#include "model/describe.h"

#include <KLocalizedString>

#include <QHash>

namespace plexus {

QString levelTitle(const std::optional<QString> &level)
{
    if (!level)
        return i18nc("an md array's RAID level", "Unknown level");
    if (*level == QLatin1String("linear"))
        return i18nc("the md level that concatenates its devices", "Linear");
    if (level->startsWith(QLatin1String("raid")))
        return QStringLiteral("RAID-%1").arg(level->mid(4));
    return *level; // multipath, faulty, container
}

QString levelOrganisation(const std::optional<QString> &level)
{
    // Asked each time: the words are in the language of the moment.
    if (!level)
        return {};
    if (*level == QLatin1String("linear"))
        return i18nc("how a linear md array organises its devices", "concatenated");
    if (*level == QLatin1String("raid0"))
        return i18nc("how a RAID-0 array organises its devices", "striped");
    if (*level == QLatin1String("raid1"))
        return i18nc("how a RAID-1 array organises its devices", "mirror");
    if (*level == QLatin1String("raid4"))
        return i18nc("how a RAID-4 array organises its devices", "striped, parity disk");
    if (*level == QLatin1String("raid5"))
        return i18nc("how a RAID-5 array organises its devices", "striped with parity");
    if (*level == QLatin1String("raid6"))
        return i18nc("how a RAID-6 array organises its devices", "striped with double parity");
    if (*level == QLatin1String("raid10"))
        return i18nc("how a RAID-10 array organises its devices", "striped mirrors");
    return {};
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

QString failureCause(const Array &a)
{
    if (a.state == ArrayState::Broken)
        return i18nc("what an array beyond repair lacks", "a member needed for the data is gone");
    return i18ncp("what an array beyond repair lacks: %2 of its %1 slots have no working member", "%2 of %1 member missing",
                  "%2 of %1 members missing", a.raidDisks.value_or(0), a.missingCount());
}

QString arrayHealth(const Array &a)
{
    if (arrayFailed(a) && a.state != ArrayState::Broken)
        return i18nc("an array's health; %1 what it lacks", "Failed: %1", failureCause(a));
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

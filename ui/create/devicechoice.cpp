// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "devicechoice.h"

#include "engine/validator.h"
#include "model/describe.h"
#include "operations/operation.h"

#include <KLocalizedString>

namespace plexus {

namespace {

// "X is mounted on /home. Unmount it first, ..." -> "X is mounted on /home."
QString firstSentence(const QString &message)
{
    const qsizetype end = message.indexOf(QLatin1String(". "));
    return end < 0 ? message : message.left(end + 1);
}

// MBR extended partitions hold logical ones; the kernel shows them as 1 KiB.
bool isContainer(const Partition &p)
{
    static const QStringList extendedTypes = {QStringLiteral("0x5"), QStringLiteral("0xf"), QStringLiteral("0x85")};
    return extendedTypes.contains(p.partTypeId.toLower()) || p.sizeBytes <= 1024;
}

DeviceChoice judge(const Snapshot &snapshot, const Validator &validator, const Disk &disk, const QString &name, qint64 size)
{
    DeviceChoice c;
    c.name = name;
    c.path = QStringLiteral("/dev/") + name;
    c.diskName = disk.name;
    c.wholeDisk = name == disk.name;
    c.sizeBytes = size;
    const ErasedDevice what = describeErased(snapshot, c.path);
    c.model = what.model;
    c.serial = what.serial;
    c.contents = what.contents;

    ResolvedDevice dev;
    dev.path = c.path;
    dev.name = name;
    dev.diskName = disk.name;
    dev.sizeBytes = size;
    dev.wholeDisk = c.wholeDisk;
    // Whatever overwrite cannot consent to (in use, system disk, read-only) rules it out.
    Validator::Consent overwrite;
    overwrite.overwrite = true;
    if (Status s = validator.checkFree(dev, overwrite); !s) {
        c.reason = firstSentence(s.message());
        c.detail = s.message();
        return c;
    }
    if (c.wholeDisk && !disk.partitions.isEmpty()) {
        c.reason = i18ncp("@info why a disk cannot be a member", "It has %1 partition: use it, or creating would erase its partition table.",
                          "It has %1 partitions: use them, or creating would erase its partition table.", disk.partitions.size());
        c.detail = c.reason;
        return c;
    }
    if (size < smallestOffered) {
        c.reason = i18nc("@info why a device cannot be a member: %1 its size, %2 the smallest size offered",
                         "Only %1: too small to be worth an array member (at least %2).", humanSize(size), humanSize(smallestOffered));
        c.detail = c.reason;
        return c;
    }
    c.usable = true;
    if (Status s = validator.checkFree(dev, {}); !s) {
        c.erases = true;
        c.detail = s.message();
    }
    return c;
}

} // namespace

QList<DeviceChoice> deviceChoices(const Snapshot &snapshot, const SystemView &system)
{
    const Validator validator(snapshot, system);
    QList<DeviceChoice> choices;
    for (const Disk &disk : snapshot.disks) {
        choices << judge(snapshot, validator, disk, disk.name, disk.sizeBytes);
        for (const Partition &p : disk.partitions)
            if (!isContainer(p))
                choices << judge(snapshot, validator, disk, p.name, p.sizeBytes);
    }
    return choices;
}

} // namespace plexus

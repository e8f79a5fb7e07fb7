// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "details.h"
#include "drivehealthdetails.h"
#include "disksegments.h"
#include "memberslots.h"
#include "model/describe.h"
#include "monitor/checkhistory.h"
#include "themedicons.h"
#include "words.h"

#include <KLocalizedString>

#include <QDate>

#include <algorithm>

namespace plexus {

namespace {

QString yesNo(bool b) { return b ? i18nc("a details row's answer", "yes") : i18nc("a details row's answer", "no"); }
QString raw(std::optional<qint64> n) { return n ? QString::number(*n) : QString(); }

// "a, b, c" and "a; b; c".
QString commaList(const QStringList &items)
{
    return joinedList(items, ki18nc("a list: the items so far (%1), then the next one (%2)", "%1, %2"));
}

QString semicolonList(const QStringList &items)
{
    return joinedList(items, ki18nc("a list of remarks: those so far (%1), then the next one (%2)", "%1; %2"));
}

QString partitionTypeName(const QString &type)
{
    const QString t = type.toLower();
    const auto is = [&t](const char *id) { return t == QLatin1String(id); };
    if (is("a19d880f-05fc-4d3b-a006-743f0f84911e"))
        return i18nc("partition type", "Linux RAID");
    if (is("e6d6d379-f507-44c2-a23c-238f2a3df928") || is("0x8e"))
        return i18nc("partition type", "Linux LVM");
    if (is("0fc63daf-8483-4772-8e79-3d69d8477de4"))
        return i18nc("partition type", "Linux filesystem");
    if (is("0657fd6d-a4ab-43c4-84e5-0933c84b4f4f") || is("0x82"))
        return i18nc("partition type", "Linux swap");
    if (is("c12a7328-f81f-11d2-ba4b-00a0c93ec93b") || is("0xef"))
        return i18nc("partition type", "EFI system");
    if (is("21686148-6449-6e6f-744e-656564454649"))
        return i18nc("partition type", "BIOS boot");
    if (is("0xfd"))
        return i18nc("partition type", "Linux RAID autodetect");
    if (is("0x83"))
        return i18nc("partition type", "Linux");
    return type.isEmpty() ? i18nc("partition type", "unknown") : i18nc("partition type", "other");
}

QString tableName(const QString &table)
{
    if (table == QLatin1String("gpt"))
        return QStringLiteral("GPT");
    if (table == QLatin1String("dos"))
        return QStringLiteral("MBR (DOS)");
    return table.isEmpty() ? i18nc("a disk's partition table", "none") : table;
}

DetailSection arraySection(const Array &a)
{
    DetailSection s{i18nc("details section", "Array"), {}};
    const QString organisation = levelOrganisation(a.level);
    s.rows << DetailRow{i18nc("details row", "Level"),
                        organisation.isEmpty() ? levelTitle(a.level)
                                               : i18nc("an array's level (%1) and how it organises its devices (%2)", "%1 (%2)", levelTitle(a.level), organisation),
                        a.level.value_or(QString())};
    s.rows << DetailRow{i18nc("details row", "State"), arrayHealth(a), a.arrayStateWord.isEmpty() ? toString(a.state) : a.arrayStateWord};
    if (a.sizeKib)
        s.rows << DetailRow{i18nc("details row", "Size"), humanSize(*a.sizeKib * 1024), i18nc("a size in kibibytes, as md gives it", "%1 KiB", QString::number(*a.sizeKib))};
    if (a.raidDisks)
        s.rows << DetailRow{i18nc("details row", "Devices"),
                            i18ncp("an array's slots (%1) and how many of them have a working member (%2)", "%1 slot, %2 working",
                                   "%1 slots, %2 working", *a.raidDisks, a.activeDisks.value_or(*a.raidDisks - a.missingCount())),
                            QString::number(*a.raidDisks)};
    if (a.degradedCount)
        s.rows << DetailRow{i18nc("details row", "Degraded"),
                            *a.degradedCount == 0 ? i18nc("an array is not degraded", "no")
                                                  : i18np("%1 slot without a working member", "%1 slots without a working member", *a.degradedCount),
                            QString::number(*a.degradedCount)};
    if (!a.memberStatus.isEmpty())
        s.rows << DetailRow{i18nc("details row", "Slots up"),
                            i18nc("slots up (%1) of all the array's slots (%2)", "%1 of %2", a.memberStatus.count(QLatin1Char('U')), a.memberStatus.size()),
                            a.memberStatus};
    if (a.metadata)
        s.rows << DetailRow{i18nc("details row", "Metadata"), a.metadata->startsWith(QLatin1String("external"))
                                                   ? i18nc("%1 is md's metadata word, such as external:imsm", "managed outside md (%1)", *a.metadata)
                                                   : i18nc("%1 is md's metadata version, such as 1.2", "superblock version %1", *a.metadata),
                            *a.metadata};
    if (a.chunkKib)
        s.rows << DetailRow{a.level == QLatin1String("linear") ? i18nc("details row", "Rounding") : i18nc("details row", "Chunk"),
                            humanSize(qint64(*a.chunkKib) * 1024), QString::number(qint64(*a.chunkKib) * 1024)};
    if (a.layout)
        s.rows << DetailRow{i18nc("details row", "Layout"), parityLayoutName(*a.layout), QString::number(*a.layout)};
    if (!a.raid10Layout.isEmpty())
        s.rows << DetailRow{i18nc("details row", "Layout"), a.raid10Layout, QString()};
    if (a.bitmap) {
        const QString where = a.bitmap->file.isEmpty() ? i18nc("where md keeps an array's bitmap", "internal write-intent")
                                                       : i18nc("where md keeps an array's bitmap; %1 is a file", "in file %1", a.bitmap->file);
        s.rows << DetailRow{i18nc("details row", "Bitmap"),
                            a.bitmap->chunkBytes ? i18nc("where the bitmap is (%1) and how much data one bit of it covers (%2)", "%1, %2 per bit", where,
                                                         humanSize(a.bitmap->chunkBytes))
                                                 : where,
                            a.bitmap->pagesTotal ? i18nc("bitmap pages in memory (%1) of all its pages (%2), as md counts them", "%1/%2 pages",
                                                         QString::number(a.bitmap->pagesInMemory), QString::number(a.bitmap->pagesTotal))
                                                 : QString()};
    } else if (a.isRedundant()) {
        // The raw value is md's own word for no bitmap.
        s.rows << DetailRow{i18nc("details row", "Bitmap"), i18nc("an array's bitmap", "none: after a crash the whole array resyncs"), QStringLiteral("none")};
    }
    if (!a.uuid.isEmpty())
        s.rows << DetailRow{i18nc("details row", "UUID"), a.uuid, a.uuid};
    return s;
}

// "Dec 3 01:00, took 2 h 13 min, none differed"; the raw value is the end's time.
DetailRow lastCheckRow(const CheckRecord &c)
{
    const QDateTime local = c.finished.toLocalTime();
    QString text = local.date() == QDate::currentDate()
        ? i18nc("when a check ended; %1 is a time of day", "today %1", local.toString(QStringLiteral("HH:mm")))
        : local.toString(QStringLiteral("MMM d yyyy, HH:mm"));
    if (c.action == SyncAction::Repair)
        text = i18nc("when a check ended (%1), and that it was a repair", "%1 (a repair)", text);
    if (c.seconds)
        text = i18nc("when a check ended (%1) and how long it took (%2)", "%1, took %2", text, humanDuration(double(*c.seconds) / 60.0));
    if (c.mismatches)
        text = *c.mismatches == 0
            ? i18nc("when a check ended (%1), and that it found no difference", "%1, none differed", text)
            : i18ncp("when a check ended (%2) and how many sectors it found different (%1)", "%2, %1 sector differed", "%2, %1 sectors differed",
                     *c.mismatches, text);
    return DetailRow{i18nc("details row", "Last check"), text, c.finished.toString(Qt::ISODate)};
}

// "the first Sunday of each month at 01:00 (mdcheck_start.timer)"; raw: the calendar.
DetailRow scheduleRow(const ScrubSchedule &s)
{
    const QString name = i18nc("details row", "Scheduled check");
    if (s.source.isEmpty())
        return {name, i18nc("an array's scheduled check", "none found (no mdcheck or raid-check timer, no checkarray cron job)"), QString()};
    if (s.masked)
        return {name, i18nc("an array's scheduled check; %1 is a systemd timer", "none: %1 is masked", s.source), QString()};
    if (!s.enabled)
        return {name, i18nc("an array's scheduled check; %1 is a systemd timer", "none: %1 is not enabled", s.source), s.calendar.join(QStringLiteral("; "))};
    return {name, i18nc("when the check runs (%1) and the timer or cron job that runs it (%2)", "%1 (%2)", s.when(), s.source),
            s.calendar.join(QStringLiteral("; "))};
}

DetailSection syncSection(const Array &a, const DetailsContext &context)
{
    DetailSection s{i18nc("details section", "Sync"), {}};
    if (a.sync) {
        const SyncProgress &p = *a.sync;
        s.rows << DetailRow{i18nc("details row", "Sync action"), syncText(p), toString(p.action)};
        if (p.doneKib && p.totalKib)
            s.rows << DetailRow{i18nc("details row", "Progress"),
                                i18nc("how much md has done (%1) of all it has to do (%2)", "%1 of %2", humanSize(*p.doneKib * 1024), humanSize(*p.totalKib * 1024)),
                                QStringLiteral("%1 / %2").arg(*p.doneKib * 2).arg(*p.totalKib * 2)};
        if (p.speedKibPerSec)
            s.rows << DetailRow{i18nc("details row", "Speed"), humanRate(*p.speedKibPerSec), i18nc("a speed as md gives it", "%1 KiB/s", QString::number(*p.speedKibPerSec))};
        if (p.finishMinutes)
            s.rows << DetailRow{i18nc("details row", "Time left"), humanDuration(*p.finishMinutes),
                                i18nc("minutes left, as md estimates them", "%1 min", QString::number(*p.finishMinutes, 'f', 1))};
    } else if (a.isRedundant()) {
        // The raw value is md's own word.
        s.rows << DetailRow{i18nc("details row", "Sync action"), i18nc("md's sync action: doing nothing", "idle"), QStringLiteral("idle")};
    }
    if (a.mismatchCount)
        s.rows << DetailRow{i18nc("details row", "Mismatches"),
                            *a.mismatchCount == 0 ? i18nc("mismatches between an array's copies", "none found")
                                                  : i18np("%1 sector differed at the last check or repair", "%1 sectors differed at the last check or repair",
                                                          *a.mismatchCount),
                            QString::number(*a.mismatchCount)};
    if (a.isRedundant()) {
        s.rows << scheduleRow(context.schedule);
        if (const std::optional<CheckRecord> last = lastCheck(context.history, a.name))
            s.rows << lastCheckRow(*last);
        else
            s.rows << DetailRow{i18nc("details row", "Last check"), i18nc("an array's last check", "none recorded"), QString()};
    }
    if (a.syncSpeedMin && a.syncSpeedMax)
        s.rows << DetailRow{i18nc("details row", "Speed limits"),
                            i18nc("md's sync speed limits", "at least %1, at most %2", humanRate(*a.syncSpeedMin), humanRate(*a.syncSpeedMax)),
                            i18nc("md's sync speed limits, as it gives them", "%1 / %2 KiB/s", QString::number(*a.syncSpeedMin), QString::number(*a.syncSpeedMax))};
    return s;
}

DetailSection membersSection(const Array &a)
{
    DetailSection s{i18nc("details section", "Members"), {}};
    for (const MemberSlot &slot : memberSlots(a)) {
        const Member *m = a.member(slot.device);
        const QString where = slot.slot ? i18nc("a member's slot in its array", "slot %1", *slot.slot) : i18nc("a member without a slot in its array", "no slot");
        s.rows << DetailRow{slot.device.isEmpty() ? i18nc("a member slot without a device", "(empty)") : slot.device,
                            i18nc("a member's state (%1) and its slot (%2)", "%1, %2", slot.stateText(), where),
                            m ? m->rawState.join(QLatin1Char(',')) : QString()};
    }
    return s;
}

Details arrayDetails(const Array &a, const Snapshot &snapshot, const DetailsContext &context)
{
    Details d;
    d.title = a.name;
    d.subtitle = a.sizeKib ? i18nc("an array's RAID level (%1) and size (%2)", "%1 array \u00b7 %2", levelTitle(a.level), humanSize(*a.sizeKib * 1024))
                           : i18nc("%1 is an array's RAID level", "%1 array", levelTitle(a.level));
    d.icon = levelIconName(a.level);
    d.sections << arraySection(a);
    // Before md knows: a member's drive warns of its own health.
    for (const QString &name : snapshot.disksAtRisk(a))
        d.sections.first().rows.insert(2, DetailRow{i18nc("details row", "At risk"),
                                                    i18nc("%1 is a disk, %2 what its drive reports", "%1 warns it may fail: %2", name,
                                                          semicolonList(snapshot.disk(name)->health->riskTexts())),
                                                    name});
    const DetailSection sync = syncSection(a, context);
    if (!sync.rows.isEmpty())
        d.sections << sync;
    d.sections << membersSection(a);
    return d;
}

Details memberDetails(const Array &a, const Selectable &item, const Snapshot &snapshot)
{
    Details d;
    const QList<MemberSlot> slots = memberSlots(a);
    const auto it = std::find_if(slots.begin(), slots.end(), [&](const MemberSlot &s) {
        return item.name.isEmpty() ? (s.device.isEmpty() && s.slot == item.slot) : s.device == item.name;
    });
    if (it == slots.end())
        return {i18nc("%1 is a device, %2 an array", "%1 in %2", item.name, a.name), i18nc("a device that has left its array", "no longer a member"),
                QStringLiteral("partition"), {}};
    const MemberSlot &slot = *it;
    d.icon = slotIconName(slot);
    if (slot.device.isEmpty()) {
        d.title = i18nc("%1 is a slot number, %2 an array", "Slot %1 of %2", slot.slot.value_or(-1), a.name);
        d.subtitle = i18nc("an array's slot without a device", "missing: no device holds this slot");
        d.sections << DetailSection{i18nc("details section", "Slot"),
                                    {{i18nc("details row", "State"), i18nc("an array's slot without a device", "missing: the array has no copy of this slot's data until a device is added"), QString()},
                                     {i18nc("details row", "Slot"), QString::number(slot.slot.value_or(-1)), QString::number(slot.slot.value_or(-1))}}};
        return d;
    }
    const Member &m = *a.member(slot.device);
    d.title = i18nc("%1 is a device, %2 an array", "%1 in %2", m.device, a.name);
    d.subtitle = m.slot ? i18nc("%1 is an array, %2 its RAID level, %3 the member's slot", "Member of %1 (%2) \u00b7 slot %3", a.name, levelTitle(a.level), *m.slot)
                        : i18nc("%1 is an array, %2 its RAID level", "Member of %1 (%2)", a.name, levelTitle(a.level));
    DetailSection s{i18nc("details section", "Member"), {}};
    s.rows << DetailRow{i18nc("details row", "Device"), QStringLiteral("/dev/%1").arg(m.device), m.device};
    s.rows << DetailRow{i18nc("details row", "Array"), i18nc("an array (%1) and its RAID level (%2)", "%1 (%2)", a.name, levelTitle(a.level)), a.name};
    s.rows << DetailRow{i18nc("details row", "State"), slot.stateText(), m.rawState.join(QLatin1Char(','))};
    // The raw "none" is md's own word for no slot.
    s.rows << DetailRow{i18nc("details row", "Slot"), m.slot ? QString::number(*m.slot) : i18nc("a member's slot", "none (no role in the array)"),
                        m.slot ? QString::number(*m.slot) : QStringLiteral("none")};
    if (m.index >= 0)
        s.rows << DetailRow{i18nc("details row", "Superblock number"), QString::number(m.index), QString::number(m.index)};
    if (m.errors)
        s.rows << DetailRow{i18nc("details row", "Read errors"),
                            *m.errors == 0 ? i18nc("a member's read errors", "none corrected")
                                           : i18ncp("how many of a member's read errors md corrected", "%1 corrected", "%1 corrected", *m.errors),
                            raw(m.errors)};
    QStringList flags;
    if (m.writeMostly) flags << i18nc("a member's flag", "write-mostly (read only when needed)");
    if (m.wantReplacement) flags << i18nc("a member's flag", "replacement requested");
    if (m.blocked) flags << i18nc("a member's flag", "blocked: md waits for its metadata to be updated");
    if (m.writeError) flags << i18nc("a member's flag", "a write failed");
    if (!flags.isEmpty())
        s.rows << DetailRow{i18nc("details row", "Flags"), semicolonList(flags), QString()};
    d.sections << s;
    if (const Disk *disk = snapshot.diskOf(m.device)) {
        DetailSection drive{i18nc("details section", "Drive"), {}};
        drive.rows << DetailRow{i18nc("details row", "Disk"), i18nc("a disk's name (%1) and model (%2)", "%1, %2", disk->name, disk->model), disk->name};
        if (!disk->serial.isEmpty())
            drive.rows << DetailRow{i18nc("details row", "Serial"), disk->serial, disk->serial};
        if (disk->health)
            drive.rows << DetailRow{i18nc("details row", "Health"), healthSummary(*disk->health), disk->health->badge()};
        if (const Partition *p = disk->partition(m.device))
            drive.rows << DetailRow{i18nc("details row", "Size"), humanSize(p->sizeBytes), QString::number(p->sizeBytes)};
        else
            drive.rows << DetailRow{i18nc("details row", "Size"), humanSize(disk->sizeBytes), QString::number(disk->sizeBytes)};
        d.sections << drive;
    }
    return d;
}

Details diskDetails(const Disk &disk, const Snapshot &snapshot)
{
    Details d;
    d.title = disk.name;
    d.subtitle = i18nc("a disk's model (or the word Disk) and its size", "%1 \u00b7 %2",
                       disk.model.isEmpty() ? i18nc("a disk whose model is unknown", "Disk") : disk.model, humanSize(disk.sizeBytes));
    d.icon = disk.removable || disk.hotpluggable ? QStringLiteral("disk-removable") : QStringLiteral("disk");
    const QString unknown = i18nc("a disk's model, serial number, WWN or bus", "unknown");
    DetailSection s{i18nc("details section", "Disk"), {}};
    s.rows << DetailRow{i18nc("details row", "Device"), QStringLiteral("/dev/%1").arg(disk.name), disk.name};
    s.rows << DetailRow{i18nc("details row", "Model"), disk.model.isEmpty() ? unknown : disk.model, disk.model};
    s.rows << DetailRow{i18nc("details row", "Serial"), disk.serial.isEmpty() ? unknown : disk.serial, disk.serial};
    s.rows << DetailRow{i18nc("details row", "WWN"), disk.wwn.isEmpty() ? unknown : disk.wwn, disk.wwn};
    s.rows << DetailRow{i18nc("details row", "Bus"), disk.bus.isEmpty() ? unknown : busTitle(disk.bus), disk.bus};
    s.rows << DetailRow{i18nc("details row", "Size"), humanSize(disk.sizeBytes), i18nc("a size in bytes, as the kernel gives it (in digits)", "%1 bytes", QString::number(disk.sizeBytes))};
    s.rows << DetailRow{i18nc("details row", "Partition table"), tableName(disk.partitionTable), disk.partitionTable};
    // The raw value names the sysfs attribute (queue/rotational).
    s.rows << DetailRow{i18nc("details row", "Kind"), disk.rotational ? i18nc("a kind of disk", "spinning disk") : i18nc("a kind of disk", "solid state"),
                        QStringLiteral("rotational %1").arg(disk.rotational ? 1 : 0)};
    s.rows << DetailRow{i18nc("details row", "Removable"), yesNo(disk.removable), QString::number(disk.removable ? 1 : 0)};
    s.rows << DetailRow{i18nc("details row", "Hot-plug"), yesNo(disk.hotpluggable), QString()};
    if (disk.readOnly)
        s.rows << DetailRow{i18nc("details row", "Read-only"), yesNo(true), QStringLiteral("1")};
    d.sections << s;
    if (disk.health)
        d.sections << healthSection(*disk.health);
    DetailSection parts{i18nc("details section", "Contents"), {}};
    for (const DiskSegment &seg : diskSegments(disk, snapshot))
        parts.rows << DetailRow{seg.device.isEmpty() ? i18nc("free space on a disk", "free") : seg.device,
                                i18nc("a stretch of a disk: its size (%1) and what it holds (%2)", "%1, %2", humanSize(seg.sizeBytes), seg.roleText), QString()};
    d.sections << parts;
    return d;
}

Details partitionDetails(const Disk &disk, const Partition &p, const Snapshot &snapshot)
{
    Details d;
    d.title = p.name;
    d.icon = QStringLiteral("partition");
    const DiskSegment role = blockDeviceRole(p.name, p.fsType, p.label, snapshot);
    d.subtitle = i18nc("%1 is a partition's number, %2 its disk, %3 its size", "Partition %1 of %2 \u00b7 %3", p.number, disk.name, humanSize(p.sizeBytes));
    DetailSection s{i18nc("details section", "Partition"), {}};
    s.rows << DetailRow{i18nc("details row", "Device"), QStringLiteral("/dev/%1").arg(p.name), p.name};
    s.rows << DetailRow{i18nc("details row", "Disk"), disk.model.isEmpty() ? disk.name : i18nc("a disk's name (%1) and model (%2)", "%1, %2", disk.name, disk.model), disk.name};
    s.rows << DetailRow{i18nc("details row", "Number"), QString::number(p.number), QString::number(p.number)};
    s.rows << DetailRow{i18nc("details row", "Start"), humanSize(p.startBytes), i18nc("where a partition starts, in 512-byte sectors", "sector %1", QString::number(p.startBytes / 512))};
    s.rows << DetailRow{i18nc("details row", "Size"), humanSize(p.sizeBytes), i18ncp("a partition's size in 512-byte sectors", "%1 sector", "%1 sectors", p.sizeBytes / 512)};
    s.rows << DetailRow{i18nc("details row", "Use"), role.roleText, QString()};
    s.rows << DetailRow{i18nc("details row", "Contents"), p.fsType.isEmpty() ? i18nc("a partition's contents", "unknown") : p.fsType, p.fsType};
    if (!p.label.isEmpty())
        s.rows << DetailRow{i18nc("details row", "Label"), p.label, p.label};
    if (!p.uuid.isEmpty())
        s.rows << DetailRow{i18nc("details row", "UUID"), p.uuid, p.uuid};
    s.rows << DetailRow{i18nc("details row", "Partition type"), partitionTypeName(p.partTypeId), p.partTypeId};
    if (!p.holders.isEmpty())
        s.rows << DetailRow{i18nc("details row", "Used by"), commaList(p.holders), p.holders.join(QLatin1Char(' '))};
    d.sections << s;
    return d;
}

Details volumeGroupDetails(const VolumeGroup &vg)
{
    Details d;
    d.title = vg.name;
    d.icon = QStringLiteral("volume-group");
    d.subtitle = i18nc("%1 is the group's size (or nothing when unknown)", "LVM volume group \u00b7 %1", vg.sizeBytes ? humanSize(*vg.sizeBytes) : QString());
    DetailSection s{i18nc("details section", "Volume group"), {}};
    if (vg.sizeBytes)
        s.rows << DetailRow{i18nc("details row", "Size"), humanSize(*vg.sizeBytes), i18nc("a size in bytes, as the kernel gives it (in digits)", "%1 bytes", QString::number(*vg.sizeBytes))};
    s.rows << DetailRow{i18nc("details row", "Free"), vg.freeBytes ? humanSize(*vg.freeBytes) : i18nc("a volume group's free space", "unknown (LVM's tools need root)"),
                        raw(vg.freeBytes)};
    QStringList pvs;
    for (const PhysicalVolume &pv : vg.physicalVolumes)
        pvs << i18nc("a physical volume (%1) and its size (%2)", "%1 (%2)", pv.device, humanSize(pv.sizeBytes));
    s.rows << DetailRow{i18nc("details row", "Physical volumes"), commaList(pvs), QString()};
    s.rows << DetailRow{i18nc("details row", "Logical volumes"), QString::number(vg.logicalVolumes.size()), QString()};
    if (!vg.uuid.isEmpty())
        s.rows << DetailRow{i18nc("details row", "UUID"), vg.uuid, vg.uuid};
    d.sections << s;
    return d;
}

Details logicalVolumeDetails(const VolumeGroup &vg, const LogicalVolume &lv, const Snapshot &snapshot)
{
    Details d;
    d.title = QStringLiteral("%1/%2").arg(vg.name, lv.name);
    d.icon = QStringLiteral("logical-volume");
    const DiskSegment role = blockDeviceRole(lv.device, QString(), QString(), snapshot);
    const QString use = !lv.active                        ? i18nc("a logical volume's use", "inactive")
                        : role.role == SegmentRole::Other ? i18nc("a logical volume's use", "not mounted")
                                                          : role.roleText;
    d.subtitle = i18nc("%1 is what the volume is used for", "Logical volume \u00b7 %1", use);
    DetailSection s{i18nc("details section", "Logical volume"), {}};
    s.rows << DetailRow{i18nc("details row", "Size"), humanSize(lv.sizeBytes), i18nc("a size in bytes, as the kernel gives it (in digits)", "%1 bytes", QString::number(lv.sizeBytes))};
    s.rows << DetailRow{i18nc("details row", "Volume group"), vg.name, vg.name};
    if (!lv.device.isEmpty())
        s.rows << DetailRow{i18nc("details row", "Device"), QStringLiteral("/dev/%1/%2").arg(vg.name, lv.name), lv.device};
    if (!lv.segmentType.isEmpty())
        s.rows << DetailRow{i18nc("details row", "Type"), lv.segmentType, lv.segmentType};
    s.rows << DetailRow{i18nc("details row", "Use"), use, QString()};
    d.sections << s;
    return d;
}

Details gone(const Selectable &item)
{
    return {item.name, i18nc("a selected device that has gone", "no longer present"), QStringLiteral("partition"), {}};
}

} // namespace

const DetailRow *Details::row(const QString &label) const
{
    for (const DetailSection &s : sections)
        for (const DetailRow &r : s.rows)
            if (r.label == label)
                return &r;
    return nullptr;
}

Details detailsFor(const Selectable &item, const Snapshot &snapshot, const DetailsContext &context)
{
    switch (item.kind) {
    case Selectable::Kind::None:
        return {};
    case Selectable::Kind::Array:
        if (const Array *a = snapshot.array(item.name))
            return arrayDetails(*a, snapshot, context);
        break;
    case Selectable::Kind::Member:
        if (const Array *a = snapshot.array(item.owner))
            return memberDetails(*a, item, snapshot);
        break;
    case Selectable::Kind::Disk:
        if (const Disk *disk = snapshot.disk(item.name))
            return diskDetails(*disk, snapshot);
        break;
    case Selectable::Kind::Partition:
        if (const Disk *disk = snapshot.diskOf(item.name))
            if (const Partition *p = disk->partition(item.name))
                return partitionDetails(*disk, *p, snapshot);
        break;
    case Selectable::Kind::VolumeGroup:
        if (const VolumeGroup *vg = snapshot.volumeGroup(item.name))
            return volumeGroupDetails(*vg);
        break;
    case Selectable::Kind::LogicalVolume:
        if (const VolumeGroup *vg = snapshot.volumeGroup(item.owner))
            for (const LogicalVolume &lv : vg->logicalVolumes)
                if (lv.name == item.name)
                    return logicalVolumeDetails(*vg, lv, snapshot);
        break;
    }
    return gone(item);
}

} // namespace plexus

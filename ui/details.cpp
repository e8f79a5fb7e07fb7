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

#include <QDate>
#include <QHash>

#include <algorithm>

namespace plexus {

namespace {

const QString dot = QStringLiteral(" \u00b7 ");

QString yesNo(bool b) { return b ? QStringLiteral("yes") : QStringLiteral("no"); }
QString raw(std::optional<qint64> n) { return n ? QString::number(*n) : QString(); }

QString partitionTypeName(const QString &type)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("a19d880f-05fc-4d3b-a006-743f0f84911e"), QStringLiteral("Linux RAID")},
        {QStringLiteral("e6d6d379-f507-44c2-a23c-238f2a3df928"), QStringLiteral("Linux LVM")},
        {QStringLiteral("0fc63daf-8483-4772-8e79-3d69d8477de4"), QStringLiteral("Linux filesystem")},
        {QStringLiteral("0657fd6d-a4ab-43c4-84e5-0933c84b4f4f"), QStringLiteral("Linux swap")},
        {QStringLiteral("c12a7328-f81f-11d2-ba4b-00a0c93ec93b"), QStringLiteral("EFI system")},
        {QStringLiteral("21686148-6449-6e6f-744e-656564454649"), QStringLiteral("BIOS boot")},
        {QStringLiteral("0xfd"), QStringLiteral("Linux RAID autodetect")},
        {QStringLiteral("0x83"), QStringLiteral("Linux")},
        {QStringLiteral("0x8e"), QStringLiteral("Linux LVM")},
        {QStringLiteral("0x82"), QStringLiteral("Linux swap")},
        {QStringLiteral("0xef"), QStringLiteral("EFI system")},
    };
    return names.value(type.toLower(), type.isEmpty() ? QStringLiteral("unknown") : QStringLiteral("other"));
}

QString tableName(const QString &table)
{
    if (table == QLatin1String("gpt"))
        return QStringLiteral("GPT");
    if (table == QLatin1String("dos"))
        return QStringLiteral("MBR (DOS)");
    return table.isEmpty() ? QStringLiteral("none") : table;
}

DetailSection arraySection(const Array &a)
{
    DetailSection s{QStringLiteral("Array"), {}};
    const QString organisation = levelOrganisation(a.level);
    s.rows << DetailRow{QStringLiteral("Level"),
                        organisation.isEmpty() ? levelTitle(a.level) : QStringLiteral("%1 (%2)").arg(levelTitle(a.level), organisation),
                        a.level.value_or(QString())};
    s.rows << DetailRow{QStringLiteral("State"), arrayHealth(a), a.arrayStateWord.isEmpty() ? toString(a.state) : a.arrayStateWord};
    if (a.sizeKib)
        s.rows << DetailRow{QStringLiteral("Size"), humanSize(*a.sizeKib * 1024), QStringLiteral("%1 KiB").arg(*a.sizeKib)};
    if (a.raidDisks)
        s.rows << DetailRow{QStringLiteral("Devices"),
                            QStringLiteral("%1 slots, %2 working").arg(*a.raidDisks).arg(a.activeDisks.value_or(*a.raidDisks - a.missingCount())),
                            QString::number(*a.raidDisks)};
    if (a.degradedCount)
        s.rows << DetailRow{QStringLiteral("Degraded"),
                            *a.degradedCount == 0 ? QStringLiteral("no") : QStringLiteral("%1 slot(s) without a working member").arg(*a.degradedCount),
                            QString::number(*a.degradedCount)};
    if (!a.memberStatus.isEmpty())
        s.rows << DetailRow{QStringLiteral("Slots up"),
                            QStringLiteral("%1 of %2").arg(a.memberStatus.count(QLatin1Char('U'))).arg(a.memberStatus.size()), a.memberStatus};
    if (a.metadata)
        s.rows << DetailRow{QStringLiteral("Metadata"), a.metadata->startsWith(QLatin1String("external"))
                                                            ? QStringLiteral("managed outside md (%1)").arg(*a.metadata)
                                                            : QStringLiteral("superblock version %1").arg(*a.metadata),
                            *a.metadata};
    if (a.chunkKib)
        s.rows << DetailRow{a.level == QLatin1String("linear") ? QStringLiteral("Rounding") : QStringLiteral("Chunk"),
                            humanSize(qint64(*a.chunkKib) * 1024), QString::number(qint64(*a.chunkKib) * 1024)};
    if (a.layout)
        s.rows << DetailRow{QStringLiteral("Layout"), parityLayoutName(*a.layout), QString::number(*a.layout)};
    if (!a.raid10Layout.isEmpty())
        s.rows << DetailRow{QStringLiteral("Layout"), a.raid10Layout, QString()};
    if (a.bitmap) {
        const QString where = a.bitmap->file.isEmpty() ? QStringLiteral("internal write-intent") : QStringLiteral("in file %1").arg(a.bitmap->file);
        const QString chunk = a.bitmap->chunkBytes ? QStringLiteral(", %1 per bit").arg(humanSize(a.bitmap->chunkBytes)) : QString();
        s.rows << DetailRow{QStringLiteral("Bitmap"), where + chunk,
                            a.bitmap->pagesTotal ? QStringLiteral("%1/%2 pages").arg(a.bitmap->pagesInMemory).arg(a.bitmap->pagesTotal) : QString()};
    } else if (a.isRedundant()) {
        s.rows << DetailRow{QStringLiteral("Bitmap"), QStringLiteral("none: after a crash the whole array resyncs"), QStringLiteral("none")};
    }
    if (!a.uuid.isEmpty())
        s.rows << DetailRow{QStringLiteral("UUID"), a.uuid, a.uuid};
    return s;
}

// "Dec 3 01:00, took 2 h 13 min, none differed"; the raw value is the end's time.
DetailRow lastCheckRow(const CheckRecord &c)
{
    const QDateTime local = c.finished.toLocalTime();
    QString text = local.toString(local.date() == QDate::currentDate() ? QStringLiteral("'today' HH:mm") : QStringLiteral("MMM d yyyy, HH:mm"));
    if (c.action == SyncAction::Repair)
        text += QStringLiteral(" (a repair)");
    if (c.seconds)
        text += QStringLiteral(", took %1").arg(humanDuration(double(*c.seconds) / 60.0));
    if (c.mismatches)
        text += *c.mismatches == 0 ? QStringLiteral(", none differed") : QStringLiteral(", %1 sectors differed").arg(*c.mismatches);
    return DetailRow{QStringLiteral("Last check"), text, c.finished.toString(Qt::ISODate)};
}

// "the first Sunday of each month at 01:00 (mdcheck_start.timer)"; raw: the calendar.
DetailRow scheduleRow(const ScrubSchedule &s)
{
    const QString label = QStringLiteral("Scheduled check");
    if (s.source.isEmpty())
        return {label, QStringLiteral("none found (no mdcheck or raid-check timer, no checkarray cron job)"), QString()};
    if (s.masked)
        return {label, QStringLiteral("none: %1 is masked").arg(s.source), QString()};
    if (!s.enabled)
        return {label, QStringLiteral("none: %1 is not enabled").arg(s.source), s.calendar.join(QStringLiteral("; "))};
    return {label, QStringLiteral("%1 (%2)").arg(s.when(), s.source), s.calendar.join(QStringLiteral("; "))};
}

DetailSection syncSection(const Array &a, const DetailsContext &context)
{
    DetailSection s{QStringLiteral("Sync"), {}};
    if (a.sync) {
        const SyncProgress &p = *a.sync;
        s.rows << DetailRow{QStringLiteral("Sync action"), syncText(p), toString(p.action)};
        if (p.doneKib && p.totalKib)
            s.rows << DetailRow{QStringLiteral("Progress"), QStringLiteral("%1 of %2").arg(humanSize(*p.doneKib * 1024), humanSize(*p.totalKib * 1024)),
                                QStringLiteral("%1 / %2").arg(*p.doneKib * 2).arg(*p.totalKib * 2)};
        if (p.speedKibPerSec)
            s.rows << DetailRow{QStringLiteral("Speed"), humanRate(*p.speedKibPerSec), QStringLiteral("%1 KiB/s").arg(*p.speedKibPerSec)};
        if (p.finishMinutes)
            s.rows << DetailRow{QStringLiteral("Time left"), humanDuration(*p.finishMinutes), QStringLiteral("%1 min").arg(*p.finishMinutes, 0, 'f', 1)};
    } else if (a.isRedundant()) {
        s.rows << DetailRow{QStringLiteral("Sync action"), QStringLiteral("idle"), QStringLiteral("idle")};
    }
    if (a.mismatchCount)
        s.rows << DetailRow{QStringLiteral("Mismatches"),
                            *a.mismatchCount == 0 ? QStringLiteral("none found")
                                                  : QStringLiteral("%1 sectors differed at the last check or repair").arg(*a.mismatchCount),
                            QString::number(*a.mismatchCount)};
    if (a.isRedundant()) {
        s.rows << scheduleRow(context.schedule);
        if (const std::optional<CheckRecord> last = lastCheck(context.history, a.name))
            s.rows << lastCheckRow(*last);
        else
            s.rows << DetailRow{QStringLiteral("Last check"), QStringLiteral("none recorded"), QString()};
    }
    if (a.syncSpeedMin && a.syncSpeedMax)
        s.rows << DetailRow{QStringLiteral("Speed limits"),
                            QStringLiteral("at least %1, at most %2").arg(humanRate(*a.syncSpeedMin), humanRate(*a.syncSpeedMax)),
                            QStringLiteral("%1 / %2 KiB/s").arg(*a.syncSpeedMin).arg(*a.syncSpeedMax)};
    return s;
}

DetailSection membersSection(const Array &a)
{
    DetailSection s{QStringLiteral("Members"), {}};
    for (const MemberSlot &slot : memberSlots(a)) {
        const Member *m = a.member(slot.device);
        const QString where = slot.slot ? QStringLiteral("slot %1").arg(*slot.slot) : QStringLiteral("no slot");
        s.rows << DetailRow{slot.device.isEmpty() ? QStringLiteral("(empty)") : slot.device,
                            QStringLiteral("%1, %2").arg(slot.stateText(), where),
                            m ? m->rawState.join(QLatin1Char(',')) : QString()};
    }
    return s;
}

Details arrayDetails(const Array &a, const Snapshot &snapshot, const DetailsContext &context)
{
    Details d;
    d.title = a.name;
    d.subtitle = a.sizeKib ? QStringLiteral("%1 array%2%3").arg(levelTitle(a.level), dot, humanSize(*a.sizeKib * 1024))
                           : QStringLiteral("%1 array").arg(levelTitle(a.level));
    d.icon = levelIconName(a.level);
    d.sections << arraySection(a);
    // Before md knows: a member's drive warns of its own health.
    for (const QString &name : snapshot.disksAtRisk(a))
        d.sections.first().rows.insert(2, DetailRow{QStringLiteral("At risk"),
                                                    QStringLiteral("%1 warns it may fail: %2").arg(name, snapshot.disk(name)->health->risks().join(QStringLiteral("; "))),
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
        return {QStringLiteral("%1 in %2").arg(item.name, a.name), QStringLiteral("no longer a member"), QStringLiteral("partition"), {}};
    const MemberSlot &slot = *it;
    d.icon = slotIconName(slot);
    if (slot.device.isEmpty()) {
        d.title = QStringLiteral("Slot %1 of %2").arg(slot.slot.value_or(-1)).arg(a.name);
        d.subtitle = QStringLiteral("missing: no device holds this slot");
        d.sections << DetailSection{QStringLiteral("Slot"),
                                    {{QStringLiteral("State"), QStringLiteral("missing: the array has no copy of this slot's data until a device is added"), QString()},
                                     {QStringLiteral("Slot"), QString::number(slot.slot.value_or(-1)), QString::number(slot.slot.value_or(-1))}}};
        return d;
    }
    const Member &m = *a.member(slot.device);
    d.title = QStringLiteral("%1 in %2").arg(m.device, a.name);
    d.subtitle = m.slot ? QStringLiteral("Member of %1 (%2)%3slot %4").arg(a.name, levelTitle(a.level), dot).arg(*m.slot)
                        : QStringLiteral("Member of %1 (%2)").arg(a.name, levelTitle(a.level));
    DetailSection s{QStringLiteral("Member"), {}};
    s.rows << DetailRow{QStringLiteral("Device"), QStringLiteral("/dev/%1").arg(m.device), m.device};
    s.rows << DetailRow{QStringLiteral("Array"), QStringLiteral("%1 (%2)").arg(a.name, levelTitle(a.level)), a.name};
    s.rows << DetailRow{QStringLiteral("State"), slot.stateText(), m.rawState.join(QLatin1Char(','))};
    s.rows << DetailRow{QStringLiteral("Slot"), m.slot ? QString::number(*m.slot) : QStringLiteral("none (no role in the array)"),
                        m.slot ? QString::number(*m.slot) : QStringLiteral("none")};
    if (m.index >= 0)
        s.rows << DetailRow{QStringLiteral("Superblock number"), QString::number(m.index), QString::number(m.index)};
    if (m.errors)
        s.rows << DetailRow{QStringLiteral("Read errors"),
                            *m.errors == 0 ? QStringLiteral("none corrected") : QStringLiteral("%1 corrected").arg(*m.errors), raw(m.errors)};
    QStringList flags;
    if (m.writeMostly) flags << QStringLiteral("write-mostly (read only when needed)");
    if (m.wantReplacement) flags << QStringLiteral("replacement requested");
    if (m.blocked) flags << QStringLiteral("blocked: md waits for its metadata to be updated");
    if (m.writeError) flags << QStringLiteral("a write failed");
    if (!flags.isEmpty())
        s.rows << DetailRow{QStringLiteral("Flags"), flags.join(QStringLiteral("; ")), QString()};
    d.sections << s;
    if (const Disk *disk = snapshot.diskOf(m.device)) {
        DetailSection drive{QStringLiteral("Drive"), {}};
        drive.rows << DetailRow{QStringLiteral("Disk"), QStringLiteral("%1, %2").arg(disk->name, disk->model), disk->name};
        if (!disk->serial.isEmpty())
            drive.rows << DetailRow{QStringLiteral("Serial"), disk->serial, disk->serial};
        if (disk->health)
            drive.rows << DetailRow{QStringLiteral("Health"), healthSummary(*disk->health), disk->health->badge()};
        if (const Partition *p = disk->partition(m.device))
            drive.rows << DetailRow{QStringLiteral("Size"), humanSize(p->sizeBytes), QString::number(p->sizeBytes)};
        else
            drive.rows << DetailRow{QStringLiteral("Size"), humanSize(disk->sizeBytes), QString::number(disk->sizeBytes)};
        d.sections << drive;
    }
    return d;
}

Details diskDetails(const Disk &disk, const Snapshot &snapshot)
{
    Details d;
    d.title = disk.name;
    d.subtitle = QStringLiteral("%1%2%3").arg(disk.model.isEmpty() ? QStringLiteral("Disk") : disk.model, dot, humanSize(disk.sizeBytes));
    d.icon = disk.removable || disk.hotpluggable ? QStringLiteral("disk-removable") : QStringLiteral("disk");
    DetailSection s{QStringLiteral("Disk"), {}};
    s.rows << DetailRow{QStringLiteral("Device"), QStringLiteral("/dev/%1").arg(disk.name), disk.name};
    s.rows << DetailRow{QStringLiteral("Model"), disk.model.isEmpty() ? QStringLiteral("unknown") : disk.model, disk.model};
    s.rows << DetailRow{QStringLiteral("Serial"), disk.serial.isEmpty() ? QStringLiteral("unknown") : disk.serial, disk.serial};
    s.rows << DetailRow{QStringLiteral("WWN"), disk.wwn.isEmpty() ? QStringLiteral("unknown") : disk.wwn, disk.wwn};
    s.rows << DetailRow{QStringLiteral("Bus"), disk.bus.isEmpty() ? QStringLiteral("unknown") : busTitle(disk.bus), disk.bus};
    s.rows << DetailRow{QStringLiteral("Size"), humanSize(disk.sizeBytes), QStringLiteral("%1 bytes").arg(disk.sizeBytes)};
    s.rows << DetailRow{QStringLiteral("Partition table"), tableName(disk.partitionTable), disk.partitionTable};
    s.rows << DetailRow{QStringLiteral("Kind"), disk.rotational ? QStringLiteral("spinning disk") : QStringLiteral("solid state"),
                        QStringLiteral("rotational %1").arg(disk.rotational ? 1 : 0)};
    s.rows << DetailRow{QStringLiteral("Removable"), yesNo(disk.removable), QString::number(disk.removable ? 1 : 0)};
    s.rows << DetailRow{QStringLiteral("Hot-plug"), yesNo(disk.hotpluggable), QString()};
    if (disk.readOnly)
        s.rows << DetailRow{QStringLiteral("Read-only"), yesNo(true), QStringLiteral("1")};
    d.sections << s;
    if (disk.health)
        d.sections << healthSection(*disk.health);
    DetailSection parts{QStringLiteral("Contents"), {}};
    for (const DiskSegment &seg : diskSegments(disk, snapshot))
        parts.rows << DetailRow{seg.device.isEmpty() ? QStringLiteral("free") : seg.device,
                                QStringLiteral("%1, %2").arg(humanSize(seg.sizeBytes), seg.roleText), QString()};
    d.sections << parts;
    return d;
}

Details partitionDetails(const Disk &disk, const Partition &p, const Snapshot &snapshot)
{
    Details d;
    d.title = p.name;
    d.icon = QStringLiteral("partition");
    const DiskSegment role = blockDeviceRole(p.name, p.fsType, p.label, snapshot);
    d.subtitle = QStringLiteral("Partition %1 of %2%3%4").arg(p.number).arg(disk.name, dot, humanSize(p.sizeBytes));
    DetailSection s{QStringLiteral("Partition"), {}};
    s.rows << DetailRow{QStringLiteral("Device"), QStringLiteral("/dev/%1").arg(p.name), p.name};
    s.rows << DetailRow{QStringLiteral("Disk"), disk.model.isEmpty() ? disk.name : QStringLiteral("%1, %2").arg(disk.name, disk.model), disk.name};
    s.rows << DetailRow{QStringLiteral("Number"), QString::number(p.number), QString::number(p.number)};
    s.rows << DetailRow{QStringLiteral("Start"), humanSize(p.startBytes), QStringLiteral("sector %1").arg(p.startBytes / 512)};
    s.rows << DetailRow{QStringLiteral("Size"), humanSize(p.sizeBytes), QStringLiteral("%1 sectors").arg(p.sizeBytes / 512)};
    s.rows << DetailRow{QStringLiteral("Use"), role.roleText, QString()};
    s.rows << DetailRow{QStringLiteral("Contents"), p.fsType.isEmpty() ? QStringLiteral("unknown") : p.fsType, p.fsType};
    if (!p.label.isEmpty())
        s.rows << DetailRow{QStringLiteral("Label"), p.label, p.label};
    if (!p.uuid.isEmpty())
        s.rows << DetailRow{QStringLiteral("UUID"), p.uuid, p.uuid};
    s.rows << DetailRow{QStringLiteral("Partition type"), partitionTypeName(p.partTypeId), p.partTypeId};
    if (!p.holders.isEmpty())
        s.rows << DetailRow{QStringLiteral("Used by"), p.holders.join(QStringLiteral(", ")), p.holders.join(QLatin1Char(' '))};
    d.sections << s;
    return d;
}

Details volumeGroupDetails(const VolumeGroup &vg)
{
    Details d;
    d.title = vg.name;
    d.icon = QStringLiteral("volume-group");
    d.subtitle = QStringLiteral("LVM volume group%1%2").arg(dot, vg.sizeBytes ? humanSize(*vg.sizeBytes) : QString());
    DetailSection s{QStringLiteral("Volume group"), {}};
    if (vg.sizeBytes)
        s.rows << DetailRow{QStringLiteral("Size"), humanSize(*vg.sizeBytes), QStringLiteral("%1 bytes").arg(*vg.sizeBytes)};
    s.rows << DetailRow{QStringLiteral("Free"), vg.freeBytes ? humanSize(*vg.freeBytes) : QStringLiteral("unknown (LVM's tools need root)"), raw(vg.freeBytes)};
    QStringList pvs;
    for (const PhysicalVolume &pv : vg.physicalVolumes)
        pvs << QStringLiteral("%1 (%2)").arg(pv.device, humanSize(pv.sizeBytes));
    s.rows << DetailRow{QStringLiteral("Physical volumes"), pvs.join(QStringLiteral(", ")), QString()};
    s.rows << DetailRow{QStringLiteral("Logical volumes"), QString::number(vg.logicalVolumes.size()), QString()};
    if (!vg.uuid.isEmpty())
        s.rows << DetailRow{QStringLiteral("UUID"), vg.uuid, vg.uuid};
    d.sections << s;
    return d;
}

Details logicalVolumeDetails(const VolumeGroup &vg, const LogicalVolume &lv, const Snapshot &snapshot)
{
    Details d;
    d.title = QStringLiteral("%1/%2").arg(vg.name, lv.name);
    d.icon = QStringLiteral("logical-volume");
    const DiskSegment role = blockDeviceRole(lv.device, QString(), QString(), snapshot);
    const QString use = !lv.active ? QStringLiteral("inactive") : role.role == SegmentRole::Other ? QStringLiteral("not mounted") : role.roleText;
    d.subtitle = QStringLiteral("Logical volume%1%2").arg(dot, use);
    DetailSection s{QStringLiteral("Logical volume"), {}};
    s.rows << DetailRow{QStringLiteral("Size"), humanSize(lv.sizeBytes), QStringLiteral("%1 bytes").arg(lv.sizeBytes)};
    s.rows << DetailRow{QStringLiteral("Volume group"), vg.name, vg.name};
    if (!lv.device.isEmpty())
        s.rows << DetailRow{QStringLiteral("Device"), QStringLiteral("/dev/%1/%2").arg(vg.name, lv.name), lv.device};
    if (!lv.segmentType.isEmpty())
        s.rows << DetailRow{QStringLiteral("Type"), lv.segmentType, lv.segmentType};
    s.rows << DetailRow{QStringLiteral("Use"), use, QString()};
    d.sections << s;
    return d;
}

Details gone(const Selectable &item)
{
    return {item.name, QStringLiteral("no longer present"), QStringLiteral("partition"), {}};
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

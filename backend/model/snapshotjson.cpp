// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "snapshotjson.h"
#include "describe.h"

#include <QJsonArray>
#include <cmath>

namespace plexus {

namespace {

template<typename T>
QJsonValue orNull(const std::optional<T> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}
QJsonValue orNull(const std::optional<qint64> &v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
}
QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}
// Percentages and minutes as the kernel prints them: one decimal.
QJsonValue oneDecimal(const std::optional<double> &v)
{
    return v ? QJsonValue(std::round(*v * 10.0) / 10.0) : QJsonValue(QJsonValue::Null);
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject memberToJson(const Member &m)
{
    return {
        {QStringLiteral("device"), m.device},
        {QStringLiteral("index"), m.index},
        {QStringLiteral("slot"), orNull(m.slot)},
        {QStringLiteral("state"), memberStateWord(m)},
        {QStringLiteral("faulty"), m.faulty},
        {QStringLiteral("spare"), m.spare},
        {QStringLiteral("write_mostly"), m.writeMostly},
        {QStringLiteral("replacement"), m.replacement},
        {QStringLiteral("journal"), m.journal},
    };
}

QJsonValue syncToJson(const std::optional<SyncProgress> &s)
{
    if (!s)
        return QJsonValue::Null;
    return QJsonObject{
        {QStringLiteral("action"), toString(s->action)},
        {QStringLiteral("status"), toString(s->status)},
        {QStringLiteral("percent"), oneDecimal(s->percent)},
        {QStringLiteral("done_kib"), orNull(s->doneKib)},
        {QStringLiteral("total_kib"), orNull(s->totalKib)},
        {QStringLiteral("finish_min"), oneDecimal(s->finishMinutes)},
        {QStringLiteral("speed_kib_s"), orNull(s->speedKibPerSec)},
    };
}

QJsonValue bitmapToJson(const std::optional<Bitmap> &b)
{
    if (!b)
        return QJsonValue::Null;
    return QJsonObject{
        {QStringLiteral("pages_in_memory"), double(b->pagesInMemory)},
        {QStringLiteral("pages_total"), double(b->pagesTotal)},
        {QStringLiteral("memory_kib"), double(b->memoryKib)},
        {QStringLiteral("chunk_bytes"), double(b->chunkBytes)},
        {QStringLiteral("file"), orNull(b->file)},
    };
}

QJsonObject partitionToJson(const Partition &p)
{
    return {
        {QStringLiteral("name"), p.name},
        {QStringLiteral("number"), p.number},
        {QStringLiteral("start_bytes"), double(p.startBytes)},
        {QStringLiteral("size_bytes"), double(p.sizeBytes)},
        {QStringLiteral("fs_type"), orNull(p.fsType)},
        {QStringLiteral("label"), orNull(p.label)},
        {QStringLiteral("uuid"), orNull(p.uuid)},
        {QStringLiteral("holders"), strings(p.holders)},
    };
}

QJsonValue healthToJson(const std::optional<DriveHealth> &h)
{
    if (!h)
        return QJsonValue::Null;
    return QJsonObject{
        {QStringLiteral("kind"), h->kind == DriveHealth::Kind::Nvme ? QStringLiteral("nvme") : QStringLiteral("ata")},
        {QStringLiteral("failing"), h->failing},
        {QStringLiteral("at_risk"), h->atRisk()},
        {QStringLiteral("risks"), strings(h->risks())},
        {QStringLiteral("critical_warnings"), strings(h->criticalWarnings)},
        {QStringLiteral("attributes_failing"), h->attributesFailing},
        {QStringLiteral("attributes_failed_in_past"), h->attributesFailedInPast},
        {QStringLiteral("reallocated_sectors"), orNull(h->reallocatedSectors)},
        {QStringLiteral("pending_sectors"), orNull(h->pendingSectors)},
        {QStringLiteral("bad_sectors"), orNull(h->badSectors)},
        {QStringLiteral("media_errors"), orNull(h->mediaErrors)},
        {QStringLiteral("wear_percent"), orNull(h->wearPercent)},
        {QStringLiteral("temperature_c"), oneDecimal(h->temperatureC)},
        {QStringLiteral("power_on_hours"), orNull(h->powerOnHours)},
        {QStringLiteral("self_test"), orNull(h->selfTest)},
        {QStringLiteral("self_test_remaining_percent"), orNull(h->selfTestRemainingPercent)},
        {QStringLiteral("updated"), h->updated.isValid() ? QJsonValue(h->updated.toString(Qt::ISODate)) : QJsonValue()},
    };
}

QJsonObject diskToJson(const Disk &d)
{
    QJsonArray parts;
    for (const Partition &p : d.partitions)
        parts.append(partitionToJson(p));
    return {
        {QStringLiteral("name"), d.name},
        {QStringLiteral("model"), orNull(d.model)},
        {QStringLiteral("serial"), orNull(d.serial)},
        {QStringLiteral("wwn"), orNull(d.wwn)},
        {QStringLiteral("size_bytes"), double(d.sizeBytes)},
        {QStringLiteral("bus"), orNull(d.bus)},
        {QStringLiteral("path"), orNull(d.path)},
        {QStringLiteral("removable"), d.removable},
        {QStringLiteral("hotpluggable"), d.hotpluggable},
        {QStringLiteral("rotational"), d.rotational},
        {QStringLiteral("partition_table"), orNull(d.partitionTable)},
        {QStringLiteral("fs_type"), orNull(d.fsType)},
        {QStringLiteral("holders"), strings(d.holders)},
        {QStringLiteral("partitions"), parts},
        {QStringLiteral("health"), healthToJson(d.health)},
    };
}

QJsonObject volumeGroupToJson(const VolumeGroup &vg)
{
    QJsonArray pvs, lvs;
    for (const PhysicalVolume &pv : vg.physicalVolumes)
        pvs.append(QJsonObject{{QStringLiteral("device"), pv.device},
                               {QStringLiteral("size_bytes"), double(pv.sizeBytes)},
                               {QStringLiteral("free_bytes"), orNull(pv.freeBytes)}});
    for (const LogicalVolume &lv : vg.logicalVolumes) {
        QJsonArray segments;
        for (const VolumeSegment &seg : lv.segments)
            segments.append(QJsonObject{{QStringLiteral("device"), seg.device}, {QStringLiteral("size_bytes"), double(seg.sizeBytes)}});
        lvs.append(QJsonObject{{QStringLiteral("name"), lv.name},
                               {QStringLiteral("device"), orNull(lv.device)},
                               {QStringLiteral("size_bytes"), double(lv.sizeBytes)},
                               {QStringLiteral("segment_type"), orNull(lv.segmentType)},
                               {QStringLiteral("active"), lv.active},
                               {QStringLiteral("fs_type"), orNull(lv.fsType)},
                               {QStringLiteral("fs_label"), orNull(lv.fsLabel)},
                               {QStringLiteral("segments"), lv.segments.isEmpty() ? QJsonValue() : QJsonValue(segments)}});
    }
    return {
        {QStringLiteral("name"), vg.name},
        {QStringLiteral("uuid"), orNull(vg.uuid)},
        {QStringLiteral("size_bytes"), orNull(vg.sizeBytes)},
        {QStringLiteral("free_bytes"), orNull(vg.freeBytes)},
        {QStringLiteral("physical_volumes"), pvs},
        {QStringLiteral("logical_volumes"), lvs},
    };
}

} // namespace

QJsonObject arrayToJson(const Array &a)
{
    QJsonArray members;
    for (const Member &m : a.members)
        members.append(memberToJson(m));
    return {
        {QStringLiteral("name"), a.name},
        {QStringLiteral("state"), toString(a.state)},
        {QStringLiteral("level"), orNull(a.level)},
        {QStringLiteral("raid_disks"), orNull(a.raidDisks)},
        {QStringLiteral("active_disks"), orNull(a.activeDisks)},
        {QStringLiteral("degraded"), a.degraded},
        {QStringLiteral("size_kib"), orNull(a.sizeKib)},
        {QStringLiteral("metadata"), orNull(a.metadata)},
        {QStringLiteral("chunk_kib"), orNull(a.chunkKib)},
        {QStringLiteral("algorithm"), orNull(a.layout)},
        {QStringLiteral("raid10_layout"), orNull(a.raid10Layout)},
        {QStringLiteral("member_status"), orNull(a.memberStatus)},
        {QStringLiteral("health"), arrayHealthText(a)},
        {QStringLiteral("members"), members},
        {QStringLiteral("sync"), syncToJson(a.sync)},
        {QStringLiteral("bitmap"), bitmapToJson(a.bitmap)},
        {QStringLiteral("mismatch_count"), orNull(a.mismatchCount)},
        {QStringLiteral("fs_type"), orNull(a.fsType)},
        {QStringLiteral("fs_label"), orNull(a.fsLabel)},
    };
}

QJsonObject snapshotToJson(const Snapshot &s, SnapshotSource source)
{
    QJsonArray arrays, disks, vgs, mounts;
    for (const Array &a : s.arrays) {
        QJsonObject o = arrayToJson(a);
        o.insert(QStringLiteral("disks_at_risk"), strings(s.disksAtRisk(a)));
        arrays.append(o);
    }
    for (const Disk &d : s.disks)
        disks.append(diskToJson(d));
    for (const VolumeGroup &vg : s.volumeGroups)
        vgs.append(volumeGroupToJson(vg));
    for (const Mount &m : s.mounts)
        if (!m.device.isEmpty())
            mounts.append(QJsonObject{{QStringLiteral("device"), m.device},
                                      {QStringLiteral("mount_point"), m.mountPoint},
                                      {QStringLiteral("fs_type"), m.fsType},
                                      {QStringLiteral("size_bytes"), orNull(m.sizeBytes)},
                                      {QStringLiteral("used_bytes"), orNull(m.usedBytes)},
                                      {QStringLiteral("available_bytes"), orNull(m.availableBytes)}});
    return {
        {QStringLiteral("schema"), QStringLiteral("plexus.status/1")},
        {QStringLiteral("source"), source == SnapshotSource::Mdstat ? QStringLiteral("mdstat") : QStringLiteral("system")},
        {QStringLiteral("personalities"), strings(s.personalities)},
        {QStringLiteral("arrays"), arrays},
        {QStringLiteral("unused"), strings(s.unusedDevices)},
        {QStringLiteral("disks"), disks},
        {QStringLiteral("volume_groups"), vgs},
        {QStringLiteral("mounts"), mounts},
        {QStringLiteral("swaps"), strings(s.swaps)},
    };
}

} // namespace plexus

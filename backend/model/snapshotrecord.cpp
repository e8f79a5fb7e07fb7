// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "snapshotrecord.h"

#include <QJsonArray>

#include <type_traits>

namespace plexus {

namespace {

// Each type's fields, once: visited by the writer and by the reader.
template<class V> void fields(V &v, Partition &p)
{
    v("name", p.name); v("number", p.number); v("start", p.startBytes); v("size", p.sizeBytes); v("fs_type", p.fsType);
    v("label", p.label); v("uuid", p.uuid); v("part_type", p.partTypeId); v("part_uuid", p.partUuid);
    v("holders", p.holders);
}
template<class V> void fields(V &v, Disk &d)
{
    v("name", d.name); v("model", d.model); v("serial", d.serial); v("wwn", d.wwn); v("size", d.sizeBytes); v("bus", d.bus);
    v("removable", d.removable); v("hotpluggable", d.hotpluggable); v("rotational", d.rotational); v("read_only", d.readOnly);
    v("partition_table", d.partitionTable); v("fs_type", d.fsType); v("label", d.label); v("uuid", d.uuid); v("holders", d.holders);
    v("partitions", d.partitions);
}
template<class V> void fields(V &v, Member &m)
{
    v("device", m.device); v("index", m.index); v("slot", m.slot); v("faulty", m.faulty); v("spare", m.spare);
    v("write_mostly", m.writeMostly); v("replacement", m.replacement); v("journal", m.journal); v("in_sync", m.inSync);
    v("want_replacement", m.wantReplacement); v("blocked", m.blocked); v("write_error", m.writeError); v("errors", m.errors);
    v("state", m.rawState);
}
template<class V> void fields(V &v, SyncProgress &s)
{
    v("action", s.action); v("status", s.status); v("percent", s.percent); v("done_kib", s.doneKib); v("total_kib", s.totalKib);
    v("finish_minutes", s.finishMinutes); v("speed", s.speedKibPerSec);
}
template<class V> void fields(V &v, Bitmap &b)
{
    v("pages_in_memory", b.pagesInMemory); v("pages_total", b.pagesTotal); v("memory_kib", b.memoryKib); v("chunk", b.chunkBytes);
    v("file", b.file);
}
template<class V> void fields(V &v, Array &a)
{
    v("name", a.name); v("state", a.state); v("level", a.level); v("raid_disks", a.raidDisks); v("active_disks", a.activeDisks);
    v("degraded", a.degraded); v("size_kib", a.sizeKib); v("metadata", a.metadata); v("chunk_kib", a.chunkKib); v("layout", a.layout);
    v("raid10_layout", a.raid10Layout); v("member_status", a.memberStatus); v("members", a.members); v("sync", a.sync);
    v("bitmap", a.bitmap); v("array_state", a.arrayStateWord); v("mismatch_count", a.mismatchCount); v("degraded_count", a.degradedCount);
    v("sync_speed_min", a.syncSpeedMin); v("sync_speed_max", a.syncSpeedMax); v("uuid", a.uuid); v("fs_type", a.fsType);
    v("fs_label", a.fsLabel);
}
template<class V> void fields(V &v, Mount &m)
{
    v("device", m.device); v("source", m.source); v("mount_point", m.mountPoint); v("fs_type", m.fsType);
}
template<class V> void fields(V &v, LogicalVolume &l)
{
    v("name", l.name); v("vg", l.vgName); v("device", l.device); v("size", l.sizeBytes); v("segment_type", l.segmentType);
    v("active", l.active); v("fs_type", l.fsType); v("fs_label", l.fsLabel);
}
template<class V> void fields(V &v, PhysicalVolume &p)
{
    v("device", p.device); v("vg", p.vgName); v("size", p.sizeBytes); v("free", p.freeBytes);
}
template<class V> void fields(V &v, VolumeGroup &g)
{
    v("name", g.name); v("uuid", g.uuid); v("size", g.sizeBytes); v("free", g.freeBytes); v("pvs", g.physicalVolumes);
    v("lvs", g.logicalVolumes);
}
template<class V> void fields(V &v, Snapshot &s)
{
    v("disks", s.disks); v("arrays", s.arrays); v("volume_groups", s.volumeGroups); v("mounts", s.mounts); v("swaps", s.swaps);
    v("personalities", s.personalities); v("unused_devices", s.unusedDevices); v("taken_at", s.takenAt);
}

class Writer
{
public:
    void operator()(const char *key, const QString &x) { m_out.insert(QLatin1String(key), x); }
    void operator()(const char *key, const QStringList &x) { m_out.insert(QLatin1String(key), QJsonArray::fromStringList(x)); }
    void operator()(const char *key, bool x) { m_out.insert(QLatin1String(key), x); }
    void operator()(const char *key, int x) { m_out.insert(QLatin1String(key), x); }
    // As a string: JSON numbers are doubles, and sizes must come back to the byte.
    void operator()(const char *key, qint64 x) { m_out.insert(QLatin1String(key), QString::number(x)); }
    void operator()(const char *key, double x) { m_out.insert(QLatin1String(key), x); }
    void operator()(const char *key, const QDateTime &x) { m_out.insert(QLatin1String(key), x.toString(Qt::ISODateWithMs)); }
    template<class E>
        requires std::is_enum_v<E>
    void operator()(const char *key, E x) { m_out.insert(QLatin1String(key), int(x)); }
    template<class T> void operator()(const char *key, const std::optional<T> &x)
    {
        if (x)
            (*this)(key, *x);
    }
    template<class T> void operator()(const char *key, const QList<T> &list)
    {
        QJsonArray a;
        for (const T &item : list)
            a.append(write(item));
        m_out.insert(QLatin1String(key), a);
    }
    template<class T>
        requires std::is_class_v<T>
    void operator()(const char *key, const T &object) { m_out.insert(QLatin1String(key), write(object)); }

    template<class T> static QJsonObject write(const T &object)
    {
        Writer w;
        fields(w, const_cast<T &>(object)); // the writer only reads
        return w.m_out;
    }

private:
    QJsonObject m_out;
};

class Reader
{
public:
    explicit Reader(QJsonObject in) : m_in(std::move(in)) {}
    void operator()(const char *key, QString &x) { x = at(key).toString(); }
    void operator()(const char *key, QStringList &x)
    {
        x.clear();
        for (const QJsonValue &item : at(key).toArray())
            x << item.toString();
    }
    void operator()(const char *key, bool &x) { x = at(key).toBool(); }
    void operator()(const char *key, int &x) { x = at(key).toInt(); }
    void operator()(const char *key, qint64 &x) { x = at(key).toString().toLongLong(); }
    void operator()(const char *key, double &x) { x = at(key).toDouble(); }
    void operator()(const char *key, QDateTime &x) { x = QDateTime::fromString(at(key).toString(), Qt::ISODateWithMs); }
    template<class E>
        requires std::is_enum_v<E>
    void operator()(const char *key, E &x) { x = E(at(key).toInt()); }
    template<class T> void operator()(const char *key, std::optional<T> &x)
    {
        x.reset();
        if (m_in.contains(QLatin1String(key))) {
            T value{};
            (*this)(key, value);
            x = value;
        }
    }
    template<class T> void operator()(const char *key, QList<T> &list)
    {
        list.clear();
        for (const QJsonValue &item : at(key).toArray())
            list << read<T>(item.toObject());
    }
    template<class T>
        requires std::is_class_v<T>
    void operator()(const char *key, T &object) { object = read<T>(at(key).toObject()); }

    template<class T> static T read(const QJsonObject &in)
    {
        T object{};
        Reader r(in);
        fields(r, object);
        return object;
    }

private:
    QJsonValue at(const char *key) const { return m_in.value(QLatin1String(key)); }
    QJsonObject m_in;
};

} // namespace

QJsonObject recordSnapshot(const Snapshot &snapshot)
{
    return Writer::write(snapshot);
}

Snapshot restoreSnapshot(const QJsonObject &record)
{
    return Reader::read<Snapshot>(record);
}

} // namespace plexus

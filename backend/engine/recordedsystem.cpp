// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "recordedsystem.h"

#include <QJsonArray>

namespace plexus {

namespace {

// Each answer as JSON and back. Sizes travel as strings (JSON numbers are doubles).
QJsonValue toJson(const NodeInfo &n)
{
    return QJsonObject{{QStringLiteral("exists"), n.exists}, {QStringLiteral("block"), n.isBlock},
                       {QStringLiteral("canonical"), n.canonicalPath}, {QStringLiteral("kernel"), n.kernelName},
                       {QStringLiteral("kind"), n.kind}, {QStringLiteral("unsafe_at"), n.unsafeAt}};
}
void fromJson(const QJsonValue &v, NodeInfo *n)
{
    const QJsonObject o = v.toObject();
    n->exists = o.value(QStringLiteral("exists")).toBool();
    n->isBlock = o.value(QStringLiteral("block")).toBool();
    n->canonicalPath = o.value(QStringLiteral("canonical")).toString();
    n->kernelName = o.value(QStringLiteral("kernel")).toString();
    n->kind = o.value(QStringLiteral("kind")).toString();
    n->unsafeAt = o.value(QStringLiteral("unsafe_at")).toString();
}
QJsonValue toJson(const DeviceIdentity &d)
{
    return d.present() ? QJsonValue(QJsonObject{{QStringLiteral("number"), d.number}, {QStringLiteral("who"), d.who},
                                                {QStringLiteral("size"), QString::number(d.sizeBytes)}})
                       : QJsonValue();
}
void fromJson(const QJsonValue &v, DeviceIdentity *d)
{
    const QJsonObject o = v.toObject();
    d->number = o.value(QStringLiteral("number")).toString();
    d->who = o.value(QStringLiteral("who")).toString();
    d->sizeBytes = o.value(QStringLiteral("size")).toString().toLongLong();
}
QJsonValue toJson(const std::optional<qint64> &v)
{
    return v ? QJsonValue(QString::number(*v)) : QJsonValue();
}
void fromJson(const QJsonValue &v, std::optional<qint64> *out)
{
    if (v.isString())
        *out = v.toString().toLongLong();
}
QJsonValue toJson(const QString &s) { return s; }
void fromJson(const QJsonValue &v, QString *out) { *out = v.toString(); }
QJsonValue toJson(bool b) { return b; }
void fromJson(const QJsonValue &v, bool *out) { *out = v.toBool(); }
QJsonValue toJson(const QStringList &l) { return QJsonArray::fromStringList(l); }
void fromJson(const QJsonValue &v, QStringList *out)
{
    for (const QJsonValue &s : v.toArray())
        *out << s.toString();
}

QJsonValue toJson(const ScrubSchedule &s)
{
    return QJsonObject{{QStringLiteral("source"), s.source}, {QStringLiteral("calendar"), QJsonArray::fromStringList(s.calendar)},
                       {QStringLiteral("enabled"), s.enabled}, {QStringLiteral("masked"), s.masked},
                       {QStringLiteral("first_week_only"), s.firstWeekOnly}};
}
void fromJson(const QJsonValue &v, ScrubSchedule *out)
{
    const QJsonObject o = v.toObject();
    out->source = o.value(QStringLiteral("source")).toString();
    fromJson(o.value(QStringLiteral("calendar")), &out->calendar);
    out->enabled = o.value(QStringLiteral("enabled")).toBool();
    out->masked = o.value(QStringLiteral("masked")).toBool();
    out->firstWeekOnly = o.value(QStringLiteral("first_week_only")).toBool();
}

// A verdict: its error's name ("org.plexus.Error.InUse") and words; success is {}.
QJsonValue toJson(const Status &st)
{
    return st.ok() ? QJsonValue(QJsonObject()) : QJsonValue(QJsonObject{{QStringLiteral("error"), errorName(st.code())},
                                                                           {QStringLiteral("message"), st.message()}});
}
void fromJson(const QJsonValue &v, Status *out)
{
    if (!v.isObject()) {
        *out = Status::failure(ErrorCode::Invalid, QStringLiteral("The journal holds no answer to this question."));
        return;
    }
    const QJsonObject o = v.toObject();
    if (o.isEmpty())
        return;
    const std::optional<ErrorCode> code = errorCodeFromName(o.value(QStringLiteral("error")).toString());
    *out = Status::failure(code.value_or(ErrorCode::Invalid), o.value(QStringLiteral("message")).toString());
}

QString question(const char *what, const QString &about)
{
    return QLatin1String(what) + QLatin1Char(':') + about;
}

} // namespace

template<class T> T RecordingSystem::keep(const QString &q, const T &answer) const
{
    QMutexLocker lock(&m_lock);
    m_record.insert(q, toJson(answer));
    return answer;
}

QJsonObject RecordingSystem::record() const
{
    QMutexLocker lock(&m_lock);
    return m_record;
}

NodeInfo RecordingSystem::node(const QString &path) const { return keep(question("node", path), m_live.node(path)); }
std::optional<qint64> RecordingSystem::componentSizeBytes(const QString &md) const
{
    return keep(question("component_size", md), m_live.componentSizeBytes(md));
}
std::optional<qint64> RecordingSystem::dataOffsetBytes(const QString &md, const QString &member) const
{
    return keep(question("data_offset", md + QLatin1Char('/') + member), m_live.dataOffsetBytes(md, member));
}
QString RecordingSystem::syncAction(const QString &md) const { return keep(question("sync_action", md), m_live.syncAction(md)); }
DeviceIdentity RecordingSystem::identity(const QString &name) const { return keep(question("identity", name), m_live.identity(name)); }
bool RecordingSystem::exists(const QString &path) const { return keep(question("exists", path), m_live.exists(path)); }
QStringList RecordingSystem::slaves(const QString &name) const { return keep(question("slaves", name), m_live.slaves(name)); }
bool RecordingSystem::mdPersonalityAvailable(const QString &level) const
{
    return keep(question("personality", level), m_live.mdPersonalityAvailable(level));
}

std::optional<qint64> RecordingSystem::ext4MinimumBytes(const QString &name) const
{
    return keep(question("ext4_minimum", name), m_live.ext4MinimumBytes(name));
}

QString RecordingSystem::mdExamine(const QString &name) const
{
    return keep(question("md_examine", name), m_live.mdExamine(name));
}

QString RecordingSystem::contentStamp(const QString &name, qint64 offsetBytes) const
{
    return keep(question("content_stamp", name + QLatin1Char('@') + QString::number(offsetBytes)), m_live.contentStamp(name, offsetBytes));
}

QString RecordingSystem::backupRecord(const QString &deviceUuid) const
{
    return keep(question("backup_record", deviceUuid), m_live.backupRecord(deviceUuid));
}

QStringList RecordingSystem::loopsOver(const QString &name) const { return keep(question("loops_over", name), m_live.loopsOver(name)); }
QString RecordingSystem::fstab() const { return keep(question("fstab", QString()), m_live.fstab()); }
QString RecordingSystem::filesystemUuid(const QString &name) const
{
    return keep(question("filesystem_uuid", name), m_live.filesystemUuid(name));
}
Status RecordingSystem::mountPointUsable(const QString &path) const
{
    return keep(question("mount_point_usable", path), m_live.mountPointUsable(path));
}

ScrubSchedule RecordingSystem::scrubSchedule() const { return keep(question("scrub_schedule", QString()), m_live.scrubSchedule()); }
bool RecordingSystem::serviceManagerRunning() const
{
    return keep(question("service_manager", QString()), m_live.serviceManagerRunning());
}
Status RecordingSystem::calendarValid(const QString &expression) const
{
    return keep(question("calendar_valid", expression), m_live.calendarValid(expression));
}

QString RecordingSystem::syncSpeedLimit(const QString &md, const QString &which) const
{
    return keep(question("sync_speed", md + QLatin1Char('/') + which), m_live.syncSpeedLimit(md, which));
}

QString RecordingSystem::firmware() const { return keep(question("firmware", QString()), m_live.firmware()); }
bool RecordingSystem::hasProgram(const QString &name) const { return keep(question("has_program", name), m_live.hasProgram(name)); }
QString RecordingSystem::crypttab() const { return keep(question("crypttab", QString()), m_live.crypttab()); }
QString RecordingSystem::osReleaseId() const { return keep(question("os_release_id", QString()), m_live.osReleaseId()); }

QJsonValue ReplayedSystem::answer(const QString &q) const
{
    if (!m_record.contains(q))
        m_missed = true;
    return m_record.value(q);
}

template<class T> static T replayed(const QJsonValue &v)
{
    T out{};
    fromJson(v, &out);
    return out;
}

NodeInfo ReplayedSystem::node(const QString &path) const { return replayed<NodeInfo>(answer(question("node", path))); }
std::optional<qint64> ReplayedSystem::componentSizeBytes(const QString &md) const
{
    return replayed<std::optional<qint64>>(answer(question("component_size", md)));
}
std::optional<qint64> ReplayedSystem::dataOffsetBytes(const QString &md, const QString &member) const
{
    return replayed<std::optional<qint64>>(answer(question("data_offset", md + QLatin1Char('/') + member)));
}
QString ReplayedSystem::syncAction(const QString &md) const { return replayed<QString>(answer(question("sync_action", md))); }
DeviceIdentity ReplayedSystem::identity(const QString &name) const
{
    // Asked once the plan is made (Engine::prepare), not to make it: a job
    // journaled before identities were recorded is rebuilt without them, and
    // its steps are then only claimed again before they erase.
    const QString q = question("identity", name);
    return m_record.contains(q) ? replayed<DeviceIdentity>(m_record.value(q)) : DeviceIdentity();
}
bool ReplayedSystem::exists(const QString &path) const { return replayed<bool>(answer(question("exists", path))); }
QStringList ReplayedSystem::slaves(const QString &name) const { return replayed<QStringList>(answer(question("slaves", name))); }
bool ReplayedSystem::mdPersonalityAvailable(const QString &level) const
{
    return replayed<bool>(answer(question("personality", level)));
}

std::optional<qint64> ReplayedSystem::ext4MinimumBytes(const QString &name) const
{
    return replayed<std::optional<qint64>>(answer(question("ext4_minimum", name)));
}

QString ReplayedSystem::mdExamine(const QString &name) const
{
    return replayed<QString>(answer(question("md_examine", name)));
}

QString ReplayedSystem::contentStamp(const QString &name, qint64 offsetBytes) const
{
    return replayed<QString>(answer(question("content_stamp", name + QLatin1Char('@') + QString::number(offsetBytes))));
}

QString ReplayedSystem::backupRecord(const QString &deviceUuid) const
{
    return replayed<QString>(answer(question("backup_record", deviceUuid)));
}

QStringList ReplayedSystem::loopsOver(const QString &name) const { return replayed<QStringList>(answer(question("loops_over", name))); }
QString ReplayedSystem::fstab() const { return replayed<QString>(answer(question("fstab", QString()))); }
QString ReplayedSystem::filesystemUuid(const QString &name) const
{
    return replayed<QString>(answer(question("filesystem_uuid", name)));
}
Status ReplayedSystem::mountPointUsable(const QString &path) const
{
    return replayed<Status>(answer(question("mount_point_usable", path)));
}

ScrubSchedule ReplayedSystem::scrubSchedule() const { return replayed<ScrubSchedule>(answer(question("scrub_schedule", QString()))); }
bool ReplayedSystem::serviceManagerRunning() const { return replayed<bool>(answer(question("service_manager", QString()))); }
Status ReplayedSystem::calendarValid(const QString &expression) const
{
    return replayed<Status>(answer(question("calendar_valid", expression)));
}

QString ReplayedSystem::syncSpeedLimit(const QString &md, const QString &which) const
{
    return replayed<QString>(answer(question("sync_speed", md + QLatin1Char('/') + which)));
}

QString ReplayedSystem::firmware() const { return replayed<QString>(answer(question("firmware", QString()))); }
bool ReplayedSystem::hasProgram(const QString &name) const { return replayed<bool>(answer(question("has_program", name))); }
QString ReplayedSystem::crypttab() const { return replayed<QString>(answer(question("crypttab", QString()))); }
QString ReplayedSystem::osReleaseId() const { return replayed<QString>(answer(question("os_release_id", QString()))); }

QStringList recordedKernelNames(const QJsonObject &record)
{
    QStringList names;
    for (auto it = record.begin(); it != record.end(); ++it) {
        if (!it.key().startsWith(QLatin1String("node:")))
            continue;
        NodeInfo n;
        fromJson(it.value(), &n);
        if (n.exists && n.isBlock && !n.kernelName.isEmpty() && !names.contains(n.kernelName))
            names << n.kernelName;
    }
    return names;
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "backuplist.h"

#include "engine/checks/refusal.h"
#include "engine/systemview.h"
#include "model/stoppedmembers.h"

#include <KLocalizedString>

#include <QJsonObject>

namespace plexus {

QString DetachedCopy::name() const
{
    return !device.isEmpty() ? device : record ? record->device : QString();
}

BackupList::BackupList(QObject *parent) : QObject(parent) {}

void BackupList::setRecords(const QList<QVariantMap> &records)
{
    m_records.clear();
    for (const QVariantMap &m : records)
        if (auto r = BackupRecord::fromJson(QJsonObject::fromVariantMap(m)))
            m_records << *r;
    Q_EMIT changed();
}

namespace {
// Only a running mirror has copies to speak of (a split-off member of it).
bool mayHaveCopies(const Array &a)
{
    return a.level == QLatin1String("raid1") && a.state != ArrayState::Inactive;
}
} // namespace

bool isDetachedCopyOf(const Snapshot &s, const Array &a, const QString &device)
{
    if (!mayHaveCopies(a))
        return false;
    const QString uuid = stoppedMemberUuid(s, device);
    return !uuid.isEmpty() && sameUuid(uuid, a.uuid) && s.arraysUsing(device).isEmpty();
}

const Array *copiedArray(const Snapshot &s, const QString &device)
{
    for (const Array &a : s.arrays)
        if (isDetachedCopyOf(s, a, device))
            return &a;
    return nullptr;
}

DevicesByUuid devicesByUuid(const Snapshot &s)
{
    DevicesByUuid devices;
    const auto add = [&](const QString &name, const QString &uuid) {
        if (const QString key = hexOnly(uuid); !key.isEmpty())
            devices[key] << name;
    };
    for (const Disk &d : s.disks) {
        add(d.name, d.uuid);
        for (const Partition &p : d.partitions)
            add(p.name, p.uuid);
    }
    return devices;
}

QList<DetachedCopy> detachedCopies(const Array &a, const Snapshot &s, const DevicesByUuid &devices, const QList<BackupRecord> &records,
                                   const SystemView *system)
{
    QList<DetachedCopy> copies;
    QList<const BackupRecord *> unpaired;
    for (const BackupRecord &r : records)
        if (sameUuid(r.arrayUuid, a.uuid))
            unpaired << &r;
    const QStringList candidates = mayHaveCopies(a) ? devices.value(hexOnly(a.uuid)) : QStringList();
    for (const QString &name : candidates) {
        if (!isDetachedCopyOf(s, a, name))
            continue;
        DetachedCopy c;
        c.device = name;
        for (const BackupRecord *r : std::as_const(unpaired))
            if (r->device == name) {
                c.record = *r;
                unpaired.removeOne(r);
                break;
            }
        if (system)
            c.loops = system->loopsOver(name);
        copies << c;
    }
    for (const BackupRecord *r : std::as_const(unpaired))
        copies << DetachedCopy{QString(), *r, {}};
    return copies;
}

QString ageWords(const QDateTime &then, const QDateTime &now)
{
    const qint64 minutes = then.secsTo(now) / 60;
    if (minutes < 1)
        return i18nc("when something happened", "just now");
    if (minutes < 60)
        return i18ncp("when something happened", "%1 minute ago", "%1 minutes ago", minutes);
    if (minutes < 48 * 60)
        return i18ncp("when something happened", "%1 hour ago", "%1 hours ago", minutes / 60);
    const qint64 days = minutes / (24 * 60);
    if (days < 60)
        return i18ncp("when something happened", "%1 day ago", "%1 days ago", days);
    if (days < 730)
        return i18ncp("when something happened", "%1 month ago", "%1 months ago", days / 30);
    return i18ncp("when something happened", "%1 year ago", "%1 years ago", days / 365);
}

} // namespace plexus

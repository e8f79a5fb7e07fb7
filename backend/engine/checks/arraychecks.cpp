// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "engine/validator.h"

#include "refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"

#include <KLocalizedString>

#include <QRegularExpression>
#include <QSet>

namespace plexus {

// ---- arrays ----------------------------------------------------------------

Status Validator::resolveExistingArray(const QString &path, const CommonOptions &common, ResolvedArray *out) const
{
    static const QRegularExpression numbered(QStringLiteral("^/dev/(md[0-9]{1,4})$"));
    static const QRegularExpression named(QStringLiteral("^/dev/md/([A-Za-z0-9_.-]{1,32})$"));
    const auto mNumbered = numbered.match(path);
    const auto mNamed = named.match(path);
    if (!mNumbered.hasMatch() && (!mNamed.hasMatch() || mNamed.captured(1).startsWith(QLatin1Char('.'))))
        return invalid(mi18n("'%1' is not an md array device. Give /dev/mdN or /dev/md/NAME.", path));
    QString name;
    const NodeInfo node = m_sys.node(path);
    if (node.exists && node.isBlock && node.kernelName.startsWith(QLatin1String("md")))
        name = node.kernelName;
    else if (mNumbered.hasMatch())
        name = mNumbered.captured(1);
    else
        return notFound(mi18nc("%1 an array path", "%1 does not exist: no array by that name is running. plexusctl status lists the arrays.", path));
    const Array *a = m_snap.array(name);
    if (!a)
        return notFound(mi18nc("%1 an array path", "%1 does not exist: no such array is running. plexusctl status lists the arrays.", path));
    if (!common.arrayUuid.isEmpty() && !sameUuid(common.arrayUuid, a->uuid))
        return notFound(mi18nc("%1 an array path, %2 its UUID now, %3 the UUID chosen",
                              "%1 is now another array (UUID %2, not %3). Arrays can be renumbered when they are started: "
                              "choose the array again.",
                              path, a->uuid.isEmpty() ? mi18nc("an array UUID that is not known", "unknown") : Message::plain(a->uuid), common.arrayUuid));
    out->path = QStringLiteral("/dev/") + name;
    out->requested = path;
    out->array = *a;
    return {};
}

Status Validator::resolveRunningArray(const QString &path, const CommonOptions &common, ResolvedArray *out, const QString &unlessRedundant) const
{
    if (Status s = resolveExistingArray(path, common, out); !s)
        return s;
    if (Status s = requireActive(*out); !s)
        return s;
    return unlessRedundant.isEmpty() ? Status() : requireRedundant(*out, unlessRedundant);
}

Status Validator::requireActive(const ResolvedArray &a) const
{
    if (a.array.state == ArrayState::Inactive)
        return invalid(mi18nc("%1 an array", "%1 is inactive (assembled but not started). Start it with assemble --run, or stop it first.", a.path));
    if (a.array.state == ArrayState::ReadOnly)
        return invalid(mi18nc("%1 an array", "%1 is read-only. Make it writable first (mdadm --readwrite %1).", a.path));
    return {};
}

Status Validator::requireRedundant(const ResolvedArray &a, const QString &what) const
{
    if (!a.array.isRedundant())
        return invalid(mi18nc("%1 an array, %2 its level in words (e.g. 'RAID-0 (striped)'), %3 why that stops the operation, "
                             "e.g. 'a member cannot be failed without losing data'",
                             "%1 is %2, which keeps no redundant copy of the data, so %3.",
                             a.path, a.array.level ? Message::plain(levelWords(*a.array.level)) : mi18nc("an array's RAID level", "of unknown level"), what));
    return {};
}

Status Validator::resolveMember(const ResolvedArray &a, const DeviceSpec &spec, ResolvedDevice *out, const Member **member) const
{
    if (Status s = resolve(spec, out); !s)
        return s;
    *member = a.array.member(out->name);
    if (!*member) {
        QStringList names;
        for (const Member &m : a.array.members)
            names << m.device;
        return invalid(names.isEmpty()
                           ? mi18nc("%1 a device, %2 an array", "%1 is not a member of %2 (its members are none). Choose one of those.", out->path, a.path)
                           : mi18nc("%1 a device, %2 an array, %3 its members", "%1 is not a member of %2 (its members are %3). Choose one of those.",
                                   out->path, a.path, listNames(names)));
    }
    return {};
}

Status Validator::resolveRunningMember(const QString &array, const DeviceSpec &spec, const CommonOptions &common,
                                       const QString &unlessRedundant, ResolvedArray *a, ResolvedDevice *out, const Member **member) const
{
    if (Status s = resolveRunningArray(array, common, a, unlessRedundant); !s)
        return s;
    return resolveMember(*a, spec, out, member);
}

Status Validator::checkNotInArray(const ResolvedArray &a, const ResolvedDevice &dev) const
{
    if (a.array.member(dev.name))
        return invalid(mi18nc("%1 a device, %2 an array", "%1 is already a member of %2.", dev.path, a.path));
    return {};
}

Status Validator::checkNewArrayPath(const QString &path) const
{
    static const QRegularExpression numbered(QStringLiteral("^/dev/(md[0-9]{1,4})$"));
    static const QRegularExpression named(QStringLiteral("^/dev/md/(.*)$"));
    const auto mNumbered = numbered.match(path);
    const auto mNamed = named.match(path);
    if (mNamed.hasMatch() && !validName(mNamed.captured(1)))
        return invalid(mi18n("'%1' is not a usable array name: use 1 to 32 letters, digits, '_', '.' or '-', for example /dev/md/data.", mNamed.captured(1)));
    if (!mNumbered.hasMatch() && !mNamed.hasMatch())
        return invalid(mi18nc("%1 what was given, %2 a free array device", "'%1' is not an md array device. Give /dev/mdN (for example %2) or /dev/md/NAME.", path, suggestFreeArray()));
    if (mNumbered.hasMatch()) {
        if (const Array *a = m_snap.array(mNumbered.captured(1))) {
            if (a->state != ArrayState::Inactive || !a->members.isEmpty())
                return inUse(mi18ncp("%2 an array, %3 its RAID level, %4 its state (mdadm's word), %5 a free array device",
                                    "%2 already exists (%3, %4, %1 member). Choose a free one, for example %5.",
                                    "%2 already exists (%3, %4, %1 members). Choose a free one, for example %5.",
                                    int(a->members.size()), path, a->level ? Message::plain(*a->level) : mi18nc("an array's RAID level", "no level"),
                                    toString(a->state), suggestFreeArray()));
        }
    } else if (m_sys.exists(path)) {
        const NodeInfo node = m_sys.node(path);
        return inUse(node.kernelName.isEmpty()
                         ? mi18nc("%1 an array path", "%1 already exists. Choose another name.", path)
                         : mi18nc("%1 an array path, %2 the kernel device it is", "%1 already exists (it is %2). Choose another name.", path,
                                 node.kernelName));
    }
    return {};
}

Status Validator::checkJoining(const ResolvedArray &a, const ResolvedDevice &dev, const QString &replaced, bool allowSameDisk) const
{
    const Disk *disk = m_snap.disk(dev.diskName);
    if (dev.wholeDisk && disk && !disk->partitions.isEmpty())
        return inUse(mi18ncp("%2 a disk",
                            "%2 has %1 partition: using the whole disk would erase them all. Choose one of its partitions, "
                            "or a blank disk.",
                            "%2 has %1 partitions: using the whole disk would erase them all. Choose one of its partitions, "
                            "or a blank disk.",
                            int(disk->partitions.size()), dev.name));
    for (const Member &m : a.array.members) {
        if (allowSameDisk || !a.array.isRedundant() || m.faulty || m.spare || m.device == replaced || m.device == dev.name)
            continue;
        const Disk *other = m_snap.diskOf(m.device);
        if (other && other->name == dev.diskName)
            return invalid(mi18nc("%1 a device, %2 a member of the array %3",
                                 "%1 is on the same disk as %2, another member of %3: if that disk fails, both go with it. "
                                 "Choose a device on another disk.",
                                 dev.name, m.device, a.array.name));
    }
    return checkNewMemberSize(a, dev);
}

QString Validator::suggestFreeArray() const
{
    for (int i = 0; i < 10000; ++i) {
        const QString name = QStringLiteral("md%1").arg(i);
        if (!m_snap.array(name))
            return QStringLiteral("/dev/") + name;
    }
    return QStringLiteral("/dev/md0");
}

Status Validator::checkNewMemberSize(const ResolvedArray &a, const ResolvedDevice &dev) const
{
    const Array &arr = a.array;
    std::optional<qint64> component = m_sys.componentSizeBytes(arr.name);
    if (!component && arr.sizeKib && arr.raidDisks && *arr.raidDisks > 0) {
        const qint64 size = *arr.sizeKib * 1024;
        const int n = *arr.raidDisks;
        // Each member holds size / (capacity per byte of the smallest member).
        const RaidLevel *level = raidLevel(arr.level.value_or(QString()));
        constexpr qint64 unit = 1 << 20;
        if (level && level->redundant && n > 0)
            if (const qint64 perUnit = level->capacity(n, unit, unit * n); perUnit > 0)
                component = qint64(double(size) * unit / perUnit);
    }
    if (!component)
        return {};
    qint64 offset = 0;
    for (const Member &m : arr.members)
        if (auto o = m_sys.dataOffsetBytes(arr.name, m.device))
            offset = qMax(offset, *o);
    const qint64 needed = *component + offset;
    if (dev.sizeBytes < needed) {
        if (dev.wholeDisk)
            return tooSmall(mi18nc("%1 a disk, %2 its size, %3 an array, %4 %5 %6 sizes",
                                  "%1 (%2) is too small for %3: each member needs at least %4 (%5 of data plus %6 for md's "
                                  "metadata). Choose a disk of at least %4.",
                                  dev.path, humanSize(dev.sizeBytes), a.path, humanSize(needed), humanSize(*component), humanSize(offset)));
        return tooSmall(mi18nc("%1 a partition, %2 its size, %3 an array, %4 %5 %6 sizes",
                              "%1 (%2) is too small for %3: each member needs at least %4 (%5 of data plus %6 for md's "
                              "metadata). Choose a partition of at least %4.",
                              dev.path, humanSize(dev.sizeBytes), a.path, humanSize(needed), humanSize(*component), humanSize(offset)));
    }
    return {};
}

Status Validator::checkIdle(const ResolvedArray &a, const Message &what) const
{
    QString action = m_sys.syncAction(a.array.name);
    if (action.isEmpty() && a.array.sync)
        action = toString(a.array.sync->action);
    if (action.isEmpty() || action == QLatin1String("idle"))
        return {};
    Message advice = mi18nc("%1 what is to be done then, e.g. 'try again'", "Wait until it finishes, then %1.", what);
    if (action == QLatin1String("check") || action == QLatin1String("repair"))
        advice = mi18nc("%1 what is to be done then, e.g. 'try again'", "Stop it (scrub idle) or wait until it finishes, then %1.", what);
    if (a.array.sync && a.array.sync->percent)
        return busy(mi18nc("%1 an array, %2 md's sync action (resync, recover, check...), %3 a percentage, %4 a sentence saying what to do",
                          "%1 is busy with %2, %3% done. %4", a.path, action, QString::number(*a.array.sync->percent, 'f', 1), advice));
    return busy(mi18nc("%1 an array, %2 md's sync action (resync, recover, check...), %3 a sentence saying what to do",
                      "%1 is busy with %2. %3", a.path, action, advice));
}

// Would the array still hold every block of data without `lost` (kernel names)?
Status Validator::checkCanLose(const ResolvedArray &a, const QStringList &lost, const QString &verb) const
{
    const Array &arr = a.array;
    const int n = arr.raidDisks.value_or(int(arr.members.size()));
    QSet<int> working;
    for (const Member &m : arr.members) {
        if (lost.contains(m.device) || m.faulty || m.spare || m.replacement || !m.slot)
            continue;
        // sysfs says in_sync; a snapshot from /proc/mdstat alone cannot tell: trust it.
        if (m.inSync || m.rawState.isEmpty())
            working.insert(*m.slot);
    }
    QSet<int> gone;
    for (int slot = 0; slot < n; ++slot)
        if (!working.contains(slot))
            gone.insert(slot);
    const RaidLevel *level = raidLevel(arr.level.value_or(QString()));
    const QString problem = level ? level->lossProblem(n, gone, arr.raid10Layout) : QString();
    if (problem.isEmpty())
        return {};
    QStringList paths;
    for (const QString &d : lost)
        paths << QStringLiteral("/dev/") + d;
    return invalid(mi18nc("%1 a verb (e.g. 'Failing'), %2 devices, %3 an array, %4 what would be missing",
                         "%1 %2 would leave %3 without a complete copy of the data: %4. Add or rebuild a member first.",
                         verb, listNames(paths), a.path, problem));
}

// ---- operations ------------------------------------------------------------

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "engine/validator.h"

#include "refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"

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
        return invalid(QStringLiteral("'%1' is not an md array device. Give /dev/mdN or /dev/md/NAME.").arg(path));
    QString name;
    const NodeInfo node = m_sys.node(path);
    if (node.exists && node.isBlock && node.kernelName.startsWith(QLatin1String("md")))
        name = node.kernelName;
    else if (mNumbered.hasMatch())
        name = mNumbered.captured(1);
    else
        return notFound(QStringLiteral("%1 does not exist: no array by that name is running. plexusctl status lists the arrays.").arg(path));
    const Array *a = m_snap.array(name);
    if (!a)
        return notFound(QStringLiteral("%1 does not exist: no such array is running. plexusctl status lists the arrays.").arg(path));
    if (!common.arrayUuid.isEmpty() && !sameUuid(common.arrayUuid, a->uuid))
        return notFound(QStringLiteral("%1 is now another array (UUID %2, not %3). Arrays can be renumbered when they are started: "
                                       "choose the array again.").arg(path, a->uuid.isEmpty() ? QStringLiteral("unknown") : a->uuid, common.arrayUuid));
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
        return invalid(QStringLiteral("%1 is inactive (assembled but not started). Start it with assemble --run, or stop it first.").arg(a.path));
    if (a.array.state == ArrayState::ReadOnly)
        return invalid(QStringLiteral("%1 is read-only. Make it writable first (mdadm --readwrite %1).").arg(a.path));
    return {};
}

Status Validator::requireRedundant(const ResolvedArray &a, const QString &what) const
{
    if (!a.array.isRedundant())
        return invalid(QStringLiteral("%1 is %2, which keeps no redundant copy of the data, so %3.")
                           .arg(a.path, levelWords(a.array.level.value_or(QStringLiteral("of unknown level"))), what));
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
        return invalid(QStringLiteral("%1 is not a member of %2 (its members are %3). Choose one of those.")
                           .arg(out->path, a.path, names.isEmpty() ? QStringLiteral("none") : listNames(names)));
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
        return invalid(QStringLiteral("%1 is already a member of %2.").arg(dev.path, a.path));
    return {};
}

Status Validator::checkNewArrayPath(const QString &path) const
{
    static const QRegularExpression numbered(QStringLiteral("^/dev/(md[0-9]{1,4})$"));
    static const QRegularExpression named(QStringLiteral("^/dev/md/(.*)$"));
    const auto mNumbered = numbered.match(path);
    const auto mNamed = named.match(path);
    if (mNamed.hasMatch() && !validName(mNamed.captured(1)))
        return invalid(QStringLiteral("'%1' is not a usable array name: use 1 to 32 letters, digits, '_', '.' or '-', for example /dev/md/data.").arg(mNamed.captured(1)));
    if (!mNumbered.hasMatch() && !mNamed.hasMatch())
        return invalid(QStringLiteral("'%1' is not an md array device. Give /dev/mdN (for example %2) or /dev/md/NAME.").arg(path, suggestFreeArray()));
    if (mNumbered.hasMatch()) {
        if (const Array *a = m_snap.array(mNumbered.captured(1))) {
            if (a->state != ArrayState::Inactive || !a->members.isEmpty())
                return inUse(QStringLiteral("%1 already exists (%2, %3, %4 member(s)). Choose a free one, for example %5.")
                                 .arg(path, a->level.value_or(QStringLiteral("no level")), toString(a->state))
                                 .arg(a->members.size()).arg(suggestFreeArray()));
        }
    } else if (m_sys.exists(path)) {
        const NodeInfo node = m_sys.node(path);
        return inUse(QStringLiteral("%1 already exists%2. Choose another name.")
                         .arg(path, node.kernelName.isEmpty() ? QString() : QStringLiteral(" (it is %1)").arg(node.kernelName)));
    }
    return {};
}

Status Validator::checkJoining(const ResolvedArray &a, const ResolvedDevice &dev, const QString &replaced, bool allowSameDisk) const
{
    const Disk *disk = m_snap.disk(dev.diskName);
    if (dev.wholeDisk && disk && !disk->partitions.isEmpty())
        return inUse(QStringLiteral("%1 has %2 partition(s): using the whole disk would erase them all. Choose one of its partitions, "
                                    "or a blank disk.").arg(dev.name).arg(disk->partitions.size()));
    for (const Member &m : a.array.members) {
        if (allowSameDisk || !a.array.isRedundant() || m.faulty || m.spare || m.device == replaced || m.device == dev.name)
            continue;
        const Disk *other = m_snap.diskOf(m.device);
        if (other && other->name == dev.diskName)
            return invalid(QStringLiteral("%1 is on the same disk as %2, another member of %3: if that disk fails, both go with it. "
                                          "Choose a device on another disk.").arg(dev.name, m.device, a.array.name));
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
        const QString noun = dev.wholeDisk ? QStringLiteral("disk") : QStringLiteral("partition");
        return tooSmall(QStringLiteral("%1 (%2) is too small for %3: each member needs at least %4 (%5 of data plus %6 for md's "
                                       "metadata). Choose a %7 of at least %4.")
                            .arg(dev.path, humanSize(dev.sizeBytes), a.path, humanSize(needed), humanSize(*component),
                                 humanSize(offset), noun));
    }
    return {};
}

Status Validator::checkIdle(const ResolvedArray &a, const QString &what) const
{
    QString action = m_sys.syncAction(a.array.name);
    if (action.isEmpty() && a.array.sync)
        action = toString(a.array.sync->action);
    if (action.isEmpty() || action == QLatin1String("idle"))
        return {};
    QString progress;
    if (a.array.sync && a.array.sync->percent)
        progress = QStringLiteral(", %1% done").arg(*a.array.sync->percent, 0, 'f', 1);
    QString advice = QStringLiteral("Wait until it finishes, then %1.").arg(what);
    if (action == QLatin1String("check") || action == QLatin1String("repair"))
        advice = QStringLiteral("Stop it (scrub idle) or wait until it finishes, then %1.").arg(what);
    return busy(QStringLiteral("%1 is busy with %2%3. %4").arg(a.path, action, progress, advice));
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
    return invalid(QStringLiteral("%1 %2 would leave %3 without a complete copy of the data: %4. Add or rebuild a member first.")
                       .arg(verb, listNames(paths), a.path, problem));
}

// ---- operations ------------------------------------------------------------

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "engine/validator.h"

#include "refusal.h"

#include <KLocalizedString>

#include <algorithm>

namespace plexus {

namespace {

// A member named after the gone disk `disk`: the disk itself ("sdb") or one of
// its partitions as the kernel names them ("sdb3"; "nvme0n1p3").
bool namedOnDisk(const QString &member, const QString &disk)
{
    if (member == disk)
        return true;
    if (!member.startsWith(disk))
        return false;
    QString rest = member.mid(disk.size());
    if (disk.back().isDigit()) {
        if (!rest.startsWith(QLatin1Char('p')))
            return false;
        rest = rest.mid(1);
    }
    return !rest.isEmpty() && std::all_of(rest.cbegin(), rest.cend(), [](QChar c) { return c.isDigit(); });
}

ResolvedArray resolvedArray(const Array &a)
{
    return {QStringLiteral("/dev/") + a.name, QStringLiteral("/dev/") + a.name, a};
}

} // namespace

Status Validator::resolveDiskSlots(const DeviceSpec &spec, DiskSlots *out) const
{
    *out = {};
    out->disk.path = spec.path;
    // The disk that left the degraded arrays: md may have dropped its members
    // already (udev's mdadm --incremental --fail), leaving only empty slots.
    if (spec.isMissing()) {
        for (const Array &a : m_snap.arrays) {
            // A failed member whose disk is still here accounts for its own slot:
            // that disk is replaced by its name, not as the missing one.
            int stillHere = 0;
            for (const Member &m : a.members)
                stillHere += (m.faulty && m_sys.node(QStringLiteral("/dev/") + m.device).exists) ? 1 : 0;
            if (a.state == ArrayState::Inactive || !a.isRedundant() || a.missingCount() <= stillHere)
                continue;
            DiskSlot slot{resolvedArray(a), {}, DiskSlot::Empty};
            for (const Member &m : a.members)
                if (m.faulty && !m_sys.node(QStringLiteral("/dev/") + m.device).exists) {
                    slot.kind = DiskSlot::Vanished;
                    slot.member.name = m.device;
                    slot.member.path = QStringLiteral("/dev/") + m.device;
                    break;
                }
            out->slots << slot;
        }
        return {};
    }

    const NodeInfo node = m_sys.node(spec.path);
    const QString goneName = spec.path.startsWith(QLatin1String("/dev/")) ? spec.path.mid(5) : QString();
    if (!node.exists && !goneName.isEmpty() && !goneName.contains(QLatin1Char('/'))) {
        // Gone: what md still lists under its kernel name is all there is to go on.
        out->disk.name = out->disk.diskName = goneName;
        out->disk.wholeDisk = true;
        for (const Array &a : m_snap.arrays)
            for (const Member &m : a.members)
                if (namedOnDisk(m.device, goneName) && !m_sys.node(QStringLiteral("/dev/") + m.device).exists) {
                    if (a.state == ArrayState::Inactive)
                        return requireActive(resolvedArray(a));
                    DiskSlot slot{resolvedArray(a), {}, DiskSlot::Vanished};
                    slot.member.name = m.device;
                    slot.member.path = QStringLiteral("/dev/") + m.device;
                    slot.member.diskName = goneName;
                    slot.member.wholeDisk = m.device == goneName;
                    if (!m.faulty)
                        return invalid(mi18nc("%1 a gone disk, %2 its member device, %3 an array",
                                             "%1 has no device node but md still counts %2 as working in %3. Wait a moment for md "
                                             "to notice, or fail it (fail), then try again.",
                                             spec.path, slot.member.path, slot.array.path));
                    out->slots << slot;
                }
        if (out->slots.isEmpty())
            return notFound(mi18nc("%1 a disk",
                                  "%1 is not in the machine, and no array lists a member on it any more (md has dropped them). "
                                  "Name it as missing: the disk that left the degraded arrays.",
                                  spec.path));
        return {};
    }

    ResolvedDevice disk;
    if (Status s = resolve(spec, &disk); !s)
        return s;
    if (!disk.wholeDisk)
        return invalid(mi18nc("%1 a partition, %2 its disk's kernel name", "%1 is a partition: give the whole disk (for example /dev/%2).", disk.path, disk.diskName));
    out->disk = disk;
    out->present = true;
    for (const Array &a : m_snap.arrays)
        for (const Member &m : a.members) {
            const Disk *d = m_snap.diskOf(m.device);
            if (!d || d->name != disk.name)
                continue;
            if (a.state == ArrayState::Inactive)
                return requireActive(resolvedArray(a));
            DiskSlot slot{resolvedArray(a), {}, DiskSlot::Working};
            slot.member.name = m.device;
            slot.member.path = QStringLiteral("/dev/") + m.device;
            slot.member.diskName = disk.name;
            slot.member.wholeDisk = m.device == disk.name;
            slot.member.sizeBytes = slot.member.wholeDisk ? d->sizeBytes : d->partition(m.device)->sizeBytes;
            if (m.faulty)
                slot.kind = m_sys.node(slot.member.path).exists ? DiskSlot::Faulty : DiskSlot::Vanished;
            else if (m.spare)
                slot.kind = DiskSlot::Spare;
            out->slots << slot;
        }
    return {};
}

} // namespace plexus

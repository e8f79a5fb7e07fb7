// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Checks the volume operations share: what may hold a filesystem or a physical
// volume (a disk or partition, a running array, a logical volume), volume groups,
// logical volumes and LVM's names.
#include "engine/validator.h"

#include "refusal.h"
#include "model/describe.h"

#include <KLocalizedString>

#include <QRegularExpression>
#include <QSet>

namespace plexus {

namespace {

enum class Seen { ArrayUuid, VolumeName };

Status checkSeen(const DeviceSpec &spec, const QString &identity, qint64 sizeBytes, Seen what)
{
    if (spec.identity.isEmpty())
        return invalid(what == Seen::ArrayUuid
                           ? mi18nc("%1 an array", "The request names %1 without its identity (the array's UUID) and size, so the helper "
                                   "cannot tell it is the one you chose. Choose it again.", spec.path)
                           : mi18nc("%1 a logical volume", "The request names %1 without its identity (VG/LV) and size, so the helper "
                                   "cannot tell it is the one you chose. Choose it again.", spec.path));
    if (spec.identity != identity && !sameUuid(spec.identity, identity))
        return notFound(mi18nc("%1 a device, %2 its identity now, %3 the identity chosen", "%1 is now %2, not %3 as you chose it. Choose it again.",
                              spec.path, identity, spec.identity));
    if (qint64(spec.sizeBytes) != sizeBytes)
        return notFound(mi18nc("%1 a device, %2 its size now, %3 the size chosen", "%1 is %2 now, not %3 as you chose it. Choose it again.",
                              spec.path, humanSize(sizeBytes), humanSize(qint64(spec.sizeBytes))));
    return {};
}

} // namespace

Status Validator::resolveBlock(const DeviceSpec &spec, ResolvedDevice *out) const
{
    NodeInfo node;
    if (Status s = resolveNode(spec.path, &node); !s)
        return s;
    const QString name = node.kernelName;
    if (const Array *a = name.startsWith(QLatin1String("md")) ? m_snap.array(name) : nullptr) {
        ResolvedArray ra{QStringLiteral("/dev/") + name, spec.path, *a};
        if (Status s = requireActive(ra); !s)
            return s;
        if (Status s = checkSeen(spec, a->uuid, a->sizeKib.value_or(0) * 1024, Seen::ArrayUuid); !s)
            return s;
        *out = {};
        out->path = ra.path;
        out->name = name;
        out->sizeBytes = a->sizeKib.value_or(0) * 1024;
        out->kind = ResolvedDevice::Array;
        return {};
    }
    if (name.startsWith(QLatin1String("dm-"))) {
        const LogicalVolume *lv = nullptr;
        return volumeAt(spec, node, out, &lv);
    }
    return resolveAt(spec, node, out);
}

Status Validator::resolveVolume(const DeviceSpec &spec, ResolvedDevice *out, const LogicalVolume **lv) const
{
    NodeInfo node;
    if (Status s = resolveNode(spec.path, &node); !s)
        return s;
    return volumeAt(spec, node, out, lv);
}

Status Validator::volumeAt(const DeviceSpec &spec, const NodeInfo &node, ResolvedDevice *out, const LogicalVolume **lv) const
{
    const LogicalVolume *v = m_snap.activeVolume(node.kernelName);
    if (!v)
        return invalid(mi18nc("%1 a path, %2 its kernel device name",
                             "%1 (%2) is not an active logical volume. Give one as /dev/GROUP/VOLUME (plexusctl status lists them).",
                             spec.path, node.kernelName));
    if (Status s = checkSeen(spec, v->vgName + QLatin1Char('/') + v->name, v->sizeBytes, Seen::VolumeName); !s)
        return s;
    *out = {};
    out->path = QStringLiteral("/dev/%1/%2").arg(v->vgName, v->name);
    out->name = v->device;
    out->sizeBytes = v->sizeBytes;
    out->kind = ResolvedDevice::Volume;
    out->volumeGroup = v->vgName;
    out->volume = v->name;
    *lv = v;
    return {};
}

Status Validator::checkBlockFree(const ResolvedDevice &dev, const Consent &consent) const
{
    if (dev.kind == ResolvedDevice::DiskOrPartition)
        return checkFree(dev, consent);
    const Message use = usageOf(dev.name);
    if (!use.isEmpty()) {
        // The same order as usageOf(): its words are for people, not to compare.
        Message advice = mi18n("Stop using it first, or choose another device.");
        if (!m_snap.mountsOf(dev.name).isEmpty())
            advice = mi18n("Unmount it first, or choose another device.");
        else if (m_snap.isSwap(dev.name))
            advice = mi18nc("%1 a device", "Turn it off first (swapoff %1), or choose another device.", dev.path);
        return inUse(mi18nc("%1 a sentence saying what uses a device (without its full stop), %2 a sentence saying what to do", "%1. %2",
                           mi18nc("%1 a device, %2 what uses it (e.g. 'is mounted on /srv')", "%1 %2", dev.path, use), advice));
    }
    QString fsType, label;
    if (const Array *a = dev.kind == ResolvedDevice::Array ? m_snap.array(dev.name) : nullptr) {
        fsType = a->fsType;
        label = a->fsLabel;
    } else if (const LogicalVolume *lv = m_snap.activeVolume(dev.name)) {
        fsType = lv->fsType;
        label = lv->fsLabel;
    }
    if (fsType.isEmpty() || consent.overwrite)
        return {};
    return invalid(mi18nc("%1 a device, %2 what it holds (e.g. 'a filesystem (ext4)')",
                         "%1 holds %2. Writing over it destroys that data: say overwrite if it may go, or choose another device.",
                         dev.path, describeContents(fsType, label)));
}

Status Validator::resolvePhysicalVolumes(const DeviceSpecList &specs, bool overwrite, const CommonOptions &common,
                                         QList<ResolvedDevice> *out) const
{
    if (specs.isEmpty())
        return invalid(mi18n("Name at least one array or partition for the volume group."));
    QSet<QString> seen;
    for (const DeviceSpec &spec : specs) {
        ResolvedDevice dev;
        if (Status s = resolveBlock(spec, &dev); !s)
            return s;
        if (seen.contains(dev.name))
            return invalid(mi18n("%1 is named twice in the request.", dev.path));
        seen.insert(dev.name);
        if (dev.kind == ResolvedDevice::Volume)
            return invalid(mi18nc("%1 a logical volume",
                                 "%1 is itself a logical volume: LVM inside LVM only hides where the data is. Give an array or a "
                                 "partition.",
                                 dev.path));
        if (Status s = checkBlockFree(dev, {overwrite, common.allowSystemDisk}); !s)
            return s;
        out->append(dev);
    }
    return {};
}

Status Validator::resolveVolumeGroup(const QString &name, const VolumeGroup **out) const
{
    if (Status s = checkLvmName(name, i18nc("what is named: fills 'is not a usable %2 name'", "volume group")); !s)
        return s;
    *out = m_snap.volumeGroup(name);
    if (!*out)
        return notFound(mi18nc("%1 a volume group", "There is no volume group %1. plexusctl status lists the volume groups.", name));
    return {};
}

Status Validator::checkGrowsInPlace(const ResolvedDevice &dev, const LogicalVolume &lv)
{
    // Anything else would be left the old size inside a bigger volume, which
    // looks like lost space.
    if (!lv.fsType.isEmpty() && lv.fsType != QLatin1String("ext4") && lv.fsType != QLatin1String("xfs"))
        return invalid(lv.fsType == QLatin1String("swap")
                           ? mi18nc("%1 a logical volume, %2 what it holds", "%1 holds %2, which Plexus does not grow in place (ext4 and xfs grow). "
                                   "Make a new swap volume instead.", dev.path, describeContents(lv.fsType, lv.fsLabel))
                           : mi18nc("%1 a logical volume, %2 what it holds", "%1 holds %2, which Plexus does not grow in place (ext4 and xfs grow).",
                                   dev.path, describeContents(lv.fsType, lv.fsLabel)));
    return {};
}

Status Validator::checkLvmName(const QString &name, const QString &what)
{
    // LVM's own rule is [A-Za-z0-9+_.-] not starting with '-'; ours also wants a
    // letter or digit first (as for arrays) and refuses the suffixes LVM keeps
    // for its hidden volumes.
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9+_.-]{0,63}$"));
    static const QRegularExpression reserved(QStringLiteral("^(snapshot|pvmove)|_(cdata|cmeta|corig|cpool|cvol|imeta|iorig|mimage|mlog|pmspare|rimage|rmeta|tdata|tmeta|vdata|vorigin|wcorig)"));
    if (!re.match(name).hasMatch())
        return invalid(mi18nc("%1 a name, %2 what it names ('volume group', 'volume')",
                             "'%1' is not a usable %2 name: use a letter or digit, then up to 63 letters, digits, '+', '_', '.' or "
                             "'-', for example data.",
                             name, what));
    if (reserved.match(name).hasMatch())
        return invalid(mi18nc("%1 a name, %2 what it names ('volume group', 'volume')",
                             "'%1' looks like a name LVM keeps for itself (snapshot, pvmove, _rimage, ...). Choose another %2 name.", name, what));
    return {};
}

} // namespace plexus

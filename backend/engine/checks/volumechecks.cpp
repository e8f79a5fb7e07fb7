// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Checks the volume operations share: what may hold a filesystem or a physical
// volume (a disk or partition, a running array, a logical volume), volume groups,
// logical volumes and LVM's names.
#include "engine/validator.h"

#include "refusal.h"
#include "model/describe.h"

#include <QRegularExpression>
#include <QSet>

namespace plexus {

namespace {

Status checkSeen(const DeviceSpec &spec, const QString &identity, qint64 sizeBytes, const QString &what)
{
    if (spec.identity.isEmpty())
        return invalid(QStringLiteral("The request names %1 without its identity (%2) and size, so the helper cannot tell it is the one "
                                      "you chose. Choose it again.").arg(spec.path, what));
    if (spec.identity != identity && !sameUuid(spec.identity, identity))
        return notFound(QStringLiteral("%1 is now %2, not %3 as you chose it. Choose it again.").arg(spec.path, identity, spec.identity));
    if (qint64(spec.sizeBytes) != sizeBytes)
        return notFound(QStringLiteral("%1 is %2 now, not %3 as you chose it. Choose it again.")
                            .arg(spec.path, humanSize(sizeBytes), humanSize(qint64(spec.sizeBytes))));
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
        if (Status s = checkSeen(spec, a->uuid, a->sizeKib.value_or(0) * 1024, QStringLiteral("the array's UUID")); !s)
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
        return invalid(QStringLiteral("%1 (%2) is not an active logical volume. Give one as /dev/GROUP/VOLUME (plexusctl status lists them).")
                           .arg(spec.path, node.kernelName));
    if (Status s = checkSeen(spec, v->vgName + QLatin1Char('/') + v->name, v->sizeBytes, QStringLiteral("VG/LV")); !s)
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
    const QString use = usageOf(dev.name);
    if (!use.isEmpty()) {
        QString advice = QStringLiteral("Stop using it first");
        if (use.startsWith(QLatin1String("is mounted")))
            advice = QStringLiteral("Unmount it first");
        else if (use.startsWith(QLatin1String("is active swap")))
            advice = QStringLiteral("Turn it off first (swapoff %1)").arg(dev.path);
        return inUse(QStringLiteral("%1 %2. %3, or choose another device.").arg(dev.path, use, advice));
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
    return invalid(QStringLiteral("%1 holds %2. Writing over it destroys that data: say overwrite if it may go, or choose another device.")
                       .arg(dev.path, describeContents(fsType, label)));
}

Status Validator::resolvePhysicalVolumes(const DeviceSpecList &specs, bool overwrite, const CommonOptions &common,
                                         QList<ResolvedDevice> *out) const
{
    if (specs.isEmpty())
        return invalid(QStringLiteral("Name at least one array or partition for the volume group."));
    QSet<QString> seen;
    for (const DeviceSpec &spec : specs) {
        ResolvedDevice dev;
        if (Status s = resolveBlock(spec, &dev); !s)
            return s;
        if (seen.contains(dev.name))
            return invalid(QStringLiteral("%1 is named twice in the request.").arg(dev.path));
        seen.insert(dev.name);
        if (dev.kind == ResolvedDevice::Volume)
            return invalid(QStringLiteral("%1 is itself a logical volume: LVM inside LVM only hides where the data is. Give an array or a "
                                          "partition.").arg(dev.path));
        if (Status s = checkBlockFree(dev, {overwrite, common.allowSystemDisk}); !s)
            return s;
        out->append(dev);
    }
    return {};
}

Status Validator::resolveVolumeGroup(const QString &name, const VolumeGroup **out) const
{
    if (Status s = checkLvmName(name, QStringLiteral("volume group")); !s)
        return s;
    *out = m_snap.volumeGroup(name);
    if (!*out)
        return notFound(QStringLiteral("There is no volume group %1. plexusctl status lists the volume groups.").arg(name));
    return {};
}

Status Validator::checkGrowsInPlace(const ResolvedDevice &dev, const LogicalVolume &lv)
{
    // Anything else would be left the old size inside a bigger volume, which
    // looks like lost space.
    if (!lv.fsType.isEmpty() && lv.fsType != QLatin1String("ext4") && lv.fsType != QLatin1String("xfs"))
        return invalid(QStringLiteral("%1 holds %2, which Plexus does not grow in place (ext4 and xfs grow). %3")
                           .arg(dev.path, describeContents(lv.fsType, lv.fsLabel),
                                lv.fsType == QLatin1String("swap") ? QStringLiteral("Make a new swap volume instead.") : QString()).trimmed());
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
        return invalid(QStringLiteral("'%1' is not a usable %2 name: use a letter or digit, then up to 63 letters, digits, '+', '_', '.' or "
                                      "'-', for example data.").arg(name, what));
    if (reserved.match(name).hasMatch())
        return invalid(QStringLiteral("'%1' looks like a name LVM keeps for itself (snapshot, pvmove, _rimage, ...). Choose another %2 name.").arg(name, what));
    return {};
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "lvmprobe.h"
#include "udevdb.h"
#include "blockdev_c.h"
#include "blockdevlib.h"
#include "textfile.h"
#include "model/volumedetails.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <unistd.h>

namespace plexus {

namespace {

// LVM's own sub-volumes (RAID images, metadata, thin pool parts): not shown as LVs.
bool isHiddenLv(const QString &lvName, const QString &dmUuid)
{
    static const QRegularExpression internal(QStringLiteral(
        "_(rimage|rmeta|mimage|mlog|tdata|tmeta|cdata|cmeta|corig|vorigin|pmspare|vdata)(_\\d+)?$"));
    // Snapshot and origin helpers carry a suffix after the 68-char LVM uuid.
    return internal.match(lvName).hasMatch() || dmUuid.size() > 68;
}

QString kernelName(const char *devPath)
{
    const QString path = QFileInfo(QString::fromUtf8(devPath)).canonicalFilePath();
    return path.startsWith(QLatin1String("/dev/")) ? path.mid(5) : QString::fromUtf8(devPath);
}

} // namespace

LvmProbe::LvmProbe(const QString &root, bool useTools)
    : m_root(root == QLatin1String("/") ? QString() : root), m_useTools(useTools) {}

std::pair<QString, QString> LvmProbe::splitDmName(const QString &dmName)
{
    for (int i = 0; i < dmName.size(); ++i) {
        if (dmName[i] != QLatin1Char('-'))
            continue;
        if (i + 1 < dmName.size() && dmName[i + 1] == QLatin1Char('-')) {
            ++i; // an escaped dash
            continue;
        }
        auto unescape = [](QString s) { return s.replace(QStringLiteral("--"), QStringLiteral("-")); };
        return {unescape(dmName.left(i)), unescape(dmName.mid(i + 1))};
    }
    return {QString(), dmName};
}

QStringList LvmProbe::physicalDevices(const QString &blockName) const
{
    const QString slavesDir = m_root + QStringLiteral("/sys/block/") + blockName + QStringLiteral("/slaves");
    const QStringList slaves = listDir(slavesDir);
    if (!blockName.startsWith(QLatin1String("dm-")))
        return {blockName};
    QStringList result;
    for (const QString &s : slaves)
        for (const QString &p : physicalDevices(s))
            if (!result.contains(p))
                result.append(p);
    return result;
}

QList<VolumeGroup> LvmProbe::fromSysfs() const
{
    QList<VolumeGroup> vgs;
    const QString sys = m_root + QStringLiteral("/sys/block/");
    for (const QString &name : listDir(sys)) {
        if (!name.startsWith(QLatin1String("dm-")))
            continue;
        const QString uuid = readTrimmed(sys + name + QStringLiteral("/dm/uuid")).value_or(QString());
        if (!uuid.startsWith(QLatin1String("LVM-")))
            continue;
        const auto [vgName, lvName] = splitDmName(readTrimmed(sys + name + QStringLiteral("/dm/name")).value_or(QString()));
        if (vgName.isEmpty())
            continue;
        VolumeGroup &vg = volumeGroupNamed(vgs, vgName);
        for (const QString &pv : physicalDevices(name)) {
            const bool known = std::any_of(vg.physicalVolumes.begin(), vg.physicalVolumes.end(),
                                           [&](const PhysicalVolume &p) { return p.device == pv; });
            if (!known)
                vg.physicalVolumes.append(PhysicalVolume{pv, vgName, readNumber(sys + pv + QStringLiteral("/size")).value_or(0) * 512, std::nullopt});
        }
        if (isHiddenLv(lvName, uuid))
            continue;
        LogicalVolume lv;
        lv.name = lvName;
        lv.vgName = vgName;
        lv.device = name;
        lv.sizeBytes = readNumber(sys + name + QStringLiteral("/size")).value_or(0) * 512;
        lv.active = true;
        const auto udev = udevProperties(m_root, sys + name);
        lv.fsType = udev.value(QStringLiteral("ID_FS_TYPE"));
        lv.fsLabel = udev.value(QStringLiteral("ID_FS_LABEL"));
        vg.logicalVolumes.append(lv);
    }
    return vgs;
}

bool LvmProbe::fromTools(QList<VolumeGroup> *vgs, QStringList *warnings) const
{
    QString initError;
    if (!ensureBlockdev(&initError) || !blockdevPluginAvailable("lvm")) {
        if (warnings)
            warnings->append(QStringLiteral("LVM details unavailable (libblockdev lvm plugin: %1)").arg(initError));
        return false;
    }
    GError *err = nullptr;
    BDLVMPVdata **pvs = bd_lvm_pvs(&err);
    if (!pvs) {
        if (warnings)
            warnings->append(QStringLiteral("could not list LVM physical volumes: %1").arg(err ? QString::fromUtf8(err->message) : QString()));
        g_clear_error(&err);
        return false;
    }
    QHash<QString, qint64> extentBytes; // per group: segments are counted in extents
    for (BDLVMPVdata **p = pvs; *p; ++p) {
        if ((*p)->vg_name) { // else a PV not yet in a group
            VolumeGroup &vg = volumeGroupNamed(*vgs, QString::fromUtf8((*p)->vg_name));
            vg.uuid = QString::fromUtf8((*p)->vg_uuid);
            vg.sizeBytes = qint64((*p)->vg_size);
            vg.freeBytes = qint64((*p)->vg_free);
            extentBytes.insert(vg.name, qint64((*p)->vg_extent_size));
            vg.physicalVolumes.append(PhysicalVolume{kernelName((*p)->pv_name), vg.name, qint64((*p)->pv_size), qint64((*p)->pv_free)});
        }
        bd_lvm_pvdata_free(*p);
    }
    g_free(pvs);

    // The tree variant also tells each volume's segments (which device, how many extents).
    BDLVMLVdata **lvs = bd_lvm_lvs_tree(nullptr, &err);
    if (!lvs) {
        g_clear_error(&err);
        return true;
    }
    for (BDLVMLVdata **l = lvs; *l; ++l) {
        const QString lvName = QString::fromUtf8((*l)->lv_name);
        // LVM lists hidden sub-volumes in brackets: "[lv_rimage_0]".
        if (!lvName.startsWith(QLatin1Char('[')) && !isHiddenLv(lvName, QString())) {
            VolumeGroup &vg = volumeGroupNamed(*vgs, QString::fromUtf8((*l)->vg_name));
            LogicalVolume lv{lvName, vg.name, QString(), qint64((*l)->size), QString::fromUtf8((*l)->segtype), false};
            for (BDLVMSEGdata **seg = (*l)->segs; seg && *seg; ++seg)
                lv.segments << VolumeSegment{kernelName((*seg)->pvdev), qint64((*seg)->size_pe) * extentBytes.value(vg.name)};
            vg.logicalVolumes.append(lv);
        }
        bd_lvm_lvdata_free(*l);
    }
    g_free(lvs);
    return true;
}

QList<VolumeGroup> LvmProbe::volumeGroups(QStringList *warnings) const
{
    QList<VolumeGroup> vgs = fromSysfs();
    // LVM's tools need root and only describe the live system, never a fixture tree.
    if (m_useTools && m_root.isEmpty() && geteuid() == 0) {
        QList<VolumeGroup> tools;
        if (fromTools(&tools, warnings))
            mergeVolumeDetails(&vgs, tools);
    }
    for (VolumeGroup &vg : vgs) {
        if (!vg.sizeBytes) {
            qint64 sum = 0;
            for (const PhysicalVolume &pv : vg.physicalVolumes)
                sum += pv.sizeBytes;
            vg.sizeBytes = sum;
        }
    }
    std::sort(vgs.begin(), vgs.end(), [](const VolumeGroup &a, const VolumeGroup &b) { return a.name < b.name; });
    return vgs;
}

} // namespace plexus

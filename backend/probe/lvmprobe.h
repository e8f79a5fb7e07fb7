// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// LVM volume groups, physical and logical volumes.
// Without root, LVM's tools can't read metadata, so the active picture comes from
// device-mapper in sysfs (ROOT/sys/block/dm-*/dm/{name,uuid}, slaves/); as root on
// the live system, libblockdev's lvm plugin adds sizes, free space and inactive LVs.

#include "model/blockdevice.h"

namespace plexus {

class LvmProbe
{
public:
    // useTools: as root on the live system, also ask LVM's tools (slow: they run lvm).
    explicit LvmProbe(const QString &root = QStringLiteral("/"), bool useTools = true);
    QList<VolumeGroup> volumeGroups(QStringList *warnings = nullptr) const;

    // "vg--a-lv" -> {"vg-a", "lv"}: device-mapper doubles dashes inside names.
    static std::pair<QString, QString> splitDmName(const QString &dmName);

private:
    QList<VolumeGroup> fromSysfs() const;
    // What LVM's tools say (root, live system only); false when they could not be asked.
    bool fromTools(QList<VolumeGroup> *vgs, QStringList *warnings) const;
    QStringList physicalDevices(const QString &blockName) const;
    QString m_root;
    bool m_useTools;
};

} // namespace plexus

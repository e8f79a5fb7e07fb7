// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Steps the volume plans share: filesystems (mkfs), LVM physical volumes, volume
// groups and logical volumes. Each runs the tool an administrator would type,
// with -y where LVM would otherwise ask (validation has already asked the user),
// and checks afterwards that the device now holds what the step promised.

#include "engine/plan.h"
#include "engine/validator.h"

namespace plexus {

// The filesystems Plexus makes: ext4, xfs, swap and vfat (for an EFI system partition).
QStringList filesystemTypes();
// The largest label each filesystem takes (ext4 16, xfs 12, swap 15, vfat 11).
int maxLabelLength(const QString &fsType);

// What a block device holds now, as blkid reads it from the device: "ext4", "LVM2_member", ...
QString probedContents(const QString &path);

// mkfs.TYPE DEV (with -L LABEL, and the filesystem UUID `uuid`, a vfat volume
// id "1A2B-3C4D" for vfat, when given); the check reads the new signature back.
Step makeFilesystemStep(const QString &path, const QString &fsType, const QString &label, const QString &uuid = {});
// pvcreate DEV
Step createPhysicalVolumeStep(const ResolvedDevice &dev);
// pvcreate for each device into `plan`, which holds them O_EXCL until then;
// returns their total size and adds "/dev/md0 (1.0 GiB)" for each to `shown`.
qint64 addPhysicalVolumeSteps(const QList<ResolvedDevice> &devices, Plan *plan, QStringList *shown);
// vgcreate NAME DEV... / vgextend NAME DEV...
Step createVolumeGroupStep(const QString &name, const QList<ResolvedDevice> &devices);
Step extendVolumeGroupStep(const QString &name, const QList<ResolvedDevice> &devices);

// The size a logical volume gets: bytes, or all the free space left in its group.
struct VolumeSize {
    quint64 bytes = 0;   // 0: all of the group's free space
    QStringList lvmArguments() const; // -L 104857600b, or -l 100%FREE
    QString words() const;            // "100 MiB", "all the free space"
};

// lvcreate -n NAME SIZE [-i STRIPES -I KIB] VG
Step createVolumeStep(const QString &group, const QString &name, const VolumeSize &size, int stripes, int stripeKib);
// lvextend --resizefs SIZE VG/LV: the filesystem grows with it, mounted or not.
Step growVolumeStep(const ResolvedDevice &volume, const VolumeSize &size, bool withFilesystem);
// lvreduce --resizefs --fsmode nochange -L SIZE VG/LV (ext4, unmounted), or
// lvreduce -y -L SIZE VG/LV for a volume without a filesystem.
Step shrinkVolumeStep(const ResolvedDevice &volume, qint64 size, bool withFilesystem);
// pvresize DEV: the physical volume fills its device again (after the array grew);
// the check: pv_size has grown past `beforeBytes`.
Step resizePhysicalVolumeStep(const QString &path, qint64 beforeBytes);
// lvremove VG/LV
Step removeVolumeStep(const QString &group, const QString &name);
// vgremove VG (its volumes with it), then pvremove for each of its devices.
Step removeVolumeGroupStep(const QString &group, bool withVolumes);
Step removePhysicalVolumeStep(const QString &path);
// pvmove -i 5 DEV: its extents onto the group's other devices, with progress.
Step moveExtentsStep(const QString &path, qint64 usedBytes);
// vgreduce VG DEV
Step reduceVolumeGroupStep(const QString &group, const QString &path);

} // namespace plexus

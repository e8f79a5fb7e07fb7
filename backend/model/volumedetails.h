// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What LVM's tools add to the picture sysfs gives of volume groups, and how it
// travels from plexus-helper (root) to a window that is not root.
//
// Without root, sysfs shows the active volumes and the devices under them; LVM's
// tools (which read the metadata on the devices, so need root) add sizes, free
// space, inactive volumes and where each volume lies. The helper answers
// VolumeGroups() with those figures as flat rows, so they marshal as plain
// a{sv} dictionaries, and the window merges them into its own snapshot.

#include "snapshot.h"

#include <QVariantMap>

namespace plexus {

// The group called `name` in `groups`, added (empty) when there is none.
VolumeGroup &volumeGroupNamed(QList<VolumeGroup> &groups, const QString &name);

// `shown` (from sysfs) with what `fromTools` says: group uuid, size and free
// space, each device's size and free space, each volume's size, segment type and
// segments; volumes only the tools know (inactive) are added, inactive. Groups
// the tools do not know are kept as sysfs shows them; fields sysfs knows better
// (which volumes are active, their kernel names and filesystems) are kept.
void mergeVolumeDetails(QList<VolumeGroup> *shown, const QList<VolumeGroup> &fromTools);

// `probed` with `fromTools` merged into its volume groups (a copy; snapshots are immutable).
SnapshotPtr withVolumeDetails(const SnapshotPtr &probed, const QList<VolumeGroup> &fromTools);

// Whether anything in `s` is LVM's: a volume group, or a device whose contents
// udev calls LVM2_member (a group with no active volume shows only that way).
bool holdsLvm(const Snapshot &s);
// What sysfs and udev show of LVM, as one string: when it changes, what LVM's
// tools said before is out of date.
QString lvmShape(const Snapshot &s);

// One row per group ("kind": "group"), device ("device"), volume ("volume") and
// segment ("segment"), each naming its group; see org.plexus.Helper1.xml.
QList<QVariantMap> volumeRows(const QList<VolumeGroup> &groups);
// The groups back from rows; rows of an unknown kind or without a group are skipped.
QList<VolumeGroup> volumeGroupsFromRows(const QList<QVariantMap> &rows);

} // namespace plexus

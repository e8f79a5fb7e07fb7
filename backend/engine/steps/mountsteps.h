// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Steps that make a new volume's filesystem part of the machine: its mount
// point, its line in /etc/fstab and the mount itself; and the step that takes
// a volume's lines out of /etc/fstab when the volume goes (a line for a device
// that is gone stops the next boot in emergency mode).

#include "engine/plan.h"
#include "engine/textedits.h"

namespace plexus {

// "/dev/mapper/vg-data": device-mapper's name for the logical volume, stable
// across boots; a '-' in either name is doubled, as LVM does.
QString mapperPath(const QString &group, const QString &name);
// The names an fstab line may give the volume by: its /dev/mapper and /dev/VG/LV
// paths, and UUID= and LABEL= of its filesystem when it has them.
QStringList fstabNamesOf(const QString &group, const QString &name, const QString &fsUuid, const QString &fsLabel);
// "/dev/mapper/vg-data /srv/data ext4 defaults 0 2"
QByteArray fstabLine(const QString &device, const QString &mountPoint, const QString &fsType);

// mkdir -p PATH, one directory at a time, never through a symbolic link; undo
// removes the directories it made while they are still empty.
Step makeMountPointStep(const QString &path);
// The line for `device` on `path` added to /etc/fstab (written whole to a new
// file, then renamed over it), then systemctl daemon-reload when systemd runs;
// undo takes exactly that line out again.
Step addFstabLineStep(const QString &device, const QString &path, const QString &fsType);
// "srv-data.mount": the unit systemd makes of the fstab line for `path`.
QString mountUnitName(const QString &path);
// systemctl start UNIT (mount PATH without systemd): mounted as /etc/fstab
// says; the check: `device` is mounted there. Undo: systemctl stop (umount).
Step mountStep(const QString &device, const QString &path);
// "on /srv/data and as swap: those lines go too, ...": for a plan's notes.
QString fstabUsesWords(const QList<FstabEntry> &entries);
// The entries leave /etc/fstab, every other line kept.
Step removeFstabEntriesStep(const QList<FstabEntry> &entries);

} // namespace plexus

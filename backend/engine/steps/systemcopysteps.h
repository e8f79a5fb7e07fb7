// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Steps that copy the running system onto new filesystems and make the copy
// start by itself (MirrorSystem): mount the copy, copy files, check the copy,
// edit its configuration, run its own tools in a chroot of it, and check after
// a restart that the system runs from where it should.

#include "engine/plan.h"

#include <QMap>

namespace plexus {

// mkdir DIR (only root may write its parent), then mount DEVICE on it. Undo: umount.
Step mountCopyStep(const QString &device, const QString &dir);
// The filesystem on DEVICE (mounted on `mountPoint`) mounted once more on
// `source`, so that the copy sees all of it and nothing mounted over it (the
// helper's own sandbox hides /home and /root; a mount point hides the files
// under it); then rsync -aHAXx --numeric-ids --delete SOURCE/ TO/, twice: the
// second pass, after sync, takes what changed during the first. The two trees
// are compared: how many entries, and checksums of a sample of files that did
// not change meanwhile. FAT (`fsType` vfat) keeps no owners, links, ACLs or
// extended attributes: its files and times only (rsync -rtx).
Step copyFilesStep(const QString &device, const QString &fsType, const QString &mountPoint, const QString &source, const QString &to);
// mdadm --detail --scan for `arrays`, merged into the copy's mdadm.conf
// (`conf`, an absolute path inside the system: "/etc/mdadm/mdadm.conf").
Step writeCopyMdadmConfStep(const QString &target, const QString &conf, const QStringList &arrays);
// The copy names its filesystems by their new UUIDs: /etc/fstab's sources for
// them (UUID=, LABEL=, /dev/...) become UUID=NEW, and UUID=OLD becomes
// UUID=NEW in the initramfs's resume setting and GRUB's defaults.
// `sources`: each fstab source to replace -> its new source; `uuids`: OLD -> NEW.
Step pointCopyAtArraysStep(const QString &target, const QMap<QString, QString> &sources, const QMap<QString, QString> &uuids);
// /dev, /proc, /sys and /run/udev of the running system inside the copy, for
// its tools (grub-probe asks udev about devices).
Step bindSystemStep(const QString &target);
// chroot TARGET ARGV...: the copy's own tool, on the copy.
Step inCopyStep(const QString &target, const QStringList &argv, const QString &description);
// umount -R TARGET
Step unmountCopyStep(const QString &target);
// After the restart: / is on `device` now (a mirror, or a volume on one; not the old disk, started
// again by mistake): nothing else may touch the old disk otherwise.
Step checkRunsFromStep(const QString &device, const QString &oldDevice);
// Plan::handOver for a plan whose restart starts the copy: mounts `device`
// (the copy's /) on `target`, puts the job's journal (JOB.jsonl and JOB.d/) at
// the same place in the copy, and unmounts it again. The copy's own journal
// is as old as the copy's last pass; the system it becomes must see the job
// waiting for the restart, to go on with it.
std::function<Status(const QString &, const QString &)> journalHandOver(const QString &device, const QString &target);
} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Pure text transformations the engine applies to configuration (unit-tested).

#include <QByteArray>
#include <QMap>
#include <QList>
#include <QStringList>
#include <functional>

namespace plexus {

// mdadm.conf with its ARRAY lines (and their indented continuation lines)
// replaced by the ARRAY lines of `scan` (the output of `mdadm --detail --scan`;
// anything else in it is ignored). Every other line is
// kept where it was; the new ARRAY lines go where the first old one was, or at the
// end under a comment when there was none.
QByteArray mergeMdadmConf(const QByteArray &conf, const QByteArray &scan, const QString &stamp);

// An `sfdisk --dump` made fit to write onto another disk: the disk's and the
// partitions' identifiers (label-id, uuid=) and the source's device and last-lba
// lines are dropped, so the copy gets identifiers of its own and the whole disk.
QByteArray sanitizeSfdiskDump(const QByteArray &dump);

// One entry of /etc/fstab, its fields with fstab's octal escapes (\040) decoded.
struct FstabEntry {
    QString source;      // "/dev/mapper/vg-data", "UUID=...", "LABEL=..."
    QString mountPoint;
    QString type;
    QString line;        // the whole line as written, for putting it back
};
// The entries of an fstab; comments and blank lines are not entries.
QList<FstabEntry> fstabEntries(const QByteArray &fstab);
// Whether an entry's source names the device by one of `names` ("/dev/vg/lv",
// "UUID=..."); UUIDs compared without regard to case, as mount does.
bool fstabSourceIsOneOf(const QString &source, const QStringList &names);
// The fstab with `line` added at the end; every other byte kept as it was.
QByteArray appendFstabLine(const QByteArray &fstab, const QByteArray &line);
// The fstab without the entries `matches` picks; every other line kept as it was.
QByteArray removeFstabEntries(const QByteArray &fstab, const std::function<bool(const FstabEntry &)> &matches);

// The fstab with the source of each entry for which `newSource` says one
// ("UUID=..."; empty: keep it) replaced; every other byte kept as it was.
QByteArray rewriteFstabSources(const QByteArray &fstab, const std::function<QString(const FstabEntry &)> &newSource);
// `text` with each "UUID=OLD" (any case) of `uuids` (OLD -> NEW) made "UUID=NEW":
// an initramfs's RESUME=, a kernel command line's resume=.
QByteArray replaceUuids(const QByteArray &text, const QMap<QString, QString> &uuids);
// A sanitized `sfdisk --dump` with the partitions numbered `numbers` typed
// Linux RAID (GPT's A19D880F-05FC-4D3B-A006-743F0F84911E, MBR's fd).
QByteArray raidTypedDump(const QByteArray &dump, const QList<int> &numbers);

} // namespace plexus

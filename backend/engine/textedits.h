// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Pure text transformations the engine applies to configuration (unit-tested).

#include <QByteArray>
#include <QString>

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

} // namespace plexus

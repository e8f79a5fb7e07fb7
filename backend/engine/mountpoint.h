// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Where the helper (root, on a shared machine) may mount a new filesystem, and
// making that directory. It never resolves a path a user controls: every
// directory from / down to the mount point must be a real directory (no
// symbolic link) that only its owner, root, can change, so nobody else can
// swap a component for a link between a check and its use. Each function takes
// a root prefix (the live system: "") and the owner required (root: 0), so unit
// tests can use a temporary directory of their own.

#include "status.h"

#include <QStringList>

#include <sys/types.h>

namespace plexus {

// The path as words: absolute and clean (QDir::cleanPath leaves it as it is),
// not "/", without whitespace, control characters, '\' or '#' (fstab's own
// syntax), and not in /proc, /sys, /dev, /run, /tmp or /var/tmp.
Status checkMountPointWords(const QString &path);

// Under `root`: each existing directory from / down to `path` is a directory
// (lstat: not a symbolic link), owned by `owner` and writable by nobody else
// (no group or other write); `path` itself is absent or an empty directory.
Status checkMountPointDirectories(const QString &root, const QString &path, uid_t owner);

// mkdir -p under `root`, each missing component made with mkdirat (0755) in
// its parent opened O_NOFOLLOW|O_DIRECTORY, after the same checks as
// checkMountPointDirectories; `created` gets the paths it made, outermost first.
Status makeMountPointDirectories(const QString &root, const QString &path, uid_t owner, QStringList *created);

} // namespace plexus

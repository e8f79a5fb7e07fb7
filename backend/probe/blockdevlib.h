// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// One place that loads libblockdev's plugins (mdraid, lvm, part, fs) once per process.
// Include <blockdev/...> headers only through blockdev_c.h (they need extern "C").

#include <QString>

namespace plexus {

// Loads the plugins on first use. Returns false with the reason when libblockdev
// cannot be initialised; plugins that fail to load are reported by pluginAvailable().
bool ensureBlockdev(QString *error = nullptr);
bool blockdevPluginAvailable(const char *pluginName); // "lvm", "mdraid", "part", "fs"

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
#include <QStringList>

namespace plexus {
// `plexusctl locate DISK [--root DIR]`: what to look for to find DISK (or the
// disk holding partition DISK) in the machine (model/locate.h); the exit code.
int runLocateCommand(const QStringList &args);
}

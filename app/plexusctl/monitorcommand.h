// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
#include <QStringList>

namespace plexus {
// `plexusctl monitor [--json] [--exec PROGRAM] [--no-progress] [--root DIR]`:
// prints one line per storage event until interrupted; returns the exit code.
int runMonitorCommand(const QStringList &args);
}

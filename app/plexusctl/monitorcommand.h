// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
#include <QStringList>

namespace plexus {
// `plexusctl monitor [--json] [--no-progress] [--exec PROGRAM] [--journal]
// [--mail ADDRESS] [--mail-from ADDRESS] [--mdadm-conf FILE] [--root DIR]`:
// prints one line per storage event until interrupted, and alerts as asked
// (monitoralerts.h); returns the exit code.
int runMonitorCommand(const QStringList &args);
}

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
#include <QStringList>

namespace plexus {
// `plexusctl history [--array NAME] [--device NAME] [--since WHEN] [--lines N]
// [--json]`: the events the system journal kept (journalhistory.h), oldest
// first, in `plexusctl monitor`'s words; returns the exit code.
int runHistoryCommand(const QStringList &args);
}

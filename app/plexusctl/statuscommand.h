// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
#include <QStringList>

namespace plexus {
// `plexusctl status [--json] [--mdstat FILE|-] [--root DIR] [--cross-check]`; returns the exit code.
int runStatusCommand(const QStringList &args);
}

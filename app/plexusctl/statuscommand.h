#pragma once
#include <QStringList>

namespace plexus {
// `plexusctl status [--json] [--mdstat FILE|-] [--root DIR] [--cross-check]`; returns the exit code.
int runStatusCommand(const QStringList &args);
}

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// plexusctl's commands that change things: each one calls plexus-helper over the
// system bus (polkit decides who may), after resolving the identity of every
// device it names from plexusctl's own snapshot of the machine.

#include <QString>
#include <QStringList>

namespace plexus {

bool isHelperCommand(const QString &command);
QStringList helperCommandNames();
// `plexusctl COMMAND ...`; returns the exit code (see helperExitCodes()).
int runHelperCommand(const QStringList &args);
// The lines main's usage lists for these commands, and the exit codes.
QString helperCommandsUsage();
QString helperExitCodes();

} // namespace plexus

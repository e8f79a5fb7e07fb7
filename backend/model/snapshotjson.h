// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The stable JSON form of a Snapshot (`plexusctl status --json`), schema
// "plexus.status/1", documented in README.md. Fields are only ever added.

#include "snapshot.h"

#include <QJsonObject>

namespace plexus {

enum class SnapshotSource { System, Mdstat };

QJsonObject arrayToJson(const Array &a);
QJsonObject snapshotToJson(const Snapshot &s, SnapshotSource source);

} // namespace plexus

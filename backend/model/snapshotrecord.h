// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A snapshot kept whole in a job's journal, so that a plan can be rebuilt later
// exactly as it was first made (engine/unfinished.h). Unlike the stable status
// JSON (snapshotjson.h, for people and scripts), this form is internal: every
// field of the model, written and read from one field list per type, so the two
// directions cannot drift apart.

#include "snapshot.h"

#include <QJsonObject>

namespace plexus {

QJsonObject recordSnapshot(const Snapshot &snapshot);
Snapshot restoreSnapshot(const QJsonObject &record);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The filesystem a creating request may ask for on what it makes (CreateArray,
// CreateVolume, CreateVolumeGroup): none (and then no label), or one Plexus
// makes, with a label it takes and, given a size, one it fits in.

#include "engine/status.h"

namespace plexus {

Status checkOptionalFilesystem(const QString &type, const QString &label, qint64 sizeBytes = -1, const QString &device = {});

} // namespace plexus

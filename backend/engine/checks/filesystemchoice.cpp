// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "filesystemchoice.h"
#include "refusal.h"

#include "engine/ops/makefilesystem.h"

#include <KLocalizedString>

namespace plexus {

Status checkOptionalFilesystem(const QString &type, const QString &label, qint64 sizeBytes, const QString &device)
{
    if (!type.isEmpty())
        return checkFilesystemChoice(type, label, sizeBytes, device);
    if (!label.isEmpty())
        return invalid(mi18n("A label belongs to a filesystem: choose one (filesystem), or leave the label out."));
    return {};
}

} // namespace plexus

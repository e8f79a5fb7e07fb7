// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "makefilesystem.h"

#include "engine/checks/refusal.h"
#include "model/describe.h"

#include <QRegularExpression>

#include <KLocalizedString>

namespace plexus {

QString MakeFilesystemRequest::title() const
{
    return i18nc("an operation's title; %1 a filesystem type (ext4, xfs, swap, vfat), %2 a device", "Make %1 on %2", type, deviceName(device.path));
}

namespace {
// xfsprogs 5.19 and later refuse filesystems under 300 MiB.
constexpr qint64 xfsMinimumBytes = 300ll << 20;
} // namespace

Status checkFilesystemChoice(const QString &type, const QString &label, qint64 sizeBytes, const QString &device)
{
    if (!filesystemTypes().contains(type))
        return invalid(mi18nc("%1 what was given, %2 the filesystem types (ext4, xfs, swap, vfat)", "'%1' is not a filesystem Plexus makes. Choose %2.", type,
                             filesystemTypes().join(QStringLiteral(", "))));
    // Labels end up in fstab lines and /dev/disk/by-label: plain characters only.
    static const QRegularExpression labelRe(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9 _.+-]*$"));
    if (!label.isEmpty() && !labelRe.match(label).hasMatch())
        return invalid(mi18nc("%1 what was given",
                             "'%1' is not a usable label: use letters, digits, spaces, '_', '.', '+' or '-', beginning with a letter, "
                             "digit or '_'.",
                             label));
    if (label.size() > maxLabelLength(type))
        return invalid(mi18nc("%1 a label, %2 its length, %3 a filesystem type (ext4), %4 the most it takes", "The label '%1' is %2 characters long; %3 takes at most %4.",
                             label, QString::number(label.size()), type, QString::number(maxLabelLength(type))));
    if (type == QLatin1String("xfs") && sizeBytes >= 0 && sizeBytes < xfsMinimumBytes)
        return tooSmall(mi18nc("%1 a device, %2 its size, %3 a size", "%1 is %2: xfs needs at least %3. Choose ext4, or a larger device.", device,
                              humanSize(sizeBytes), humanSize(xfsMinimumBytes)));
    return {};
}

Status validate(const Validator &checks, const MakeFilesystemRequest &r, ValidMakeFilesystem *out)
{
    *out = {};
    if (Status s = checkFilesystemChoice(r.type, r.label); !s)
        return s;
    ResolvedDevice dev;
    if (Status s = checks.resolveBlock(r.device, &dev); !s)
        return s;
    if (Status s = checkFilesystemChoice(r.type, r.label, dev.sizeBytes, dev.path); !s)
        return s;
    if (Status s = checks.checkBlockFree(dev, {r.overwrite, r.common.allowSystemDisk}); !s)
        return s;
    out->device = dev;
    out->type = r.type;
    out->label = r.label;
    return {};
}

Plan makePlan(const ValidMakeFilesystem &v)
{
    Plan plan;
    plan.summary = v.type == QLatin1String("swap")
        ? i18nc("%1 a device with its size", "Make swap space on %1.", v.device.display())
        : i18nc("%1 a filesystem type (ext4, xfs, vfat), %2 a device with its size", "Make %1 on %2.", v.type, v.device.display());
    plan.notes << i18nc("%1 a device", "Whatever %1 held before is gone afterwards.", v.device.path);
    plan.steps << makeFilesystemStep(v.device.path, v.type, v.label);
    plan.exclusive = {v.device.path};
    return plan;
}

} // namespace plexus

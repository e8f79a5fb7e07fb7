// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "openbackup.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/mdsuperblock.h"

#include <KLocalizedString>

namespace plexus {

QString OpenBackupRequest::title() const
{
    return i18nc("an operation's title; %1 a device", "Open the backup on %1", deviceName(device.path));
}

using namespace actions;

Status validate(const Validator &checks, const OpenBackupRequest &r, ValidOpenBackup *out)
{
    *out = {};
    ResolvedDevice dev;
    if (Status s = checks.resolve(r.device, &dev); !s)
        return s;
    if (const auto arrays = checks.snapshot().arraysUsing(dev.name); !arrays.isEmpty())
        return invalid(mi18nc("%1 a device, %2 an array; keep back-up (a command)",
                             "%1 is a member of the running array %2, not a copy cut off from it. Back it up to a device first (back-up).", dev.path,
                             QStringLiteral("/dev/") + arrays.first()->name));
    if (const QStringList loops = checks.system().loopsOver(dev.name); !loops.isEmpty())
        return Status::failure(ErrorCode::InUse, mi18nc("%1 a device, %2 a loop device name (loop0)", "The backup on %1 is open already, as /dev/%2.", dev.path, loops.first()));
    const auto sb = parseExamine(dev.path, checks.system().mdExamine(dev.name));
    if (!sb || sb->dataOffsetBytes <= 0 || sb->arraySizeBytes <= 0)
        return invalid(mi18nc("%1 a device",
                             "%1 carries no md superblock (1.x metadata) telling where a mirror's data lies on it: it is not a "
                             "backup copy Plexus can open.",
                             dev.path));
    if (sb->dataOffsetBytes + sb->arraySizeBytes > dev.sizeBytes)
        return invalid(mi18nc("%1 a device, %2 its size, %3 the copy's size, %4 where the copy starts on it (a size)",
                             "%1 is smaller (%2) than the copy its superblock describes (%3 from %4): it is not a whole copy.", dev.path,
                             humanSize(dev.sizeBytes), humanSize(sb->arraySizeBytes), humanSize(sb->dataOffsetBytes)));
    out->device = dev;
    out->array = sb->arrayUuid;
    out->offsetBytes = sb->dataOffsetBytes;
    out->sizeBytes = sb->arraySizeBytes;
    return {};
}

Plan makePlan(const ValidOpenBackup &v)
{
    Plan plan;
    plan.summary = i18nc("%1 a device, %2 a size", "Open the backup copy on %1 read-only: a loop device over its %2 of data, to mount read-only.",
                         v.device.path, humanSize(v.sizeBytes));
    Step s;
    s.description = i18nc("%1 a device, %2 the size of the data, %3 where the data starts on it (a size)",
                          "Set up a read-only loop device over the data on %1 (%2 from %3 in)", v.device.path, humanSize(v.sizeBytes),
                          humanSize(v.offsetBytes));
    s.command = {QStringLiteral("losetup"), QStringLiteral("--find"), QStringLiteral("--show"), QStringLiteral("--read-only"),
                 QStringLiteral("--offset=%1").arg(v.offsetBytes), QStringLiteral("--sizelimit=%1").arg(v.sizeBytes), v.device.path};
    const QStringList argv = s.command;
    s.action = [argv](StepContext &ctx) {
        QByteArray out;
        if (Status st = run(ctx, argv, {}, &out); !st)
            return st;
        const QString loop = QString::fromUtf8(out).trimmed();
        udevSettle(ctx);
        return Status::success(i18nc("what a step did; %1 a loop device (/dev/loop0); keep the mount command and close-backup (a command)",
                                     "opened read-only as %1: mount it read-only (for ext4: mount -o ro,noload %1 DIR); close-backup detaches it", loop));
    };
    s.cannotUndo = i18nc("why a step cannot be undone, after 'cannot be undone: '; keep close-backup (a command)", "close-backup detaches the loop device");
    plan.steps << s;
    plan.notes << i18nc("%1 a device",
                        "Nothing is written to %1: its superblock and data stay as they were cut, so it can still be brought up to date incrementally.",
                        v.device.path);
    return plan;
}

} // namespace plexus

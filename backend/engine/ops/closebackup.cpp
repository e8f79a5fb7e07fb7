// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "closebackup.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "probe/textfile.h"

#include <KLocalizedString>

namespace plexus {

QString CloseBackupRequest::title() const
{
    return i18nc("an operation's title; %1 a device", "Close the backup on %1", deviceName(device.path));
}

using namespace actions;

Status validate(const Validator &checks, const CloseBackupRequest &r, ValidCloseBackup *out)
{
    *out = {};
    ResolvedDevice dev;
    if (Status s = checks.resolve(r.device, &dev); !s)
        return s;
    const QStringList loops = checks.system().loopsOver(dev.name);
    if (loops.isEmpty())
        return invalid(mi18nc("%1 a device; keep open-backup (a command)", "%1 is not open: no loop device reads it (open-backup sets one up).", dev.path));
    for (const QString &loop : loops)
        if (const auto mounts = checks.snapshot().mountsOf(loop); !mounts.isEmpty())
            return Status::failure(ErrorCode::InUse, mi18nc("%1 a device, %2 a mount point, %3 a loop device name (loop0)",
                                                           "The backup on %1 is mounted on %2 (/dev/%3). Unmount it first.", dev.path,
                                                           mounts.first()->mountPoint, loop));
    out->device = dev;
    out->loops = loops;
    return {};
}

Plan makePlan(const ValidCloseBackup &v)
{
    Plan plan;
    plan.summary = i18nc("%1 a device, %2 loop device names (loop0)", "Close the backup copy on %1: detach %2.", v.device.path, v.loops.join(QStringLiteral(", ")));
    for (const QString &loop : v.loops) {
        Step s;
        s.description = i18nc("%1 a loop device name (loop0), %2 a device", "Detach the read-only loop device /dev/%1 over %2", loop, v.device.path);
        s.command = {QStringLiteral("losetup"), QStringLiteral("--detach"), QStringLiteral("/dev/") + loop};
        s.action = runThenSettle(s.command);
        const QString file = QStringLiteral("/sys/block/%1/loop/backing_file").arg(loop);
        s.check = [file, loop] {
            return waitFor(5000, [&] { return !readTrimmed(file).has_value(); })
                ? Status()
                : toolFailed(mi18nc("%1 a loop device name (loop0)", "/dev/%1 is still attached (something holds it open).", loop));
        };
        s.cannotUndo = i18nc("why a step cannot be undone, after 'cannot be undone: '; keep open-backup (a command)", "open-backup opens it again");
        plan.steps << s;
    }
    return plan;
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "backup.h"

#include "engine/checks/refusal.h"
#include "engine/journal.h"
#include "engine/steps/backupsteps.h"
#include "engine/steps/mdsteps.h"
#include "model/describe.h"
#include "model/mdsuperblock.h"
#include "model/stacking.h"

#include <QJsonDocument>

namespace plexus {

namespace {

const QString overwriteWords = QStringLiteral("Back it up with overwrite instead, which copies all of it again.");

// Why the copy on `dev` cannot be taken back incrementally; empty when it can.
// md decides what to copy from its event counts and bitmap alone: a copy
// written on its own since the cut would keep those writes, mixed with the
// mirror's, and nobody would know. So the copy must be exactly as recorded.
QString whyNotIncremental(const Validator &checks, const ResolvedArray &a, const ResolvedDevice &dev, const MdSuperblock &sb)
{
    const auto record = BackupRecord::fromJson(QJsonDocument::fromJson(checks.system().backupRecord(sb.deviceUuid).toUtf8()).object());
    if (!record || !sameUuid(record->arrayUuid, a.array.uuid))
        return QStringLiteral("Plexus has no record of cutting this copy, so it cannot tell whether it was written since.");
    if (sb.events != record->events)
        return QStringLiteral("its md superblock moved on from event %1 (the cut, %2) to %3: it was started as an array on its own and may have been written.")
            .arg(record->events).arg(record->cutAt.toString(Qt::ISODate)).arg(sb.events);
    const QString stamp = checks.system().contentStamp(dev.name, sb.dataOffsetBytes);
    if (stamp != record->contentStamp)
        return QStringLiteral("the filesystem on it was written after the cut (then: %1; now: %2).")
            .arg(record->contentStamp.isEmpty() ? QStringLiteral("none") : record->contentStamp, stamp.isEmpty() ? QStringLiteral("none") : stamp);
    if (!a.array.bitmap)
        return QStringLiteral("%1 has no write-intent bitmap, so md cannot tell what changed since.").arg(a.path);
    if (!sb.slot || !a.array.missingSlots().contains(*sb.slot))
        return QStringLiteral("its old slot in %1 is not free: md takes a copy back only into the slot it left.").arg(a.path);
    return {};
}

} // namespace

Status validate(const Validator &checks, const BackUpRequest &r, ValidBackUp *out)
{
    *out = {};
    ResolvedArray a;
    if (Status s = checks.resolveRunningArray(r.array, r.common, &a, QStringLiteral("it keeps no copy to take away")); !s)
        return s;
    if (a.array.level != QLatin1String("raid1"))
        return invalid(QStringLiteral("%1 is a %2: only a mirror (RAID-1) holds all of the data on each member, so only a mirror can be "
                                      "backed up by cutting a member off.").arg(a.path, levelWords(a.array.level.value_or(QString()))));
    if (Status s = checks.checkIdle(a, QStringLiteral("back it up")); !s)
        return s;
    ResolvedDevice dev;
    if (Status s = checks.resolve(r.device, &dev); !s)
        return s;
    if (Status s = checks.checkNotInArray(a, dev); !s)
        return s;
    const auto sb = parseExamine(dev.path, checks.system().mdExamine(dev.name));
    const bool copyOfThis = sb && sameUuid(sb->arrayUuid, a.array.uuid);
    // Its own earlier copy may be taken back as it is; anything else on it only with overwrite.
    if (Status s = checks.checkFree(dev, {r.overwrite, r.common.allowSystemDisk, copyOfThis ? a.array.uuid : QString()}); !s)
        return s;
    if (Status s = checks.checkJoining(a, dev, QString(), false); !s)
        return s;
    if (copyOfThis && !r.overwrite) {
        if (const QString why = whyNotIncremental(checks, a, dev, *sb); !why.isEmpty())
            return invalid(QStringLiteral("%1 holds an earlier copy of %2, but it cannot be brought up to date by copying only what changed: %3 %4")
                               .arg(dev.path, a.path, why, overwriteWords));
        out->incremental = true;
    }
    out->eraseFirst = sb.has_value() && !out->incremental;
    if (out->eraseFirst)
        out->overwritten = sb->deviceUuid;
    out->grow = !out->incremental && a.array.missingCount() == 0;
    out->array = a;
    out->device = dev;
    out->stacked = devicesOn(checks.snapshot(), a.array.name);
    out->journalDirectory = Journal::defaultDirectory();
    return {};
}

Plan makePlan(const ValidBackUp &v)
{
    Plan plan;
    const QString md = v.array.array.name, path = v.array.path;
    const int devices = v.array.array.raidDisks.value_or(int(v.array.array.members.size()));
    plan.summary = v.incremental
        ? QStringLiteral("Bring the backup of %1 on %2 up to date (only what changed since it was cut off is copied), then cut it off again.").arg(md, v.device.path)
        : QStringLiteral("Back up %1 to %2: copy all of %1 onto it, then cut it off, a point-in-time copy of %1.").arg(md, v.device.path);
    if (v.eraseFirst)
        plan.steps << zeroStep(v.device, QStringLiteral(", so md copies everything onto it instead of taking it back as it was"));
    if (v.grow)
        plan.steps << raidDevicesStep(path, md, devices + 1,
                                      QStringLiteral("Give %1 a slot for the backup (%2 devices; it is whole again when the backup leaves)").arg(md).arg(devices + 1));
    plan.steps << noteWrittenStep(v.device);
    plan.steps << (v.incremental ? reAddStep(path, md, v.device) : addIntoSlotStep(path, md, v.device));
    plan.steps << waitRebuildStep(path, md, v.device);
    plan.steps << cutCopyStep(path, md, v.device, v.stacked);
    plan.steps << removeStep(path, md, v.device.name, QStringLiteral("the backup %1").arg(v.device.path));
    if (v.grow)
        plan.steps << raidDevicesStep(path, md, devices, QStringLiteral("Give %1 back its %2 devices").arg(md).arg(devices));
    BackupRecord planned;
    planned.arrayUuid = v.array.array.uuid;
    planned.array = md;
    planned.sizeBytes = v.array.array.sizeKib.value_or(0) * 1024;
    planned.incremental = v.incremental;
    plan.steps << recordBackupStep(planned, v.device, v.journalDirectory, v.overwritten);

    plan.notes << QStringLiteral("%1 stays in use throughout; its filesystems are frozen only for the instant of the cut.").arg(md);
    if (v.grow)
        plan.notes << QStringLiteral("%1 has no slot kept for backups, so it is whole again without the copy, and md stops tracking what changes: "
                                     "the next backup to %2 copies everything again. A mirror with a missing slot kept for backups "
                                     "(document 003's way) is brought up to date by copying only what changed.").arg(md, v.device.path);
    else if (!v.incremental && v.array.array.bitmap)
        plan.notes << QStringLiteral("%1 runs without the copy afterwards (its slot stays free for it); the next backup to %2 copies only "
                                     "what changed, as long as nobody writes the copy in between.").arg(md, v.device.path);
    plan.notes << QStringLiteral("Open the copy read-only with open-backup; writing to it rules out an incremental refresh.");
    plan.exclusive = {v.device.path};
    return plan;
}

} // namespace plexus

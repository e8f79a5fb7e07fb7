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

#include <KLocalizedString>

namespace plexus {

QString BackUpRequest::title() const
{
    return i18nc("an operation's title; %1 an array, %2 a device", "Back up %1 to %2", deviceName(array), deviceName(device.path));
}

namespace {

// Why the copy on `dev` cannot be taken back incrementally; empty when it can.
// md decides what to copy from its event counts and bitmap alone: a copy
// written on its own since the cut would keep those writes, mixed with the
// mirror's, and nobody would know. So the copy must be exactly as recorded.
QString whyNotIncremental(const Validator &checks, const ResolvedArray &a, const ResolvedDevice &dev, const MdSuperblock &sb)
{
    const auto record = BackupRecord::fromJson(QJsonDocument::fromJson(checks.system().backupRecord(sb.deviceUuid).toUtf8()).object());
    if (!record || !sameUuid(record->arrayUuid, a.array.uuid))
        return i18nc("why a backup copy cannot be brought up to date incrementally; follows 'by copying only what changed: '",
                     "Plexus has no record of cutting this copy, so it cannot tell whether it was written since.");
    if (sb.events != record->events)
        return i18nc("why a backup copy cannot be brought up to date incrementally; follows 'by copying only what changed: '; "
                     "%1 and %3 md event counts, %2 a date and time",
                     "its md superblock moved on from event %1 (the cut, %2) to %3: it was started as an array on its own and may have been written.",
                     QString::number(record->events), record->cutAt.toString(Qt::ISODate), QString::number(sb.events));
    const QString stamp = checks.system().contentStamp(dev.name, sb.dataOffsetBytes);
    if (stamp != record->contentStamp) {
        const QString none = i18nc("no filesystem stamp (when it was last written) on a backup copy", "none");
        return i18nc("why a backup copy cannot be brought up to date incrementally; follows 'by copying only what changed: '; "
                     "%1 and %2 the filesystem's stamps (when it was last written, its write count), or 'none'",
                     "the filesystem on it was written after the cut (then: %1; now: %2).",
                     record->contentStamp.isEmpty() ? none : record->contentStamp, stamp.isEmpty() ? none : stamp);
    }
    if (!a.array.bitmap)
        return i18nc("why a backup copy cannot be brought up to date incrementally; follows 'by copying only what changed: '; %1 an array",
                     "%1 has no write-intent bitmap, so md cannot tell what changed since.", a.path);
    if (!sb.slot || !a.array.missingSlots().contains(*sb.slot))
        return i18nc("why a backup copy cannot be brought up to date incrementally; follows 'by copying only what changed: '; %1 an array",
                     "its old slot in %1 is not free: md takes a copy back only into the slot it left.", a.path);
    return {};
}

} // namespace

Status validate(const Validator &checks, const BackUpRequest &r, ValidBackUp *out)
{
    *out = {};
    ResolvedArray a;
    if (Status s = checks.resolveRunningArray(r.array, r.common, &a,
                                              i18nc("completes '/dev/md0 is a RAID-0 array, which keeps no redundant copy of the data, so ...'",
                                                    "it keeps no copy to take away"));
        !s)
        return s;
    if (a.array.level != QLatin1String("raid1"))
        return invalid(mi18nc("%1 an array, %2 its level in words (RAID-5 array)",
                             "%1 is a %2: only a mirror (RAID-1) holds all of the data on each member, so only a mirror can be "
                             "backed up by cutting a member off.",
                             a.path, levelWords(a.array.level.value_or(QString()))));
    if (Status s = checks.checkIdle(a, mi18nc("completes 'Wait until it finishes, then ...' (an array busy syncing)", "back it up")); !s)
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
            return invalid(mi18nc("%1 a device, %2 an array, %3 why (a sentence); keep 'overwrite' (an option)",
                                 "%1 holds an earlier copy of %2, but it cannot be brought up to date by copying only what changed: %3 "
                                 "Back it up with overwrite instead, which copies all of it again.",
                                 dev.path, a.path, why));
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
        ? i18nc("%1 an array, %2 a device",
                "Bring the backup of %1 on %2 up to date (only what changed since it was cut off is copied), then cut it off again.", md, v.device.path)
        : i18nc("%1 an array, %2 a device", "Back up %1 to %2: copy all of %1 onto it, then cut it off, a point-in-time copy of %1.", md, v.device.path);
    if (v.eraseFirst)
        plan.steps << zeroStep(v.device, i18nc("appended to 'Erase the md superblock on /dev/sdc2'",
                                               ", so md copies everything onto it instead of taking it back as it was"));
    if (v.grow)
        plan.steps << raidDevicesStep(path, md, devices + 1,
                                      i18ncp("%2 an array, %1 its number of devices", "Give %2 a slot for the backup (%1 device; it is whole again when the backup leaves)",
                                             "Give %2 a slot for the backup (%1 devices; it is whole again when the backup leaves)", devices + 1, md));
    plan.steps << noteWrittenStep(v.device);
    plan.steps << (v.incremental ? reAddStep(path, md, v.device) : addIntoSlotStep(path, md, v.device));
    plan.steps << waitRebuildStep(path, md, v.device);
    plan.steps << cutCopyStep(path, md, v.device, v.stacked);
    plan.steps << removeStep(path, md, v.device.name, i18nc("completes 'Remove ... from md0'; %1 a device", "the backup %1", v.device.path));
    if (v.grow)
        plan.steps << raidDevicesStep(path, md, devices,
                                      i18ncp("%2 an array, %1 its number of devices", "Give %2 back its %1 device", "Give %2 back its %1 devices", devices, md));
    BackupRecord planned;
    planned.arrayUuid = v.array.array.uuid;
    planned.array = md;
    planned.sizeBytes = v.array.array.sizeKib.value_or(0) * 1024;
    planned.incremental = v.incremental;
    plan.steps << recordBackupStep(planned, v.device, v.journalDirectory, v.overwritten);

    plan.notes << i18nc("%1 an array", "%1 stays in use throughout; its filesystems are frozen only for the instant of the cut.", md);
    if (v.grow)
        plan.notes << i18nc("%1 an array, %2 a device",
                            "%1 has no slot kept for backups, so it is whole again without the copy, and md stops tracking what changes: "
                            "the next backup to %2 copies everything again. A mirror with a missing slot kept for backups "
                            "(document 003's way) is brought up to date by copying only what changed.",
                            md, v.device.path);
    else if (!v.incremental && v.array.array.bitmap)
        plan.notes << i18nc("%1 an array, %2 a device",
                            "%1 runs without the copy afterwards (its slot stays free for it); the next backup to %2 copies only "
                            "what changed, as long as nobody writes the copy in between.",
                            md, v.device.path);
    plan.notes << i18nc("keep open-backup (a command)", "Open the copy read-only with open-backup; writing to it rules out an incremental refresh.");
    plan.exclusive = {v.device.path};
    return plan;
}

} // namespace plexus

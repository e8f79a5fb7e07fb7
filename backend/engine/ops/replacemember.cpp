// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "replacemember.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"
#include "engine/steps/partitionsteps.h"

#include <QThread>

namespace plexus {

using namespace actions;

Status validate(const Validator &checks, const ReplaceMemberRequest &r, ValidReplace *out)
{
    *out = {};
    ResolvedArray a;
    ResolvedDevice oldDev;
    const Member *member = nullptr;
    if (Status s = checks.resolveRunningMember(r.array, r.oldMember, r.common, QStringLiteral("a member cannot be replaced while it runs"), &a,
                                               &oldDev, &member); !s)
        return s;
    if (member->spare && !member->faulty)
        return invalid(QStringLiteral("%1 is a spare of %2, not a member holding data. Remove it and add the new device as a spare instead.").arg(oldDev.path, a.path));
    ResolvedDevice newDev;
    if (Status s = checks.resolve(r.newDevice, &newDev); !s)
        return s;
    if (newDev.name == oldDev.name)
        return invalid(QStringLiteral("%1 cannot replace itself. Choose another device to copy it to.").arg(newDev.path));
    if (Status s = checks.checkNotInArray(a, newDev); !s)
        return s;
    if (Status s = checks.checkFree(newDev, {r.overwrite, r.common.allowSystemDisk, a.array.uuid}); !s)
        return s;
    if (r.partitionLike) {
        // The new member is exactly as large and placed as the old.
        if (oldDev.wholeDisk)
            return invalid(QStringLiteral("%1 is a whole disk, not a partition: there is no partition to match. Replace it without "
                                          "partitioning the new disk.").arg(oldDev.path));
        ValidCopyTable table;
        if (Status s = checks.partitionLike(oldDev, r.newDevice, &newDev, r.overwrite, r.common, &table); !s)
            return s;
        out->partitionLike = table;
    }
    if (Status s = checks.checkJoining(a, newDev, oldDev.name, r.allowSameDisk); !s)
        return s;
    if (r.zeroSuperblock && !checks.system().exists(oldDev.path))
        return notFound(QStringLiteral("%1 is gone, so there is no superblock on it to erase. Replace it without erasing the old member.").arg(oldDev.path));
    out->zeroSuperblock = r.zeroSuperblock;
    out->hot = !member->faulty;
    if (out->hot && r.zeroSuperblock && !r.wait)
        return invalid(QStringLiteral("%1 leaves %2 only when the copy is done: erasing its superblock needs the replacement to wait for the copy.")
                           .arg(oldDev.path, a.path));
    if (out->hot) {
        if (a.array.missingCount() > 0)
            return invalid(QStringLiteral("%1 is degraded (%2 member(s) missing): a new device would fill the missing slot, not replace %3. "
                                          "Add %4 as a member first (add); replace %3 once %1 is complete.")
                               .arg(a.path).arg(a.array.missingCount()).arg(oldDev.path, newDev.path));
        if (Status s = checks.checkIdle(a, QStringLiteral("replace the member")); !s)
            return s;
    }
    out->array = a;
    out->oldMember = oldDev;
    out->newDevice = newDev;
    out->wait = r.wait;
    return {};
}

Plan makePlan(const ValidReplace &v)
{
    Plan plan;
    const QString md = v.array.array.name, path = v.array.path;
    const QString oldName = v.oldMember.name, newName = v.newDevice.name;
    plan.exclusive = {v.newDevice.path};
    QString partitioned;
    if (v.partitionLike) {
        // The new partition does not exist yet: hold its disk instead.
        plan.exclusive = {v.partitionLike->target.path};
        plan.steps << copyTableSteps(*v.partitionLike);
        partitioned = QStringLiteral(" (%1 gets %2's partitions first)").arg(v.partitionLike->target.path, v.partitionLike->source.path);
        plan.notes << QStringLiteral("%1 is made exactly like %2: same partitions, same starts and sizes, new identifiers.")
                          .arg(v.newDevice.path, v.oldMember.path);
    }
    // Last, once the new member is in: a failure here leaves the array whole.
    const auto zeroOld = [&] {
        if (v.zeroSuperblock)
            plan.steps << zeroStep(v.oldMember, QStringLiteral(", so it is never assembled into %1 again by mistake").arg(md));
        else
            plan.notes << QStringLiteral("%1 keeps its md superblock: erase it (plexusctl zero-superblock) before using it elsewhere.").arg(v.oldMember.path);
    };
    if (!v.hot) {
        plan.summary = QStringLiteral("Replace the faulty member %1 of %2 with %3%4.").arg(v.oldMember.path, md, v.newDevice.path, partitioned);
        plan.notes << QStringLiteral("The kernel rebuilds the data onto %1 in the background (recovery).").arg(v.newDevice.path);
        plan.steps << removeStep(path, md, oldName, QStringLiteral("the faulty member %1").arg(v.oldMember.path));
        Step s;
        s.description = QStringLiteral("Add %1 to %2 in the freed slot; the kernel then rebuilds the data onto it").arg(v.newDevice.path, md);
        s.command = mdAddArgv(path, v.newDevice.path);
        s.precondition = arrayIsRunning(md, path);
        const QString dev = v.newDevice.path;
        s.action = [path, dev](StepContext &ctx) { return mdAdd(ctx, path, dev); };
        s.check = memberAdded(md, newName);
        // The slot is free again afterwards, as before the plan.
        s.undo = [path, md, newName] {
            return QList<Step>{failStep(path, md, newName, QStringLiteral(", giving its slot back")),
                               removeStep(path, md, newName, QStringLiteral("/dev/%1").arg(newName))};
        };
        plan.steps << s;
        zeroOld();
        return plan;
    }
    plan.summary = QStringLiteral("Replace %1 in %2 with %3%4, copying it while it stays in service (%2 never loses redundancy).")
                       .arg(v.oldMember.path, md, v.newDevice.path, partitioned);
    plan.steps << addSpareStep(path, md, v.newDevice, QStringLiteral(", to receive the copy"));

    Step replace;
    replace.description = QStringLiteral("Start copying %1 onto %2 (hot replacement: %1 stays in service)").arg(v.oldMember.path, v.newDevice.path);
    replace.command = {QStringLiteral("mdadm"), path, QStringLiteral("--replace"), v.oldMember.path, QStringLiteral("--with"), v.newDevice.path};
    replace.precondition = [md, oldName, newName] {
        if (!memberState(md, oldName).contains(QStringLiteral("in_sync")))
            return toolFailed(QStringLiteral("/dev/%1 is no longer working in %2 (state '%3').").arg(oldName, md, memberState(md, oldName).join(QLatin1Char(','))));
        if (!memberState(md, newName).contains(QStringLiteral("spare")))
            return toolFailed(QStringLiteral("/dev/%1 is not a spare of %2.").arg(newName, md));
        return Status();
    };
    const QStringList replaceArgv = replace.command;
    replace.action = [replaceArgv](StepContext &ctx) { return run(ctx, replaceArgv); };
    replace.check = [md, oldName, newName] {
        const bool started = waitFor(5000, [&] {
            const QStringList o = memberState(md, oldName), n = memberState(md, newName);
            return o.contains(QStringLiteral("want_replacement")) || o.contains(QStringLiteral("faulty")) || o.isEmpty()
                || n.contains(QStringLiteral("replacement"));
        });
        return started ? Status() : toolFailed(QStringLiteral("md did not mark /dev/%1 for replacement.").arg(oldName));
    };
    // Stopping the copy: the replacement is failed, and the old member, still in service, stays.
    replace.undo = [path, md, oldName, newName] {
        Step stop = failStep(path, md, newName, QStringLiteral(", stopping the copy; /dev/%1 stays in service").arg(oldName));
        stop.precondition = [md, oldName, path] {
            if (!memberState(md, oldName).contains(QStringLiteral("in_sync")))
                return Status::failure(ErrorCode::InUse, QStringLiteral("The copy has finished and /dev/%1 has left %2: failing the new member "
                                                                        "would leave %2 without redundancy.").arg(oldName, path));
            return Status();
        };
        // md keeps wanting to replace the old member and would start again on the next spare.
        Step keep;
        keep.description = QStringLiteral("Clear /dev/%1's mark for replacement, so md does not start copying it again").arg(oldName);
        const QString file = sysfsMd(md, QStringLiteral("dev-%1/state").arg(oldName));
        keep.command = {QStringLiteral("echo"), QStringLiteral("-want_replacement")};
        keep.commandNote = QStringLiteral("> %1").arg(file);
        keep.action = [file](StepContext &ctx) { return writeSysfs(ctx, file, QStringLiteral("-want_replacement")); };
        keep.check = [md, oldName] {
            return memberState(md, oldName).contains(QStringLiteral("want_replacement"))
                ? toolFailed(QStringLiteral("/dev/%1 is still marked for replacement.").arg(oldName))
                : Status();
        };
        return QList<Step>{stop, keep};
    };
    plan.steps << replace;

    if (!v.wait) {
        plan.notes << QStringLiteral("When the copy is done, the kernel marks %1 faulty: remove it then (plexusctl remove %2 %1).").arg(v.oldMember.path, path);
        return plan;
    }
    Step wait;
    wait.description = QStringLiteral("Wait while %1 is copied onto %2").arg(v.oldMember.path, v.newDevice.path);
    wait.command = {QStringLiteral("mdadm"), QStringLiteral("--wait"), path};
    wait.waitsForKernel = true;
    wait.action = [md, oldName, newName, path](StepContext &ctx) {
        int idleWithoutCopy = 0;
        double lastPercent = -1;
        while (true) {
            const QStringList o = memberState(md, oldName), n = memberState(md, newName);
            if (!arrayRunning(md))
                return Status::failure(ErrorCode::NotFound, QStringLiteral("%1 stopped during the copy.").arg(path));
            if (n.contains(QStringLiteral("faulty")) || n.isEmpty())
                return toolFailed(QStringLiteral("/dev/%1 failed during the copy; /dev/%2 is still in service.").arg(newName, oldName));
            const bool copied = n.contains(QStringLiteral("in_sync")) && !n.contains(QStringLiteral("replacement"));
            if (copied && (o.isEmpty() || o.contains(QStringLiteral("faulty"))))
                break;
            const QString action = mdAttribute(md, QStringLiteral("sync_action"));
            const QString completed = mdAttribute(md, QStringLiteral("sync_completed"));
            const auto parts = completed.split(QLatin1Char('/'));
            if (parts.size() == 2) {
                const double done = parts[0].trimmed().toDouble(), total = parts[1].trimmed().toDouble();
                if (total > 0) {
                    const double percent = 100.0 * done / total;
                    if (percent - lastPercent >= 1.0) {
                        ctx.progress(percent);
                        lastPercent = percent;
                    }
                }
            }
            // The kernel should be copying; if nothing happens for long, say so.
            idleWithoutCopy = (action == QLatin1String("idle") && !n.contains(QStringLiteral("replacement"))) ? idleWithoutCopy + 1 : 0;
            if (idleWithoutCopy > 300)
                return toolFailed(QStringLiteral("md is not copying /dev/%1 onto /dev/%2 (sync_action is idle).").arg(oldName, newName));
            QThread::msleep(200);
        }
        ctx.progress(100.0);
        return Status();
    };
    plan.steps << wait.changesNothing();
    plan.steps << removeStep(path, md, oldName, QStringLiteral("the replaced member %1").arg(v.oldMember.path));
    zeroOld();
    return plan;
}

} // namespace plexus

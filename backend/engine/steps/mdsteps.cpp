// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mdsteps.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "engine/steps/volumesteps.h"
#include "model/describe.h"
#include "probe/plannedfailures.h"

#include <KLocalizedString>

#include <QFileInfo>
#include <QThread>

namespace plexus {

using namespace actions;

QString sysfsMd(const QString &md, const QString &attribute)
{
    return QStringLiteral("/sys/block/%1/md/%2").arg(md, attribute);
}

std::function<Status()> arrayIsRunning(const QString &md, const QString &path)
{
    return [md, path] {
        if (!arrayRunning(md))
            return Status::failure(ErrorCode::NotFound, mi18nc("%1 an md array device", "%1 is no longer running.", path));
        return Status();
    };
}

std::function<Status()> memberHas(const QString &md, const QString &member, const QString &word, const QString &what)
{
    return [=] {
        if (!waitFor(5000, [&] { return memberState(md, member).contains(word); }))
            return toolFailed(mi18nc("%1 a member device, %2 what it should be ('marked faulty'), %3 an md array, %4 md's state words for it",
                                    "/dev/%1 is not %2 in %3 (its state is '%4').", member, what, md, memberState(md, member).join(QLatin1Char(','))));
        return Status();
    };
}

std::function<Status()> memberGone(const QString &md, const QString &member)
{
    return [=] {
        if (!waitFor(5000, [&] { return !memberPresent(md, member); }))
            return toolFailed(mi18nc("%1 a member device, %2 an md array", "/dev/%1 is still listed in %2.", member, md));
        return Status();
    };
}

std::function<Status()> memberAdded(const QString &md, const QString &member)
{
    return [=] {
        if (!waitFor(5000, [&] { return memberPresent(md, member); }))
            return toolFailed(mi18nc("%1 a device, %2 an md array", "/dev/%1 does not appear among %2's members.", member, md));
        if (memberState(md, member).contains(QStringLiteral("faulty")))
            return toolFailed(mi18nc("%1 a device, %2 an md array", "/dev/%1 was added to %2 but is faulty: the disk may be failing.", member, md));
        return Status();
    };
}

Step addSpareStep(const QString &arrayPath, const QString &md, const ResolvedDevice &dev, const QString &why)
{
    Step s;
    s.description = i18nc("a step: %1 a device, %2 an md array, %3 an optional ending chosen by the plan (', to receive the copy', "
                          "', ready to become member number 3')",
                          "Add %1 to %2 as a spare%3", dev.path, md, why);
    s.command = {QStringLiteral("mdadm"), arrayPath, QStringLiteral("--add-spare"), dev.path};
    s.precondition = arrayIsRunning(md, arrayPath);
    const QStringList argv = s.command;
    s.action = [argv](StepContext &ctx) { return run(ctx, argv); };
    s.check = memberAdded(md, dev.name);
    const QString name = dev.name, path = dev.path;
    s.undo = [arrayPath, md, name, path] { return QList<Step>{removeStep(arrayPath, md, name, i18nc("completes the step 'Remove %1 from md0'; %1 a device", "the added device %1", path))}; };
    return s;
}

Step failStep(const QString &arrayPath, const QString &md, const QString &member, const QString &consequence)
{
    Step s;
    s.description = i18nc("a step: %1 a member device, %2 an md array, %3 an optional ending chosen by the plan (' so that it can be removed', "
                          "'; a spare takes its place and the kernel rebuilds onto it')",
                          "Mark /dev/%1 faulty in %2%3", member, md, consequence);
    s.command = {QStringLiteral("mdadm"), arrayPath, QStringLiteral("--fail"), QStringLiteral("/dev/") + member};
    s.precondition = [md, member, arrayPath] {
        if (!memberPresent(md, member))
            return Status::failure(ErrorCode::NotFound, mi18nc("%1 a device, %2 an md array", "/dev/%1 is no longer a member of %2.", member, arrayPath));
        return Status();
    };
    const QStringList argv = s.command;
    const QString words = QStringLiteral("Plexus marked /dev/%1 faulty in %2 as asked%3").arg(member, md, consequence);
    s.action = [argv, md, member, words](StepContext &ctx) {
        announcePlannedFailure(md, member, words);
        return run(ctx, argv);
    };
    s.check = memberHas(md, member, QStringLiteral("faulty"), i18nc("completes '/dev/sdb is not %1 in md0'", "marked faulty"));
    s.cannotUndo = QStringLiteral("md does not take a failed member back as it was: add it again, and it is rebuilt");
    return s;
}

Step removeStep(const QString &arrayPath, const QString &md, const QString &member, const QString &what)
{
    Step s;
    s.description = i18nc("a step: %1 a device, or what it is ('the faulty member /dev/sdb'), %2 an md array", "Remove %1 from %2", what, md);
    s.command = mdRemoveArgv(arrayPath, QStringLiteral("/dev/") + member);
    s.precondition = [md, member] {
        // Just failed: md lets go of it once pending I/O has drained.
        const bool ready = waitFor(5000, [&] {
            const QStringList st = memberState(md, member);
            return st.isEmpty() || st.contains(QStringLiteral("faulty")) || st.contains(QStringLiteral("spare"));
        });
        if (!ready)
            return busy(mi18nc("%1 a member device, %2 an md array, %3 md's state words for it",
                              "/dev/%1 is still working in %2 (state '%3'): md removes only faulty members and spares.", member, md,
                              memberState(md, member).join(QLatin1Char(','))));
        return Status();
    };
    const QString array = arrayPath, dev = QStringLiteral("/dev/") + member;
    s.action = [array, dev, md, member](StepContext &ctx) {
        // Its disk pulled, udev's mdadm -If may have taken it out already (and
        // mdadm cannot name a device node that is gone).
        if (!memberPresent(md, member)) {
            ctx.log(QStringLiteral("%1 is no longer in %2: nothing to remove").arg(dev, md));
            return Status();
        }
        // Failed in the middle of a rebuild or copy, a member stays busy until md's
        // sync thread has stopped using it (EBUSY): try again for a while.
        Status st;
        for (int attempt = 0; attempt < 30; ++attempt) {
            st = mdRemove(ctx, array, dev);
            if (st || !st.message().contains(QLatin1String("Device or resource busy")))
                break;
            QThread::msleep(500);
        }
        return st;
    };
    s.check = memberGone(md, member);
    s.cannotUndo = QStringLiteral("a removed member comes back only as a new one: add it again, and it is rebuilt");
    return s;
}

Step growToMaxStep(const QString &arrayPath, const QString &md, qint64 componentBytes)
{
    Step s;
    s.description = i18nc("a step: %1 an md array", "Let %1 use the whole of its members", md);
    s.command = {QStringLiteral("mdadm"), QStringLiteral("--grow"), arrayPath, QStringLiteral("--size=max")};
    s.precondition = arrayIsRunning(md, arrayPath);
    const QStringList argv = s.command;
    s.action = [argv](StepContext &ctx) { return run(ctx, argv); };
    if (componentBytes > 0)
        s.check = [md, arrayPath, componentBytes] {
            const auto now = [&] { return mdAttribute(md, QStringLiteral("component_size")).toLongLong() * 1024; };
            if (!waitFor(5000, [&] { return now() > componentBytes; }))
                return toolFailed(mi18nc("%1 an md array, %2 a size", "%1 still uses %2 of each member after the step.", arrayPath, humanSize(now())));
            return Status();
        };
    return s;
}

Step raidDevicesStep(const QString &arrayPath, const QString &md, int devices, const QString &description)
{
    Step s;
    s.description = description;
    s.command = {QStringLiteral("mdadm"), QStringLiteral("--grow"), arrayPath, QStringLiteral("--raid-devices=%1").arg(devices)};
    if (devices == 1)
        s.command.insert(3, QStringLiteral("--force"));
    s.precondition = arrayIsRunning(md, arrayPath);
    const QStringList argv = s.command;
    s.action = [argv](StepContext &ctx) { return run(ctx, argv); };
    const QString path = arrayPath;
    s.check = [md, path, devices] {
        if (!waitFor(10000, [&] { return mdAttribute(md, QStringLiteral("raid_disks")).section(QLatin1Char(' '), 0, 0) == QString::number(devices); }))
            return toolFailed(mi18nc("%1 an md array, %2 and %3 numbers of devices (the kernel's, the one asked for)", "%1 has %2 devices, not %3.", path,
                                    mdAttribute(md, QStringLiteral("raid_disks")), QString::number(devices)));
        return Status();
    };
    return s;
}

Step zeroStep(const ResolvedDevice &dev, const QString &why)
{
    Step s;
    s.description = i18nc("a step: %1 a device, %2 an optional ending chosen by the plan (', so that it is no longer recognised as a member of md0')",
                          "Erase the md superblock on %1%2", dev.path, why);
    s.command = mdZeroSuperblockArgv(dev.path);
    const QString path = dev.path;
    s.action = [path](StepContext &ctx) {
        Status st = mdZeroSuperblock(ctx, path);
        udevSettle(ctx);
        return st;
    };
    s.check = [path] {
        QuietContext quiet;
        int code = 0;
        run(quiet, {QStringLiteral("mdadm"), QStringLiteral("--examine"), path}, {}, nullptr, &code);
        if (code == 0)
            return toolFailed(mi18nc("%1 a device", "%1 still carries an md superblock.", path));
        return Status();
    };
    s.cannotUndo = QStringLiteral("an erased superblock is gone");
    // Zeroed after it has left its array (or never was in one): it can be claimed.
    s.erases = {{dev.path, dev.name}};
    return s;
}

Step stopStep(const QString &arrayPath, const QString &description)
{
    Step s;
    s.description = description;
    s.command = mdStopArgv(arrayPath);
    const QString path = arrayPath;
    s.action = [path](StepContext &ctx) {
        Status st = mdStop(ctx, path);
        udevSettle(ctx);
        return st;
    };
    s.check = [path] {
        if (!waitFor(10000, [&] {
                const QString md = mdKernelName(path);
                return md.isEmpty() || !arrayRunning(md);
            }))
            return toolFailed(mi18nc("%1 an md array device", "%1 is still running.", path));
        return Status();
    };
    s.cannotUndo = QStringLiteral("start it again with assemble");
    return s;
}

Step removeVanishedStep(const QString &md, const QString &member)
{
    Step s;
    s.description = i18nc("a step: %1 a member device, %2 an md array", "Remove the vanished member /dev/%1 (its disk is gone) from %2", member, md);
    const QString file = sysfsMd(md, QStringLiteral("dev-%1/state").arg(member));
    s.command = {QStringLiteral("echo"), QStringLiteral("remove")};
    s.commandNote = QStringLiteral("> %1").arg(file);
    s.action = [file](StepContext &ctx) { return writeSysfs(ctx, file, QStringLiteral("remove")); };
    s.check = memberGone(md, member);
    s.cannotUndo = QStringLiteral("its disk is gone");
    return s;
}

Step addIntoSlotStep(const QString &arrayPath, const QString &md, const ResolvedDevice &dev)
{
    Step s;
    s.description = i18nc("a step: %1 a device, %2 an md array", "Add %1 to %2 in its empty slot; the kernel then rebuilds the data onto it", dev.path, md);
    s.command = mdAddArgv(arrayPath, dev.path);
    s.precondition = arrayIsRunning(md, arrayPath);
    const QString path = arrayPath, device = dev.path;
    s.action = [path, device](StepContext &ctx) { return mdAdd(ctx, path, device); };
    s.check = memberAdded(md, dev.name);
    s.undo = [path, md, name = dev.name] { return giveSlotBackSteps(path, md, name); };
    return s;
}

QList<Step> giveSlotBackSteps(const QString &arrayPath, const QString &md, const QString &member)
{
    return {failStep(arrayPath, md, member, i18nc("appended to the step 'Mark /dev/sdb faulty in md0'", ", giving its slot back")), removeStep(arrayPath, md, member, QStringLiteral("/dev/%1").arg(member))};
}

namespace {

// Reports md's sync_completed as a percentage, each whole percent once.
void reportSyncProgress(StepContext &ctx, const QString &md, double *lastPercent)
{
    const auto parts = mdAttribute(md, QStringLiteral("sync_completed")).split(QLatin1Char('/'));
    if (parts.size() != 2)
        return;
    const double done = parts[0].trimmed().toDouble(), total = parts[1].trimmed().toDouble();
    if (total <= 0)
        return;
    const double percent = 100.0 * done / total;
    if (percent - *lastPercent >= 1.0) {
        ctx.progress(percent);
        *lastPercent = percent;
    }
}

// mdadm freezes an array while it changes its members and lets it go at its
// end; an mdadm cut off half-way leaves it frozen, and md copies nothing until
// someone lets go. mdadm holds a freeze for well under a second: one that lasts
// 10 s (50 ticks of 200 ms) is that, and the wait lets go as mdadm would have.
void letGoIfLeftFrozen(StepContext &ctx, const QString &md, int *frozenTicks)
{
    if (mdAttribute(md, QStringLiteral("sync_action")) != QLatin1String("frozen")) {
        *frozenTicks = 0;
        return;
    }
    if (++*frozenTicks < 50)
        return;
    *frozenTicks = 0;
    ctx.log(QStringLiteral("%1 has stayed frozen for 10 s (an mdadm cut off half-way leaves it so): letting md go on").arg(md));
    if (Status s = writeSysfs(ctx, sysfsMd(md, QStringLiteral("sync_action")), QStringLiteral("idle")); !s)
        ctx.log(s.message());
}

} // namespace

Step waitRebuildStep(const QString &arrayPath, const QString &md, const ResolvedDevice &dev)
{
    Step s;
    s.description = i18nc("a step: %1 an md array, %2 a device", "Wait while the kernel rebuilds %1's data onto %2", md, dev.path);
    s.command = {QStringLiteral("mdadm"), QStringLiteral("--wait"), arrayPath};
    s.waitsForKernel = true;
    const QString name = dev.name, path = arrayPath;
    s.action = [md, name, path](StepContext &ctx) {
        double lastPercent = -1;
        int idle = 0, frozen = 0;
        while (true) {
            const QStringList st = memberState(md, name);
            if (!arrayRunning(md))
                return Status::failure(ErrorCode::NotFound, mi18nc("%1 an md array device", "%1 stopped during the rebuild.", path));
            if (st.isEmpty() || st.contains(QStringLiteral("faulty")))
                return toolFailed(mi18nc("%1 a device, %2 an md array", "/dev/%1 failed during the rebuild of %2.", name, path));
            if (st.contains(QStringLiteral("in_sync")))
                break;
            reportSyncProgress(ctx, md, &lastPercent);
            letGoIfLeftFrozen(ctx, md, &frozen);
            // Another array on the same disks may rebuild first (resync=DELAYED):
            // only a long idle spell with no rebuild anywhere means md gave up.
            idle = mdAttribute(md, QStringLiteral("sync_action")) == QLatin1String("idle") ? idle + 1 : 0;
            if (idle > 300)
                return toolFailed(mi18nc("%1 a device; sync_action and idle are md's words", "md is not rebuilding /dev/%1 (sync_action is idle and it is not in sync).", name));
            QThread::msleep(200);
        }
        ctx.progress(100.0);
        return Status();
    };
    s.changesNothing();
    return s;
}

Step waitSyncDoneStep(const QString &arrayPath, const QString &md)
{
    Step s;
    s.description = i18nc("a step: %1 an md array", "Wait until md has finished syncing %1", md);
    s.command = {QStringLiteral("mdadm"), QStringLiteral("--wait"), arrayPath};
    s.waitsForKernel = true;
    const QString path = arrayPath;
    s.action = [md, path](StepContext &ctx) {
        double lastPercent = -1;
        int frozen = 0;
        // Idle twice in a row: md goes idle for a moment between a resync and the recovery queued after it.
        for (int idle = 0; idle < 2; QThread::msleep(200)) {
            if (!arrayRunning(md))
                return Status::failure(ErrorCode::NotFound, mi18nc("%1 an md array device", "%1 stopped while it synced.", path));
            idle = mdAttribute(md, QStringLiteral("sync_action")) == QLatin1String("idle") ? idle + 1 : 0;
            reportSyncProgress(ctx, md, &lastPercent);
            letGoIfLeftFrozen(ctx, md, &frozen);
        }
        ctx.progress(100.0);
        return Status();
    };
    s.changesNothing();
    return s;
}

QList<Step> hotReplaceSteps(const QString &arrayPath, const QString &md, const ResolvedDevice &oldMember, const ResolvedDevice &newMember,
                            bool waitForCopy)
{
    const QString path = arrayPath, oldName = oldMember.name, newName = newMember.name;
    Step replace;
    replace.description = i18nc("a step: %1 the member replaced, %2 the new device", "Start copying %1 onto %2 (hot replacement: %1 stays in service)",
                                oldMember.path, newMember.path);
    replace.command = {QStringLiteral("mdadm"), path, QStringLiteral("--replace"), oldMember.path, QStringLiteral("--with"), newMember.path};
    replace.precondition = [md, oldName, newName] {
        if (!memberState(md, oldName).contains(QStringLiteral("in_sync")))
            return toolFailed(mi18nc("%1 a member device, %2 an md array, %3 md's state words for it", "/dev/%1 is no longer working in %2 (state '%3').", oldName, md,
                                    memberState(md, oldName).join(QLatin1Char(','))));
        if (!memberState(md, newName).contains(QStringLiteral("spare")))
            return toolFailed(mi18nc("%1 a device, %2 an md array", "/dev/%1 is not a spare of %2.", newName, md));
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
        return started ? Status() : toolFailed(mi18nc("%1 a member device", "md did not mark /dev/%1 for replacement.", oldName));
    };
    // Stopping the copy: the replacement is failed, and the old member, still in service, stays.
    replace.undo = [path, md, oldName, newName] {
        Step stop = failStep(path, md, newName, i18nc("appended to the step 'Mark /dev/sdc faulty in md0'; %1 the member that was being replaced",
                                                        ", stopping the copy; /dev/%1 stays in service", oldName));
        stop.precondition = [md, oldName, path] {
            if (!memberState(md, oldName).contains(QStringLiteral("in_sync")))
                return Status::failure(ErrorCode::InUse, mi18nc("%1 the member that was replaced, %2 an md array",
                                                               "The copy has finished and /dev/%1 has left %2: failing the new member "
                                                               "would leave %2 without redundancy.", oldName, path));
            return Status();
        };
        // The new disk pulled in the middle of the copy: md has stopped it already.
        const Step failIt = stop;
        stop.action = [failIt, md, newName](StepContext &ctx) {
            if (!memberPresent(md, newName)) {
                ctx.log(QStringLiteral("/dev/%1 has already left %2 (its disk is gone): the copy has stopped").arg(newName, md));
                return Status();
            }
            return failIt.action(ctx);
        };
        stop.check = [failIt, md, newName] { return memberPresent(md, newName) ? failIt.check() : Status(); };
        // md keeps wanting to replace the old member and would start again on the next spare.
        Step keep;
        keep.description = i18nc("a step: %1 a member device", "Clear /dev/%1's mark for replacement, so md does not start copying it again", oldName);
        const QString file = sysfsMd(md, QStringLiteral("dev-%1/state").arg(oldName));
        keep.command = {QStringLiteral("echo"), QStringLiteral("-want_replacement")};
        keep.commandNote = QStringLiteral("> %1").arg(file);
        keep.action = [file](StepContext &ctx) { return writeSysfs(ctx, file, QStringLiteral("-want_replacement")); };
        keep.check = [md, oldName] {
            return memberState(md, oldName).contains(QStringLiteral("want_replacement"))
                ? toolFailed(mi18nc("%1 a member device", "/dev/%1 is still marked for replacement.", oldName))
                : Status();
        };
        return QList<Step>{stop, keep};
    };
    if (!waitForCopy)
        return {replace};

    Step wait;
    wait.description = i18nc("a step: %1 the member replaced, %2 the new device", "Wait while %1 is copied onto %2", oldMember.path, newMember.path);
    wait.command = {QStringLiteral("mdadm"), QStringLiteral("--wait"), path};
    wait.waitsForKernel = true;
    wait.action = [md, oldName, newName, path](StepContext &ctx) {
        int idleWithoutCopy = 0, frozen = 0;
        double lastPercent = -1;
        while (true) {
            const QStringList o = memberState(md, oldName), n = memberState(md, newName);
            if (!arrayRunning(md))
                return Status::failure(ErrorCode::NotFound, mi18nc("%1 an md array device", "%1 stopped during the copy.", path));
            if (n.contains(QStringLiteral("faulty")) || n.isEmpty())
                return toolFailed(mi18nc("%1 the new device, %2 the member being replaced", "/dev/%1 failed during the copy; /dev/%2 is still in service.", newName, oldName));
            const bool copied = n.contains(QStringLiteral("in_sync")) && !n.contains(QStringLiteral("replacement"));
            if (copied && (o.isEmpty() || o.contains(QStringLiteral("faulty"))))
                break;
            reportSyncProgress(ctx, md, &lastPercent);
            letGoIfLeftFrozen(ctx, md, &frozen);
            // The kernel should be copying; if nothing happens for long, say so.
            const QString action = mdAttribute(md, QStringLiteral("sync_action"));
            idleWithoutCopy = (action == QLatin1String("idle") && !n.contains(QStringLiteral("replacement"))) ? idleWithoutCopy + 1 : 0;
            if (idleWithoutCopy > 300)
                return toolFailed(mi18nc("%1 the member being replaced, %2 the new device; sync_action and idle are md's words",
                                        "md is not copying /dev/%1 onto /dev/%2 (sync_action is idle).", oldName, newName));
            QThread::msleep(200);
        }
        ctx.progress(100.0);
        return Status();
    };
    wait.changesNothing();
    return {replace, wait};
}

Step createArrayStep(const actions::CreateParams &p, const QString &description, const QList<ResolvedDevice> &used)
{
    Step s;
    s.description = description;
    s.command = mdCreateArgv(p);
    // md/level says "raid1" where mdadm was told "1".
    const QString normalised = Validator::normaliseLevel(p.level);
    const QString arrayPath = p.array, level = normalised.isEmpty() ? p.level : normalised;
    const int n = int(p.devices.size()) - p.spares;
    QStringList real;
    for (const ResolvedDevice &d : used)
        real << d.path;
    s.precondition = [arrayPath, real] {
        const QString md = mdKernelName(arrayPath);
        if (!md.isEmpty() && arrayRunning(md))
            return Status::failure(ErrorCode::InUse, mi18nc("%1 an md array device", "%1 has been created by someone else meanwhile.", arrayPath));
        for (const QString &d : real)
            if (!QFileInfo::exists(d))
                return Status::failure(ErrorCode::NotFound, mi18nc("%1 a device", "%1 has gone.", d));
        return Status();
    };
    s.action = [p](StepContext &ctx) {
        Status st = mdCreate(ctx, p);
        udevSettle(ctx);
        return st;
    };
    s.check = [arrayPath, level, n] {
        QString md;
        const bool up = waitFor(10000, [&] {
            md = mdKernelName(arrayPath);
            return !md.isEmpty() && arrayRunning(md);
        });
        if (!up)
            return toolFailed(mi18nc("%1 an md array device", "mdadm reported success but %1 is not running.", arrayPath));
        if (mdAttribute(md, QStringLiteral("level")) != level)
            return toolFailed(mi18nc("%1 an md array device, %2 and %3 md levels (raid1)", "%1 runs as %2, not %3.", arrayPath, mdAttribute(md, QStringLiteral("level")), level));
        if (mdAttribute(md, QStringLiteral("raid_disks")).section(QLatin1Char(' '), 0, 0) != QString::number(n))
            return toolFailed(mi18nc("%1 an md array device, %2 and %3 numbers of slots (the kernel's, the one asked for)", "%1 has %2 slots, not %3.", arrayPath,
                                    mdAttribute(md, QStringLiteral("raid_disks")), QString::number(n)));
        return Status();
    };
    for (const ResolvedDevice &d : used)
        s.erases << Erasure{d.path, d.name};
    s.undo = [arrayPath, used] {
        Step stop = stopStep(arrayPath, i18nc("a step: %1 an md array device", "Stop %1, which this plan created", arrayPath));
        stop.precondition = [arrayPath] {
            const QString found = probedContents(arrayPath);
            return found.isEmpty() ? Status()
                                   : Status::failure(ErrorCode::InUse, mi18nc("%1 an md array device, %2 what it holds (an ext4 filesystem)",
                                                                             "%1 now holds %2: something was written to it, so a roll "
                                                                             "back does not destroy it.", arrayPath, found));
        };
        QList<Step> steps{stop};
        for (const ResolvedDevice &d : used)
            steps << zeroStep(d, i18nc("appended to the step 'Erase the md superblock on /dev/sdb1'; %1 an md array device",
                                      ", as it was before %1 was created", arrayPath));
        return steps;
    };
    return s;
}

} // namespace plexus

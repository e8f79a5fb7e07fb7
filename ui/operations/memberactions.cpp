// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "memberactions.h"
#include "backupactions.h"
#include "stoppedarrayactions.h"
#include "volumeactions.h"
#include "dropplanner.h"
#include "engine/ops/registry.h"
#include "memberslots.h"
#include "model/describe.h"
#include "words.h"

#include <KLocalizedString>

namespace plexus {

namespace {

bool checking(const Array &a)
{
    return a.sync && (a.sync->action == SyncAction::Check || a.sync->action == SyncAction::Repair);
}

// Machine-wide, but offered on every array: that is where its check is shown.
ArrayAction scheduleAction(const PlanningContext &ctx)
{
    const ScrubSchedule now = ctx.system ? ctx.system->scrubSchedule() : ScrubSchedule();
    QString why;
    if (now.source.isEmpty())
        why = i18n("This machine has no check timer (mdadm's mdcheck_start.timer or raid-check.timer).");
    else if (now.source.startsWith(QLatin1Char('/')))
        why = i18n("Checks run from %1 (cron), which Plexus does not change.", now.source);
    else if (now.masked)
        why = i18n("%1 is masked: unmask it first.", now.source);
    ArrayAction a = action(QStringLiteral("checkSchedule"), i18n("Change when arrays are checked\u2026"), why);
    a.input = ArrayAction::Input::Schedule;
    a.prompt = now.enabled ? i18nc("when arrays are checked (the timer that does it)", "%1 (%2)", now.when(), now.source) : now.state();
    a.hint = i18n("For every array of this machine: one timer checks them all.");
    a.make = [ctx](const QString &when) { return planOperation(ctx, CheckScheduleRequest{.when = when}); };
    return a;
}

QList<ArrayAction> arrayActions(const PlanningContext &ctx, const Array &a)
{
    const Snapshot &s = *ctx.snapshot;
    const QString md = devPath(a.name);
    const bool running = a.state != ArrayState::Inactive;
    const bool mirror = a.level == QLatin1String("raid1");
    const int copies = a.raidDisks.value_or(int(a.members.size()));
    const QString notRunning = running ? QString() : i18n("%1 is not running: start it first.", a.name);
    const QString notRedundant = !running || a.isRedundant() ? QString()
                                                             : i18nc("%2 a RAID level", "%1 is %2: it keeps no second copy to check, rebuild or spare.",
                                                                     a.name, levelTitle(a.level));
    const QString needsRedundant = notRunning.isEmpty() ? notRedundant : notRunning;
    QList<ArrayAction> list;

    ArrayAction spare = action(QStringLiteral("addSpare"), i18n("Add spare\u2026"), needsRedundant);
    spare.input = ArrayAction::Input::Device;
    spare.hint = i18n("A spare waits unused and takes over when a member fails.");
    spare.make = [ctx, name = a.name](const QString &d) {
        AddSpareRequest r;
        chooseJoining(*ctx.snapshot, name, d, &r);
        return planOperation(ctx, r);
    };
    list << spare;

    const QString notMirror = !notRunning.isEmpty() ? notRunning
                            : mirror             ? QString()
                                                 : i18nc("%2 a RAID level", "Only a mirror (RAID-1) grows by copies; %1 is %2.", a.name, levelTitle(a.level));
    ArrayAction grow = action(QStringLiteral("growMirror"), i18np("Grow mirror to %1 copy\u2026", "Grow mirror to %1 copies\u2026", copies + 1), notMirror);
    grow.input = ArrayAction::Input::Device;
    grow.hint = i18n("Adds a device as one more full copy (not a spare).");
    grow.make = [ctx, md, copies](const QString &d) {
        GrowArrayRequest r{.array = md, .raidDevices = copies + 1, .add = {specFor(*ctx.snapshot, d)}};
        r.overwrite = true; // the review names what is erased and asks first
        return planOperation(ctx, r);
    };
    list << grow;

    QString cannotShrink = notMirror;
    if (cannotShrink.isEmpty() && copies <= 2)
        cannotShrink = i18np("%2 has %1 copy; a mirror keeps at least two.", "%2 has %1 copies; a mirror keeps at least two.", copies, a.name);
    ArrayAction shrink = action(QStringLiteral("shrinkMirror"), i18np("Shrink mirror back to %1 copy\u2026", "Shrink mirror back to %1 copies\u2026", qMax(1, copies - 1)), cannotShrink);
    shrink.input = ArrayAction::Input::Member;
    shrink.make = [ctx, md, copies](const QString &m) {
        return planOperation(ctx, GrowArrayRequest{.array = md, .raidDevices = copies - 1, .remove = {specFor(*ctx.snapshot, m)}});
    };
    list << shrink;
    list << backUpAction(ctx, a, notMirror);

    ArrayAction check = planned(action(QStringLiteral("check"), i18nc("@action", "Check (scrub)"), needsRedundant),
                                [ctx, md] { return planOperation(ctx, SyncActionRequest{.array = md, .action = QStringLiteral("check")}); });
    if (a.mismatchCount)
        check.hint = i18np("The last check or repair found %1 mismatched sector.", "The last check or repair found %1 mismatched sectors.", *a.mismatchCount);
    list << check;
    list << planned(action(QStringLiteral("repair"), i18nc("@action", "Repair"), needsRedundant),
                    [ctx, md] { return planOperation(ctx, SyncActionRequest{.array = md, .action = QStringLiteral("repair")}); });
    const QString noCheck = !needsRedundant.isEmpty() ? needsRedundant
                          : checking(a)               ? QString()
                                                      : i18n("No check or repair is running on %1.", a.name);
    list << planned(action(QStringLiteral("stopCheck"), i18nc("@action", "Stop check"), noCheck),
                    [ctx, md] { return planOperation(ctx, SyncActionRequest{.array = md, .action = QStringLiteral("idle")}); });

    ArrayAction speed = action(QStringLiteral("syncSpeed"), i18n("Sync speed\u2026"), needsRedundant);
    speed.input = ArrayAction::Input::SpeedLimits;
    speed.make = [ctx, md](const QString &limits) {
        return planOperation(ctx, SpeedLimitsRequest{.array = md, .min = limits.section(QLatin1Char(' '), 0, 0),
                                                     .max = limits.section(QLatin1Char(' '), 1, 1)});
    };
    list << speed;
    ArrayAction fullSpeed = planned(action(QStringLiteral("fullSpeed"), i18n("Sync at full speed until done")), [ctx, md] {
        const QString unlimited = QLatin1String(syncSpeedUnlimited);
        return planOperation(ctx, SpeedLimitsRequest{.array = md, .min = unlimited, .max = unlimited, .untilIdle = true});
    });
    fullSpeed.hint = i18n("md then syncs as fast as the disks allow, even while they are busy with other work; "
                          "the speed limits go back to what they were once it is done.");
    list << fullSpeed;
    list << scheduleAction(ctx);

    if (!running) {
        // Inactive: md holds the members it found and waits for the rest. The
        // review says what is missing; running it is the confirmation.
        DeviceSpecList members;
        for (const Member &m : a.members)
            members << specFor(s, m.device);
        list << planned(action(QStringLiteral("start"), i18n("Start array as it is")), [ctx, md, members] {
            return planOperation(ctx, AssembleArrayRequest{.array = md, .members = members, .runDegraded = true});
        });
    }
    list << planned(action(QStringLiteral("stop"), running ? i18n("Stop array") : i18n("Stop inactive array")),
                    [ctx, md] { return planOperation(ctx, StopArrayRequest{.array = md}); });
    return list;
}

QList<ArrayAction> memberActions(const PlanningContext &ctx, const Array &a, const Selectable &item)
{
    const QString md = devPath(a.name);
    QList<ArrayAction> list;
    if (item.name.isEmpty()) { // a missing slot
        ArrayAction fill = action(QStringLiteral("addMember"), i18n("Add a device to fill slot %1\u2026", item.slot.value_or(-1)),
                                  a.state == ArrayState::Inactive ? i18n("%1 is not running: start it first.", a.name) : QString());
        fill.input = ArrayAction::Input::Device;
        fill.memberAction = true;
        fill.hint = i18n("The kernel rebuilds the data onto it.");
        fill.make = [ctx, name = a.name](const QString &d) {
            AddMemberRequest r;
            chooseJoining(*ctx.snapshot, name, d, &r);
            return planOperation(ctx, r);
        };
        return list << fill;
    }
    const Member *m = a.member(item.name);
    if (!m)
        return list;
    const DeviceSpec member = specFor(*ctx.snapshot, m->device);
    const SlotState state = slotStateOf(*m, a);

    ArrayAction replace = action(QStringLiteral("replace"), i18n("Replace %1 with\u2026", m->device),
                                 state == SlotState::Spare ? i18n("%1 is a spare: it holds no data to replace. Remove it instead.", m->device)
                                 : state == SlotState::Stopped ? i18n("%1 is not running: start it first.", a.name)
                                                               : QString());
    replace.input = ArrayAction::Input::Device;
    replace.replaces = m->device;
    replace.hint = m->faulty ? i18n("Removes the failed member and rebuilds onto the new device.")
                             : i18n("Copies it onto the new device while it stays in service.");
    replace.make = [ctx, name = a.name, old = m->device](const QString &d) { return planOperation(ctx, replacing(*ctx.snapshot, name, old, d)); };
    list << replace;
    list << planned(action(QStringLiteral("fail"), i18n("Mark %1 failed", m->device)),
                    [ctx, md, member] { return planOperation(ctx, FailMemberRequest{.array = md, .member = member}); });
    list << planned(action(QStringLiteral("remove"), i18n("Remove %1 from %2", m->device, a.name)),
                    [ctx, md, member] { return planOperation(ctx, RemoveMemberRequest{.array = md, .member = member}); });
    for (ArrayAction &x : list)
        x.memberAction = true;
    return list;
}

} // namespace

QString devPath(const QString &name)
{
    return QStringLiteral("/dev/") + name;
}

ArrayAction action(const QString &id, const QString &text, const QString &why)
{
    ArrayAction a;
    a.id = id;
    a.text = text;
    a.enabled = why.isEmpty();
    a.reason = why;
    return a;
}

ArrayAction planned(ArrayAction a, const std::function<Operation()> &build)
{
    a.make = [build](const QString &) { return build(); };
    if (a.enabled) {
        const Operation op = build();
        a.enabled = !op.isRefused();
        a.reason = op.refusal.message();
    }
    return a;
}

namespace {

// The disk / is on (a partition of it): mirror the running system onto
// another disk, chosen from a list or dropped on it (the engine says why not).
QList<ArrayAction> systemDiskActions(const PlanningContext &ctx, const QString &disk)
{
    if (!runsTheSystem(*ctx.snapshot, disk))
        return {};
    // The same layout, or the lvm one (LVM on the big mirror).
    auto mirrorAction = [ctx](const QString &id, const QString &text, const QString &hint, const QString &layout) {
        ArrayAction mirror = action(id, text);
        mirror.input = ArrayAction::Input::Device;
        mirror.hint = hint;
        mirror.make = [ctx, layout](const QString &device) {
            MirrorSystemRequest r;
            r.disk = specFor(*ctx.snapshot, device);
            r.layout = layout;
            r.overwrite = true; // the review names what is erased and asks first
            return planOperation(ctx, r);
        };
        return mirror;
    };
    return {mirrorAction(QStringLiteral("mirrorSystem"), i18n("Mirror this system onto another disk\u2026"),
                         i18n("Copies the running system onto the disk you choose as RAID-1 mirrors, partition for partition; "
                              "after a restart from that disk, this one joins them."),
                         QStringLiteral("same")),
            mirrorAction(QStringLiteral("mirrorSystemLvm"), i18n("Mirror this system onto another disk, with LVM volumes\u2026"),
                         i18n("As above, but /boot alone is a mirror of its own; /, swap and the rest become LVM volumes on one "
                              "big mirror, which can be resized later while the system runs."),
                         QStringLiteral("lvm"))};
}

// A disk in arrays: take it out of all of them at once (the engine says why not).
QList<ArrayAction> diskActions(const PlanningContext &ctx, const QString &disk)
{
    const Snapshot &s = *ctx.snapshot;
    const Disk *d = s.disk(disk);
    bool inArrays = d && !s.arraysUsing(disk).isEmpty();
    for (const Partition &p : d ? d->partitions : QList<Partition>())
        inArrays = inArrays || !s.arraysUsing(p.name).isEmpty();
    if (!inArrays)
        return {};
    const DeviceSpec spec = specFor(s, disk);
    QList<ArrayAction> list{planned(action(QStringLiteral("takeDiskOut"), i18n("Take this disk out")),
                                    [ctx, spec] { return planOperation(ctx, TakeDiskOutRequest{.disk = spec}); })};
    // Its partner has gone (an array here lacks a member whose disk is not in
    // the machine): put a new disk in the gone one's place, in all its arrays.
    bool partnerGone = false;
    for (const Array &a : s.arrays) {
        bool here = false;
        int stillHere = 0;
        for (const Member &m : a.members) {
            const Disk *d = s.diskOf(m.device);
            here = here || (d && d->name == disk && !m.faulty);
            stillHere += (m.faulty && d) ? 1 : 0;
        }
        partnerGone = partnerGone || (here && a.isRedundant() && a.missingCount() > stillHere);
    }
    if (partnerGone) {
        ArrayAction replace = action(QStringLiteral("replaceMissingDisk"), i18n("Put a new disk in place of the missing one\u2026"));
        replace.input = ArrayAction::Input::Device;
        replace.make = [ctx](const QString &device) {
            ReplaceDiskRequest r;
            r.oldDisk.path = QStringLiteral("missing");
            r.newDisk = specFor(*ctx.snapshot, device);
            r.overwrite = true; // the review names what is erased and asks first
            return planOperation(ctx, r);
        };
        list << replace;
    }
    return list;
}

} // namespace

QList<ArrayAction> actionsFor(const PlanningContext &ctx, const Selectable &item)
{
    if (ctx.snapshot && item.kind == Selectable::Kind::Disk)
        return diskActions(ctx, item.name) << systemDiskActions(ctx, item.name) << backupCopyActions(ctx, item.name) << stoppedArrayActions(ctx, item.name);
    if (ctx.snapshot && item.kind == Selectable::Kind::Partition)
        return backupCopyActions(ctx, item.name) << stoppedArrayActions(ctx, item.name);
    const bool member = item.kind == Selectable::Kind::Member;
    if (!ctx.snapshot || (item.kind != Selectable::Kind::Array && !member))
        return volumeActions(ctx, item);
    const Array *a = ctx.snapshot->array(member ? item.owner : item.name);
    if (!a)
        return {};
    QList<ArrayAction> list = member ? memberActions(ctx, *a, item) : QList<ArrayAction>{};
    list << arrayActions(ctx, *a);
    return member ? list : list << volumeActions(ctx, item);
}

QList<DeviceCandidate> deviceCandidates(const PlanningContext &ctx, const QString &array, const ArrayAction &action)
{
    const Snapshot &s = *ctx.snapshot;
    const Array *a = s.array(array);
    QList<DeviceCandidate> choices;
    auto add = [&](const QString &name, qint64 size, const Disk &disk) {
        if (a && a->member(name))
            return;
        DeviceCandidate c;
        c.device = name;
        c.text = disk.model.isEmpty() ? i18nc("a device to choose: its name \u00b7 its size", "%1 \u00b7 %2", name, humanSize(size))
                                      : i18nc("a device to choose: its name \u00b7 its size \u00b7 its disk's model", "%1 \u00b7 %2 \u00b7 %3", name,
                                              humanSize(size), disk.model);
        c.op = action.make(name);
        choices << c;
    };
    for (const Disk &d : s.disks) {
        add(d.name, d.sizeBytes, d);
        for (const Partition &p : d.partitions)
            add(p.name, p.sizeBytes, d);
    }
    return choices;
}

QStringList memberChoices(const Snapshot &snapshot, const QString &array)
{
    QStringList names;
    if (const Array *a = snapshot.array(array))
        for (const Member &m : a->members)
            if (!m.journal)
                names << m.device;
    return names;
}

} // namespace plexus

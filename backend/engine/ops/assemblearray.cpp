// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "assemblearray.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/mdsuperblock.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"

#include <KLocalizedString>

#include <QRegularExpression>
#include <QSet>

namespace plexus {

using namespace actions;

namespace {

// An array md holds inactive (its members found, not started: typically
// incremental assembly waiting for members that did not come) starts with the
// members it has. That runs it degraded or not at all, so it takes run_degraded.
Status validateInactive(const AssembleArrayRequest &r, const Array &a, ValidAssemble *out)
{
    QStringList held;
    for (const Member &m : a.members)
        held << m.device;
    for (const DeviceSpec &spec : r.members) {
        const QString name = spec.path.startsWith(QLatin1String("/dev/")) ? spec.path.mid(5) : spec.path;
        if (!held.contains(name))
            return invalid(mi18nc("%1 an array, %2 its members, %3 a device",
                                 "%1 is inactive and holds %2; %3 is not one of them. Stop %1 first, then assemble it from all its "
                                 "members.", r.array, listNames(held), spec.path));
    }
    if (!r.runDegraded)
        return invalid(mi18nc("%1 an array, %2 its members; run_degraded is an option's name, --run mdadm's",
                             "%1 is inactive: md found only %2 and is waiting for the other members. Starting it now runs it "
                             "without them (degraded, or not at all if too many are missing). Connect the missing disks, or "
                             "say run_degraded (--run) to start it as it is.", r.array, listNames(held)));
    out->arrayPath = QStringLiteral("/dev/") + a.name;
    out->run = true;
    out->startInactive = true;
    for (const QString &m : held)
        out->members.append(ResolvedDevice{QStringLiteral("/dev/") + m, m});
    return {};
}

// Moves the member at `path` from `from` to `to` (assembled apart from the others).
void takeMember(const QString &path, QList<ResolvedDevice> *from, QList<ResolvedDevice> *to)
{
    for (qsizetype i = 0; i < from->size(); ++i)
        if (from->at(i).path == path) {
            *to << from->takeAt(i);
            return;
        }
}

// Members whose slot the newest superblock counts out, with fewer events: they
// left and the array went on (no split brain: they were not written alone).
// md would assemble without them and say nothing; the plan adds them back.
void takeStale(const QList<MdSuperblock> &blocks, ValidAssemble *out)
{
    const MdSuperblock *newest = newestOf(blocks);
    if (!newest || !out->arrayPath.startsWith(QLatin1String("/dev/md")) || out->arrayPath.startsWith(QLatin1String("/dev/md/")))
        return; // the plan adds into /dev/mdN only
    for (const MdSuperblock &b : blocks)
        if (b.slot && b.events < newest->events && !newest->seesActive(*b.slot))
            takeMember(b.device, &out->members, &out->stale);
}

// `device` (its superblock's array UUID `uuid`) must not be a copy of an array
// that runs: assembled apart, two arrays would share one UUID and diverge.
Status checkNotRunning(const Validator &checks, const QString &device, const QString &uuid)
{
    for (const Array &a : checks.snapshot().arrays)
        if (!a.uuid.isEmpty() && !uuid.isEmpty() && sameUuid(a.uuid, uuid))
            return inUse(mi18nc("%1 a device, %2 an array (md0), %3 its UUID",
                               "%1 holds a copy of an array that already runs as /dev/%2 (UUID %3). Assembling it apart would give "
                               "two arrays with one UUID and two diverging copies of the data. Add %1 to /dev/%2 instead "
                               "(its data is then copied over from /dev/%2), or stop /dev/%2 first.", device, a.name, a.uuid));
    return {};
}

// Starting from these members leaves out slots the array last ran with: say
// which, and start it degraded only when asked (mdadm too wants --run for that).
Status checkLeftOut(const AssembleArrayRequest &r, const QList<MdSuperblock> &blocks, ValidAssemble *out)
{
    out->slotsLeftOut = slotsLeftOut(blocks);
    if (out->slotsLeftOut.isEmpty() || r.runDegraded)
        return {};
    return invalid(mi18nc("%1 an array, %2 slot numbers; run_degraded is an option's name, --run mdadm's",
                         "%1 last ran with a member in slot %2, and none of the devices given holds it: started now, it runs degraded "
                         "(without a second copy of what that slot held). Connect the missing disk and give its member too, or "
                         "say run_degraded (--run) to start it degraded.", r.array, slotNumbers(out->slotsLeftOut)));
}

// Reads each member's superblock and refuses what md would assemble wrongly:
// a copy of an array that already runs, or halves whose histories diverged
// (unless `keep` chooses the half that wins). Without the superblocks (the
// window, not root) it says nothing: the helper, which can read them, decides.
Status checkHistories(const Validator &checks, const AssembleArrayRequest &r, ValidAssemble *out)
{
    QList<MdSuperblock> blocks;
    for (const ResolvedDevice &d : std::as_const(out->members)) {
        const auto sb = parseExamine(d.path, checks.system().mdExamine(d.name));
        if (!sb)
            return r.keep.isEmpty() ? Status()
                                    : invalid(mi18nc("%1 a device", "Plexus cannot read the md superblock on %1 (only 1.x metadata is "
                                                                   "compared), so it cannot tell which half to keep.", d.path));
        blocks << *sb;
        out->histories << sb->history();
    }
    for (const MdSuperblock &b : std::as_const(blocks))
        if (Status s = checkNotRunning(checks, b.device, b.arrayUuid); !s)
            return s;
    const MdSuperblock *kept = nullptr;
    for (const MdSuperblock &b : std::as_const(blocks))
        if (b.device == r.keep || deviceName(b.device) == deviceName(r.keep))
            kept = &b;
    if (!r.keep.isEmpty() && !kept)
        return invalid(mi18nc("%1 a device; keep is an option's name", "%1 is not one of the members to assemble; keep names the member whose half wins.", r.keep));
    if (!kept) {
        for (const MdSuperblock &b : std::as_const(blocks))
            if (const QList<MdSuperblock> other = divergedFrom(b, blocks); !other.isEmpty())
                return invalid(mi18nc("%1 and %2 members, %3 the members' histories; keep MEMBER is an option",
                                     "Split brain: %1 and %2 each ran without the other, so each may hold writes the other lacks. "
                                     "Assembled together, md would keep one half's data and silently drop the other's. Their "
                                     "histories: %3. Copy off what you need from each (assemble one half at a time, read-only), "
                                     "then choose the half to keep (keep MEMBER): the other members are erased and added again.",
                                     b.device, other.first().device, joinedList(out->histories, ki18nc("md members' histories: those so far (%1), then the next one (%2)", "%1; %2"))));
        takeStale(blocks, out);
        return checkLeftOut(r, blocks, out);
    }
    const QList<MdSuperblock> losing = divergedFrom(*kept, blocks);
    if (losing.isEmpty())
        return invalid(mi18nc("%1 the members' histories; keep is an option's name",
                             "The members' histories did not diverge (%1), so there is no half to choose: assemble them without keep.",
                             joinedList(out->histories, ki18nc("md members' histories: those so far (%1), then the next one (%2)", "%1; %2"))));
    if (!r.array.startsWith(QLatin1String("/dev/md")) || r.array.startsWith(QLatin1String("/dev/md/")))
        return invalid(mi18n("Give the array as /dev/mdN to resolve a split brain."));
    for (const MdSuperblock &l : losing)
        takeMember(l.device, &out->members, &out->rejoin);
    out->run = true; // the kept half alone is degraded until the others are back
    return {};
}

} // namespace

Status validate(const Validator &checks, const AssembleArrayRequest &r, ValidAssemble *out)
{
    *out = {};
    static const QRegularExpression numbered(QStringLiteral("^/dev/(md[0-9]{1,4})$"));
    static const QRegularExpression named(QStringLiteral("^/dev/md/(.*)$"));
    const auto mNamed = named.match(r.array);
    if (mNamed.hasMatch() && !Validator::validName(mNamed.captured(1)))
        return invalid(mi18nc("%1 a name", "'%1' is not a usable array name: use 1 to 32 letters, digits, '_', '.' or '-'.", mNamed.captured(1)));
    if (!numbered.match(r.array).hasMatch() && !mNamed.hasMatch())
        return invalid(mi18nc("%1 a path", "'%1' is not an md array device. Give /dev/mdN or /dev/md/NAME.", r.array));
    const auto mNumbered = numbered.match(r.array);
    const Array *existing = nullptr;
    if (mNumbered.hasMatch()) {
        existing = checks.snapshot().array(mNumbered.captured(1));
    } else if (checks.system().exists(r.array)) {
        existing = checks.snapshot().array(checks.system().node(r.array).kernelName);
        if (!existing)
            return inUse(mi18nc("%1 an array", "%1 already exists. Stop that array first, or choose another name.", r.array));
    }
    if (existing && existing->state == ArrayState::Inactive && !existing->members.isEmpty()) {
        if (!r.keep.isEmpty())
            return invalid(mi18nc("%1 an array; keep is an option's name", "%1 is inactive, holding members already: stop it first, then assemble it with keep.", r.array));
        return validateInactive(r, *existing, out);
    }
    if (existing && (existing->state != ArrayState::Inactive || !existing->members.isEmpty()))
        return inUse(mi18nc("%1 an array, %2 its level (raid1) or state", "%1 is already running (%2). Stop it first, or choose another device name.",
                           r.array, existing->level.value_or(toString(existing->state))));
    if (r.members.isEmpty())
        return invalid(mi18nc("%1 an array", "Name the members to assemble %1 from.", r.array));
    const Validator::Consent consent{.allowSystemDisk = r.common.allowSystemDisk, .expectMdSuperblock = true};
    QString arrayUuid;
    QSet<QString> seen;
    for (const DeviceSpec &spec : r.members) {
        ResolvedDevice dev;
        if (Status s = checks.resolveOnce(spec, &seen, &dev); !s)
            return s;
        const Disk *disk = checks.snapshot().disk(dev.diskName);
        const QString fsType = dev.wholeDisk ? disk->fsType : disk->partition(dev.name)->fsType;
        const QString uuid = dev.wholeDisk ? disk->uuid : disk->partition(dev.name)->uuid;
        if (fsType != QLatin1String("linux_raid_member"))
            return invalid(fsType.isEmpty()
                               ? mi18nc("%1 a device; plexusctl status is a command", "%1 carries no md superblock, so it is not a member of any array. "
                                       "Choose the array's members (plexusctl status shows them as md members).", dev.path)
                               : mi18nc("%1 a device, %2 what it holds (an ext4 filesystem); plexusctl status is a command",
                                       "%1 carries no md superblock (it contains %2), so it is not a member of any array. Choose the array's "
                                       "members (plexusctl status shows them as md members).", dev.path, describeContents(fsType, QString())));
        if (Status s = checks.checkFree(dev, consent); !s)
            return s;
        // udev read the array UUID from the superblock: enough to tell a running array's copy.
        if (Status s = checkNotRunning(checks, dev.path, uuid); !s)
            return s;
        if (!arrayUuid.isEmpty() && !uuid.isEmpty() && !sameUuid(arrayUuid, uuid))
            return invalid(mi18nc("%1 a device, %2 and %3 array UUIDs", "%1 belongs to another array (UUID %2) than the first member (UUID %3). "
                                 "Assemble each array from its own members.", dev.path, uuid, arrayUuid));
        if (arrayUuid.isEmpty())
            arrayUuid = uuid;
        out->members.append(dev);
    }
    out->arrayPath = r.array;
    out->run = r.runDegraded;
    return checkHistories(checks, r, out);
}

namespace {

std::function<Status()> started(const QString &path)
{
    return [path] {
        QString md;
        if (!waitFor(10000, [&] {
                md = mdKernelName(path);
                return !md.isEmpty() && arrayRunning(md);
            }))
            return toolFailed(mi18nc("%1 an array", "%1 did not start.", path));
        return Status();
    };
}

Plan startInactivePlan(const ValidAssemble &v, const QStringList &members)
{
    Plan plan;
    plan.summary = i18nc("%1 an array, %2 its members", "Start the inactive %1 with the members it holds (%2).", v.arrayPath, listNames(members));
    plan.notes << i18n("Members that are missing stay missing: the array runs degraded until they are added again.");
    Step s;
    s.description = i18nc("a step: %1 an array", "Start %1 as it is, even if degraded", v.arrayPath);
    s.command = {QStringLiteral("mdadm"), QStringLiteral("--run"), v.arrayPath};
    s.action = runThenSettle(s.command);
    s.check = started(v.arrayPath);
    plan.steps << s;
    return plan;
}

} // namespace

Plan makePlan(const ValidAssemble &v)
{
    Plan plan;
    QStringList members;
    for (const ResolvedDevice &d : v.members)
        members << d.path;
    if (v.startInactive)
        return startInactivePlan(v, members);
    plan.summary = i18nc("%1 an array, %2 its members", "Assemble %1 from %2.", v.arrayPath, listNames(members));
    if (!v.slotsLeftOut.isEmpty()) {
        plan.notes << i18nc("%1 slot numbers, %2 an array", "Slot %1 has no member among these: %2 runs degraded until a device is added in its place.",
                            slotNumbers(v.slotsLeftOut), v.arrayPath);
    } else if (v.run) {
        plan.notes << i18n("The array is started even if members are missing (degraded).");
    }
    Step s;
    s.description = v.run ? i18nc("a step: %1 an array, %2 its members", "Assemble %1 from %2, starting it even if degraded", v.arrayPath, listNames(members))
                          : i18nc("a step: %1 an array, %2 its members", "Assemble %1 from %2", v.arrayPath, listNames(members));
    s.command = mdAssembleArgv(v.arrayPath, members, v.run);
    const QString path = v.arrayPath;
    const bool runDegraded = v.run;
    s.action = [path, members, runDegraded](StepContext &ctx) {
        Status st = mdAssemble(ctx, path, members, runDegraded);
        udevSettle(ctx);
        return st;
    };
    s.check = started(path);
    plan.steps << s;
    plan.exclusive = members;
    // Older members: back in once the array runs, rebuilt from it (quickly with a bitmap).
    QStringList stale;
    for (const ResolvedDevice &d : v.stale) {
        stale << d.path;
        plan.exclusive << d.path;
        plan.steps << addIntoSlotStep(v.arrayPath, v.arrayPath.mid(5), d);
    }
    if (!stale.isEmpty())
        plan.notes << i18nc("%1 one or more members, %2 an array",
                            "%1 left the array while it went on without it (its copy is older), so md assembles without it; it is added "
                            "back once %2 runs, and md copies onto it what it missed.", listNames(stale), v.arrayPath);
    if (v.rejoin.isEmpty())
        return plan;
    // Split brain resolved: the kept half runs; the others lose their history
    // and come back as new members, copied from it.
    const QString md = v.arrayPath.mid(5);
    QStringList rejoined;
    for (const ResolvedDevice &d : v.rejoin) {
        rejoined << d.path;
        plan.exclusive << d.path;
        plan.steps << zeroStep(d, i18nc("appended to the step 'Erase the md superblock on /dev/sdc2'", ": its half of the diverged history is given up"));
        plan.steps << addIntoSlotStep(v.arrayPath, md, d);
    }
    plan.summary = i18nc("%1 an array, %2 the members kept, %3 the others",
                         "Assemble %1 from %2, whose data is kept; erase %3 and add it again, so that md copies the kept data onto it.", v.arrayPath,
                         listNames(members), listNames(rejoined));
    plan.notes = {i18nc("%1 one or more members, %2 the members' histories", "Whatever was written only to %1 is lost. The histories: %2.",
                        listNames(rejoined),
                        joinedList(v.histories, ki18nc("md members' histories: those so far (%1), then the next one (%2)", "%1; %2")))};
    return plan;
}

} // namespace plexus

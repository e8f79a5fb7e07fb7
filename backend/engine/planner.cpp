#include "planner.h"

#include "actions.h"
#include "textedits.h"

#include "model/describe.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace plexus {

using namespace actions;

namespace {

Status failed(const QString &m) { return Status::failure(ErrorCode::ToolFailed, m); }
// sfdisk --dump SOURCE | sfdisk TARGET, then the kernel reads it (CopyPartitionTable, ReplaceMember).
QList<Step> copyTableSteps(const ValidCopyTable &v);
Status busyNow(const QString &m) { return Status::failure(ErrorCode::Busy, m); }

QString listNames(const QStringList &names)
{
    if (names.size() <= 1)
        return names.join(QString());
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + names.last();
}

QString sysfsMd(const QString &md, const QString &attribute)
{
    return QStringLiteral("/sys/block/%1/md/%2").arg(md, attribute);
}

// Preconditions shared by steps on existing arrays.
std::function<Status()> arrayIsRunning(const QString &md, const QString &path)
{
    return [md, path] {
        if (!arrayRunning(md))
            return Status::failure(ErrorCode::NotFound, QStringLiteral("%1 is no longer running.").arg(path));
        return Status();
    };
}

std::function<Status()> memberHas(const QString &md, const QString &member, const QString &word, const QString &what)
{
    return [=] {
        if (!waitFor(5000, [&] { return memberState(md, member).contains(word); }))
            return failed(QStringLiteral("/dev/%1 is not %2 in %3 (its state is '%4').").arg(member, what, md, memberState(md, member).join(QLatin1Char(','))));
        return Status();
    };
}

std::function<Status()> memberGone(const QString &md, const QString &member)
{
    return [=] {
        if (!waitFor(5000, [&] { return !memberPresent(md, member); }))
            return failed(QStringLiteral("/dev/%1 is still listed in %2.").arg(member, md));
        return Status();
    };
}

std::function<Status()> memberAdded(const QString &md, const QString &member)
{
    return [=] {
        if (!waitFor(5000, [&] { return memberPresent(md, member); }))
            return failed(QStringLiteral("/dev/%1 does not appear among %2's members.").arg(member, md));
        if (memberState(md, member).contains(QStringLiteral("faulty")))
            return failed(QStringLiteral("/dev/%1 was added to %2 but is faulty: the disk may be failing.").arg(member, md));
        return Status();
    };
}

Step addSpareStep(const QString &arrayPath, const QString &md, const ResolvedDevice &dev, const QString &why)
{
    Step s;
    s.description = QStringLiteral("Add %1 to %2 as a spare%3").arg(dev.path, md, why);
    s.command = {QStringLiteral("mdadm"), arrayPath, QStringLiteral("--add-spare"), dev.path};
    s.precondition = arrayIsRunning(md, arrayPath);
    const QStringList argv = s.command;
    s.action = [argv](StepContext &ctx) { return run(ctx, argv); };
    s.check = memberAdded(md, dev.name);
    return s;
}

Step failStep(const QString &arrayPath, const QString &md, const QString &member, const QString &consequence)
{
    Step s;
    s.description = QStringLiteral("Mark /dev/%1 faulty in %2%3").arg(member, md, consequence);
    s.command = {QStringLiteral("mdadm"), arrayPath, QStringLiteral("--fail"), QStringLiteral("/dev/") + member};
    s.precondition = [md, member, arrayPath] {
        if (!memberPresent(md, member))
            return Status::failure(ErrorCode::NotFound, QStringLiteral("/dev/%1 is no longer a member of %2.").arg(member, arrayPath));
        return Status();
    };
    const QStringList argv = s.command;
    s.action = [argv](StepContext &ctx) { return run(ctx, argv); };
    s.check = memberHas(md, member, QStringLiteral("faulty"), QStringLiteral("marked faulty"));
    return s;
}

Step removeStep(const QString &arrayPath, const QString &md, const QString &member, const QString &what)
{
    Step s;
    s.description = QStringLiteral("Remove %1 from %2").arg(what, md);
    s.command = mdRemoveArgv(arrayPath, QStringLiteral("/dev/") + member);
    s.precondition = [md, member] {
        // Just failed: md lets go of it once pending I/O has drained.
        const bool ready = waitFor(5000, [&] {
            const QStringList st = memberState(md, member);
            return st.isEmpty() || st.contains(QStringLiteral("faulty")) || st.contains(QStringLiteral("spare"));
        });
        if (!ready)
            return busyNow(QStringLiteral("/dev/%1 is still working in %2 (state '%3'): md removes only faulty members and spares.")
                               .arg(member, md, memberState(md, member).join(QLatin1Char(','))));
        return Status();
    };
    const QString array = arrayPath, dev = QStringLiteral("/dev/") + member;
    s.action = [array, dev](StepContext &ctx) { return mdRemove(ctx, array, dev); };
    s.check = memberGone(md, member);
    return s;
}

Step zeroStep(const ResolvedDevice &dev, const QString &why)
{
    Step s;
    s.description = QStringLiteral("Erase the md superblock on %1%2").arg(dev.path, why);
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
            return failed(QStringLiteral("%1 still carries an md superblock.").arg(path));
        return Status();
    };
    return s;
}

// A new GPT on `disk` with one Linux RAID partition, `partition`, filling it.
Step partitionWholeDiskStep(const ResolvedDevice &disk, const QString &partition)
{
    Step s;
    s.description = QStringLiteral("Give %1 a new GPT partition table with one Linux RAID partition, /dev/%2, filling it").arg(disk.path, partition);
    s.command = {QStringLiteral("sfdisk"), QStringLiteral("--wipe=always"), QStringLiteral("--wipe-partitions=always"), disk.path};
    static const QByteArray script = "label: gpt\n,,R\n";
    s.commandNote = QStringLiteral("<<< $'label: gpt\\n,,R'");
    const QStringList argv = s.command;
    s.action = [argv](StepContext &ctx) {
        Status st = run(ctx, argv, script);
        udevSettle(ctx);
        return st;
    };
    const QString diskName = disk.name;
    s.check = [diskName, partition] {
        const bool there = waitFor(10000, [&] { return QFileInfo::exists(QStringLiteral("/sys/block/%1/%2").arg(diskName, partition)); });
        return there ? Status() : failed(QStringLiteral("The kernel does not show /dev/%1 after partitioning /dev/%2.").arg(partition, diskName));
    };
    return s;
}

qint64 arraySizeEstimate(const QString &level, int n, const QList<ResolvedDevice> &members, qint64 smallest)
{
    if (level == QLatin1String("linear")) {
        qint64 sum = 0;
        for (const ResolvedDevice &d : members)
            sum += d.sizeBytes;
        return sum;
    }
    if (level == QLatin1String("raid0"))
        return smallest * n;
    if (level == QLatin1String("raid1"))
        return smallest;
    if (level == QLatin1String("raid4") || level == QLatin1String("raid5"))
        return smallest * (n - 1);
    if (level == QLatin1String("raid6"))
        return smallest * (n - 2);
    if (level == QLatin1String("raid10"))
        return smallest * n / 2;
    return 0;
}

} // namespace

Plan planCreate(Snapshot model, const ValidCreate &v)
{
    Q_UNUSED(model);
    Plan plan;
    plan.operation = QStringLiteral("CreateArray");
    CreateParams p;
    p.array = v.arrayPath;
    // mdadm's own spelling, as people type it: --level=1, --level=linear.
    p.level = v.level.startsWith(QLatin1String("raid")) ? v.level.mid(4) : v.level;
    QStringList real, memberPaths;
    int missing = 0;
    for (const ResolvedDevice &d : v.members) {
        p.devices << d.path;
        memberPaths << d.path;
        if (d.missing)
            ++missing;
        else
            real << d.path;
    }
    QStringList sparePaths;
    for (const ResolvedDevice &d : v.spares) {
        p.devices << d.path;
        sparePaths << d.path;
    }
    p.spares = int(v.spares.size());
    p.metadata = v.metadata;
    p.bitmap = v.bitmap;
    p.chunkKib = v.chunkKib;
    p.name = v.name;
    p.force = v.force;
    const int n = int(v.members.size());

    QString from = listNames(real);
    if (missing == 1)
        from += QStringLiteral(" and a missing slot");
    else if (missing > 1)
        from += QStringLiteral(" and %1 missing slots").arg(missing);
    QString extras;
    if (!sparePaths.isEmpty())
        extras += QStringLiteral(", with %1 as spare").arg(listNames(sparePaths));
    if (v.bitmap == QLatin1String("internal"))
        extras += QStringLiteral(", with an internal write-intent bitmap");
    if (v.chunkKib)
        extras += QStringLiteral(", %1 KiB chunks").arg(v.chunkKib);

    const qint64 size = arraySizeEstimate(v.level, n, v.members, v.memberDataBytes);
    plan.summary = QStringLiteral("Create %1: %2 of %3 device(s), about %4.").arg(v.arrayPath, levelWords(v.level)).arg(n).arg(humanSize(size));
    for (const ResolvedDevice &d : v.members)
        if (!d.missing && d.sizeBytes > v.memberDataBytes && v.level != QLatin1String("linear"))
            plan.notes << QStringLiteral("The smallest member, %1 (%2), decides how much of each member is used: %3 of %4 (%5) stay unused.")
                              .arg(v.smallest, humanSize(v.memberDataBytes), humanSize(d.sizeBytes - v.memberDataBytes), d.path, humanSize(d.sizeBytes));
    if (missing > 0)
        plan.notes << QStringLiteral("%1 starts degraded: add a member to each missing slot later (plexusctl add) to make it redundant.").arg(v.arrayPath);
    else if (v.level != QLatin1String("raid0") && v.level != QLatin1String("linear") && n > 1)
        plan.notes << QStringLiteral("The kernel then synchronises the members in the background (resync); %1 can be used meanwhile.").arg(v.arrayPath);
    if (v.force)
        plan.notes << QStringLiteral("A mirror of one device has no redundancy until a second member is added (plexusctl grow --raid-devices 2 --add DEV).");

    // Disks to partition first: held open by their whole-disk node (the partitions do not exist yet).
    QStringList held = real + sparePaths;
    for (const ResolvedDevice &disk : v.partitionDisks) {
        for (const auto *list : {&v.members, &v.spares})
            for (const ResolvedDevice &d : *list)
                if (!d.missing && d.diskName == disk.name) {
                    plan.steps << partitionWholeDiskStep(disk, d.name);
                    held.replace(held.indexOf(d.path), disk.path);
                }
    }
    if (!v.partitionDisks.isEmpty())
        plan.notes << QStringLiteral("Each whole disk gets one partition of type Linux RAID; the partitions are the members.");

    Step s;
    s.description = QStringLiteral("Create the %1 array %2 from %3%4").arg(levelWords(v.level), v.arrayPath, from, extras);
    s.command = mdCreateArgv(p);
    const QString arrayPath = v.arrayPath;
    s.precondition = [arrayPath, real] {
        const QString md = mdKernelName(arrayPath);
        if (!md.isEmpty() && arrayRunning(md))
            return Status::failure(ErrorCode::InUse, QStringLiteral("%1 has been created by someone else meanwhile.").arg(arrayPath));
        for (const QString &d : real)
            if (!QFileInfo::exists(d))
                return Status::failure(ErrorCode::NotFound, QStringLiteral("%1 has gone.").arg(d));
        return Status();
    };
    s.action = [p](StepContext &ctx) {
        Status st = mdCreate(ctx, p);
        udevSettle(ctx);
        return st;
    };
    const QString level = v.level;
    s.check = [arrayPath, level, n] {
        QString md;
        const bool up = waitFor(10000, [&] {
            md = mdKernelName(arrayPath);
            return !md.isEmpty() && arrayRunning(md);
        });
        if (!up)
            return failed(QStringLiteral("mdadm reported success but %1 is not running.").arg(arrayPath));
        if (mdAttribute(md, QStringLiteral("level")) != level)
            return failed(QStringLiteral("%1 runs as %2, not %3.").arg(arrayPath, mdAttribute(md, QStringLiteral("level")), level));
        if (mdAttribute(md, QStringLiteral("raid_disks")).section(QLatin1Char(' '), 0, 0) != QString::number(n))
            return failed(QStringLiteral("%1 has %2 slots, not %3.").arg(arrayPath, mdAttribute(md, QStringLiteral("raid_disks"))).arg(n));
        return Status();
    };
    plan.steps << s;
    plan.exclusive = held;
    return plan;
}

Plan planStop(Snapshot model, const ValidStop &v)
{
    Q_UNUSED(model);
    Plan plan;
    plan.operation = QStringLiteral("StopArray");
    const QString md = v.array.array.name, path = v.array.path;
    plan.summary = QStringLiteral("Stop %1.").arg(path);
    plan.notes << QStringLiteral("The members keep their data and md superblocks: assemble starts %1 again.").arg(md);
    Step s;
    s.description = QStringLiteral("Stop %1 (%2, %3 member(s))").arg(path, levelWords(v.array.array.level.value_or(QStringLiteral("inactive")))).arg(v.array.array.members.size());
    s.command = mdStopArgv(path);
    s.action = [path](StepContext &ctx) {
        Status st = mdStop(ctx, path);
        udevSettle(ctx);
        return st;
    };
    s.check = [md, path] {
        if (!waitFor(10000, [&] { return !arrayRunning(md); }))
            return failed(QStringLiteral("%1 is still running.").arg(path));
        return Status();
    };
    plan.steps << s;
    plan.exclusive = {path};
    return plan;
}

Plan planAssemble(Snapshot model, const ValidAssemble &v)
{
    Q_UNUSED(model);
    Plan plan;
    plan.operation = QStringLiteral("AssembleArray");
    QStringList members;
    for (const ResolvedDevice &d : v.members)
        members << d.path;
    plan.summary = QStringLiteral("Assemble %1 from %2.").arg(v.arrayPath, listNames(members));
    if (v.run)
        plan.notes << QStringLiteral("The array is started even if members are missing (degraded).");
    Step s;
    s.description = QStringLiteral("Assemble %1 from %2%3").arg(v.arrayPath, listNames(members), v.run ? QStringLiteral(", starting it even if degraded") : QString());
    s.command = mdAssembleArgv(v.arrayPath, members, v.run);
    const QString path = v.arrayPath;
    const bool runDegraded = v.run;
    s.action = [path, members, runDegraded](StepContext &ctx) {
        Status st = mdAssemble(ctx, path, members, runDegraded);
        udevSettle(ctx);
        return st;
    };
    s.check = [path] {
        QString md;
        if (!waitFor(10000, [&] {
                md = mdKernelName(path);
                return !md.isEmpty() && arrayRunning(md);
            }))
            return failed(QStringLiteral("%1 did not start.").arg(path));
        return Status();
    };
    plan.steps << s;
    plan.exclusive = members;
    return plan;
}

Plan planAdd(Snapshot model, const ValidAdd &v)
{
    Q_UNUSED(model);
    Plan plan;
    const QString md = v.array.array.name, path = v.array.path;
    const bool degraded = v.array.array.missingCount() > 0;
    if (v.partitionFirst) {
        plan.steps << copyTableSteps(*v.partitionFirst);
        plan.notes << QStringLiteral("%1 first gets %2's partitions (same starts, sizes and types; new identifiers); %3 is the one that joins %4.")
                          .arg(v.partitionFirst->target.path, v.partitionFirst->source.path, v.device.path, md);
    }
    if (v.spare) {
        plan.operation = QStringLiteral("AddSpare");
        plan.summary = QStringLiteral("Add %1 to %2 as a spare.").arg(v.device.path, md);
        if (degraded)
            plan.notes << QStringLiteral("%1 is degraded: the kernel starts rebuilding onto the spare at once.").arg(md);
        else
            plan.notes << QStringLiteral("The spare waits unused; it takes over as soon as a member of %1 fails.").arg(md);
        plan.steps << addSpareStep(path, md, v.device, QString());
    } else {
        plan.operation = QStringLiteral("AddMember");
        plan.summary = QStringLiteral("Add %1 to %2 in its missing slot.").arg(v.device.path, md);
        plan.notes << QStringLiteral("The kernel rebuilds the data onto %1 in the background (recovery); %2 is redundant again when it finishes.").arg(v.device.path, md);
        Step s;
        s.description = QStringLiteral("Add %1 to %2 in its missing slot; the kernel then rebuilds the data onto it").arg(v.device.path, md);
        s.command = mdAddArgv(path, v.device.path);
        s.precondition = arrayIsRunning(md, path);
        const QString dev = v.device.path;
        s.action = [path, dev](StepContext &ctx) { return mdAdd(ctx, path, dev); };
        s.check = memberAdded(md, v.device.name);
        plan.steps << s;
    }
    // A partition still to be made: hold its disk instead.
    plan.exclusive = {v.partitionFirst ? v.partitionFirst->target.path : v.device.path};
    return plan;
}

Plan planFail(Snapshot model, const ValidFail &v)
{
    Q_UNUSED(model);
    Plan plan;
    plan.operation = QStringLiteral("FailMember");
    const QString md = v.array.array.name;
    plan.summary = QStringLiteral("Mark %1 faulty in %2.").arg(v.member.path, md);
    const Member *m = v.array.array.member(v.member.name);
    int spares = 0;
    for (const Member &x : v.array.array.members)
        spares += (x.spare && !x.faulty && x.device != v.member.name) ? 1 : 0;
    QString consequence;
    if (m && m->spare)
        consequence = QStringLiteral(" (it is a spare: no data depends on it)");
    else if (spares > 0)
        consequence = QStringLiteral("; a spare takes its place and the kernel rebuilds onto it");
    else
        consequence = QStringLiteral("; %1 then runs without it (degraded) until a member is added").arg(md);
    plan.notes << QStringLiteral("%1 stays in %2 as a faulty member until it is removed (plexusctl remove).").arg(v.member.path, md);
    plan.steps << failStep(v.array.path, md, v.member.name, consequence);
    return plan;
}

Plan planRemove(Snapshot model, const ValidRemove &v)
{
    Q_UNUSED(model);
    Plan plan;
    plan.operation = QStringLiteral("RemoveMember");
    const QString md = v.array.array.name, path = v.array.path;
    plan.summary = QStringLiteral("Remove %1 from %2.").arg(v.member.path, md);
    if (v.vanished) {
        Step s;
        s.description = QStringLiteral("Remove the vanished member %1 (its disk is gone) from %2").arg(v.member.path, md);
        const QString file = sysfsMd(md, QStringLiteral("dev-%1/state").arg(v.member.name));
        s.command = {QStringLiteral("echo"), QStringLiteral("remove")};
        s.commandNote = QStringLiteral("> %1").arg(file);
        s.action = [file](StepContext &ctx) { return writeSysfs(ctx, file, QStringLiteral("remove")); };
        s.check = memberGone(md, v.member.name);
        plan.steps << s;
        return plan;
    }
    if (v.failFirst)
        plan.steps << failStep(path, md, v.member.name, QStringLiteral(" so that it can be removed"));
    plan.steps << removeStep(path, md, v.member.name, v.member.path);
    if (v.zeroSuperblock)
        plan.steps << zeroStep(v.member, QStringLiteral(", so that it is no longer recognised as a member of %1").arg(md));
    else
        plan.notes << QStringLiteral("%1 keeps its md superblock and its copy of the data as of now.").arg(v.member.path);
    return plan;
}

Plan planReplace(Snapshot model, const ValidReplace &v)
{
    Q_UNUSED(model);
    Plan plan;
    plan.operation = QStringLiteral("ReplaceMember");
    const QString md = v.array.array.name, path = v.array.path;
    const QString oldName = v.oldMember.name, newName = v.newDevice.name;
    plan.exclusive = {v.newDevice.path};
    QString partitioned;
    if (v.partitionFirst) {
        // The new partition does not exist yet: hold its disk instead.
        plan.exclusive = {v.partitionFirst->target.path};
        plan.steps << copyTableSteps(*v.partitionFirst);
        partitioned = QStringLiteral(" (%1 gets %2's partitions first)").arg(v.partitionFirst->target.path, v.partitionFirst->source.path);
        plan.notes << QStringLiteral("%1 is made exactly like %2: same partitions, same starts and sizes, new identifiers.")
                          .arg(v.newDevice.path, v.oldMember.path);
    }
    // Last, once the new member is in: a failure here leaves the array whole.
    const auto zeroOld = [&] {
        if (v.zeroOld)
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
            return failed(QStringLiteral("/dev/%1 is no longer working in %2 (state '%3').").arg(oldName, md, memberState(md, oldName).join(QLatin1Char(','))));
        if (!memberState(md, newName).contains(QStringLiteral("spare")))
            return failed(QStringLiteral("/dev/%1 is not a spare of %2.").arg(newName, md));
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
        return started ? Status() : failed(QStringLiteral("md did not mark /dev/%1 for replacement.").arg(oldName));
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
                return failed(QStringLiteral("/dev/%1 failed during the copy; /dev/%2 is still in service.").arg(newName, oldName));
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
                return failed(QStringLiteral("md is not copying /dev/%1 onto /dev/%2 (sync_action is idle).").arg(oldName, newName));
            QThread::msleep(200);
        }
        ctx.progress(100.0);
        return Status();
    };
    plan.steps << wait;
    plan.steps << removeStep(path, md, oldName, QStringLiteral("the replaced member %1").arg(v.oldMember.path));
    zeroOld();
    return plan;
}

Plan planGrow(Snapshot model, const ValidGrow &v)
{
    Plan plan;
    plan.operation = QStringLiteral("GrowArray");
    const QString md = v.array.array.name, path = v.array.path;
    const QString level = v.array.array.level.value_or(QString());
    const int current = v.array.array.raidDisks.value_or(int(v.array.array.members.size()));
    Array *live = nullptr;
    for (Array &a : model.arrays)
        if (a.name == md)
            live = &a;
    QStringList parts;
    if (v.raidDevices > current)
        parts << QStringLiteral("from %1 to %2 devices").arg(current).arg(v.raidDevices);
    else if (v.raidDevices > 0 && v.raidDevices < current)
        parts << QStringLiteral("down from %1 to %2 devices").arg(current).arg(v.raidDevices);
    if (v.sizeMax)
        parts << QStringLiteral("onto the whole of its members");
    plan.summary = QStringLiteral("Grow %1 %2.").arg(md, parts.join(QStringLiteral(", then ")));
    if (v.raidDevices < current && v.raidDevices > 0)
        plan.summary = QStringLiteral("Shrink %1 %2.").arg(md, parts.join(QStringLiteral(", then ")));

    int number = current;
    for (const ResolvedDevice &d : v.add) {
        plan.steps << addSpareStep(path, md, d, QStringLiteral(", ready to become member number %1").arg(++number));
        plan.exclusive << d.path;
    }
    for (const ResolvedDevice &d : v.remove) {
        if (!v.removeFaulty.contains(d.name)) {
            plan.steps << failStep(path, md, d.name, QStringLiteral(" so that it can be taken out (it keeps its copy of the data)"));
            if (live)
                for (Member &m : live->members)
                    if (m.device == d.name)
                        m.faulty = true;
        }
        plan.steps << removeStep(path, md, d.name, d.path);
        if (live)
            live->members.removeIf([&](const Member &m) { return m.device == d.name; });
    }
    if (v.raidDevices > 0) {
        Step s;
        const bool up = v.raidDevices > current;
        s.description = up ? QStringLiteral("Make %1 use %2 devices; the kernel then %3").arg(md).arg(v.raidDevices)
                                 .arg(level == QLatin1String("raid1") ? QStringLiteral("copies the data onto the new member(s)")
                                                                      : QStringLiteral("restripes the data across them (reshape)"))
                           : QStringLiteral("Make %1 a %2-device %3 (its remaining member(s): %4)").arg(md).arg(v.raidDevices).arg(levelWords(level),
                                 [&] {
                                     QStringList names;
                                     if (live)
                                         for (const Member &m : live->members)
                                             if (!m.faulty)
                                                 names << m.device;
                                     return listNames(names);
                                 }());
        s.command = {QStringLiteral("mdadm"), QStringLiteral("--grow"), path, QStringLiteral("--raid-devices=%1").arg(v.raidDevices)};
        if (v.raidDevices == 1)
            s.command.insert(3, QStringLiteral("--force"));
        s.precondition = arrayIsRunning(md, path);
        const QStringList argv = s.command;
        s.action = [argv](StepContext &ctx) { return run(ctx, argv); };
        const int wanted = v.raidDevices;
        s.check = [md, path, wanted] {
            if (!waitFor(10000, [&] { return mdAttribute(md, QStringLiteral("raid_disks")).section(QLatin1Char(' '), 0, 0) == QString::number(wanted); }))
                return failed(QStringLiteral("%1 has %2 devices, not %3.").arg(path, mdAttribute(md, QStringLiteral("raid_disks"))).arg(wanted));
            return Status();
        };
        plan.steps << s;
        if (up)
            plan.notes << (level == QLatin1String("raid1")
                               ? QStringLiteral("The copy onto the new member(s) runs in the background (recovery); %1 stays usable.").arg(md)
                               : QStringLiteral("The reshape runs in the background and can take hours on big disks; %1 stays usable and the reshape resumes after a reboot.").arg(md));
        else
            plan.notes << QStringLiteral("The removed member(s) keep a copy of the data as of now (a point-in-time copy); erase them with zero-superblock before reuse.");
    }
    if (v.sizeMax) {
        Step s;
        s.description = QStringLiteral("Let %1 use the whole of its members").arg(md);
        s.command = {QStringLiteral("mdadm"), QStringLiteral("--grow"), path, QStringLiteral("--size=max")};
        s.precondition = arrayIsRunning(md, path);
        const QStringList argv = s.command;
        s.action = [argv](StepContext &ctx) { return run(ctx, argv); };
        plan.steps << s;
        plan.notes << QStringLiteral("The filesystem on %1 does not grow by itself: grow it afterwards (resize2fs, xfs_growfs).").arg(md);
    }
    return plan;
}

Plan planSyncAction(Snapshot model, const ValidSyncAction &v)
{
    Q_UNUSED(model);
    Plan plan;
    plan.operation = QStringLiteral("RequestSyncAction");
    const QString md = v.array.array.name, action = v.action;
    const QString file = sysfsMd(md, QStringLiteral("sync_action"));
    Step s;
    if (action == QLatin1String("check")) {
        plan.summary = QStringLiteral("Check %1: read every copy and count the blocks that differ.").arg(md);
        s.description = QStringLiteral("Start a check of %1 (md reads every member and counts mismatches; the array stays usable)").arg(md);
        plan.notes << QStringLiteral("When it finishes, md/mismatch_cnt says how many sectors differed.");
    } else if (action == QLatin1String("repair")) {
        plan.summary = QStringLiteral("Repair %1: read every copy and rewrite the blocks that differ.").arg(md);
        s.description = QStringLiteral("Start a repair of %1 (md reads every member and rewrites mismatches; the array stays usable)").arg(md);
    } else {
        plan.summary = QStringLiteral("Stop the check or repair running on %1.").arg(md);
        s.description = QStringLiteral("Stop the check or repair of %1").arg(md);
    }
    s.command = {QStringLiteral("echo"), action};
    s.commandNote = QStringLiteral("> %1").arg(file);
    s.action = [file, action](StepContext &ctx) { return writeSysfs(ctx, file, action); };
    s.check = [md, action] {
        const bool ok = waitFor(3000, [&] {
            const QString now = mdAttribute(md, QStringLiteral("sync_action"));
            if (action == QLatin1String("idle"))
                return now == QLatin1String("idle") || now == QLatin1String("frozen");
            // A small array may be checked before we look: md remembers the last one.
            return now == action || (now == QLatin1String("idle") && mdAttribute(md, QStringLiteral("last_sync_action")) == action);
        });
        return ok ? Status() : failed(QStringLiteral("md did not start the %1 (sync_action is '%2').").arg(action, mdAttribute(md, QStringLiteral("sync_action"))));
    };
    plan.steps << s;
    return plan;
}

Plan planSpeedLimits(Snapshot model, const ValidSpeedLimits &v)
{
    Q_UNUSED(model);
    Plan plan;
    plan.operation = QStringLiteral("SetSyncSpeedLimits");
    const QString md = v.array.array.name;
    auto step = [&](const QString &which, const QString &value) {
        Step s;
        const QString file = sysfsMd(md, QStringLiteral("sync_speed_%1").arg(which));
        const bool isMin = which == QLatin1String("min");
        if (value == QLatin1String("system"))
            s.description = QStringLiteral("Use the system-wide %1 resync speed for %2 (/proc/sys/dev/raid/speed_limit_%3)")
                                .arg(isMin ? QStringLiteral("minimum") : QStringLiteral("maximum"), md, which);
        else
            s.description = isMin ? QStringLiteral("Let %1 resync at least %2 KiB/s, even while the disks are busy").arg(md, value)
                                  : QStringLiteral("Let %1 resync at most %2 KiB/s").arg(md, value);
        s.command = {QStringLiteral("echo"), value};
        s.commandNote = QStringLiteral("> %1").arg(file);
        s.action = [file, value](StepContext &ctx) { return writeSysfs(ctx, file, value); };
        s.check = [md, which, value, file] {
            const QString now = mdAttribute(md, QStringLiteral("sync_speed_%1").arg(which));
            const bool ok = value == QLatin1String("system") ? now.contains(QLatin1String("(system)"))
                                                             : (now.section(QLatin1Char(' '), 0, 0) == value && now.contains(QLatin1String("(local)")));
            return ok ? Status() : failed(QStringLiteral("%1 reads '%2' after writing '%3'.").arg(file, now, value));
        };
        return s;
    };
    const qint64 currentMin = v.array.array.syncSpeedMin.value_or(0);
    QList<Step> steps;
    if (!v.min.isEmpty())
        steps << step(QStringLiteral("min"), v.min);
    if (!v.max.isEmpty())
        steps << step(QStringLiteral("max"), v.max);
    // Never let min > max in between: raise max first, lower min first.
    bool maxFirst = false;
    bool ok = false;
    const qint64 newMin = v.min.toLongLong(&ok);
    if (!v.max.isEmpty() && !v.min.isEmpty() && ok && newMin > currentMin)
        maxFirst = true;
    if (maxFirst && steps.size() == 2)
        std::swap(steps[0], steps[1]);
    plan.steps = steps;
    plan.summary = QStringLiteral("Set %1's resync speed limits%2%3.")
                       .arg(md, v.min.isEmpty() ? QString() : QStringLiteral(": minimum %1").arg(v.min),
                            v.max.isEmpty() ? QString() : QStringLiteral("%1maximum %2").arg(v.min.isEmpty() ? QStringLiteral(": ") : QStringLiteral(", "), v.max));
    return plan;
}

Plan planZeroSuperblock(Snapshot model, const ValidZero &v)
{
    Q_UNUSED(model);
    Plan plan;
    plan.operation = QStringLiteral("ZeroSuperblock");
    plan.summary = QStringLiteral("Erase the md superblock on %1.").arg(v.device.path);
    plan.notes << QStringLiteral("The data on %1 stays but no longer belongs to any array%2.")
                      .arg(v.device.path, v.formerArray.isEmpty() ? QString() : QStringLiteral(" (it was a member of the array %1)").arg(v.formerArray));
    plan.steps << zeroStep(v.device, QString());
    plan.exclusive = {v.device.path};
    return plan;
}

Plan planCopyPartitionTable(Snapshot model, const ValidCopyTable &v)
{
    Plan plan;
    plan.operation = QStringLiteral("CopyPartitionTable");
    int partitions = 0;
    if (const Disk *d = model.disk(v.source.name))
        partitions = int(d->partitions.size());
    plan.summary = QStringLiteral("Copy %1's partition table (%2, %3 partition(s)) to %4.").arg(v.source.path, v.sourceTable).arg(partitions).arg(v.target.path);
    plan.exclusive = {v.target.path};
    plan.steps = copyTableSteps(v);
    plan.notes << QStringLiteral("Each new partition on %1 has the same start, size and type as on %2; identifiers are new.").arg(v.target.path, v.source.path);
    return plan;
}

namespace {

QList<Step> copyTableSteps(const ValidCopyTable &v)
{
    QList<Step> steps;
    const QString src = v.source.path, dst = v.target.path;
    const QString targetName = v.target.name;
    const QString sourceName = v.source.name;

    if (v.targetHadTable) {
        Step save;
        save.description = QStringLiteral("Save %1's current partition table in the job's journal (to undo: sfdisk %1 < that file)").arg(dst);
        save.command = {QStringLiteral("sfdisk"), QStringLiteral("--dump"), dst};
        save.commandNote = QStringLiteral("> /var/lib/plexus/journal/JOB.d/%1.sfdisk").arg(targetName);
        save.action = [dst, targetName](StepContext &ctx) {
            QByteArray out;
            int code = 0;
            if (Status s = run(ctx, {QStringLiteral("sfdisk"), QStringLiteral("--dump"), dst}, {}, &out, &code); !s)
                return s;
            if (code != 0) {
                ctx.log(QStringLiteral("%1 has no readable partition table: nothing to save").arg(dst));
                return Status();
            }
            QFile f(ctx.jobDirectory() + QLatin1Char('/') + targetName + QStringLiteral(".sfdisk"));
            if (!f.open(QIODevice::WriteOnly) || f.write(out) != out.size())
                return failed(QStringLiteral("Cannot save %1's partition table to %2.").arg(dst, f.fileName()));
            ctx.log(QStringLiteral("saved %1's partition table to %2").arg(dst, f.fileName()));
            return Status();
        };
        steps << save;
    }

    Step read;
    read.description = QStringLiteral("Read %1's partition table").arg(src);
    read.command = {QStringLiteral("sfdisk"), QStringLiteral("--dump"), src};
    read.action = [src, sourceName](StepContext &ctx) {
        QByteArray out;
        if (Status s = run(ctx, {QStringLiteral("sfdisk"), QStringLiteral("--dump"), src}, {}, &out); !s)
            return s;
        if (!out.contains("label:"))
            return failed(QStringLiteral("sfdisk printed no partition table for %1.").arg(src));
        QFile f(ctx.jobDirectory() + QLatin1Char('/') + sourceName + QStringLiteral(".sfdisk"));
        if (f.open(QIODevice::WriteOnly))
            f.write(out);
        ctx.data.insert(QStringLiteral("dump"), sanitizeSfdiskDump(out));
        return Status();
    };
    steps << read;

    Step write;
    write.description = QStringLiteral("Write it to %1 with new disk and partition identifiers, wiping old signatures where the new partitions start").arg(dst);
    write.command = {QStringLiteral("sfdisk"), QStringLiteral("--no-reread"), QStringLiteral("--no-tell-kernel"), QStringLiteral("--wipe=always"),
                     QStringLiteral("--wipe-partitions=always"), dst};
    write.commandNote = QStringLiteral("< %1.sfdisk").arg(sourceName);
    const QStringList writeArgv = write.command;
    write.action = [writeArgv](StepContext &ctx) {
        const QByteArray dump = ctx.data.value(QStringLiteral("dump")).toByteArray();
        if (dump.isEmpty())
            return failed(QStringLiteral("There is no partition table to write (the previous step did not read one)."));
        return run(ctx, writeArgv, dump);
    };
    steps << write;

    Step reread;
    reread.description = QStringLiteral("Let the kernel read %1's new partitions").arg(dst);
    reread.command = {QStringLiteral("blockdev"), QStringLiteral("--rereadpt"), dst};
    const QStringList rereadArgv = reread.command;
    reread.action = [rereadArgv](StepContext &ctx) {
        Status s = run(ctx, rereadArgv);
        udevSettle(ctx);
        return s;
    };
    reread.check = [sourceName, targetName, dst, src] {
        auto layout = [](const QString &disk) {
            QStringList parts;
            const QDir dir(QStringLiteral("/sys/block/") + disk);
            for (const QString &entry : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                const QString base = dir.filePath(entry);
                if (!QFileInfo::exists(base + QStringLiteral("/partition")))
                    continue;
                auto read = [&](const char *f) {
                    QFile file(base + QLatin1Char('/') + QLatin1String(f));
                    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
                };
                parts << QStringLiteral("%1:%2+%3").arg(read("partition"), read("start"), read("size"));
            }
            parts.sort();
            return parts;
        };
        QStringList want, got;
        const bool same = waitFor(10000, [&] {
            want = layout(sourceName);
            got = layout(targetName);
            return want == got;
        });
        if (!same)
            return failed(QStringLiteral("%1's partitions (%2) do not match %3's (%4).").arg(dst, got.join(QLatin1Char(' ')), src, want.join(QLatin1Char(' '))));
        return Status();
    };
    steps << reread;
    return steps;
}

} // namespace

Plan planWriteMdadmConf(Snapshot model, const ValidWriteConf &v, const QString &stamp)
{
    Q_UNUSED(model);
    Plan plan;
    plan.operation = QStringLiteral("WriteMdadmConf");
    const QString conf = v.confPath;
    const QString backup = conf + QStringLiteral(".plexus-") + stamp;
    plan.summary = QStringLiteral("Write the %1 running array(s) into %2.").arg(v.arrays).arg(conf);
    plan.notes << QStringLiteral("For the arrays to be assembled the same way at boot, update the initramfs too (update-initramfs -u on Debian).");

    Step scan;
    scan.description = QStringLiteral("Read the running arrays' identities");
    scan.command = {QStringLiteral("mdadm"), QStringLiteral("--detail"), QStringLiteral("--scan")};
    const QStringList scanArgv = scan.command;
    scan.action = [scanArgv](StepContext &ctx) {
        QByteArray out;
        if (Status s = run(ctx, scanArgv, {}, &out); !s)
            return s;
        if (!out.contains("ARRAY"))
            return failed(QStringLiteral("mdadm --detail --scan listed no array."));
        ctx.data.insert(QStringLiteral("scan"), out);
        return Status();
    };
    plan.steps << scan;

    if (v.confExists) {
        Step save;
        save.description = QStringLiteral("Back up %1 to %2").arg(conf, backup);
        save.command = {QStringLiteral("cp"), QStringLiteral("-p"), conf, backup};
        save.action = [conf, backup](StepContext &ctx) {
            ctx.log(QStringLiteral("copy %1 to %2").arg(conf, backup));
            QFile::remove(backup);
            if (!QFile::copy(conf, backup))
                return failed(QStringLiteral("Cannot copy %1 to %2.").arg(conf, backup));
            QFile::setPermissions(backup, QFile::permissions(conf));
            return Status();
        };
        plan.steps << save;
    }

    Step write;
    write.description = QStringLiteral("Write %1: its other lines kept, its ARRAY lines replaced by those of the running arrays").arg(conf);
    write.command = {QStringLiteral("mdadm"), QStringLiteral("--detail"), QStringLiteral("--scan")};
    write.commandNote = QStringLiteral("| (grep -v '^ARRAY' %1; cat) > %1.new && mv %1.new %1").arg(conf);
    write.action = [conf, stamp](StepContext &ctx) {
        QByteArray old;
        if (QFile::exists(conf)) {
            QFile f(conf);
            if (!f.open(QIODevice::ReadOnly))
                return failed(QStringLiteral("Cannot read %1: %2").arg(conf, f.errorString()));
            old = f.readAll();
        }
        QDir().mkpath(QFileInfo(conf).absolutePath());
        const QByteArray merged = mergeMdadmConf(old, ctx.data.value(QStringLiteral("scan")).toByteArray(), stamp);
        return writeFileAtomically(ctx, conf, merged);
    };
    write.check = [conf] {
        QFile f(conf);
        if (!f.open(QIODevice::ReadOnly) || !f.readAll().contains("ARRAY"))
            return failed(QStringLiteral("%1 has no ARRAY line after writing.").arg(conf));
        return Status();
    };
    plan.steps << write;
    return plan;
}

} // namespace plexus

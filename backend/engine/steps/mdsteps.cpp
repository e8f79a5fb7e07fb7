// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mdsteps.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"

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
            return Status::failure(ErrorCode::NotFound, QStringLiteral("%1 is no longer running.").arg(path));
        return Status();
    };
}

std::function<Status()> memberHas(const QString &md, const QString &member, const QString &word, const QString &what)
{
    return [=] {
        if (!waitFor(5000, [&] { return memberState(md, member).contains(word); }))
            return toolFailed(QStringLiteral("/dev/%1 is not %2 in %3 (its state is '%4').").arg(member, what, md, memberState(md, member).join(QLatin1Char(','))));
        return Status();
    };
}

std::function<Status()> memberGone(const QString &md, const QString &member)
{
    return [=] {
        if (!waitFor(5000, [&] { return !memberPresent(md, member); }))
            return toolFailed(QStringLiteral("/dev/%1 is still listed in %2.").arg(member, md));
        return Status();
    };
}

std::function<Status()> memberAdded(const QString &md, const QString &member)
{
    return [=] {
        if (!waitFor(5000, [&] { return memberPresent(md, member); }))
            return toolFailed(QStringLiteral("/dev/%1 does not appear among %2's members.").arg(member, md));
        if (memberState(md, member).contains(QStringLiteral("faulty")))
            return toolFailed(QStringLiteral("/dev/%1 was added to %2 but is faulty: the disk may be failing.").arg(member, md));
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
    const QString name = dev.name, path = dev.path;
    s.undo = [arrayPath, md, name, path] { return QList<Step>{removeStep(arrayPath, md, name, QStringLiteral("the added device %1").arg(path))}; };
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
    s.cannotUndo = QStringLiteral("md does not take a failed member back as it was: add it again, and it is rebuilt");
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
            return busy(QStringLiteral("/dev/%1 is still working in %2 (state '%3'): md removes only faulty members and spares.")
                               .arg(member, md, memberState(md, member).join(QLatin1Char(','))));
        return Status();
    };
    const QString array = arrayPath, dev = QStringLiteral("/dev/") + member;
    s.action = [array, dev](StepContext &ctx) { return mdRemove(ctx, array, dev); };
    s.check = memberGone(md, member);
    s.cannotUndo = QStringLiteral("a removed member comes back only as a new one: add it again, and it is rebuilt");
    return s;
}

Step growToMaxStep(const QString &arrayPath, const QString &md, qint64 componentBytes)
{
    Step s;
    s.description = QStringLiteral("Let %1 use the whole of its members").arg(md);
    s.command = {QStringLiteral("mdadm"), QStringLiteral("--grow"), arrayPath, QStringLiteral("--size=max")};
    s.precondition = arrayIsRunning(md, arrayPath);
    const QStringList argv = s.command;
    s.action = [argv](StepContext &ctx) { return run(ctx, argv); };
    if (componentBytes > 0)
        s.check = [md, arrayPath, componentBytes] {
            const auto now = [&] { return mdAttribute(md, QStringLiteral("component_size")).toLongLong() * 1024; };
            if (!waitFor(5000, [&] { return now() > componentBytes; }))
                return toolFailed(QStringLiteral("%1 still uses %2 of each member after the step.").arg(arrayPath, humanSize(now())));
            return Status();
        };
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
            return toolFailed(QStringLiteral("%1 still carries an md superblock.").arg(path));
        return Status();
    };
    s.cannotUndo = QStringLiteral("an erased superblock is gone");
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
            return toolFailed(QStringLiteral("%1 is still running.").arg(path));
        return Status();
    };
    s.cannotUndo = QStringLiteral("start it again with assemble");
    return s;
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "assemblearray.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/steps/mdsteps.h"

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
            return invalid(QStringLiteral("%1 is inactive and holds %2; %3 is not one of them. Stop %1 first, then assemble it from all its "
                                          "members.").arg(r.array, listNames(held), spec.path));
    }
    if (!r.runDegraded)
        return invalid(QStringLiteral("%1 is inactive: md found only %2 and is waiting for the other members. Starting it now runs it "
                                      "without them (degraded, or not at all if too many are missing). Connect the missing disks, or "
                                      "say run_degraded (--run) to start it as it is.").arg(r.array, listNames(held)));
    out->arrayPath = QStringLiteral("/dev/") + a.name;
    out->run = true;
    out->startInactive = true;
    for (const QString &m : held)
        out->members.append(ResolvedDevice{QStringLiteral("/dev/") + m, m});
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
        return invalid(QStringLiteral("'%1' is not a usable array name: use 1 to 32 letters, digits, '_', '.' or '-'.").arg(mNamed.captured(1)));
    if (!numbered.match(r.array).hasMatch() && !mNamed.hasMatch())
        return invalid(QStringLiteral("'%1' is not an md array device. Give /dev/mdN or /dev/md/NAME.").arg(r.array));
    const auto mNumbered = numbered.match(r.array);
    const Array *existing = nullptr;
    if (mNumbered.hasMatch()) {
        existing = checks.snapshot().array(mNumbered.captured(1));
    } else if (checks.system().exists(r.array)) {
        existing = checks.snapshot().array(checks.system().node(r.array).kernelName);
        if (!existing)
            return inUse(QStringLiteral("%1 already exists. Stop that array first, or choose another name.").arg(r.array));
    }
    if (existing && existing->state == ArrayState::Inactive && !existing->members.isEmpty())
        return validateInactive(r, *existing, out);
    if (existing && (existing->state != ArrayState::Inactive || !existing->members.isEmpty()))
        return inUse(QStringLiteral("%1 is already running (%2). Stop it first, or choose another device name.")
                         .arg(r.array, existing->level.value_or(toString(existing->state))));
    if (r.members.isEmpty())
        return invalid(QStringLiteral("Name the members to assemble %1 from.").arg(r.array));
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
            return invalid(QStringLiteral("%1 carries no md superblock%2, so it is not a member of any array. Choose the array's members "
                                          "(plexusctl status shows them as md members).")
                               .arg(dev.path, fsType.isEmpty() ? QString() : QStringLiteral(" (it contains %1)").arg(describeContents(fsType, QString()))));
        if (Status s = checks.checkFree(dev, consent); !s)
            return s;
        if (!arrayUuid.isEmpty() && !uuid.isEmpty() && !sameUuid(arrayUuid, uuid))
            return invalid(QStringLiteral("%1 belongs to another array (UUID %2) than the first member (UUID %3). Assemble each array "
                                          "from its own members.").arg(dev.path, uuid, arrayUuid));
        if (arrayUuid.isEmpty())
            arrayUuid = uuid;
        out->members.append(dev);
    }
    out->arrayPath = r.array;
    out->run = r.runDegraded;
    return {};
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
            return toolFailed(QStringLiteral("%1 did not start.").arg(path));
        return Status();
    };
}

Plan startInactivePlan(const ValidAssemble &v, const QStringList &members)
{
    Plan plan;
    plan.summary = QStringLiteral("Start the inactive %1 with the members it holds (%2).").arg(v.arrayPath, listNames(members));
    plan.notes << QStringLiteral("Members that are missing stay missing: the array runs degraded until they are added again.");
    Step s;
    s.description = QStringLiteral("Start %1 as it is, even if degraded").arg(v.arrayPath);
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
    s.check = started(path);
    plan.steps << s;
    plan.exclusive = members;
    return plan;
}

} // namespace plexus

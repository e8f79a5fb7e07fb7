// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "backupactions.h"
#include "backuplist.h"
#include "dropplanner.h"
#include "engine/ops/registry.h"

#include <KLocalizedString>

namespace plexus {

namespace {

// The engine refused only because the window cannot read `device`'s md
// superblock (no root): the helper plans it with the superblock in hand when
// it runs. Any other refusal stands: `unread`, the same request with nothing
// resting on the superblock (a full copy), says whether there is one.
Operation plannedByHelper(const PlanningContext &ctx, const AnyRequest &request, const QString &device, const QString &what,
                          const std::optional<AnyRequest> &unread = std::nullopt)
{
    Operation op = planOperation(ctx, request);
    if (!op.isRefused() || !ctx.system->mdExamine(device).isEmpty())
        return op;
    if (unread)
        if (Operation other = planOperation(ctx, *unread); other.isRefused())
            return other;
    op.refusal = Status();
    // Only the copy's own older state goes (a refresh, or opening it read-only):
    // the helper refuses anything that would take more without overwrite.
    op.erased.clear();
    op.plan = Plan();
    op.plan.operation = QLatin1String(request.info().method);
    op.plan.summary = what;
    op.plan.notes << i18n("The window cannot read the copy's md superblock without root, so plexus-helper makes the plan when "
                          "you run this: its steps appear here as they run, or its reason for refusing.");
    return op;
}

QString refreshWords(const QString &array, const QString &device)
{
    return i18n("Bring the backup of %1 on %2 up to date: only what changed since it was cut off is copied, if the copy is "
                "exactly as it was cut. If it is not, the helper says why and nothing is done: Copy all of it again\u2026 "
                "then copies all of %1 over it.",
                array, devPath(device));
}

} // namespace

ArrayAction backUpAction(const PlanningContext &ctx, const Array &a, const QString &why)
{
    ArrayAction backUp = action(QStringLiteral("backUp"), i18n("Back up to a disk\u2026"), why);
    backUp.input = ArrayAction::Input::Device;
    backUp.hint = i18n("Copies %1 onto a disk and cuts it off: a point-in-time copy to unplug and keep.", a.name);
    backUp.make = [ctx, name = a.name](const QString &d) {
        // A copy of this mirror is brought up to date; anything else on the
        // device goes, and the review names it before it does.
        const Array *a = ctx.snapshot->array(name);
        const bool copy = a && isDetachedCopyOf(*ctx.snapshot, *a, d);
        const BackUpRequest r{.array = devPath(name), .device = specFor(*ctx.snapshot, d), .overwrite = !copy};
        if (!copy)
            return planOperation(ctx, r);
        BackUpRequest full = r;
        full.overwrite = true;
        return plannedByHelper(ctx, r, d, refreshWords(name, d), full);
    };
    return backUp;
}

QList<ArrayAction> backupCopyActions(const PlanningContext &ctx, const QString &device)
{
    const Array *a = copiedArray(*ctx.snapshot, device);
    if (!a)
        return {};
    const QString md = devPath(a->name), path = devPath(device);
    const DeviceSpec spec = specFor(*ctx.snapshot, device);
    const QStringList loops = ctx.system->loopsOver(device);
    QList<ArrayAction> list;

    ArrayAction refresh = planned(action(QStringLiteral("refreshBackup"), i18n("Refresh backup")), [ctx, md, spec, device, name = a->name] {
        return plannedByHelper(ctx, BackUpRequest{.array = md, .device = spec}, device, refreshWords(name, device),
                               BackUpRequest{.array = md, .device = spec, .overwrite = true});
    });
    refresh.hint = i18n("Copies only what changed on %1 since the copy was cut; refused, saying why, if the copy changed.", a->name);
    list << refresh;

    ArrayAction again = planned(action(QStringLiteral("copyAllAgain"), i18n("Copy all of it again\u2026")), [ctx, md, spec] {
        return planOperation(ctx, BackUpRequest{.array = md, .device = spec, .overwrite = true});
    });
    again.hint = i18n("When Refresh is refused (the copy changed since it was cut): all of %1 is copied over it.", a->name);
    list << again;

    const QString open = loops.isEmpty() ? QString() : i18n("The copy is open already, read-only as /dev/%1.", loops.join(QStringLiteral(", /dev/")));
    ArrayAction openAction = planned(action(QStringLiteral("openBackup"), i18n("Open backup"), open), [ctx, spec, device, path] {
        Operation op = plannedByHelper(ctx, OpenBackupRequest{.device = spec}, device,
                                       i18n("Open the backup copy on %1 read-only: a loop device over its data, to mount read-only.", path));
        op.plan.notes << i18n("Once it is open, the file manager shows the loop device as a drive: mount it from there (it stays "
                              "read-only). Close backup detaches it again.");
        return op;
    });
    openAction.hint = i18n("A read-only loop device over the copy: %1 is neither assembled nor written.", path);
    list << openAction;

    list << planned(action(QStringLiteral("closeBackup"), i18n("Close backup")),
                    [ctx, spec] { return planOperation(ctx, CloseBackupRequest{.device = spec}); });
    return list;
}

} // namespace plexus

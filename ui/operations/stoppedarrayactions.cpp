// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "stoppedarrayactions.h"
#include "backuplist.h"
#include "dropplanner.h"
#include "engine/checks/refusal.h"
#include "engine/ops/registry.h"
#include "model/mdsuperblock.h"
#include "model/stoppedmembers.h"

#include <KLocalizedString>

namespace plexus {

QList<ArrayAction> stoppedArrayActions(const PlanningContext &ctx, const QString &device)
{
    const Snapshot &s = *ctx.snapshot;
    const QStringList members = stoppedMembersWith(s, device);
    if (members.isEmpty() || copiedArray(s, device))
        return {};
    QList<MdSuperblock> blocks;
    DeviceSpecList specs;
    for (const QString &m : members) {
        specs << specFor(s, m);
        if (const auto sb = parseExamine(devPath(m), ctx.system->mdExamine(m)))
            blocks << *sb;
    }
    const bool known = blocks.size() == members.size();
    const QList<int> missing = known ? slotsLeftOut(blocks) : QList<int>();
    const QString md = firstFreeArray(ctx);

    // Degraded only when asked: the text says so before the review does.
    const QString text = missing.isEmpty() ? i18nc("%1 the stopped members", "Start its array from %1", listNames(members))
                                           : i18ncp("%2 the slot numbers", "Start its array degraded, without slot %2",
                                                    "Start its array degraded, without slots %2", int(missing.size()), slotNumbers(missing));
    ArrayAction start = planned(action(QStringLiteral("startStopped"), text), [ctx, md, specs, degraded = !missing.isEmpty()] {
        return planOperation(ctx, AssembleArrayRequest{.array = md, .members = specs, .runDegraded = degraded});
    });
    start.hint = known ? i18n("Assembles %1 from the members found: %2.", md, listNames(members))
                       : i18n("Assembles %1 from the members found (%2); plexus-helper reads their superblocks when it runs "
                              "and refuses if their histories do not fit together.",
                              md, listNames(members));
    QList<ArrayAction> list{start};
    if (start.enabled || !known)
        return list;
    // Refused: when for a split brain, this half may be the one to keep.
    const AssembleArrayRequest keep{.array = md, .members = specs, .keep = devPath(device)};
    if (planOperation(ctx, keep).isRefused())
        return list;
    QStringList others = members;
    others.removeOne(device);
    ArrayAction keepHalf = planned(action(QStringLiteral("keepHalf"), i18n("Start its array keeping the data on %1\u2026", device)),
                                   [ctx, keep] { return planOperation(ctx, keep); });
    keepHalf.hint = i18n("%1 is erased and rebuilt from %2: whatever was written only to %1 is lost.", listNames(others), device);
    return list << keepHalf;
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "volumeactions.h"
#include "dropplanner.h"
#include "engine/ops/registry.h"

namespace plexus {

namespace {

ArrayAction withChoice(const QString &id, const QString &text, ArrayAction::Input input, const QString &suggestion,
                       std::function<Operation(const QString &)> make)
{
    ArrayAction a = action(id, text);
    a.input = input;
    a.suggestion = suggestion;
    a.make = std::move(make);
    return a;
}

QList<ArrayAction> arrayVolumeActions(const PlanningContext &ctx, const Array &a)
{
    if (a.state == ArrayState::Inactive)
        return {};
    const DeviceSpec device = specFor(*ctx.snapshot, a.name);
    QList<ArrayAction> list;
    list << withChoice(QStringLiteral("useForVolumes"), QStringLiteral("Use for volumes\u2026"), ArrayAction::Input::Name,
                       QStringLiteral("vg_%1").arg(a.name), [ctx, device](const QString &name) {
                           return planOperation(ctx, CreateVolumeGroupRequest{.name = name, .devices = {device}});
                       });
    list << withChoice(QStringLiteral("makeFilesystem"), QStringLiteral("Make filesystem\u2026"), ArrayAction::Input::Filesystem,
                       QStringLiteral("ext4"), [ctx, device](const QString &type) {
                           return planOperation(ctx, MakeFilesystemRequest{.device = device, .type = type});
                       });
    return list;
}

} // namespace

QList<ArrayAction> volumeActions(const PlanningContext &ctx, const Selectable &item)
{
    if (!ctx.snapshot)
        return {};
    const Snapshot &s = *ctx.snapshot;
    switch (item.kind) {
    case Selectable::Kind::Array:
        if (const Array *a = s.array(item.name))
            return arrayVolumeActions(ctx, *a);
        return {};
    case Selectable::Kind::VolumeGroup: {
        const QString group = item.name;
        return {planned(action(QStringLiteral("removeVolumeGroup"), QStringLiteral("Delete volume group")),
                        [ctx, group] { return planOperation(ctx, RemoveVolumeGroupRequest{.group = group}); })};
    }
    case Selectable::Kind::LogicalVolume: {
        const VolumeGroup *vg = s.volumeGroup(item.owner);
        const LogicalVolume *lv = nullptr;
        for (const LogicalVolume &v : vg ? vg->logicalVolumes : QList<LogicalVolume>())
            if (v.name == item.name)
                lv = &v;
        if (!lv || !lv->active)
            return {};
        const DeviceSpec volume = specFor(s, lv->device);
        return {planned(action(QStringLiteral("growVolume"), QStringLiteral("Grow into free space")),
                        [ctx, volume] { return planOperation(ctx, GrowVolumeRequest{.volume = volume}); }),
                planned(action(QStringLiteral("removeVolume"), QStringLiteral("Delete volume")),
                        [ctx, volume] { return planOperation(ctx, RemoveVolumeRequest{.volume = volume}); })};
    }
    default:
        return {};
    }
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "volumeactions.h"
#include "dropplanner.h"
#include "engine/ops/registry.h"
#include "model/describe.h"

#include <KLocalizedString>

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
    list << withChoice(QStringLiteral("useForVolumes"), i18n("Use for volumes\u2026"), ArrayAction::Input::Name,
                       QStringLiteral("vg_%1").arg(a.name), [ctx, device](const QString &name) {
                           return planOperation(ctx, CreateVolumeGroupRequest{.name = name, .devices = {device}});
                       });
    list << withChoice(QStringLiteral("makeFilesystem"), i18n("Make filesystem\u2026"), ArrayAction::Input::Filesystem,
                       QStringLiteral("ext4"), [ctx, device](const QString &type) {
                           return planOperation(ctx, MakeFilesystemRequest{.device = device, .type = type});
                       });
    // After its members were replaced by bigger ones; the engine says when there is no new space.
    if (const PhysicalVolume *pv = ctx.snapshot->physicalVolume(a.name); pv && !pv->vgName.isEmpty()) {
        const QString path = QStringLiteral("/dev/") + a.name;
        list << planned(action(QStringLiteral("useNewSpace"), i18n("Use the new space")),
                        [ctx, path] { return planOperation(ctx, UseNewSpaceRequest{.array = path}); });
    }
    return list;
}

// Take one of the group's devices out, moving what its volumes hold on it onto
// the others (the review shows the pvmove).
ArrayAction removeDeviceAction(const PlanningContext &ctx, const VolumeGroup &vg)
{
    ArrayAction a = action(QStringLiteral("reduceVolumeGroup"), i18n("Remove a device\u2026"),
                           vg.physicalVolumes.size() < 2 ? i18nc("%1 a volume group", "%1 has one device only; delete the group instead.", vg.name) : QString());
    a.input = ArrayAction::Input::Choice;
    a.prompt = i18nc("%1 a volume group", "Choose the device to take out of %1; what its volumes hold there moves onto the others.", vg.name);
    for (const PhysicalVolume &pv : vg.physicalVolumes)
        a.choices << QStringLiteral("/dev/") + pv.device;
    const QString group = vg.name;
    a.make = [ctx, group](const QString &path) {
        return planOperation(ctx, ReduceVolumeGroupRequest{.group = group, .device = specFor(*ctx.snapshot, deviceName(path)), .move = true});
    };
    return a;
}

// Grow into the group's free space, on a slider up to all of it; enabled or not
// by the engine's verdict on growing by all of it (free space unknown, swap, ...).
ArrayAction growAction(const PlanningContext &ctx, const LogicalVolume &lv, const VolumeGroup &vg, const DeviceSpec &volume)
{
    ArrayAction a = planned(action(QStringLiteral("growVolume"), i18nc("@action a volume", "Grow\u2026")),
                            [ctx, volume] { return planOperation(ctx, GrowVolumeRequest{.volume = volume}); });
    a.input = ArrayAction::Input::Size;
    a.prompt = i18nc("%1 a volume group, %2 a volume, %3 its size", "/dev/%1/%2 is %3 now. Its filesystem grows with it, while mounted: nothing has to stop.",
                     lv.vgName, lv.name, humanSize(lv.sizeBytes));
    const qint64 free = vg.freeBytes.value_or(0);
    a.minBytes = lv.sizeBytes + std::min<qint64>(free, qint64(4) << 20);
    a.maxBytes = lv.sizeBytes + free;
    a.maxWords = i18nc("the largest size; %1 a volume group", "all of %1's free space", vg.name);
    const qint64 all = a.maxBytes;
    a.make = [ctx, volume, all](const QString &size) {
        const quint64 bytes = parseSize(size).value_or(0);
        // The whole free space as LVM counts it (-l +100%FREE), not a figure rounded to MiB.
        return planOperation(ctx, GrowVolumeRequest{.volume = volume, .size = qint64(bytes) >= all - (qint64(1) << 20) ? 0 : bytes});
    };
    return a;
}

// Shrink to a size the user picks; enabled or not by the engine's verdict on
// half the size (xfs, mounted, or what the files need unknown without root).
ArrayAction shrinkAction(const PlanningContext &ctx, const LogicalVolume &lv, const DeviceSpec &volume)
{
    const quint64 half = quint64(lv.sizeBytes / 2);
    ArrayAction a = planned(action(QStringLiteral("shrinkVolume"), i18nc("@action a volume", "Shrink\u2026")),
                            [ctx, volume, half] { return planOperation(ctx, ShrinkVolumeRequest{.volume = volume, .size = half}); });
    a.input = ArrayAction::Input::Size;
    a.prompt = i18nc("%1 a volume group, %2 a volume, %3 its size",
                     "New size of /dev/%1/%2 (now %3). The filesystem shrinks with it; the review says if its files need more room.", lv.vgName,
                     lv.name, humanSize(lv.sizeBytes));
    a.suggestion = humanSize(qint64(half)).remove(QLatin1Char(' ')).remove(QLatin1Char('i'));
    a.minBytes = qint64(4) << 20;
    a.maxBytes = std::max(a.minBytes, lv.sizeBytes - (qint64(4) << 20));
    a.maxWords = i18nc("the largest size a volume can shrink to", "4 MiB less than now");
    a.make = [ctx, volume](const QString &size) {
        return planOperation(ctx, ShrinkVolumeRequest{.volume = volume, .size = parseSize(size).value_or(0)});
    };
    return a;
}

// A new volume in the group's free space: the dialog asks name, size,
// filesystem and mount point; enabled by the engine's verdict on one taking all of it.
ArrayAction newVolumeAction(const PlanningContext &ctx, const VolumeGroup &vg)
{
    const QString group = vg.name;
    ArrayAction a = planned(action(QStringLiteral("createVolume"), i18n("New volume\u2026")), [ctx, group] {
        return planOperation(ctx, CreateVolumeRequest{.group = group, .name = QStringLiteral("new")});
    });
    a.input = ArrayAction::Input::NewVolume;
    a.prompt = i18nc("@title:window %1 a volume group", "New volume in %1", group);
    a.maxBytes = vg.freeBytes.value_or(0);
    a.maxWords = i18nc("the largest size; %1 a volume group", "all of %1's free space", group);
    int n = int(vg.logicalVolumes.size()) + 1;
    auto taken = [&vg](const QString &name) {
        return std::any_of(vg.logicalVolumes.cbegin(), vg.logicalVolumes.cend(), [&](const LogicalVolume &lv) { return lv.name == name; });
    };
    while (taken(QStringLiteral("lv%1").arg(n)))
        ++n;
    a.suggestion = QStringLiteral("lv%1").arg(n);
    a.makeVolume = [ctx, group](const VolumeChoice &c) {
        return planOperation(ctx, CreateVolumeRequest{
                                      .group = group, .name = c.name, .size = c.size, .filesystem = c.filesystem, .label = c.label, .mountPoint = c.mountPoint});
    };
    return a;
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
        QList<ArrayAction> list;
        if (const VolumeGroup *vg = s.volumeGroup(group))
            list << newVolumeAction(ctx, *vg) << removeDeviceAction(ctx, *vg);
        list << planned(action(QStringLiteral("removeVolumeGroup"), i18n("Delete volume group")),
                        [ctx, group] { return planOperation(ctx, RemoveVolumeGroupRequest{.group = group}); });
        return list;
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
        return {growAction(ctx, *lv, *vg, volume),
                shrinkAction(ctx, *lv, volume),
                planned(action(QStringLiteral("removeVolume"), i18n("Delete volume")),
                        [ctx, volume] { return planOperation(ctx, RemoveVolumeRequest{.volume = volume}); })};
    }
    default:
        return {};
    }
}

} // namespace plexus

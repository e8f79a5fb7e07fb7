// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "bootsteps.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"

#include <KLocalizedString>

#include <QRegularExpression>

namespace plexus {

using namespace actions;

namespace {

// One line of `efibootmgr -v`: "Boot0003* debian\tHD(5,GPT,<guid>,...)/\EFI\debian\grubx64.efi".
struct BootEntry {
    QString number;  // "0003"
    QString label;
    QString path;    // the device path, as efibootmgr prints it
};

Status readBootEntries(StepContext &ctx, QList<BootEntry> *entries)
{
    QByteArray out;
    if (Status s = run(ctx, {QStringLiteral("efibootmgr"), QStringLiteral("-v")}, {}, &out); !s)
        return s;
    static const QRegularExpression line(QStringLiteral("^Boot([0-9A-Fa-f]{4})[* ] ?([^\\t]*)\\t?(.*)$"));
    for (const QString &l : QString::fromUtf8(out).split(QLatin1Char('\n'))) {
        const auto m = line.match(l);
        if (m.hasMatch())
            entries->append({m.captured(1), m.captured(2).trimmed(), m.captured(3)});
    }
    return {};
}

// efibootmgr -b N -B for each entry labelled `label`, or starting from the partition `goneGuid`.
Status removeBootEntries(StepContext &ctx, const QString &label, const QString &goneGuid)
{
    QList<BootEntry> entries;
    if (Status s = readBootEntries(ctx, &entries); !s)
        return s;
    for (const BootEntry &e : entries) {
        const bool gone = !goneGuid.isEmpty() && e.path.contains(goneGuid, Qt::CaseInsensitive);
        if (e.label != label && !gone)
            continue;
        ctx.log(QStringLiteral("removing the boot entry %1 (%2)%3").arg(e.number, e.label, gone ? QStringLiteral(": its partition is gone") : QString()));
        if (Status s = run(ctx, {QStringLiteral("efibootmgr"), QStringLiteral("-q"), QStringLiteral("-b"), e.number, QStringLiteral("-B")}); !s)
            return s;
    }
    return {};
}

Step removeBootEntryStep(const QString &label)
{
    Step s;
    s.description = i18nc("@info %1 a boot entry's label", "Remove the boot entry \"%1\" from the firmware's NVRAM", label);
    s.command = {QStringLiteral("efibootmgr"), QStringLiteral("-b"), QStringLiteral("N"), QStringLiteral("-B")};
    s.commandNote = QStringLiteral("# N: the entry labelled \"%1\"").arg(label);
    s.action = [label](StepContext &ctx) { return removeBootEntries(ctx, label, {}); };
    return s;
}

} // namespace

Step installGrubStep(const QString &grubInstall, const QString &disk, const QString &target)
{
    Step s;
    s.description = target.isEmpty()
        ? i18nc("@info %1 a disk", "Install GRUB's boot code on %1, so that %1 can start the system by itself", disk)
        : i18nc("@info %1 a disk", "Install GRUB's boot code on %1 from the copy, so that %1 can start the system by itself", disk);
    s.command = target.isEmpty() ? QStringList{grubInstall, disk} : QStringList{QStringLiteral("chroot"), target, grubInstall, disk};
    const QStringList command = s.command;
    s.action = [command](StepContext &ctx) { return run(ctx, command); };
    s.cannotUndo = QStringLiteral("the boot code stays on %1 (it starts nothing without the mirrors)").arg(disk);
    return s;
}

Step installEfiGrubStep(const QString &target, const EfiGrub &grub)
{
    Step s;
    const QStringList install = {QStringLiteral("chroot"), target, grub.grubInstall, QStringLiteral("--target=") + grub.platform,
                                 QStringLiteral("--efi-directory=") + grub.efiDirectory, QStringLiteral("--no-nvram")};
    const QStringList named = install + QStringList{QStringLiteral("--bootloader-id=") + grub.bootloaderId};
    const QStringList removable = install + QStringList{QStringLiteral("--removable")};
    s.description = grub.removable
        ? i18nc("@info %1 the distribution's directory in the EFI system partition (debian)",
                "Install GRUB for UEFI from the copy into its EFI system partition (a mirror too): \\EFI\\%1 and the removable-media path "
                "\\EFI\\BOOT, which the system had, set to find the copy's /boot",
                grub.bootloaderId)
        : i18nc("@info %1 the distribution's directory in the EFI system partition (debian)",
                "Install GRUB for UEFI from the copy into its EFI system partition (a mirror too): \\EFI\\%1, set to find the copy's /boot",
                grub.bootloaderId);
    s.command = named;
    if (grub.removable)
        s.commandNote = QStringLiteral("# then again with --removable");
    const bool both = grub.removable;
    s.action = [named, removable, both](StepContext &ctx) {
        if (Status st = run(ctx, named); !st)
            return st;
        return both ? run(ctx, removable) : Status();
    };
    s.cannotUndo = QStringLiteral("it changes only the copy");
    return s;
}

Step bootEntryStep(const QString &disk, int partition, const QString &label, const QString &loader, const QString &goneGuid)
{
    Step s;
    s.description = goneGuid.isEmpty()
        ? i18nc("@info %1 a disk, %2 a boot entry's label, %3 a boot loader's path, %4 a partition's number",
                "Give %1 a boot entry of its own in the firmware, \"%2\", first in the boot order: it starts %3 from partition %4", disk, label,
                loader, QString::number(partition))
        : i18nc("@info %1 a disk, %2 a boot entry's label, %3 a boot loader's path, %4 a partition's number",
                "Give %1 a boot entry of its own in the firmware, \"%2\", first in the boot order: it starts %3 from partition %4 (the entry "
                "of the old EFI system partition, gone now, is removed)",
                disk, label, loader, QString::number(partition));
    const QStringList create = {QStringLiteral("efibootmgr"), QStringLiteral("-q"), QStringLiteral("--create"), QStringLiteral("--disk"), disk,
                                QStringLiteral("--part"), QString::number(partition), QStringLiteral("--label"), label,
                                QStringLiteral("--loader"), loader};
    s.command = create;
    s.commandNote = QStringLiteral("# after removing any entry labelled so%1").arg(goneGuid.isEmpty() ? QString() : QStringLiteral(" or starting from ") + goneGuid);
    s.action = [create, label, goneGuid](StepContext &ctx) {
        if (Status st = removeBootEntries(ctx, label, goneGuid); !st)
            return st;
        return run(ctx, create);
    };
    s.check = [label] {
        QuietContext ctx;
        QList<BootEntry> entries;
        if (Status st = readBootEntries(ctx, &entries); !st)
            return st;
        for (const BootEntry &e : entries)
            if (e.label == label)
                return Status();
        return toolFailed(mi18nc("@info %1 a boot entry's label", "The firmware has no boot entry \"%1\" after the step: it may not keep new entries.", label));
    };
    s.undo = [label] { return QList<Step>{removeBootEntryStep(label)}; };
    return s;
}

} // namespace plexus

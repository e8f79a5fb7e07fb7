// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Steps that make a disk start the system (MirrorSystem): GRUB's boot code for
// a BIOS, GRUB in the EFI system partition and a boot entry in the firmware's
// NVRAM for UEFI.

#include "engine/plan.h"

namespace plexus {

// grub-install DISK (BIOS): the disk can start the system by itself. With
// `target`, the copy's own grub-install, in a chroot of it.
Step installGrubStep(const QString &grubInstall, const QString &disk, const QString &target = {});

// What a UEFI boot of the copy needs from GRUB.
struct EfiGrub {
    QString grubInstall;     // "grub-install"
    QString platform;        // "x86_64-efi"
    QString efiDirectory;    // where the ESP is mounted in the system: "/boot/efi"
    QString bootloaderId;    // its directory in the ESP, the distribution's: "debian"
    bool removable = false;  // also refresh the removable-media path (\EFI\BOOT), which the system had
};
// In a chroot of the copy (its ESP mirror mounted): grub-install for UEFI into
// the ESP, without touching the NVRAM (bootEntryStep does, per disk).
Step installEfiGrubStep(const QString &target, const EfiGrub &grub);

// A boot entry in the firmware's NVRAM, `label`, that starts `loader`
// ("\EFI\debian\grubx64.efi") from partition `partition` of `disk`; first in
// the boot order. Entries with the same label go first (the step can run
// again), and so do entries that start from the partition whose GUID is
// `goneGuid` (a partition the plan has replaced). Undo: the entry goes.
Step bootEntryStep(const QString &disk, int partition, const QString &label, const QString &loader, const QString &goneGuid = {});

} // namespace plexus

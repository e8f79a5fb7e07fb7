// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// MirrorSystem: a machine that runs from one disk ends up running from RAID-1
// mirrors of it on two disks, without reinstalling.
// Before a restart: the new disk gets the system disk's partitions, typed Linux
// RAID; each filesystem (and the swap) becomes a degraded mirror on the new
// disk (or, in the lvm layout, /boot a mirror and the rest
// LVM volumes on one big mirror), the running system is copied onto it, and
// the copy is made to start from the mirrors (fstab, mdadm.conf, initramfs,
// GRUB on the new disk; with UEFI, GRUB in the EFI system partition, itself a
// mirror, and a boot entry for the new disk). The person restarts the computer
// from the new disk. After the restart, once / is on the mirror: the old disk
// gets the same partitions, joins every mirror, and gets GRUB (or its own boot
// entry) too. Until the old disk joins, it is left exactly as it was: starting
// from it gives back the system as it was before the copy.

#include "engine/plan.h"
#include "engine/steps/bootsteps.h"
#include "engine/validator.h"

namespace plexus {

// One mirror the system ends up on: made on the new disk with a missing half,
// which the old disk's partition of the same number fills after the restart.
struct SystemMirror {
    QString array;             // "/dev/md0"
    QString metadata;          // "1.0" where firmware or GRUB read the partition as it is (/boot, the ESP); else "1.2"
    ResolvedDevice onNew;      // its half on the new disk, still to be made: "/dev/sdb2"
    ResolvedDevice onOld;      // the old disk's partition that fills the other half after the restart
};

// One partition of the system disk that holds something to keep.
struct MirroredPartition {
    ResolvedDevice old;        // on the system disk: "/dev/sda2"
    QString device;            // where its copy is made: a mirror ("/dev/md0"), or with LVM a volume ("/dev/rootvg/root")
    QString mirror;            // the mirror it is on: "/dev/md0"
    QString volume;            // with LVM: the volume's name ("root"); else empty
    qint64 volumeBytes = 0;    // with LVM: the volume's size
    QString fsType;            // "ext4", "xfs", "vfat", "swap"
    QString label;
    QString oldUuid;           // the filesystem's UUID now
    QString newUuid;           // the copy's UUID (new: both exist side by side until the old disk joins)
    QString mountPoint;        // "/", "/boot"; empty for swap
    int number = 0;            // its partition number on the system disk
    bool readAsIs = false;     // firmware or GRUB read it as a plain filesystem (/boot, the ESP): its mirror has metadata 1.0
    bool esp = false;          // the EFI system partition: its halves keep the ESP type, for the firmware
};

struct ValidMirrorSystem {
    ResolvedDevice systemDisk;
    ResolvedDevice newDisk;
    QString table;             // "gpt", "dos"
    bool newDiskHadTable = false;
    QString layout;            // "same": a mirror per partition; "lvm": /boot a mirror, the rest LVM on one
    QString volumeGroup;       // with LVM: "rootvg"
    QByteArray newTable;       // with LVM: the new disk's partitions, as an sfdisk script
    QList<SystemMirror> mirrors;
    QList<MirroredPartition> partitions; // mounted ones in mount order (/ first), then swap
    QList<int> raidNumbers;    // partition numbers typed Linux RAID on both disks
    QString grubInstall;       // "grub-install" or "grub2-install"
    QStringList grubConfig;    // "update-grub", or grub2-mkconfig -o /boot/grub2/grub.cfg
    QStringList initramfs;     // update-initramfs -u -k all, or dracut --force --regenerate-all
    QString mdadmConf;         // "/etc/mdadm/mdadm.conf" (Debian) or "/etc/mdadm.conf"
    QString firmware;          // "bios" or "uefi": how the computer starts, so what makes each disk start it
    EfiGrub efiGrub;           // with UEFI: GRUB in the ESP
    QString efiLoader;         // with UEFI: what the boot entries start: "\EFI\debian\grubx64.efi" (shimx64.efi behind Secure Boot's shim)
    int espNumber = 0;         // with UEFI: the ESP's partition number, the same on both disks
    QString newDiskEntry;      // with UEFI: the new disk's boot entry's label, "debian mirror SERIAL"
    QString oldDiskEntry;      // and the old disk's, made after the restart
    QString oldEspGuid;        // with UEFI: the old ESP's partition GUID, whose boot entries lead nowhere once the old disk has new partitions
    QString target;            // where the copy is mounted while it is made (and TARGET-source what it copies)
    QMap<QString, QString> fstabSources; // how /etc/fstab names them now -> "UUID=NEW"
};

struct MirrorSystemRequest {
    static constexpr OperationInfo info{"MirrorSystem", "mirror-system",
                                        kli18nc("plexusctl: what a command does", "copy the running system onto DISK as RAID-1 mirrors, restart from them, then mirror the old disk"),
                                        polkitActions::create, {}, polkitActions::erase};
    using Valid = ValidMirrorSystem;

    DeviceSpec disk;
    QString layout;               // "same" (also when empty) or "lvm"
    bool overwrite = false;       // what DISK holds now may go
    bool allowRemovable = false;  // DISK may be removable media (a USB disk)
    CommonOptions common;

    template<class V> void visit(V &v)
    {
        v(disk, writtenOver(argument("disk", "", "DISK", kli18nc("plexusctl --help: what an argument is", "The disk to copy the system onto: at least as large as the system disk."))));
        v(layout, option("layout", kli18nc("plexusctl --help: what an option does", "same (the default): a mirror for each of the system disk's partitions; lvm: "
                                   "/boot a mirror of its own and everything else volumes of the group rootvg on one big mirror, "
                                   "to be resized online later."), "LAYOUT"));
        v(overwrite, erasing(option("overwrite", kli18nc("plexusctl --help: what an option does", "What DISK holds now may be destroyed."))));
        v(allowRemovable, option("allow_removable", kli18nc("plexusctl --help: what an option does", "DISK may be removable media (a USB disk), which a machine should not depend on to start.")));
        common.visit(v);
    }
    QString title() const;
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const MirrorSystemRequest &r, ValidMirrorSystem *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidMirrorSystem &v);

} // namespace plexus

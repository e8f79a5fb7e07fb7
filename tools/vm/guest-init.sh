#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# PID 1 of the Plexus VM (run-vm without --systemd), started by the initramfs on the
# real root. Brings up what a Debian machine has for storage (md and dm modules, udev,
# the system bus, polkit, udisks), then becomes guest-command.sh, which runs the
# command, writes its exit status for the host and powers off.
# If either script dies, the kernel panics and qemu (-no-reboot) exits: run-vm
# then reports that no exit status came back. (With --reboots the VM boots again,
# and a boot beyond the number allowed ends the run with 125.)
exec </dev/null >/dev/console 2>&1
export PLEXUS_VM_INIT=plexus
# shellcheck source-path=SCRIPTDIR source=guest-env.sh
. /src/tools/vm/guest-env.sh

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mkdir -p /dev/pts /dev/shm
mount -t devpts -o gid=5,mode=620,ptmxmode=666 devpts /dev/pts
mount -t tmpfs -o mode=1777 shm /dev/shm
# What systemd-tmpfiles makes on a real machine: bash's <(...) needs /dev/fd.
ln -sfn /proc/self/fd /dev/fd
ln -sfn /proc/self/fd/0 /dev/stdin
ln -sfn /proc/self/fd/1 /dev/stdout
ln -sfn /proc/self/fd/2 /dev/stderr
mount -t tmpfs -o mode=1777 tmp /tmp
if [ "$(cat /run/plexus-vm-rootmode)" = ro ]; then
    # Read-only root (no overlay): scratch space where the storage stack writes.
    for d in /var/tmp /var/log /var/lib /root; do
        mount -t tmpfs -o mode=755 scratch "$d"
    done
    chmod 1777 /var/tmp
    chmod 700 /root
    cp -a /etc/lvm /run/lvm             # LVM writes its archive/ and backup/ there
    export LVM_SYSTEM_DIR=/run/lvm
fi
say "root: $(cat /run/plexus-vm-rootmode)"
hostname plexus-vm
/bin/busybox ip link set lo up

say "modules"
load_modules
# A Debian machine has /dev/loop-control from boot (kmod-static-nodes), so the
# first losetup loads loop; without systemd here, load it as that would.
modprobe -q loop || say "the loop module did not load"
# NVMe disks (run-vm --nvme-disks): udev replays only storage events below, so
# the controller's driver is loaded here, as the PCI event would have.
grep -qx 0x010802 /sys/bus/pci/devices/*/class 2>/dev/null && { modprobe nvme || say "the nvme module did not load"; }
# Likewise a virtio-scsi controller (run-vm --scsi-disks): virtio device 0x1004 (0x1048 modern).
grep -qxE '0x1004|0x1048' /sys/bus/pci/devices/*/device 2>/dev/null && { modprobe -a virtio_scsi sd_mod || say "virtio_scsi did not load"; }

# udev (the initramfs wrote the rule that keeps /run/plexus-vm/disks current).
# Replaying every device's "add" costs 10 s or more under TCG, so only the storage
# subsystems are replayed, plus those named in PLEXUS_VM_UDEV ("all": everything).
# Devices that appear later always get their events.
say "udev"
daemon_log=/dev/console
[ -e "$run/console" ] && daemon_log=/run/plexus-vm-daemons.log  # keep the user's terminal clean
/usr/lib/systemd/systemd-udevd --daemon >>"$daemon_log" 2>&1
if [ "${PLEXUS_VM_UDEV:-}" = all ]; then
    udevadm trigger --type=subsystems --action=add
    udevadm trigger --type=devices --action=add
else
    match=()
    for sub in block nvme virtio-ports misc ${PLEXUS_VM_UDEV:-}; do match+=(--subsystem-match="$sub"); done
    udevadm trigger --type=devices --action=add "${match[@]}"
fi

# The system bus, polkit and udisks start while udev works; guest-command.sh waits for all.
say "dbus, polkitd, udisksd"
mkdir -p /run/dbus
dbus-daemon --system --fork || say "dbus-daemon did not start"
/usr/lib/polkit-1/polkitd --no-debug >>"$daemon_log" 2>&1 &
/usr/libexec/udisks2/udisksd >>"$daemon_log" 2>&1 &
exec /bin/bash /src/tools/vm/guest-command.sh

#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# In a VM booted from its own disk (run-vm --boot-disk): what initramfs-init does for
# the 9p root, once the disk's systemd has booted. Run by the system disk's
# plexus-vm-command.service (/usr/local/sbin/plexus-vm-start, see tools/vm/system-disk)
# once it has mounted /src; becomes guest-command.sh, which runs the command.
say() { echo "plexus-vm [$(cut -d' ' -f1 /proc/uptime)]: $*"; }
p9="trans=virtio,version=9p2000.L,msize=512000"
mkdir -p /run/plexus-vm
mountpoint -q /run/plexus-vm || mount -t 9p -o "$p9" plexusrun /run/plexus-vm \
    || { say "cannot mount the run directory (9p tag plexusrun)"; exit 1; }
echo disk > /run/plexus-vm-rootmode
# Keep /run/plexus-vm/disks (guest name -> serial) current for the host's tools.
mkdir -p /run/udev/rules.d
echo 'SUBSYSTEM=="block", KERNEL=="vd*", ENV{DEVTYPE}=="disk", RUN+="/src/tools/vm/guest-disk-map"' \
    > /run/udev/rules.d/99-plexus-vm.rules
udevadm control --reload || say "udev did not reload its rules"
say "booted from $(findmnt -no SOURCE /) ($(cat /proc/cmdline))"
exec /bin/bash /src/tools/vm/guest-command.sh

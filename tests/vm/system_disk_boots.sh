#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --boot-disk /var/cache/plexus/system-disk.img --disks 2 --disk-size 2G --reboots 1
# cost: 200
# The VM system disk (tools/vm/system-disk, run-vm --boot-disk) the mirror tests of
# a running system start from: SeaBIOS boots GRUB from the first disk, GRUB the
# disk's own kernel, whose root is the disk's root partition (by UUID), not 9p; the
# second disk is blank. Files written on / and /boot read back the same after a
# reboot of the system (systemctl reboot), and the project's packages (build-debs/,
# when built) install offline with dpkg -i, plexusctl then working.
set -euo pipefail

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $*"; }
boot=${PLEXUS_VM_BOOT:?run this through run-vm --reboots}
share=/run/plexus-vm                       # kept across the boots (9p, on the host)

step "boot $boot: booted from the disk by GRUB"
cmdline=$(cat /proc/cmdline)
[[ $cmdline == BOOT_IMAGE=* ]] || fail "the kernel was not started by GRUB: no BOOT_IMAGE= in '$cmdline'"
root_uuid=$(sed -n 's/.* root=UUID=\([0-9a-f-]*\).*/\1/p' /proc/cmdline)
[ -n "$root_uuid" ] || fail "the kernel command line names no root by UUID: '$cmdline'"
[ "$(findmnt -no FSTYPE /)" = ext4 ] || fail "/ is $(findmnt -no FSTYPE /), not ext4 (9p root?)"
[ "$(findmnt -no SOURCE /)" = /dev/vda3 ] || fail "/ is $(findmnt -no SOURCE /), not the disk's root partition /dev/vda3"
[ "$(blkid -s UUID -o value /dev/vda3)" = "$root_uuid" ] || fail "/dev/vda3 is not the root=UUID=$root_uuid GRUB booted"
[ "$(findmnt -no SOURCE /boot)" = /dev/vda2 ] || fail "/boot is not /dev/vda2"
[ "$(cat /proc/1/comm)" = systemd ] || fail "PID 1 is $(cat /proc/1/comm), not systemd"
if [ "$(cat /sys/block/vda/serial)" != PLXDISK1 ] || [ "$(cat /sys/block/vdb/serial)" != PLXDISK2 ]; then
    fail "the disks are not vda = PLXDISK1 and vdb = PLXDISK2"
fi
swapon --show=NAME --noheadings | grep -qx /dev/vda4 || fail "the swap partition /dev/vda4 is not in use"
echo "ok: GRUB booted $(uname -r) with / on /dev/vda3 (UUID $root_uuid), /boot on /dev/vda2"

version=$(sed -n '1s/^plexus (\([^)]*\)).*/\1/p' /src/debian/changelog)
debs=(/src/build-debs/plexusctl_"$version"_amd64.deb /src/build-debs/plexus-helper_"$version"_amd64.deb)

if [ "$boot" = 1 ]; then
    blkid -p /dev/vdb >/dev/null 2>&1 && fail "the second disk is not blank"
    step "files on / and /boot, then a reboot"
    mkdir -p /var/lib/plexus-test
    head -c 8M /dev/urandom > /var/lib/plexus-test/data
    head -c 1M /dev/urandom > /boot/plexus-test
    sha256sum /var/lib/plexus-test/data /boot/plexus-test > "$share/sums"
    if [ -f "${debs[0]}" ] && [ -f "${debs[1]}" ]; then
        step "dpkg -i ${debs[*]##*/} (offline)"
        dpkg -i "${debs[@]}" || fail "dpkg could not install the packages offline"
        echo installed > "$share/debs"
    else
        echo "note: no ${debs[0]##*/} here (tools/plexus debs builds it): the packages are not tried"
    fi
    sync
    echo "ok: written; rebooting"
    systemctl reboot
    sleep 600
    fail "the system did not reboot"
fi

step "boot $boot: the files written before the reboot"
sha256sum --check --quiet "$share/sums" || fail "the files on / or /boot changed across the reboot"
echo "ok: $(wc -l < "$share/sums") files read back identical"
if [ -f "$share/debs" ]; then
    step "the installed packages: plexusctl status"
    for p in plexusctl plexus-helper; do
        [ "$(dpkg-query -W -f '${db:Status-Status}' "$p")" = installed ] || fail "$p is not installed after the reboot"
    done
    /usr/bin/plexusctl status || fail "plexusctl status failed"
    echo "ok: /usr/bin/plexusctl $(/usr/bin/plexusctl --version | cut -d' ' -f2) runs"
fi

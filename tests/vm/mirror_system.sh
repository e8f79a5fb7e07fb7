#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --boot-disk /var/cache/plexus/system-disk.img --disks 2 --disk-size 1600M --reboots 3 --timeout 2400 --memory 1536M
# cost: 660
# Mirror the running system, for real: a
# Debian started by SeaBIOS and GRUB from its own disk (vda: BIOS boot, /boot,
# /, swap; tools/vm/system-disk), Plexus's packages installed, checksummed files
# on /, /boot and in /root (which the helper's sandbox hides from it), a blank
# second disk. plexusctl mirror-system refuses the system disk, a disk too small
# and an unprivileged caller, changing nothing; then copies the system onto vdb
# and waits. The firmware's boot order is turned to disk 2 (as a person would in
# the boot menu, disk 1 still in), the VM restarts: / is on md, the helper picks
# the job up by itself, vda joins every mirror and gets GRUB, the rebuilds end.
# Then disk 1 is pulled and the VM restarts: disk 2 alone starts the system,
# files intact. Last, disk 1 comes back and disk 2 is pulled: disk 1 alone starts
# the system too.
# Under UEFI (run-vm --uefi; mirror_system_lvm.sh): the ESP (vda5) is a
# mirror too, and the firmware starts each disk from a boot entry Plexus
# makes: disk 2's first before the restart (no boot menu needed), disk 1's
# once it has joined. Last, disk 1 is pulled: the firmware passes over its
# entry and starts disk 2's.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
boot=${PLEXUS_VM_BOOT:?run this through run-vm --reboots}
layout=${MIRROR_LAYOUT:-same}              # mirror_system_lvm.sh: lvm
share=/run/plexus-vm                       # kept across the boots (9p, on the host)
version=$(sed -n '1s/^plexus (\([^)]*\)).*/\1/p' /src/debian/changelog)
debs=(/src/build-debs/plexusctl_"$version"_amd64.deb /src/build-debs/plexus-helper_"$version"_amd64.deb)
qmp() { plexus-vm-disk qmp "$1" >/dev/null || fail "QMP $1 failed"; }
sums() { sha256sum --check --quiet "$share/sums" || fail "the files on /, /boot, /boot/efi or /root changed"; echo "ok: $(wc -l < "$share/sums") files read back identical"; }
# mirrored DEVICE: an md array, or a volume (dm) on one
mirrored() {
    local name; name=$(basename "$(readlink -f "$1")")
    [[ $name == md* ]] || ls "/sys/class/block/$name/slaves" 2>/dev/null | grep -q '^md'
}
on_md() { # on_md MOUNTPOINT: the mount's source is an md array, or a volume on one
    local src; src=$(findmnt -no SOURCE "$1")
    mirrored "$src" || fail "$1 is on $src, not on an md array"
    echo "ok: $1 is on $src"
}
swap_on_md() {
    local swap; swap=$(swapon --show=NAME --noheadings | head -n1)
    [ -n "$swap" ] && mirrored "$swap" || fail "the swap ($swap) is not on an md array"
}
boot_code() { dd if="$1" bs=512 count=1 status=none | grep -qa GRUB || fail "$1 has no GRUB boot code"; }
uefi=0; [ -d /sys/firmware/efi ] && uefi=1
# entry DISK: the firmware's boot entry for disk DISK (serial PLXDISKn), which must start from its ESP half
entry() {
    local line; line=$(efibootmgr -v | grep -F "debian mirror PLXDISK$1") || { efibootmgr -v; fail "no boot entry for disk $1"; }
    echo "$line" | grep -qiF '\EFI\debian\grubx64.efi' || fail "disk $1's boot entry starts something else: $line"
    echo "${line:4:4}"
}
started_by() { # started_by DISK: the firmware started this boot from disk DISK's entry
    local current; current=$(efibootmgr | sed -n 's/^BootCurrent: //p')
    [ "$current" = "$(entry "$1")" ] || { efibootmgr -v; fail "this boot did not start from disk $1's entry (BootCurrent $current)"; }
    echo "ok: the firmware started disk $1's boot entry, Boot$current"
}

if [ "$boot" = 1 ]; then
    step "boot 1: the system on vda, started by GRUB ($([ $uefi = 1 ] && echo UEFI || echo BIOS)); Plexus installed"
    # GRUB (not qemu's -kernel) started the disk's own kernel, with the disk's root by UUID.
    root_uuid=$(sed -n 's/.* root=UUID=\([0-9a-f-]*\).*/\1/p' /proc/cmdline)
    grep -q "^BOOT_IMAGE=" /proc/cmdline || fail "GRUB did not start this kernel: $(cat /proc/cmdline)"
    [ "$(findmnt -no SOURCE /)" = /dev/vda3 ] || fail "/ is not on /dev/vda3"
    [ "$(blkid -s UUID -o value /dev/vda3)" = "$root_uuid" ] || fail "/dev/vda3 is not the root=UUID=$root_uuid GRUB started"
    [ "$(cat /proc/1/comm)" = systemd ] || fail "PID 1 is not systemd"
    blkid -p /dev/vdb >/dev/null 2>&1 && fail "the second disk is not blank"
    for deb in "${debs[@]}"; do [ -f "$deb" ] || fail "no $deb: tools/plexus debs builds the packages"; done
    dpkg -i "${debs[@]}" >/dev/null || fail "dpkg could not install the packages"
    systemctl is-enabled --quiet plexus-helper.service || fail "the packages did not enable plexus-helper.service"
    mkdir -p /srv/plexus-test /root/plexus-test
    head -c 16M /dev/urandom > /srv/plexus-test/data
    head -c 1M /dev/urandom > /boot/plexus-test
    head -c 64K /dev/urandom > /boot/efi/plexus-test
    head -c 1M /dev/urandom > /root/plexus-test/secret
    ln -s data /srv/plexus-test/link
    ln /srv/plexus-test/data /srv/plexus-test/hardlink
    sha256sum /srv/plexus-test/data /boot/plexus-test /boot/efi/plexus-test /root/plexus-test/secret > "$share/sums"
    sfdisk --dump /dev/vda > "$share/vda.before"
    blkid /dev/vda2 /dev/vda3 /dev/vda4 /dev/vda5 > "$share/blkid.before"
    sync

    if [ "$layout" = same ]; then # the refusals do not depend on the layout
    step "refusals: nothing changes"
    refused 1 Invalid "/dev/vda is the disk the system runs from" -- mirror-system /dev/vda
    small=$(plexus-vm-disk plug 64M)
    refused 6 TooSmall "/dev/$small \(64.0 MiB\) is too small for a copy of /dev/vda" -- mirror-system "/dev/$small"
    plexus-vm-disk unplug "$small" >/dev/null
    useradd --no-create-home plexususer 2>/dev/null || true
    before=$(fingerprint)
    set +e; out=$(runuser -u plexususer -- plexusctl mirror-system /dev/vdb 2>&1); rc=$?; set -e
    [ $rc != 0 ] && echo "$out" | grep -q NotAuthorized || { echo "$out"; fail "plexususer was not refused by polkit"; }
    [ "$before" = "$(fingerprint)" ] || fail "plexususer's refused request changed the machine"
    echo "ok: plexususer refused: $(echo "$out" | head -n1 | cut -c1-160)"
    fi

    step "plexusctl mirror-system /dev/vdb --layout $layout: the copy, up to the restart"
    fast_sync
    t0=$SECONDS
    ok mirror-system /dev/vdb --layout "$layout"
    echo "$OUT" | tail -n 3
    echo "$OUT$ERR" | grep -q "Restart the computer when you are ready" || fail "plexusctl does not say to restart"
    echo "copy took $((SECONDS - t0)) s" | tee "$share/times"
    ok journal --all
    echo "$OUT" | grep -q "MirrorSystem  WAITING FOR A RESTART" || { echo "$OUT"; fail "the job does not wait for the restart"; }
    [ "$(sfdisk --dump /dev/vda)" = "$(cat "$share/vda.before")" ] || fail "vda's partition table changed before the restart"
    [ "$(blkid /dev/vda2 /dev/vda3 /dev/vda4 /dev/vda5)" = "$(cat "$share/blkid.before")" ] || fail "vda's filesystems changed before the restart"
    [ "$(findmnt -no SOURCE /)" = /dev/vda3 ] || fail "/ moved before the restart"
    if [ $uefi = 1 ]; then
        [ "$(efibootmgr | sed -n 's/^BootOrder: //p' | cut -d, -f1)" = "$(entry 2)" ] || { efibootmgr; fail "disk 2's entry is not first"; }
        echo "ok: vda untouched; disk 2's boot entry first; $(grep -c ^md /proc/mdstat) degraded mirrors"
    else
        boot_code /dev/vdb
        echo "ok: vda untouched; vdb has GRUB and $(grep -c ^md /proc/mdstat) degraded mirrors"
    fi
    cat /proc/mdstat

    if [ $uefi = 0 ]; then
        step "the firmware's boot menu: disk 2 first (disk 1 stays in)"
        qmp '{"execute":"qom-set","arguments":{"path":"/machine/peripheral/disk1","property":"bootindex","value":5}}'
        qmp '{"execute":"qom-set","arguments":{"path":"/machine/peripheral/disk2","property":"bootindex","value":1}}'
    fi
    systemctl reboot
    sleep 600
    fail "the system did not restart"
fi

if [ "$boot" = 2 ]; then
    step "boot 2: started from vdb's GRUB; the system runs from the mirrors"
    on_md /
    on_md /boot
    [ $uefi = 0 ] || { on_md /boot/efi; started_by 2; }
    swap_on_md
    if [ "$layout" = lvm ]; then
        [ "$(findmnt -no SOURCE /)" = /dev/mapper/rootvg-root ] || fail "/ is not on the volume rootvg/root"
        vgs --noheadings -o vg_name,pv_name rootvg | grep -q '/dev/md' || fail "rootvg is not on a mirror"
        echo "ok: / on rootvg/root, $(vgs --noheadings -o vg_free --units m rootvg | tr -d ' ') free in rootvg"
    fi
    grep -q "BOOT_IMAGE=" /proc/cmdline || fail "GRUB did not start this kernel"
    sums
    step "the helper picked the job up: vda joins the mirrors"
    fast_sync
    t0=$SECONDS
    deadline=$((SECONDS + 900))
    until plexusctl journal --all 2>/dev/null | grep -q "MirrorSystem  done"; do
        if [ $SECONDS -ge $deadline ] || plexusctl journal --all 2>/dev/null | grep -Eq "MirrorSystem  (failed|UNFINISHED: )"; then
            plexusctl journal --all; journalctl -u plexus-helper --no-pager | tail -n 60; cat /proc/mdstat
            fail "the job did not finish after the restart"
        fi
        sleep 2
    done
    echo "after the restart: $((SECONDS - t0)) s to the job's end" | tee -a "$share/times"
    cat /proc/mdstat
    for md in $(ls /sys/block | grep '^md'); do
        [ "$(md_attr "$md" degraded)" = 0 ] || fail "$md is still degraded"
        ls /sys/block/$md/md | grep -q '^dev-vda' || fail "$md has no member on vda"
        ls /sys/block/$md/md | grep -q '^dev-vdb' || fail "$md has no member on vdb"
    done
    if [ $uefi = 1 ]; then
        entry 1 >/dev/null
        vda_esp=$(lsblk -nro PARTUUID,PARTTYPE /dev/vda | grep -i c12a7328-f81f-11d2-ba4b-00a0c93ec93b | cut -d' ' -f1)
        efibootmgr -v | grep -F "debian mirror PLXDISK1" | grep -qi "$vda_esp" || fail "disk 1's entry does not start from vda's ESP ($vda_esp)"
        [ "$(efibootmgr | grep -c 'debian mirror')" = 2 ] || { efibootmgr; fail "not one boot entry per disk"; }
        echo "ok: one boot entry per disk, disk 1's on its ESP half $vda_esp"
    else
        boot_code /dev/vda
        boot_code /dev/vdb
    fi
    grep -q "^ARRAY" /etc/mdadm/mdadm.conf || fail "mdadm.conf lists no array"
    ! grep -q "$(cut -d' ' -f2 "$share/blkid.before" | head -n1)" /etc/fstab || fail "fstab still names the old filesystems"
    sums
    echo "ok: every mirror whole on vda and vdb"
    if [ "$layout" = lvm ] && [ $uefi = 0 ]; then # pulling disks tests the boot loader and md, as in the same layout
        cat "$share/times"
        exit 0
    fi
    step "disk 1 pulled: disk 2 alone must start the system"
    sync
    plexus-vm-disk unplug vda --keep > "$share/disk1"
    systemctl reboot
    sleep 600
    fail "the system did not restart"
fi

if [ "$boot" = 3 ]; then
    step "boot 3: disk 1 gone, started from disk 2 alone"
    [ ! -e /sys/block/vdb ] || fail "two disks after pulling one"
    on_md /
    on_md /boot
    sums
    if [ $uefi = 1 ]; then # disk 1's entry (first) leads nowhere: the firmware went on to disk 2's
        started_by 2
        cat "$share/times"
        exit 0
    fi
    step "disk 1 back in, disk 2 pulled: disk 1 alone must start the system"
    # This system must not touch disk 1 when it comes back (udev would add its
    # stale halves to the running mirrors and start a rebuild): disk 1 is to
    # start as it was left at the end of boot 2.
    ln -sf /dev/null /etc/udev/rules.d/64-md-raid-assembly.rules
    udevadm control --reload
    disk1=$(plexus-vm-disk replug "$(cat "$share/disk1")")
    ! grep -q "$disk1" /proc/mdstat || fail "the running system took $disk1's halves back"
    echo "ok: disk 1 is back as $disk1, untouched"
    sync
    # Disk 2 holds this system's /: once it is gone no program can be started,
    # so the restart is the kernel's own (the host has let go of the disk by then).
    plexus-vm-disk unplug vda || true
    echo b > /proc/sysrq-trigger
    sleep 600
    fail "the system did not restart"
fi

step "boot 4: disk 2 gone, started from disk 1 alone"
[ ! -e /sys/block/vdb ] || fail "two disks after pulling one"
[ "$(cat /sys/block/vda/serial)" = "$(cat "$share/disk1")" ] || fail "the disk left is not disk 1"
on_md /
on_md /boot
swap_on_md
sums
cat "$share/times"

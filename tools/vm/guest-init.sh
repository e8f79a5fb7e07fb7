#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# PID 1 of the Plexus VM, started by the initramfs on the real root (see run-vm).
# Brings up what a Debian machine has for storage (md and dm modules, udev, the
# system bus, polkit, udisks), runs the command from /run/plexus-vm, writes its exit
# status there for the host and powers off. Whatever happens, it ends in poweroff.
#
# /run/plexus-vm (9p, shared with run-vm on the host) holds:
#   argv     the command, NUL-separated          cwd      where to run it
#   env      extra "export NAME=value" lines      console  present: run on ttyS0
#   reboots  how many resets the run allows (run-vm --reboots)
#   boot     written here: this boot's number (PLEXUS_VM_BOOT for the command)
#   status   written here: the command's exit status
#   started  written here: seconds from kernel start to the command's start
run=/run/plexus-vm
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
exec </dev/null >/dev/console 2>&1

say() { echo "plexus-vm [$(cut -d" " -f1 /proc/uptime)]: $*"; }
uptime_s() { cut -d' ' -f1 /proc/uptime; }
finish() {
    echo "$1" > "$run/status"
    sync
    /bin/busybox poweroff -f
}
# If this script itself dies, the kernel panics and qemu (-no-reboot) exits: run-vm
# then reports that no exit status came back. (With --reboots the VM boots again,
# and a boot beyond the number allowed ends the run with 125.)

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
# The root's machine-id is empty (it is a build tree); the system bus wants one.
dbus-uuidgen > /run/machine-id
mount --bind /run/machine-id /etc/machine-id
export HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=dumb PLEXUS_VM=1 PLEXUS_BUILD_DIR=build
# shellcheck disable=SC1091
. "$run/env"     # run-vm's variables (--env), for the command and for the switches below
say "root: $(cat /run/plexus-vm-rootmode)"
hostname plexus-vm
/bin/busybox ip link set lo up

say "modules"
modprobe -a md_mod raid0 raid1 raid456 raid10 dm_mod || say "some md/dm modules did not load"
modprobe -q linear 2>/dev/null    # dropped from some kernels (6.12 has none)
# A Debian machine has /dev/loop-control from boot (kmod-static-nodes), so the
# first losetup loads loop; without systemd here, load it as that would.
modprobe -q loop || say "the loop module did not load"
# NVMe disks (run-vm --nvme-disks): udev replays only storage events below, so
# the controller's driver is loaded here, as the PCI event would have.
grep -qx 0x010802 /sys/bus/pci/devices/*/class 2>/dev/null && { modprobe nvme || say "the nvme module did not load"; }

# udev. Keep /run/plexus-vm/disks (guest name -> serial) current for the host's tools.
# Replaying every device's "add" costs 10 s or more under TCG, so only the storage
# subsystems are replayed, plus those named in PLEXUS_VM_UDEV ("all": everything).
# Devices that appear later always get their events.
mkdir -p /run/udev/rules.d
echo 'SUBSYSTEM=="block", KERNEL=="vd*", ENV{DEVTYPE}=="disk", RUN+="/src/tools/vm/guest-disk-map"' \
    > /run/udev/rules.d/99-plexus-vm.rules
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

# The system bus, polkit and udisks start while udev works.
say "dbus, polkitd, udisksd"
mkdir -p /run/dbus
dbus-daemon --system --fork || say "dbus-daemon did not start"
/usr/lib/polkit-1/polkitd --no-debug >>"$daemon_log" 2>&1 &
/usr/libexec/udisks2/udisksd >>"$daemon_log" 2>&1 &
udevadm settle --timeout=60 || say "udevadm settle timed out"
/src/tools/vm/guest-disk-map
for name in org.freedesktop.PolicyKit1 org.freedesktop.UDisks2; do
    gdbus wait --system --timeout 30 "$name" || say "$name did not appear on the system bus"
done

port() { # the /dev node of the virtio-serial port called $1
    local p
    for p in /sys/class/virtio-ports/*; do
        [ "$(cat "$p/name" 2>/dev/null)" = "$1" ] && { echo "/dev/${p##*/}"; return 0; }
    done
    return 1
}

# A run that survives resets (run-vm --reboots): count the boots, and keep
# /var/lib/plexus (the helper's journal) on the extra disk PLXVAR.
boot=$(( $(cat "$run/boot" 2>/dev/null || echo 0) + 1 ))
echo "$boot" > "$run/boot"
export PLEXUS_VM_BOOT=$boot
if [ "$boot" -gt $(( $(cat "$run/reboots" 2>/dev/null || echo 0) + 1 )) ]; then
    echo "run-vm: boot $boot: the VM reset more often than --reboots allows" > "$(port org.plexus.stderr || echo /dev/console)"
    finish 125
fi
var=/dev/disk/by-id/virtio-PLXVAR
if [ -e "$var" ]; then
    blkid -p "$var" >/dev/null || mkfs.ext4 -q -L plexusvar "$var"
    mkdir -p /var/lib/plexus
    mount "$var" /var/lib/plexus || say "/var/lib/plexus: $var did not mount"
    say "boot $boot; /var/lib/plexus on $(readlink -f "$var")"
fi

say "ready"
# The command's environment.
mkdir -p /run/plexus-vm-bin
ln -s /src/tools/vm/plexus-vm-disk /run/plexus-vm-bin/plexus-vm-disk
export PATH="/run/plexus-vm-bin:/src/$PLEXUS_BUILD_DIR/bin:$PATH"
# Not a QMP socket: a line protocol to run-vm's helper, see plexus-vm-disk and qmp.py.
export PLEXUS_QMP=/dev/virtio-ports/org.plexus.control
mapfile -d '' argv < "$run/argv"
cd "$(cat "$run/cwd")" 2>/dev/null || cd /src || cd /

uptime_s > "$run/started"
if [ -e "$run/console" ]; then
    # Interactive: the command owns the serial console as its controlling terminal.
    [ -n "${PLEXUS_VM_TTY_SIZE:-}" ] &&
        stty rows "${PLEXUS_VM_TTY_SIZE% *}" cols "${PLEXUS_VM_TTY_SIZE#* }" </dev/ttyS0
    setsid --ctty --wait "${argv[@]}" <>/dev/ttyS0 >&0 2>&0
    status=$?
else
    out=$(port org.plexus.stdout) || out=/dev/console
    err=$(port org.plexus.stderr) || err=/dev/console
    if command -v "${argv[0]}" >/dev/null; then
        "${argv[@]}" </dev/null >"$out" 2>"$err"
        status=$?
    else
        echo "run-vm: ${argv[0]}: command not found in the VM" >"$err"
        status=127
    fi
fi
finish "$status"

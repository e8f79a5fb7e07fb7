#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# The Plexus VM's command (see run-vm): waits for the storage stack, runs the command
# from /run/plexus-vm with its output on the host's, writes its exit status there and
# powers off. Becomes PID 1 after guest-init.sh; with run-vm --systemd, systemd runs
# it as plexus-vm-command.service once the boot is done (see initramfs-init).
#
# /run/plexus-vm (9p, shared with run-vm on the host) holds:
#   argv     the command, NUL-separated          cwd      where to run it
#   env      extra "export NAME=value" lines      console  present: run on ttyS0
#   reboots  how many resets the run allows (run-vm --reboots)
#   boot     written here: this boot's number (PLEXUS_VM_BOOT for the command)
#   status   written here: the command's exit status
#   started  written here: seconds from kernel start to the command's start
#   disks    written by guest-disk-map (udev): "NAME SERIAL" per virtio disk
# shellcheck source-path=SCRIPTDIR source=guest-env.sh
. /src/tools/vm/guest-env.sh

finish() {
    echo "$1" > "$run/status"
    sync
    /bin/busybox poweroff -f
}

if [ "${PLEXUS_VM_INIT:-}" = systemd ]; then
    # systemd brought up udev, the bus and udisks (graphical.target); the rest as
    # guest-init.sh has it: md and dm loaded, polkit running before its first caller.
    say "modules"
    load_modules
    say "polkit, udisks"
    systemctl start polkit.service udisks2.service || say "polkit or udisks did not start"
fi
say "waiting for udev"
udevadm settle --timeout=60 || say "udevadm settle timed out"
/src/tools/vm/guest-disk-map
say "waiting for polkit and udisks"
for name in org.freedesktop.PolicyKit1 org.freedesktop.UDisks2; do
    gdbus wait --system --timeout 30 "$name" || say "$name did not appear on the system bus"
done
if [ "${PLEXUS_VM_INIT:-}" = systemd ]; then
    # Units ordered after this one (or slow ones) may still be starting.
    state=$(timeout 120 systemctl is-system-running --wait)
    say "systemd: $state"
    [ "$state" = running ] || systemctl --failed --no-legend --plain | while read -r line; do say "failed: $line"; done
fi

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

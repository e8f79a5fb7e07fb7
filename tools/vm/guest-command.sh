#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# The Plexus VM's command (see run-vm): waits for the storage stack, runs the command
# from /run/plexus-vm with its output on the host's, writes its exit status there and
# powers off. Becomes PID 1 after guest-init.sh; with run-vm --systemd, systemd runs
# it as plexus-vm-command.service once the boot is done (see initramfs-init); with
# run-vm --boot-disk, the disk's own systemd does, through guest-boot-disk.sh
# (PLEXUS_VM_ROOT=disk: no udisks there unless installed, no busybox).
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
    if [ -x /bin/busybox ]; then /bin/busybox poweroff -f; else poweroff -f; fi
}

# The system bus names to wait for: udisks only where it is installed.
names=(org.freedesktop.PolicyKit1)
[ -x /usr/libexec/udisks2/udisksd ] && names+=(org.freedesktop.UDisks2)
wait_name() { # wait_name NAME: until NAME is on the system bus (30 s at most)
    if command -v gdbus >/dev/null; then
        gdbus wait --system --timeout 30 "$1"
        return
    fi
    local _
    for _ in $(seq 300); do
        dbus-send --system --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q 'boolean true' && return 0
        sleep 0.1
    done
    return 1
}

if [ "${PLEXUS_VM_INIT:-}" = systemd ]; then
    # systemd brought up udev, the bus and udisks (graphical.target); the rest as
    # guest-init.sh has it: md and dm loaded, polkit running before its first caller.
    say "modules"
    load_modules
    say "polkit, udisks"
    units=(polkit.service)
    [ -x /usr/libexec/udisks2/udisksd ] && units+=(udisks2.service)
    systemctl start "${units[@]}" || say "polkit or udisks did not start"
fi
say "waiting for udev"
udevadm settle --timeout=60 || say "udevadm settle timed out"
/src/tools/vm/guest-disk-map
say "waiting for polkit and udisks"
for name in "${names[@]}"; do
    wait_name "$name" || say "$name did not appear on the system bus"
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
# The build tree's data files (plexus.notifyrc) where KNotification looks.
export XDG_DATA_DIRS="/src/$PLEXUS_BUILD_DIR/share:/usr/local/share:/usr/share"
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
# A command that rebooted the system gracefully (systemctl reboot, run-vm --reboots):
# no exit status from this boot; systemd ends this unit, the next boot runs it again.
if [ "${PLEXUS_VM_INIT:-}" = systemd ] && [ "$(systemctl is-system-running 2>/dev/null)" = stopping ]; then
    say "the system is going down: no exit status from this boot"
    exec sleep infinity
fi
finish "$status"

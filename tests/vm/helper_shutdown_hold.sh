#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 3 --disk-size 128M
# Shutdown is held off while md works on an array in use (monitor/shutdownhold.h),
# through the real systemd-logind: its inhibitor list is what a desktop's
# shutdown dialog and `systemctl reboot` consult. The helper runs as its unit
# runs it, without CAP_SYS_BOOT, and with a short idle timeout to show that it
# stays up while md works (and so sees a filesystem mounted later), then leaves.
# Checksummed files on the array survive throughout.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
PLEXUS_HELPER_COMMAND="setpriv --bounding-set -sys_boot {} --idle-timeout 4" install_helper

step "systemd-logind, as on any systemd machine"
mkdir -p /run/systemd
/usr/lib/systemd/systemd-logind >>/run/logind.log 2>&1 &
gdbus wait --system --timeout 30 org.freedesktop.login1 || fail "systemd-logind did not start"

# Plexus's inhibitor as logind lists it: "WHAT MODE WHY", empty when none.
held() {
    busctl --system --json=short call org.freedesktop.login1 /org/freedesktop/login1 org.freedesktop.login1.Manager ListInhibitors \
        | python3 -c 'import json,sys
for what, who, why, mode, uid, pid in json.load(sys.stdin)["data"][0]:
    if who == "Plexus": print(what, mode, why)'
}
wait_held() { # wait_held PATTERN|"" SECONDS: until Plexus's inhibitor matches (or is gone)
    local deadline=$((SECONDS + $2)) now
    while :; do
        now=$(held)
        if [ -z "$1" ]; then [ -z "$now" ] && { echo "ok: nothing held"; return 0; }
        else echo "$now" | grep -Eq -- "$1" && { echo "ok: held: $now"; return 0; }; fi
        [ $SECONDS -lt $deadline ] || { cat /proc/mdstat; fail "after $2 s logind lists '${now:-nothing}', wanted '${1:-nothing}'"; }
        sleep 0.5
    done
}

step "a new mirror resyncs while nothing uses it: nothing is held"
slow_sync 1500
ok create /dev/md0 --level 1 /dev/vda /dev/vdb
grep -q resync /proc/mdstat || fail "md0 is not resyncing"
sleep 6   # longer than the helper's idle timeout
wait_held "" 1
pid=$(helper_pid)
[ -n "$pid" ] || fail "the helper left while md0 resyncs: it would not see md0 mounted"

step "mounted during the resync: shutdown is held off, naming the array and the mount"
mkfs.ext4 -q /dev/md0 && mkdir -p /mnt/data && mount /dev/md0 /mnt/data
write_files /mnt/data 8
SUM=$(files_sum /mnt/data)
wait_held "^shutdown block md0 is being synchronized for /mnt/data \(about [0-9.]+ (min|h) left\)$" 10
plexusctl status | grep -F "Shutdown is held off: md0 is being synchronized for /mnt/data" || fail "plexusctl status does not say that shutdown is held off"
# Any user may take an inhibitor and call itself Plexus: only root's counts.
runuser -u plexususser -- systemd-inhibit --who=Plexus --what=shutdown --why="an impostor" --mode=delay sleep 20 &
impostor=$!
sleep 1
plexusctl status | grep -F "Shutdown is held off: md0 is being synchronized" || fail "plexusctl status does not show the helper's reason"
! plexusctl status | grep -F "impostor" || fail "plexusctl status believed a user's inhibitor named Plexus"
kill $impostor 2>/dev/null || true
is "$(helper_pid)" "$pid" "the helper holding it (the same process, long past its idle timeout)"

step "the resync ends: released, and the helper leaves when idle"
fast_sync
wait_idle md0
wait_held "" 10
for _ in $(seq 40); do [ -z "$(helper_pid)" ] && break; sleep 0.25; done
[ -z "$(helper_pid)" ] || fail "the helper did not exit after its idle timeout"
echo "ok: the helper exited when nothing was left to hold"
is "$(files_sum /mnt/data)" "$SUM" "files after the resync"

step "a rebuild onto a spare that the kernel starts by itself (no job): the helper, started at boot, holds it"
slow_sync 1500
mdadm /dev/md0 --add /dev/vdc >/dev/null
mdadm /dev/md0 --fail /dev/vda >/dev/null
grep -q recovery /proc/mdstat || fail "md0 is not rebuilding onto vdc"
plexusctl journal >/dev/null 2>&1 || true   # starts the helper, as its unit does at boot
wait_held "^shutdown block md0 is being rebuilt for /mnt/data" 15

step "unmounted during the rebuild: released"
umount /mnt/data
wait_held "" 10
fast_sync
wait_idle md0
mount -o ro /dev/md0 /mnt/data
is "$(files_sum /mnt/data)" "$SUM" "files after the rebuild"
umount /mnt/data
grep "shutdown" "$HELPER_LOG" || true
echo PASS

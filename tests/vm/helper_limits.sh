#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 4 --disk-size 256M
# cost: 110
# plexus-helper refuses wrong levels, counts, sizes, names, options and actions,
# never lets a request lose the last copy of the data, and says Busy while the
# kernel is busy; each refusal comes with its typed error (and plexusctl's exit
# status for it) and changes nothing. Same scene as helper_refusals.sh.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync
make_scene
size=$(size_of /dev/vda1)

step "levels, counts, sizes, names, options"
refused 1 Invalid "RAID-5 needs at least 3 devices; the request has 2" -- create /dev/md1 --level 5 /dev/vda1 /dev/vdd2 --allow-system-disk
refused 1 Invalid "Unknown RAID level 'raid7'" -- create /dev/md1 --level raid7 /dev/vda1 missing
refused 1 Invalid "A chunk of 100 KiB is not possible: it must be a power of two" -- create /dev/md1 --level 0 --chunk 100 /dev/vda1 /dev/vdd2 --allow-system-disk
refused 1 Invalid "RAID-0 keeps no redundant copy, so it cannot start with a missing slot" -- create /dev/md1 --level 0 /dev/vda1 missing
refused 1 Invalid "A mirror of one device is possible with force_single" -- create /dev/md1 --level 1 /dev/vda1
refused 1 Invalid "not a usable array name" -- create "/dev/md/my array" --level 1 /dev/vda1 missing
refused 1 Invalid "'x;rm' is not a usable array name" -- create /dev/md1 --level 1 --name 'x;rm' /dev/vda1 missing
refused 1 Invalid "is not an md array device" -- create /dev/sda9 --level 1 /dev/vda1 missing
refused 5 InUse "/dev/md0 already exists" -- create /dev/md0 --level 1 /dev/vda1 missing
refused 6 TooSmall "/dev/vda3 \(20.0 MiB\) is too small for /dev/md0: each member needs at least" -- add-spare /dev/md0 /dev/vda3
refused 1 Invalid "has no missing member" -- add /dev/md0 /dev/vda1
refused 1 Invalid "Unknown sync action 'frozen'. Choose check" -- scrub /dev/md0 frozen
refused 1 Invalid "sync speed minimum must be a positive number of KiB/s" -- speed /dev/md0 --min 0
refused 1 Invalid "sync speed maximum must be a positive number of KiB/s.*not '-5'" -- speed /dev/md0 --max=-5
refused 1 Invalid "minimum \(90000 KiB/s\) is above the maximum \(1000 KiB/s\)" -- speed /dev/md0 --min 90000 --max 1000
refused 1 Invalid "carries no md superblock: there is nothing to erase" -- zero-superblock /dev/vda1
refused 1 Invalid "is a working member of /dev/md0.*fail" -- remove /dev/md0 /dev/vdb1
refused 1 Invalid "needs at least 2 devices.*force_single" -- grow /dev/md0 --raid-devices 1 --remove /dev/vdb1
refused 7 NotFound "/dev/md7 does not exist" -- stop /dev/md7
dbus_refused Invalid "Unknown option 'bogus'" -- --method org.plexus.Helper1.StopArray /dev/md0 "{'bogus': <true>}"
dbus_refused Invalid "Option 'chunk_kib' must be an integer" -- \
    --method org.plexus.Helper1.CreateArray /dev/md1 raid0 "[('/dev/vda1', 'PLXDISK1', $size), ('/dev/vda3', 'PLXDISK1', 1)]" "[]" "{'chunk_kib': <'64'>}"
dbus_refused NotFound "is now another array" -- --method org.plexus.Helper1.StopArray /dev/md0 "{'array_uuid': <'00000000-0000-0000-0000-000000000000'>}"

step "data safety: never lose the last copy"
create /dev/md2 --level=1 --raid-devices=2 /dev/vda1 missing
mkfs.ext4 -q /dev/md2 && mkdir -p /mnt/md2 && mount /dev/md2 /mnt/md2
refused 1 Invalid "Failing /dev/vda1 would leave /dev/md2 without a complete copy of the data" -- fail /dev/md2 /dev/vda1
refused 5 InUse "/dev/md2 is in use: /dev/md2 is mounted on /mnt/md2. Unmount it first" -- stop /dev/md2
umount /mnt/md2

step "busy: a check is running"
slow_sync 1000
ok scrub /dev/md0 check
refused 8 Busy "md0 is busy with check.*scrub idle" -- scrub /dev/md0 repair
refused 8 Busy "md0 is busy with check" -- grow /dev/md0 --raid-devices 3 --add /dev/vda3
ok scrub /dev/md0 idle
fast_sync
wait_idle md0

step "at full speed for the rebuild under way, then the limits as they were"
refused 1 Invalid "md0 is not syncing now \(md says 'idle'\)" -- speed /dev/md0 --min 10000000 --max 10000000 --until-idle
write_data /dev/md0
slow_sync 1000      # the system's limits: 1000 KiB/s, two minutes for vdc1's 120 MiB
mdadm /dev/md0 --fail /dev/vdc1 --remove /dev/vdc1 >/dev/null 2>&1
mdadm --zero-superblock /dev/vdc1
mdadm /dev/md0 --add /dev/vdc1 >/dev/null
t0=$SECONDS
plexusctl speed /dev/md0 --min 10000000 --max 10000000 --until-idle > /tmp/speed.out 2>&1 &
job=$!
until grep -q "10000000 (local)" /sys/block/md0/md/sync_speed_min; do
    kill -0 $job 2>/dev/null || { cat /tmp/speed.out; fail "plexusctl speed --until-idle ended before raising the limit"; }
    sleep 0.2
done
echo "ok: md0 rebuilds at $(cat /sys/block/md0/md/sync_speed) KiB/s with sync_speed_min $(cat /sys/block/md0/md/sync_speed_min)"
wait $job || { cat /tmp/speed.out; fail "plexusctl speed --until-idle failed"; }
took=$((SECONDS - t0))
is "$(md_attr md0 sync_action)" idle "md0's sync_action when the job ended"
is "$(md_attr md0 sync_speed_min)" "1000 (system)" "md0's minimum after the rebuild"
is "$(md_attr md0 sync_speed_max)" "1000 (system)" "md0's maximum after the rebuild"
is "$(member_state md0 vdc1)" in_sync "vdc1 after the rebuild"
[ "$took" -lt 60 ] || fail "the rebuild took $took s: not faster than the system's 1000 KiB/s"
echo "ok: rebuilt in $took s (at the system's 1000 KiB/s: about 120 s)"
check_data /dev/md0 "after the rebuild at full speed"
fast_sync

echo "refusals checked: $REFUSALS"
[ "$REFUSALS" -ge 15 ] || fail "fewer than 15 refusals checked"
cross_check
echo PASS

#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 2 --disk-size 128M
# cost: 100
# Split-mirror backup: a live ext4 on a mirror
# with a slot kept for backups and a writer running; back up to a disk, pull it
# out, plug it back, open it read-only: the data of the cut, cleanly. More
# writes, then a refresh copies only what changed. A copy that was written to
# is refused as incremental and gets a full copy. Prints full against
# incremental, in time and bytes.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync

written() { echo $(( $(awk '{print $7}' "/sys/block/$1/stat") * 512 )); }
mib() { echo "$(( $1 / 1048576 )) MiB"; }
FIGURES=()

# back_up DEVICE [OPTIONS]: plexusctl back-up, timed, with the bytes the kernel wrote to DEVICE.
back_up() {
    local dev=$1 before t0
    shift
    before=$(written "$dev") t0=$(date +%s%N)
    ok back-up /dev/md0 "/dev/$dev" "$@"
    TOOK=$(( ($(date +%s%N) - t0) / 1000000 )) COPIED=$(( $(written "$dev") - before ))
    echo "$OUT" | grep "done: /dev/$dev holds" || { echo "$OUT"; fail "back-up did not say what it recorded"; }
    is "$(member_state md0 "$dev")" gone "/dev/$dev in md0 after the cut"
    is "$(md_attr md0 raid_disks)" 2 "md0's slots"
    is "$(md_attr md0 degraded)" 1 "md0's free slot (kept for backups)"
}

# open_copy DEVICE: open-backup, mount the loop device read-only at /mnt/copy.
open_copy() {
    ok open-backup "/dev/$1"
    LOOP=$(echo "$OUT" | sed -n 's/.*opened read-only as \(\/dev\/loop[0-9]*\).*/\1/p' | head -n1)
    [ -n "$LOOP" ] || { echo "$OUT"; fail "open-backup did not name its loop device"; }
    is "$(blockdev --getro "$LOOP")" 1 "$LOOP read-only"
    mount -o ro,noload "$LOOP" /mnt/copy
}

close_copy() {
    umount /mnt/copy
    ok close-backup "/dev/$1"
    [ -z "$(losetup -j "/dev/$1")" ] || fail "a loop device still reads /dev/$1"
}

# The copy's writer log is a clean prefix of the live one: whole lines, none torn.
check_log_prefix() {
    local n
    n=$(wc -l < /mnt/copy/log)
    [ "$n" -gt 0 ] || fail "the copy has no writer log"
    head -n "$n" /mnt/live/log | cmp -s - /mnt/copy/log || fail "the copy's log is not a prefix of the live log"
    [ "$(tail -c1 /mnt/copy/log | od -An -c | tr -d ' ')" = '\n' ] || fail "the copy's log ends in a torn line"
    echo "ok: the copy's log is the live log's first $n lines, whole"
}

step "a mirror kept for backups: one member, a free slot, a bitmap"
# mdadm's default bitmap chunk (64 MiB) would be half of this small disk: 1 MiB
# chunks let the refresh show how little it copies, as 64 MiB ones do on a real disk.
mdadm --create /dev/md0 --run --level=1 --raid-devices=2 --metadata=1.2 --bitmap=internal --bitmap-chunk=1M /dev/vda missing 2>/dev/null
udevadm settle
mkfs.ext4 -q -F /dev/md0
mkdir -p /mnt/live /mnt/copy
mount /dev/md0 /mnt/live
mkdir /mnt/live/set1 && write_files /mnt/live/set1 24
SUM1=$(files_sum /mnt/live/set1)
( i=0; while :; do echo "line $i $(date +%s%N)" >> /mnt/live/log; i=$((i + 1)); sleep 0.02; done ) &
WRITER=$!
sleep 1

step "refusals: nothing changes"
refused 1 Invalid "is already a member of /dev/md0" -- back-up /dev/md0 /dev/vda
mkfs.ext4 -q -F /dev/vdb && udevadm settle
refused 1 Invalid "contains a filesystem \(ext4\).*say overwrite" -- back-up /dev/md0 /dev/vdb
wipefs -q -a /dev/vdb && udevadm settle

step "back up to vdb with the writer running: all of md0 is copied"
plexusctl monitor --json > /tmp/events.jsonl 2>&1 &
MONITOR=$!
sleep 1
back_up vdb
FIGURES+=("full copy (blank disk) | $TOOK ms | $(mib $COPIED) written")
# The cut is Plexus's doing: the monitor says so, quietly, instead of an alarm.
sleep 1; kill $MONITOR
cut=$(grep '"event":"member-failed"' /tmp/events.jsonl | grep '"device":"vdb"') || { cat /tmp/events.jsonl; fail "the monitor saw no member-failed for vdb"; }
echo "$cut" | grep -q '"urgency":"low"' && echo "$cut" | grep -q '"planned":"The backup on /dev/vdb was cut off' || { echo "$cut"; fail "the cut sounded like a failure"; }
echo "ok: the monitor: $(echo "$cut" | sed -n 's/.*"summary":"\([^"]*\)".*/\1/p') (urgency low)"

step "pull the backup disk out, plug it back"
serial=$(plexus-vm-disk unplug vdb --keep)
copy=$(plexus-vm-disk replug "$serial")
echo "ok: the backup disk is back as /dev/$copy"

step "open the copy read-only: the data of the cut"
open_copy "$copy"
is "$(files_sum /mnt/copy/set1)" "$SUM1" "set1 on the copy"
check_log_prefix
refused 5 InUse "mounted on /mnt/copy" -- close-backup "/dev/$copy"
refused 5 InUse "read through the loop device $LOOP" -- back-up /dev/md0 "/dev/$copy"
close_copy "$copy"

step "more writes, then a refresh: only what changed is copied"
mkdir /mnt/live/set2 && write_files /mnt/live/set2 4
SUM2=$(files_sum /mnt/live/set2)
back_up "$copy"
echo "$OUT" | grep -q "only what had changed" || fail "the refresh was not incremental"
SIZE=$(blockdev --getsize64 /dev/md0)
[ "$COPIED" -lt $((SIZE / 4)) ] || fail "the refresh wrote $(mib $COPIED) of $(mib $SIZE): not incremental"
FIGURES+=("incremental refresh (4 MiB more) | $TOOK ms | $(mib $COPIED) written")
open_copy "$copy"
is "$(files_sum /mnt/copy/set1)" "$SUM1" "set1 on the refreshed copy"
is "$(files_sum /mnt/copy/set2)" "$SUM2" "set2 on the refreshed copy"
check_log_prefix
close_copy "$copy"

step "a copy written after the cut is refused as incremental, and gets a full copy"
offset=$(( $(mdadm --examine "/dev/$copy" | sed -n 's/^ *Data Offset : \([0-9]*\) sectors.*/\1/p') * 512 ))
rw=$(losetup --find --show --offset "$offset" "/dev/$copy")
mount "$rw" /mnt/copy && echo "written on the copy" > /mnt/copy/tampered && umount /mnt/copy
losetup -d "$rw"
refused 1 Invalid "the filesystem on it was written after the cut" -- back-up /dev/md0 "/dev/$copy"
back_up "$copy" --overwrite
echo "$OUT" | grep -q "all of it" || fail "the full copy did not say so"
[ "$COPIED" -gt $((SIZE / 2)) ] || fail "the full copy wrote only $(mib $COPIED)"
FIGURES+=("full copy (over a written copy) | $TOOK ms | $(mib $COPIED) written")
open_copy "$copy"
[ ! -e /mnt/copy/tampered ] || fail "the write on the copy survived the full copy"
is "$(files_sum /mnt/copy/set2)" "$SUM2" "set2 after the full copy"
close_copy "$copy"

step "the writer stopped and md0 unmounted: the refreshed copy is md0, byte for byte"
kill $WRITER; wait $WRITER 2>/dev/null || true
umount /mnt/live
back_up "$copy"
FIGURES+=("incremental refresh (unmounted, nothing new) | $TOOK ms | $(mib $COPIED) written")
ok open-backup "/dev/$copy"
LOOP=$(echo "$OUT" | sed -n 's/.*opened read-only as \(\/dev\/loop[0-9]*\).*/\1/p' | head -n1)
cmp /dev/md0 "$LOOP" || fail "the copy differs from md0"
echo "ok: the copy is md0, byte for byte ($(mib $SIZE))"
ok close-backup "/dev/$copy"
is "$(ls "$JOURNAL/backups" | wc -l)" 1 "backup records kept (one per copy)"

step "figures: backup to a disk of $(mib $SIZE)"
echo "backup | time | written to the copy"
printf '%s\n' "${FIGURES[@]}"
cross_check
echo PASS

#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 3 --disk-size 96M
# A step that erases a device checks, right before it runs,
# that the kernel name still leads to the device the plan was made for. A slow
# hot replacement of /dev/vdb with --zero-old; once the copy is done and vdb
# has left md0, just before the final erase (the helper held there with
# PLEXUS_FAULT=stop-at-step:N), vdb is unplugged and another disk is plugged
# in: virtio-blk gives it the lowest free index, so it is /dev/vdb again, with
# the same device number and size and only another serial. It carries another
# array's superblock and data. The erase must be refused in words, naming both
# disks, and the other disk must be bit for bit as it was.
# Why unplug and plug, not a node pointing elsewhere: it is how a name really
# passes to another disk, and it leaves nothing but the serial to tell them
# apart. Why after the remove step: a member still in md0 cannot be pulled
# without md failing it, and the plan's wait then gives up before any erase.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync

ok create /dev/md0 --level 1 /dev/vda /dev/vdb
wait_idle md0
write_data /dev/md0
OLD_SERIAL=$(cat /sys/block/vdb/serial) OLD_NUMBER=$(cat /sys/block/vdb/dev)

step "the plan"
ok replace --dry-run /dev/md0 /dev/vdb /dev/vdc --zero-old
echo "$OUT"
ZERO=$(echo "$OUT" | sed -n 's|^  \([0-9]*\)\. Erase the md superblock on /dev/vdb.*|\1|p')
[ -n "$ZERO" ] || fail "no step of the plan erases /dev/vdb's superblock"

step "a slow hot replacement of /dev/vdb by /dev/vdc; the helper held when step $ZERO starts"
slow_sync 4000
helper_with_fault "stop-at-step:$ZERO"
before=$(journals)
t0=$SECONDS
plexusctl replace /dev/md0 /dev/vdb /dev/vdc --zero-old > /tmp/job.out 2>&1 &
pid=$!
copying=no
for _ in $(seq 3000); do
    [ "$(md_attr md0 sync_action)" = recover ] && copying=yes
    [ "$(awk '{print $3}' "/proc/$(helper_pid)/stat" 2>/dev/null)" = T ] && break
    sleep 0.1
done
[ "$(awk '{print $3}' "/proc/$(helper_pid)/stat" 2>/dev/null)" = T ] || { cat /tmp/job.out; fail "the helper never reached step $ZERO"; }
JOB=$(new_job "$before")
COPY_S=$((SECONDS - t0))
fast_sync
echo "job $JOB: copied and held before step $ZERO after $COPY_S s (copy seen running: $copying)"
is "$copying" yes "the copy was seen running"
is "$(member_state md0 vdb)" gone "/dev/vdb in md0"
mdadm --examine /dev/vdb > /dev/null 2>&1 || fail "/dev/vdb's superblock was erased before step $ZERO"

step "/dev/vdb unplugged; another disk plugged in takes its name"
plexus-vm-disk unplug vdb
NEW=$(plexus-vm-disk plug 96M)
is "$NEW" vdb "the new disk's kernel name"
NEW_SERIAL=$(cat /sys/block/vdb/serial) NEW_NUMBER=$(cat /sys/block/vdb/dev)
echo "/dev/vdb was $OLD_NUMBER, serial $OLD_SERIAL; now it is $NEW_NUMBER, serial $NEW_SERIAL"
[ "$NEW_SERIAL" != "$OLD_SERIAL" ] || fail "the new disk has the old one's serial"
# Another array's member, with data: what an erase under the old name would destroy.
mdadm --create /dev/md9 --level=1 --raid-devices=2 --metadata=1.2 --run /dev/vdb missing > /dev/null 2>&1 \
    || fail "cannot make an array on the new /dev/vdb"
dd if=/dev/urandom of=/dev/md9 bs=1M count=8 oflag=direct status=none
mdadm --stop /dev/md9 > /dev/null 2>&1
udevadm settle
# udev's incremental assembly may take the lone member into an inactive array: let it go.
for h in /sys/block/vdb/holders/*; do [ -e "$h" ] && mdadm --stop "/dev/${h##*/}" > /dev/null 2>&1; done
udevadm settle
[ -z "$(ls /sys/block/vdb/holders)" ] || fail "something holds the new /dev/vdb: $(ls /sys/block/vdb/holders)"
OTHER_UUID=$(mdadm --examine /dev/vdb | sed -n 's/^ *Array UUID : //p')
[ -n "$OTHER_UUID" ] || fail "the new /dev/vdb carries no md superblock"
OTHER_SUM=$(sha256sum < /dev/vdb | cut -d' ' -f1)
echo "the new /dev/vdb: member of array $OTHER_UUID, sha256 ${OTHER_SUM:0:16}..."

step "the helper goes on: step $ZERO must refuse the other disk"
t1=$SECONDS
kill -CONT "$(helper_pid)"
set +e; wait "$pid"; JOBRC=$?; set -e
JOBOUT=$(cat /tmp/job.out)
echo "plexusctl replace ended with status $JOBRC ($((SECONDS - t1)) s after it went on):"
echo "$JOBOUT" | tail -n 4
[ "$JOBRC" != 0 ] || fail "the replacement succeeded: the erase ran on the other disk"
echo "$JOBOUT" | grep -q "/dev/vdb is no longer the device this plan was made for" || fail "the refusal does not say the device changed"
echo "$JOBOUT" | grep -q "then it was /dev/vdb ($OLD_NUMBER, disk $OLD_SERIAL, 96.0 MiB); now it is /dev/vdb ($NEW_NUMBER, disk $NEW_SERIAL, 96.0 MiB)" \
    || fail "the refusal does not name both disks"
echo "$JOBOUT" | grep -q "Nothing was erased" || fail "the refusal does not say that nothing was erased"
is "$(mdadm --examine /dev/vdb 2>/dev/null | sed -n 's/^ *Array UUID : //p')" "$OTHER_UUID" "the other disk's array"
is "$(sha256sum < /dev/vdb | cut -d' ' -f1)" "$OTHER_SUM" "the other disk's checksum"
echo "ok: the other disk is as it was"

step "the journal records the refusal; md0 is whole on vda and vdc"
grep -q '"error":"org.plexus.Error.NotFound"' "$JOURNAL/$JOB.jsonl" || { tail -n 3 "$JOURNAL/$JOB.jsonl"; fail "the journal does not record NotFound"; }
grep -q "no longer the device this plan was made for" "$JOURNAL/$JOB.jsonl" || fail "the journal does not record why"
grep -q "\"identity:vdb\":{[^}]*\"who\":\"disk $OLD_SERIAL\"" "$JOURNAL/$JOB.jsonl" || fail "the journal does not keep the identity /dev/vdb had when planned"
ok journal
echo "$OUT" | sed -n "/job $JOB/,/^$/p" | head -n 12
is "$(stopped_step)" "$ZERO" "the step the journal says failed"
wait_idle md0
is "$(md_attr md0 degraded)" 0 "md0 degraded"
is "$(member_state md0 vdc)" in_sync "/dev/vdc in md0"
check_data /dev/md0 "after the refused erase"
echo "timings: copy $COPY_S s; boot to end $SECONDS s"
cross_check
echo PASS

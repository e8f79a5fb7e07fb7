#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 4 --disk-size 256M
# plexus-helper's jobs: a disk pulled out of a running mirror, removed (it has
# no device node any more; udev's own mdadm -If is held back so that plexusctl
# does it) and replaced; one job at a time (Busy while a hot
# replacement copies, with progress shown); the helper killed in the middle of
# that replacement: the journal shows the job and the step it stopped in (at the
# next helper's start and in plexusctl journal), the job is resumed and ends the
# replacement; the helper exiting when idle.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync

step "a member pulled out of a running mirror, then replaced"
ok create /dev/md1 --level 1 /dev/vda /dev/vdb
wait_idle md1
write_data /dev/md1
md_udev_remove off   # else udev's mdadm -If may take the vanished vdb out first
plexus-vm-disk unplug vdb
dd if=/dev/urandom of=/dev/md1 bs=64k count=4 seek=1024 oflag=direct 2>/dev/null || true
sync; udevadm settle; sleep 1
[ -e /sys/block/md1/md/dev-vdb ] || { dmesg | tail -n 20; cat /run/mdadm-If.log 2>/dev/null; fail "the vanished vdb left md1 by itself"; }
member_state md1 vdb | grep -q faulty || fail "md did not mark the vanished vdb faulty ($(member_state md1 vdb))"
ok remove /dev/md1 /dev/vdb
echo "$OUT" | grep -q 'echo remove > /sys/block/md1/md/dev-vdb/state' || fail "the vanished member was not removed through sysfs"
[ "$(member_state md1 vdb)" = gone ] || fail "vdb is still in md1"
md_udev_remove on
ok add /dev/md1 /dev/vdc
wait_idle md1
is "$(md_attr md1 degraded)" 0 "md1 degraded"
check_data /dev/md1 "after the pulled disk was replaced"

step "one job at a time: Busy while a hot replacement copies"
slow_sync 3000
plexusctl replace /dev/md1 /dev/vda /dev/vdd > /tmp/replace.out 2>&1 &
replace_pid=$!
for _ in $(seq 100); do grep -q '^\[3/4\]' /tmp/replace.out && break; sleep 0.2; done
grep -q '^\[3/4\]' /tmp/replace.out || { cat /tmp/replace.out; fail "the replacement did not reach its waiting step"; }
refused 8 Busy "Another Plexus job is running \([0-9a-f-]+, ReplaceMember\)" -- speed /dev/md1 --min 2000
for _ in $(seq 50); do grep -q '%$' /tmp/replace.out && break; sleep 0.2; done
cat /tmp/replace.out
grep -q '%$' /tmp/replace.out || fail "no progress was shown while copying"

step "the helper dies in the middle of the job: its journal says where"
job=$(sed -n 's/^Job \([0-9a-f-]*\): .*/\1/p' /tmp/replace.out)
[ -n "$job" ] || fail "no job id in plexusctl's output"
stop_helper # SIGTERM: gone at once, like a crash
set +e
wait "$replace_pid"
rc=$?
set -e
cat /tmp/replace.out
is "$rc" 10 "plexusctl's exit status when the helper went away"
ok journal
echo "$OUT"
echo "$OUT" | grep -q "Unfinished job $job (ReplaceMember" || fail "the interrupted job is not shown"
echo "$OUT" | grep -q "1. \[done\] Add /dev/vdd to md1" || fail "the step done is not shown"
echo "$OUT" | grep -q "3. \[in progress when it stopped\] Wait while /dev/vda is copied onto /dev/vdd" || fail "the step it stopped in is not shown"
echo "$OUT" | grep -q "4. \[not run\] Remove the replaced member /dev/vda from md1" || fail "the step that did not run is not shown"
echo "$OUT" | grep -q "plexusctl resume $job" || fail "the way to carry it on is not shown"
grep -q "unfinished job $job" $HELPER_LOG || fail "the new helper did not report the unfinished job when it started"
# Carried on: md went on copying by itself; the plan waits for it, then removes vda.
fast_sync
ok resume "$job"
echo "$OUT"
echo "$OUT" | grep -q "Resume job $job from step 3 of 4" || fail "the resumed plan does not say where it starts"
echo "$OUT" | grep -q "^\[4/4\] Remove the replaced member /dev/vda" || fail "the resumed plan did not run its last step"
[ "$(member_state md1 vda)" = gone ] || fail "vda is still in md1 after the resumed job"
ok journal
echo "$OUT" | grep -q "No unfinished jobs" || fail "the resumed job is still reported"
refused 1 Invalid "is not unfinished: it ended well" -- resume "$job"
is "$(member_state md1 vdd)" in_sync "vdd's state"
is "$(md_attr md1 degraded)" 0 "md1 degraded"
check_data /dev/md1 "after the interrupted hot replacement"

step "the helper exits when idle"
sed -i "s|plexus-helper 2>>|plexus-helper --idle-timeout 3 2>>|" /usr/share/dbus-1/system-services/org.plexus.Helper1.service
dbus-send --system --print-reply --type=method_call --dest=org.freedesktop.DBus / org.freedesktop.DBus.ReloadConfig >/dev/null
stop_helper
ok journal
[ -n "$(helper_pid)" ] || fail "no helper after a call"
for _ in $(seq 30); do [ -n "$(helper_pid)" ] || break; sleep 0.5; done
[ -z "$(helper_pid)" ] || fail "the helper is still running after 3 s idle (+ 15 s)"
grep -q "idle for 3 s: exiting" $HELPER_LOG || fail "the helper did not say why it exited"
echo "ok: the helper exited when idle"
cross_check
echo PASS

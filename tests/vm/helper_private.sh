#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 3 --disk-size 64M
# What a root helper on a shared machine keeps to itself and what it will not
# believe:
# - a mount whose source string names a device (anyone can do that with FUSE;
#   here tmpfs, as root) does not make that device "mounted"; a device path
#   through a directory anyone may write (/dev/shm) is not followed;
# - a job's signals (commands, tool output, progress) reach the caller, and no
#   other bus user; FollowJob lets root or the job's asker (not plexususer, for
#   root's job) follow it, only while it runs;
# - the journal is root's only (directory 0700, files 0600, partition table dumps
#   included) and names the caller by uid and pid.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync

step "a mount's source string names /dev/vdb: vdb is not mounted"
mkdir -p /mnt/fake
mount -t tmpfs /dev/vdb /mnt/fake
grep -q '^/dev/vdb /mnt/fake tmpfs' /proc/self/mounts || fail "the fake mount is not there"

# Another bus user listens to everything the helper sends (started first, so the
# listener sees its name owned).
gdbus call --system --dest org.plexus.Helper1 --object-path /org/plexus/Helper1 \
    --method org.plexus.Helper1.UnfinishedJobs >/dev/null || fail "the helper did not start"
rm -f /tmp/overheard
runuser -u plexususer -- gdbus monitor --system --dest org.plexus.Helper1 > /tmp/overheard 2>&1 &
listener=$!
sleep 1

plexusctl create /dev/md0 --level 1 /dev/vdb missing > /tmp/create.out 2>&1 &
caller=$!
wait "$caller" || { cat /tmp/create.out; fail "create on /dev/vdb failed (refused as mounted?)"; }
cat /tmp/create.out
is "$(md_attr md0 level)" raid1 "md0's level"

step "the job's signals went to the caller only"
grep -q '^\[1/' /tmp/create.out || fail "plexusctl saw no step of its own job"
grep -q '^Job ' /tmp/create.out || fail "plexusctl saw no JobStarted for its own job"
# A second job that keeps partition tables (the target's, then the source's).
printf 'label: gpt\n,20M\n,20M\n' | sfdisk -q /dev/vda
printf 'label: gpt\n,10M\n' | sfdisk -q /dev/vdc
udevadm settle
ok copy-table /dev/vda /dev/vdc --overwrite
sleep 1
kill "$listener"; wait "$listener" 2>/dev/null || true
cat /tmp/overheard
grep -q "org.plexus.Helper1" /tmp/overheard || fail "the listener never got going"
! grep -q "JobStarted\|StepStarted\|StepProgress\|StepFinished\|JobFinished" /tmp/overheard \
    || fail "another user overheard the job's signals"
echo "ok: plexususer heard none of the job's signals"

step "the journal is root's only, and names the caller"
ls -la /var/lib/plexus/journal
is "$(stat -c %a /var/lib/plexus/journal)" 700 "the journal directory's mode"
n=0
while IFS= read -r -d '' f; do
    if [ -d "$f" ]; then is "$(stat -c %a "$f")" 700 "mode of $f"; else is "$(stat -c %a "$f")" 600 "mode of $f"; fi
    n=$((n + 1))
done < <(find /var/lib/plexus/journal -mindepth 1 -print0)
ls /var/lib/plexus/journal/*.d/*.sfdisk >/dev/null 2>&1 || fail "no partition table was kept (copy-table did not run?)"
[ $n -ge 3 ] || fail "only $n files in the journal"
plan=$(grep -h '"event":"plan"' /var/lib/plexus/journal/*.jsonl | grep '"operation":"CreateArray"')
echo "$plan" | grep -q '"uid":0' || { echo "$plan"; fail "the journal does not record the caller's uid"; }
echo "$plan" | grep -q "\"pid\":$caller[,}]" || { echo "$plan"; fail "the journal does not record the caller's pid ($caller)"; }
echo "ok: the CreateArray record names uid 0 and pid $caller"
step "following a job: only while it runs, and only its asker or root"
dbus_refused NotFound "is not running now" -- --method org.plexus.Helper1.FollowJob "20261205-000000-000-dead"
wipefs -aq /dev/vda /dev/vdc && udevadm settle   # blank again after the copy-table job above
ok add /dev/md0 /dev/vda
wait_idle md0
slow_sync 4000   # the copy takes about 16 s
plexusctl replace /dev/md0 /dev/vdb /dev/vdc > /tmp/replace.out 2>&1 &
replace=$!
wait_recovery /tmp/replace.out
job=$(basename "$(ls -t /var/lib/plexus/journal/*.jsonl | head -n1)" .jsonl)
set +e
out=$(runuser -u plexususer -- gdbus call --system --dest org.plexus.Helper1 --object-path /org/plexus/Helper1 \
      --method org.plexus.Helper1.FollowJob "$job" 2>&1)
rc=$?
set -e
[ $rc != 0 ] && echo "$out" | grep -q "org.plexus.Error.NotAuthorized: Only the user who asked for that job (uid 0), or root, may follow it" \
    || { echo "$out"; fail "plexususer could follow root's job $job"; }
echo "ok: plexususer may not follow root's job: ${out#*org.plexus.Error.}"
gdbus call --system --dest org.plexus.Helper1 --object-path /org/plexus/Helper1 --method org.plexus.Helper1.FollowJob "$job" >/dev/null \
    || fail "root could not follow job $job"
fast_sync
wait "$replace" || { cat /tmp/replace.out; fail "the replacement failed"; }
[ -e /sys/block/md0/md/dev-vdc ] && [ ! -e /sys/block/md0/md/dev-vdb ] || { cat /proc/mdstat; fail "vdc did not take vdb's place"; }
echo "ok: the job went on to its end, vdc in vdb's place"

step "a device path through /dev/shm (anyone may write there) is not followed"
ln -sfn /dev/vda /dev/shm/evil
dbus_refused Invalid "/dev/shm/evil leads through /dev/shm, which users other than root can write" -- \
    --method org.plexus.Helper1.ZeroSuperblock "('/dev/shm/evil', '$(serial_of /dev/vda)', $(size_of /dev/vda))" "{}"
rm -f /dev/shm/evil
umount /mnt/fake
echo PASS

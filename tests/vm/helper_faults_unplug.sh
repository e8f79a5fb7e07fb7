#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 3 --disk-size 96M
# Fault injection: a disk hot-unplugged (plexus-vm-disk unplug, QMP
# device_del) while a hot replacement copies onto it: the job stops unfinished
# (its wait step failed) and is rolled back, though the new member has already
# left md0 with its disk; the mirror as before, its checksummed data intact.
# Prints a table. (The old disk pulled mid-copy is not covered yet: md leaves
# the new member a spare that it does not rebuild, and the job's wait gives up.)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync
TABLE=()

# unplug_mid_copy OLD NEW PULL: replace OLD with NEW in md0 slowly, pull PULL
# half way; leaves plexusctl's status in $JOBRC, its output in $JOBOUT and the
# job's id in $JOB.
unplug_mid_copy() {
    local old=$1 new=$2 pull=$3
    slow_sync 2000
    local before; before=$(journals)
    plexusctl replace /dev/md0 "/dev/$old" "/dev/$new" > /tmp/job.out 2>&1 &
    local pid=$!
    for _ in $(seq 600); do
        local done_; done_=$(md_attr md0 sync_completed | cut -d' ' -f1)
        [ "$(md_attr md0 sync_action)" = recover ] && [[ $done_ =~ ^[0-9]+$ ]] && [ "$done_" -gt 16384 ] && break
        sleep 0.2
    done
    [ "$(md_attr md0 sync_action)" = recover ] || { cat /tmp/job.out; fail "no copy onto /dev/$new running"; }
    echo "copy at $(md_attr md0 sync_completed) when /dev/$pull is pulled"
    plexus-vm-disk unplug "$pull"
    fast_sync
    set +e; wait "$pid"; JOBRC=$?; set -e
    JOBOUT=$(cat /tmp/job.out)
    echo "plexusctl replace ended with status $JOBRC:"; echo "$JOBOUT" | tail -n 4
    JOB=$(new_job "$before")
    wait_idle md0
    cat /proc/mdstat
}

ok create /dev/md0 --level 1 /dev/vda /dev/vdb
wait_idle md0
write_data /dev/md0

step "the new disk pulled while the copy onto it runs"
t0=$SECONDS
unplug_mid_copy vdb vdc vdc
[ "$JOBRC" != 0 ] || fail "the replacement succeeded without its new disk"
ok journal
echo "$OUT"
echo "$OUT" | grep -q "Unfinished job $JOB" || fail "job $JOB is not reported unfinished"
stopped=$(stopped_step)
ok roll-back "$JOB"
echo "$OUT" | tail -n 6
wait_idle md0
is "$(md_attr md0 degraded)" 0 "md0 degraded"
is "$(member_state md0 vdb)" in_sync "/dev/vdb (kept) in md0"
[ "$(member_state md0 vdc)" = gone ] || fail "the pulled /dev/vdc is still listed in md0"
check_data /dev/md0 "new disk pulled mid-copy, rolled back"
no_unfinished_jobs "the job is still unfinished after the roll back"
TABLE+=("disk unplugged | hot replace vdb by vdc | the new disk, mid-copy | step $stopped failed | rolled back: md0 of vda+vdb, data intact | $((SECONDS - t0)) s")

faults_table "fault | plan | pulled | journal said | outcome | time"
cross_check
echo PASS

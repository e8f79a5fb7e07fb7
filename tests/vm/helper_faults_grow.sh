#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 4 --disk-size 96M
# cost: 117
# Fault injection in a grow: a grow's steps end too fast for a kill
# from outside to land in them, so the helper is started by hand with
# PLEXUS_FAULT (backend/engine/executor.cpp) and SIGKILLs itself at each edge
# of each step: as the step starts (journaled, not run) and just after it ran
# (its end not journaled). Each time the job is resumed by a fresh helper (bus
# activation) and the array must end grown, consistent (a check finds no
# mismatch) and with its checksummed data intact. A RAID-1 goes from 2 to 3
# copies at each of the 4 points; a RAID-5 is reshaped from 3 to 4 devices with
# the helper killed just after the reshape started. Prints a table.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync
TABLE=()

# faulty_job FAULT ARGS...: plexusctl ARGS in a helper that kills itself at FAULT;
# leaves the job's id in $JOB and the step the journal says was running in $STOPPED.
faulty_job() {
    local fault=$1; shift
    helper_with_fault "$fault"
    local before; before=$(journals)
    plexusctl "$@" > /tmp/job.out 2>&1 && { cat /tmp/job.out; fail "plexusctl $* succeeded: the helper did not kill itself at $fault"; }
    for _ in $(seq 50); do [ -z "$(helper_pid)" ] && break; sleep 0.1; done
    [ -z "$(helper_pid)" ] || fail "the helper still runs after $fault"
    JOB=$(new_job "$before")
    [ -n "$JOB" ] || fail "no journal for the job killed at $fault"
    ok journal
    echo "$OUT" | grep -q "Unfinished job $JOB" || { echo "$OUT"; fail "job $JOB is not reported unfinished"; }
    STOPPED=$(stopped_step)
}

# resumed_step JOB K: what resuming JOB did with step K, from its journal: the
# step is checked first, and run again only if it had not taken effect.
resumed_step() {
    if grep -q "step $2 took effect before the plan stopped" "$JOURNAL/$1.jsonl"; then echo "had taken effect, not run again"; else echo "run again"; fi
}

# consistent mdN: a check of the whole array finds no mismatch.
consistent() {
    echo check > "/sys/block/$1/md/sync_action"
    sleep 0.5
    wait_idle "$1" 150
    is "$(md_attr "$1" mismatch_cnt)" 0 "$1's mismatch_cnt after a check"
}

step "RAID-1 of two disks, grown to three copies"
ok create /dev/md0 --level 1 /dev/vda /dev/vdb
wait_idle md0
write_data /dev/md0
ok grow --dry-run /dev/md0 --raid-devices 3 --add /dev/vdc
echo "$OUT"
STEPS=$(echo "$OUT" | grep -c '^  [0-9]*\. ')
is "$STEPS" 2 "steps of the grow"
for k in 1 2; do
    for edge in at after; do
        step "grow md0 to 3 copies: the helper kills itself $edge step $k of $STEPS"
        t0=$SECONDS
        faulty_job "kill-$edge-step:$k" grow /dev/md0 --raid-devices 3 --add /dev/vdc
        is "$STOPPED" "$k" "the step the journal says was running"
        ok resume "$JOB"
        echo "$OUT" | tail -n 3
        again=$(resumed_step "$JOB" "$k")
        is "$again" "$([ $edge = at ] && echo "run again" || echo "had taken effect, not run again")" "step $k on resuming"
        wait_idle md0
        is "$(md_attr md0 raid_disks)" 3 "md0's raid_disks"
        is "$(md_attr md0 degraded)" 0 "md0 degraded"
        is "$(member_state md0 vdc)" in_sync "/dev/vdc in md0"
        consistent md0
        check_data /dev/md0 "killed $edge step $k, resumed"
        no_unfinished_jobs "the job is still unfinished after resuming"
        TABLE+=("SIGKILL (PLEXUS_FAULT=kill-$edge-step:$k) | grow RAID-1 2 to 3 copies | $edge step $k | in progress: $STOPPED | resumed, step $k $again: 3 copies, check 0 mismatches, data intact | $((SECONDS - t0)) s")
        # Back to two copies for the next fault.
        ok grow /dev/md0 --raid-devices 2 --remove /dev/vdc
        mdadm --zero-superblock /dev/vdc; wipefs -qa /dev/vdc; udevadm settle
    done
done
ok stop /dev/md0
for d in /dev/vda /dev/vdb /dev/vdc; do mdadm --zero-superblock "$d" 2>/dev/null || true; wipefs -qa "$d"; done
udevadm settle

step "RAID-5 of three disks reshaped to four: the helper killed just after the reshape started"
t0=$SECONDS
ok create /dev/md5 --level 5 --chunk 64 /dev/vda /dev/vdb /dev/vdc
wait_idle md5
write_data /dev/md5
faulty_job "kill-after-step:2" grow /dev/md5 --raid-devices 4 --add /dev/vdd
is "$STOPPED" 2 "the step the journal says was running"
echo "reshape when the helper died: $(md_attr md5 sync_action) $(md_attr md5 sync_completed)"
ok resume "$JOB"
is "$(resumed_step "$JOB" 2)" "had taken effect, not run again" "the reshape's step on resuming"
check_data /dev/md5 "during the reshape, after the resume"
wait_idle md5 150
is "$(md_attr md5 raid_disks)" 4 "md5's raid_disks"
is "$(md_attr md5 degraded)" 0 "md5 degraded"
consistent md5
check_data /dev/md5 "after the reshape"
no_unfinished_jobs "the reshape's job is still unfinished after resuming"
TABLE+=("SIGKILL (PLEXUS_FAULT=kill-after-step:2) | grow RAID-5 3 to 4 devices (reshape) | after step 2 (reshape started) | in progress: $STOPPED | resumed, step 2 had taken effect, not run again: 4 devices, check 0 mismatches, data intact | $((SECONDS - t0)) s")

faults_table "fault | plan | killed | journal said | outcome | time"
cross_check
echo PASS

#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 3 --disk-size 96M
# cost: 180
# Fault injection: plexus-helper killed with SIGKILL as each step of
# a replacement that partitions the new disk first starts; each time the job is
# resumed (plexusctl resume), or once rolled back, and the mirror must end whole
# with its checksummed data intact. Prints a table of the faults injected and
# their outcomes. (A grow's two steps end before a kill from outside lands:
# helper_faults_grow.sh cuts them with the helper's own hook, PLEXUS_FAULT.)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync
TABLE=()

# kill_at INDEX ARGS...: runs plexusctl ARGS in the background, SIGKILLs the
# helper once the job's journal says step INDEX (0-based) started, and leaves
# the job's id in $JOB and the step the journal says was running in $STOPPED.
kill_at() {
    local index=$1; shift
    local before; before=$(journals)
    plexusctl "$@" > /tmp/job.out 2>&1 &
    local pid=$! file=""
    for _ in $(seq 3000); do
        # The job's journal: the one file that was not there before.
        [ -n "$file" ] || { JOB=$(new_job "$before"); [ -z "$JOB" ] || file=$JOURNAL/$JOB.jsonl; }
        [ -n "$file" ] && grep -q "\"event\":\"step-start\",\"index\":$index," "$file" && break
        sleep 0.01
    done
    grep -q "\"event\":\"step-start\",\"index\":$index," "$file" || { cat /tmp/job.out; fail "the job never reached step $((index + 1))"; }
    kill -KILL "$(helper_pid)"
    wait "$pid" || true
    ok journal
    STOPPED=$(echo "$OUT" | sed -n 's/^  \([0-9]*\)\. \[in progress when it stopped\].*/\1/p' | head -n1)
    if ! echo "$OUT" | grep -q "Unfinished job $JOB"; then
        echo "(job $JOB: plexusctl journal said:)"; echo "$OUT"; tail -n 3 "$file"
        STOPPED="none (it had ended)"
    fi
}

partitioned_mirror

step "the replacement's plan"
ok replace --dry-run /dev/md0 /dev/vdb2 /dev/vdc --partition-like-old --zero-old
echo "$OUT"
STEPS=$(echo "$OUT" | grep -c '^  [0-9]*\. ')
[ "$STEPS" -ge 7 ] || fail "expected at least 7 steps, got $STEPS"

old=vdb new=vdc
for ((k = 0; k < STEPS; k++)); do
    step "replace /dev/${old}2 with /dev/$new: the helper killed in step $((k + 1)) of $STEPS"
    t0=$SECONDS
    kill_at "$k" replace /dev/md0 /dev/${old}2 /dev/$new --partition-like-old --zero-old
    echo "killed; the journal says step ${STOPPED:-none (between two steps)} was running"
    if [ "${STOPPED:0:4}" != none ]; then
        ok resume "$JOB"
        echo "$OUT" | tail -n 3
    fi
    wait_idle md0
    is "$(md_attr md0 degraded)" 0 "md0 degraded"
    is "$(member_state md0 ${new}2)" in_sync "/dev/${new}2 in md0"
    [ "$(member_state md0 ${old}2)" = gone ] || fail "/dev/${old}2 is still in md0"
    mdadm --examine /dev/${old}2 >/dev/null 2>&1 && fail "/dev/${old}2 still carries a superblock"
    check_data /dev/md0 "killed in step $((k + 1)), resumed"
    ok journal
    echo "$OUT" | grep -q "No unfinished jobs" || fail "the job is still unfinished after resuming"
    TABLE+=("SIGKILL | replace, partitioning the new disk | step $((k + 1)) | in progress: ${STOPPED} | resumed: md0 whole, data intact | $((SECONDS - t0)) s")
    # The old disk becomes the next blank disk.
    wipefs -q -a /dev/$old; udevadm settle
    tmp=$old; old=$new; new=$tmp
done

# mdadm freezes md while it changes members and lets go at its end: killed
# between the two (the helper dying under it used to kill it too), it leaves md
# frozen, and the resumed wait must let md go on instead of waiting for ever.
step "killed while copying, md left frozen as by an mdadm cut off half-way; resumed"
slow_sync 500
t0=$SECONDS
wait_step=$(echo "$(plexusctl replace --dry-run /dev/md0 /dev/${old}2 /dev/$new --partition-like-old --zero-old)" | sed -n 's/^  \([0-9]*\)\. Wait while.*/\1/p')
kill_at "$((wait_step - 1))" replace /dev/md0 /dev/${old}2 /dev/$new --partition-like-old --zero-old
is "$STOPPED" "$wait_step" "the step that was running"
echo frozen > /sys/block/md0/md/sync_action
is "$(md_attr md0 sync_action)" frozen "md0's sync_action"
fast_sync
OUT=$(timeout 120 plexusctl resume "$JOB" 2>&1) || { echo "$OUT"; fail "resuming with md0 frozen did not finish within 120 s"; }
wait_idle md0
is "$(md_attr md0 degraded)" 0 "md0 degraded"
is "$(member_state md0 ${new}2)" in_sync "/dev/${new}2 in md0"
[ "$(member_state md0 ${old}2)" = gone ] || fail "/dev/${old}2 is still in md0"
check_data /dev/md0 "frozen by a cut-off mdadm, resumed"
TABLE+=("SIGKILL, md frozen | replace, partitioning the new disk | step $wait_step (copy) | in progress: $STOPPED | resumed: md let go after 10 s, md0 whole, data intact | $((SECONDS - t0)) s")
wipefs -q -a /dev/$old; udevadm settle
tmp=$old; old=$new; new=$tmp

step "rolled back instead: killed while copying, the copy undone"
slow_sync 500
t0=$SECONDS
kill_at "$((wait_step - 1))" replace /dev/md0 /dev/${old}2 /dev/$new --partition-like-old --zero-old
is "$STOPPED" "$wait_step" "the step that was running"
ok roll-back "$JOB"
echo "$OUT"
fast_sync
wait_idle md0
is "$(member_state md0 ${old}2)" in_sync "/dev/${old}2 (kept) in md0"
[ "$(member_state md0 ${new}2)" = gone ] || fail "/dev/${new}2 is still in md0 after the roll back"
[ -z "$(wipefs -n /dev/$new 2>/dev/null | tail -n +2)" ] || { wipefs -n /dev/$new; fail "/dev/$new is not blank again after the roll back"; }
is "$(md_attr md0 degraded)" 0 "md0 degraded"
check_data /dev/md0 "after the roll back"
ok journal
echo "$OUT" | grep -q "No unfinished jobs" || fail "the rolled back job is still reported"
refused 1 Invalid "is not unfinished: it was rolled back" -- resume "$JOB"
TABLE+=("SIGKILL | replace, partitioning the new disk | step $wait_step (copy) | in progress: $STOPPED | rolled back: new disk blank, md0 as before, data intact | $((SECONDS - t0)) s")

step "faults injected"
echo "fault | plan | killed at | journal said | outcome | time"
printf '%s\n' "${TABLE[@]}"
cross_check
echo PASS

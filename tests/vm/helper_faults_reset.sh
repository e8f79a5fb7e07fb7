#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 6 --disk-size 64M --reboots 2
# Fault injection: the VM reset (QMP system_reset, a power loss) in
# the middle of a plan and of a reshape. run-vm --reboots runs this script again
# at each boot (PLEXUS_VM_BOOT); /var/lib/plexus, the helper's journal, is on a
# disk that survives the resets, as a real machine's /var would.
#  boot 1: a mirror of partitions; a replacement that partitions a blank disk,
#          its helper stopped (PLEXUS_FAULT=stop-after-step:2) just after it wrote
#          the new disk's partition table, before that was journaled; reset.
#  boot 2: the arrays come back by themselves (udev's incremental assembly); the
#          journal shows the unfinished replacement; resumed; data intact. A
#          RAID-5 reshaped from 3 to 4 devices, slowly; reset half way.
#  boot 3: the reshape carries on by itself; consistent; data intact. Table.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
STATE=/var/lib/plexus/faults-test.state   # what a boot leaves for the next
mountpoint -q /var/lib/plexus || fail "/var/lib/plexus is not on a disk of its own (run-vm --reboots)"
echo "boot $PLEXUS_VM_BOOT"
[ "$PLEXUS_VM_BOOT" = 1 ] || . "$STATE"

reset_vm() {
    echo "--- resetting the VM: $1"
    declare -p DATA0 DATA5 JOB TABLE T0 2>/dev/null > "$STATE" || true
    sync
    plexus-vm-disk qmp '{"execute":"system_reset"}' >/dev/null 2>&1 &
    sleep 60
    fail "the VM did not reset"
}
# came_back MEMBER WHAT: after a reset, the array WHAT that holds MEMBER must have
# been assembled again (by udev); its name, which may have changed, in $md.
came_back() {
    fast_sync
    udevadm settle
    cat /proc/mdstat
    md=$(ls "/sys/class/block/$1/holders" 2>/dev/null | grep '^md' | head -n1)
    [ -n "$md" ] && [ -e "/sys/block/$md/md" ] || fail "$2 was not assembled again after the reset"
    echo "ok: $2 came back as /dev/$md ($(md_attr "$md" array_state))"
}

case $PLEXUS_VM_BOOT in
1)
    fast_sync
    TABLE=() T0=$(date +%s)
    partitioned_mirror
    DATA0=$DATA_SUM
    ok replace --dry-run /dev/md0 /dev/vdb2 /dev/vdc --partition-like-old --zero-old
    echo "$OUT" | sed -n '/^  2\. /p'
    echo "$OUT" | grep -q '^  2\. Write it to /dev/vdc' || fail "step 2 does not write /dev/vdc's partition table"
    helper_with_fault stop-after-step:2
    before=$(journals)
    plexusctl replace /dev/md0 /dev/vdb2 /dev/vdc --partition-like-old --zero-old >/tmp/job.out 2>&1 &
    for _ in $(seq 600); do
        [ "$(awk '{print $3}' "/proc/$(helper_pid)/stat" 2>/dev/null)" = T ] && break
        sleep 0.1
    done
    [ "$(awk '{print $3}' "/proc/$(helper_pid)/stat")" = T ] || { cat /tmp/job.out; fail "the helper never stopped after step 2"; }
    JOB=$(new_job "$before")
    sfdisk -d /dev/vdc | grep -q 'vdc2' || fail "step 2 had not written vdc's table"
    reset_vm "job $JOB stopped just after it wrote /dev/vdc's partition table"
    ;;
2)
    came_back vda2 "the mirror"
    sfdisk -d /dev/vdc | grep -q 'vdc2' || fail "/dev/vdc's partition table did not survive the reset"
    ok journal
    echo "$OUT"
    echo "$OUT" | grep -q "Unfinished job $JOB" || fail "job $JOB is not reported unfinished after the reset"
    stopped=$(stopped_step)
    is "$stopped" 2 "the step the journal says was running"
    ok resume "$JOB"
    echo "$OUT" | tail -n 4
    again="run again"
    grep -q "step 2 took effect before the plan stopped" "/var/lib/plexus/journal/$JOB.jsonl" && again="had taken effect, not run again"
    echo "step 2 on resuming: $again"
    wait_idle "$md"
    is "$(md_attr "$md" degraded)" 0 "$md degraded"
    is "$(member_state "$md" vdc2)" in_sync "/dev/vdc2 in $md"
    [ "$(member_state "$md" vdb2)" = gone ] || fail "/dev/vdb2 is still in $md"
    DATA_SUM=$DATA0 check_data "/dev/$md" "reset after the table was written, resumed"
    no_unfinished_jobs "the job is still unfinished after resuming"
    TABLE+=("VM reset (stop-after-step:2) | replace, partitioning the new disk | after step 2 (table written, not journaled) | in progress: $stopped | the table on disk; array assembled again; resumed, step 2 $again: whole, data intact | $(($(date +%s) - T0)) s, a reboot included")
    T0=$(date +%s)

    step "RAID-5 of three disks reshaped to four; the VM reset half way"
    ok create /dev/md5 --level 5 --chunk 64 /dev/vdd /dev/vde /dev/vdf
    wait_idle md5
    write_data /dev/md5
    DATA5=$DATA_SUM
    T0=$(date +%s)
    slow_sync 1000
    wipefs -qa /dev/vdb; udevadm settle    # the replaced disk, its table left behind
    ok grow /dev/md5 --raid-devices 4 --add /dev/vdb
    for _ in $(seq 600); do
        done_=$(md_attr md5 sync_completed | cut -d' ' -f1)
        [ "$(md_attr md5 sync_action)" = reshape ] && [[ $done_ =~ ^[0-9]+$ ]] && [ "$done_" -gt 8192 ] && break
        sleep 0.2
    done
    [ "$(md_attr md5 sync_action)" = reshape ] || fail "no reshape running"
    echo "reshape at $(md_attr md5 sync_completed) when the VM is reset"
    JOB=$(ls -t /var/lib/plexus/journal/*.jsonl | head -n1); JOB=$(basename "$JOB" .jsonl)
    reset_vm "md5 reshaping"
    ;;
3)
    came_back vdd "the RAID-5"
    state=$(md_attr "$md" array_state)
    echo "its reshape: $(md_attr "$md" sync_action), at $(md_attr "$md" reshape_position)"
    no_unfinished_jobs "the grow's job ($JOB) is reported unfinished: it ended when the reshape started"
    # Assembled by udev (mdadm -I), the array waits auto-read-only with its
    # reshape pending until the first write; a read then can wait on the
    # reshape for ever. mdadm --readwrite lets it carry on, as a mount would.
    how="carried on by itself"
    if [ "$state" = read-auto ]; then
        mdadm --readwrite "/dev/$md"
        how="pending while md5 was auto-read-only; carried on after mdadm --readwrite"
    fi
    sleep 1
    wait_idle "$md" 180
    is "$(md_attr "$md" raid_disks)" 4 "$md's raid_disks"
    is "$(md_attr "$md" degraded)" 0 "$md degraded"
    echo check > "/sys/block/$md/md/sync_action"; sleep 0.5; wait_idle "$md" 150
    is "$(md_attr "$md" mismatch_cnt)" 0 "$md's mismatch_cnt after a check"
    DATA_SUM=$DATA5 check_data "/dev/$md" "reset mid-reshape, the reshape finished"
    TABLE+=("VM reset | grow RAID-5 3 to 4 devices | mid-reshape (job ended at its start) | none unfinished | assembled again, the reshape $how; check 0 mismatches, data intact | $(($(date +%s) - T0)) s, a reboot included")
    faults_table "fault | plan | when | journal said | outcome | time"
    cross_check
    echo PASS
    ;;
esac

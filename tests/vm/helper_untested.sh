#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 5 --disk-size 128M
# cost: 93
# plexus-helper operations that had never run on the real kernel: create with a
# spare, without a bitmap and with metadata 1.0; scrub repair of a real mismatch;
# remove --fail --zero-superblock; replace --no-wait, finished by hand; create
# --force-single (a mirror of one device); grow --size max after the component
# size was shrunk with mdadm. Checksummed data written before each change must
# read back the same after it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync
echo 500000 > /proc/sys/dev/raid/speed_limit_min   # resyncs at full speed

step "create /dev/md0: RAID-1 of vda and vdb, vdc as a spare, no bitmap, metadata 1.0"
ok create /dev/md0 --level 1 /dev/vda /dev/vdb --spare /dev/vdc --bitmap none --metadata 1.0
echo "$OUT" | grep -q -- 'mdadm --create /dev/md0 --run --level=1 --raid-devices=2 --spare-devices=1 --metadata=1.0 --bitmap=none /dev/vda /dev/vdb /dev/vdc' \
    || { echo "$OUT"; fail "the plan does not show the spare, the metadata and the bitmap"; }
wait_idle md0
is "$(member_state md0 vdc)" spare "vdc's state"
is "$(member_state md0 vda)" in_sync "vda's state"
is "$(md_attr md0 raid_disks)" 2 "md0's raid_disks"
is "$(md_attr md0 bitmap/location)" none "md0's bitmap"
is "$(md_attr md0 metadata_version)" 1.0 "md0's metadata_version"
mdadm --detail /dev/md0 | grep -q '^ *Version : 1\.0$' || { mdadm --detail /dev/md0; fail "mdadm --detail does not say Version : 1.0"; }
echo "ok: mdadm --detail: Version : 1.0"
expect "member('md0', 'vdc')['state']" spare
expect "arr('md0')['bitmap']" null
write_data /dev/md0

step "scrub repair: a block changed on vdb behind md's back is found and rewritten"
# Metadata 1.0 keeps its superblock at the end: array offset = member offset.
dd if=/dev/urandom of=/dev/vdb bs=64k count=1 seek=768 oflag=direct status=none   # 48 MiB in
region() { dd if="$1" bs=64k count=1 skip=768 iflag=direct status=none | sha256sum | cut -d' ' -f1; }
[ "$(region /dev/vda)" != "$(region /dev/vdb)" ] || fail "the two copies do not differ"
ok scrub /dev/md0 repair
echo "$OUT" | grep -q 'echo repair > /sys/block/md0/md/sync_action' || { echo "$OUT"; fail "the plan does not start a repair"; }
wait_idle md0
is "$(md_attr md0 last_sync_action)" repair "md0's last_sync_action"
mismatches=$(md_attr md0 mismatch_cnt)
[ "$mismatches" -gt 0 ] || fail "the repair found no mismatch"
echo "ok: the repair found $mismatches mismatched sectors"
expect "arr('md0')['mismatch_count']" "$mismatches"
[ "$(region /dev/vda)" = "$(region /dev/vdb)" ] || fail "the repair did not make the two copies equal"
echo "ok: vda and vdb agree again"
ok scrub /dev/md0 check
wait_idle md0
is "$(md_attr md0 last_sync_action)" check "md0's last_sync_action"
is "$(md_attr md0 mismatch_cnt)" 0 "md0's mismatch_cnt after the repair"
expect "arr('md0')['mismatch_count']" 0
check_data /dev/md0 "after the repair"

step "remove --fail --zero-superblock vdb, still working: the spare vdc takes over"
ok remove /dev/md0 /dev/vdb --fail --zero-superblock
[ "$(member_state md0 vdb)" = gone ] || fail "vdb is still in md0"
if mdadm --examine /dev/vdb >/dev/null 2>&1; then fail "vdb still carries an md superblock"; fi
echo "ok: vdb carries no md superblock"
check_data /dev/md0 "right after the removal"
wait_idle md0
is "$(member_state md0 vdc)" in_sync "vdc's state"
is "$(md_attr md0 degraded)" 0 "md0 degraded"
check_data /dev/md0 "after the spare took over"

step "replace --no-wait vda with vdb: plexusctl returns while the copy runs"
slow_sync 2000   # 128 MiB: about a minute of copying
ok replace /dev/md0 /dev/vda /dev/vdb --no-wait
echo "$OUT" | grep -q -- '--replace /dev/vda --with /dev/vdb' || { echo "$OUT"; fail "no hot replacement in the plan"; }
! echo "$OUT" | grep -q 'mdadm --wait' || fail "the --no-wait plan still waits"
echo "$OUT" | grep -q 'plexusctl remove /dev/md0 /dev/vda' || fail "the plan does not say to remove vda afterwards"
is "$(md_attr md0 sync_action)" recover "md0's sync_action when plexusctl returned"
member_state md0 vda | grep -q want_replacement || fail "vda is not marked for replacement ($(member_state md0 vda))"
member_state md0 vdb | grep -q replacement || fail "vdb is not the replacement ($(member_state md0 vdb))"
expect "member('md0', 'vdb')['replacement']" true
expect "member('md0', 'vda') is not None" true "vda listed during the copy"
check_data /dev/md0 "during the copy"
fast_sync
echo 500000 > /proc/sys/dev/raid/speed_limit_min
wait_idle md0
member_state md0 vda | grep -q faulty || fail "md did not mark the replaced vda faulty ($(member_state md0 vda))"
expect "member('md0', 'vda')['faulty']" true "vda still listed, faulty, until removed"
is "$(member_state md0 vdb)" in_sync "vdb's state"
ok remove /dev/md0 /dev/vda
[ "$(member_state md0 vda)" = gone ] || fail "vda is still in md0"
is "$(md_attr md0 degraded)" 0 "md0 degraded"
check_data /dev/md0 "after the replacement"
cross_check

step "create --force-single /dev/md1: a RAID-1 of the old vda alone"
ok zero-superblock /dev/vda
ok create /dev/md1 --level 1 /dev/vda --force-single
echo "$OUT" | grep -q -- 'mdadm --create /dev/md1 --run --force --level=1 --raid-devices=1' || { echo "$OUT"; fail "the plan does not force a one-device mirror"; }
is "$(md_attr md1 level)" raid1 "md1's level"
is "$(md_attr md1 raid_disks)" 1 "md1's raid_disks"
is "$(md_attr md1 degraded)" 0 "md1 degraded"
is "$(member_state md1 vda)" in_sync "vda's state"
expect "arr('md1')['active_disks']" 1
write_data /dev/md1
ok stop /dev/md1
mdadm --assemble /dev/md1 /dev/vda >/dev/null 2>&1 || fail "md1 does not assemble again"
check_data /dev/md1 "after stop and assemble"

step "grow --size max: /dev/md2 on vdd and vde, its component size shrunk by hand first"
ok create /dev/md2 --level 1 /dev/vdd /dev/vde
wait_idle md2
full=$(md_attr md2 component_size)
write_data /dev/md2
# mdadm wants the array's size cut before the members' (both 64 MiB for a
# mirror); that pins the array's size, so it is set back to follow the members
# (--array-size=max), as on an array whose members were swapped for bigger ones.
mdadm --grow /dev/md2 --array-size=65536 || fail "mdadm could not cut md2's size"
mdadm --grow /dev/md2 --size=65536 || fail "mdadm could not shrink md2's component size"
mdadm --grow /dev/md2 --array-size=max || fail "mdadm could not unpin md2's size"
is "$(md_attr md2 component_size)" 65536 "md2's component_size, shrunk"
is "$(md_attr md2 array_size)" default "md2's array_size"
is "$(( $(size_of /dev/md2) / 1024 ))" 65536 "md2's usable size in KiB, shrunk"
check_data /dev/md2 "after the shrink"
pctl grow /dev/md2 --size max --dry-run
echo "$OUT" | grep -q -- '$ mdadm --grow /dev/md2 --size=max' || { echo "$OUT"; fail "the dry run does not preview mdadm --grow --size=max"; }
ok grow /dev/md2 --size max
is "$(md_attr md2 component_size)" "$full" "md2's component_size, grown back"
is "$(( $(size_of /dev/md2) / 1024 ))" "$full" "md2's usable size in KiB, grown back"
wait_idle md2
is "$(md_attr md2 degraded)" 0 "md2 degraded"
check_data /dev/md2 "after grow --size max"
cross_check
echo PASS

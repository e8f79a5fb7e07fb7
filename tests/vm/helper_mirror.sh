#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 4 --disk-size 256M
# cost: 85
# plexus-helper on a real mirror, through plexusctl and the system bus (activated
# on demand, authorized by polkit): create degraded, add the second member, add a
# spare, fail a member (the spare takes over), remove it, replace a member hot,
# grow to a 3-way mirror and back, scrub, speed limits, mdadm.conf, stop,
# assemble, zero-superblock, copy a partition table. 32 MiB of random data
# written at the start must survive every step.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync

step "create /dev/md0: RAID-1 of /dev/vda and a missing slot"
pctl create /dev/md0 --level 1 /dev/vda missing --dry-run
echo "$OUT"
echo "$OUT" | grep -q -- '$ mdadm --create /dev/md0 --run --level=1 --raid-devices=2 --metadata=1.2 --bitmap=internal /dev/vda missing' \
    || fail "the dry run does not preview the mdadm command"
[ ! -e /sys/block/md0/md ] || fail "the dry run created md0"
ok create /dev/md0 --level 1 /dev/vda missing
echo "$OUT"
expect "arr('md0')['level']" raid1
is "$(md_attr md0 degraded)" 1 "md0 degraded"
is "$(md_attr md0 bitmap/location)" "+8" "md0's bitmap" 
ls /var/lib/plexus/journal/*.jsonl >/dev/null || fail "no journal written"
grep '"event":"end"' /var/lib/plexus/journal/*.jsonl | grep -q '"ok":true' || fail "the journal has no successful end"
grep -q 'mdadm --create /dev/md0' /var/lib/plexus/journal/*.jsonl || fail "the journal does not log the mdadm run"
write_data /dev/md0

step "add /dev/vdb into the missing slot"
ok add /dev/md0 /dev/vdb
wait_idle md0
is "$(md_attr md0 degraded)" 0 "md0 degraded"
expect "member('md0', 'vdb')['state']" in_sync
check_data /dev/md0 "after add"

step "add /dev/vdc as a spare, then fail /dev/vdb: the spare takes over"
ok add-spare /dev/md0 /dev/vdc
is "$(member_state md0 vdc)" spare "vdc's state"
ok fail /dev/md0 /dev/vdb
member_state md0 vdb | grep -q faulty || fail "vdb is not faulty"
check_data /dev/md0 "with a failed member"
wait_idle md0
is "$(member_state md0 vdc)" in_sync "vdc's state"
check_data /dev/md0 "after the spare took over"

step "remove the failed /dev/vdb"
ok remove /dev/md0 /dev/vdb
[ "$(member_state md0 vdb)" = gone ] || fail "vdb is still in md0"

step "replace /dev/vda with /dev/vdb, hot (vdb still carries md0's old superblock)"
ok replace /dev/md0 /dev/vda /dev/vdb
echo "$OUT"
echo "$OUT" | grep -q -- '--replace /dev/vda --with /dev/vdb' || fail "no hot replacement in the plan"
[ "$(member_state md0 vda)" = gone ] || fail "vda is still in md0"
is "$(member_state md0 vdb)" in_sync "vdb's state"
is "$(md_attr md0 degraded)" 0 "md0 degraded"
check_data /dev/md0 "after replace"

step "grow to a 3-way mirror with /dev/vda, and back"
ok grow /dev/md0 --raid-devices 3 --add /dev/vda
is "$(md_attr md0 raid_disks)" 3 "md0's raid_disks"
wait_idle md0
expect "arr('md0')['active_disks']" 3
check_data /dev/md0 "as a 3-way mirror"
ok grow /dev/md0 --raid-devices 2 --remove /dev/vda
is "$(md_attr md0 raid_disks)" 2 "md0's raid_disks"
is "$(md_attr md0 degraded)" 0 "md0 degraded"
[ "$(member_state md0 vda)" = gone ] || fail "vda is still in md0"
check_data /dev/md0 "back to 2 members"

step "scrub: check, and the sync speed limits"
ok scrub /dev/md0 check
wait_idle md0
[ "$(cat /sys/block/md0/md/last_sync_action)" = check ] || fail "no check ran"
[ "$(cat /sys/block/md0/md/mismatch_cnt)" = 0 ] || fail "the check found mismatches"
ok speed /dev/md0 --min 5000 --max 150000
[ "$(cat /sys/block/md0/md/sync_speed_min)" = "5000 (local)" ] || fail "sync_speed_min: $(cat /sys/block/md0/md/sync_speed_min)"
[ "$(cat /sys/block/md0/md/sync_speed_max)" = "150000 (local)" ] || fail "sync_speed_max: $(cat /sys/block/md0/md/sync_speed_max)"
ok speed /dev/md0 --min system --max system
grep -q '(system)' /sys/block/md0/md/sync_speed_min || fail "sync_speed_min not back to system"

step "write mdadm.conf (other lines kept, backup made)"
printf '# my settings\nHOMEHOST <system>\nMAILADDR root\nARRAY /dev/md9 UUID=00000000:00000000:00000000:00000000\n   devices=/dev/old\n' > /etc/mdadm/mdadm.conf
ok write-conf
uuid=$(mdadm --detail --export /dev/md0 | sed -n 's/^MD_UUID=//p')
grep -q "^ARRAY /dev/md0 .*UUID=$uuid" /etc/mdadm/mdadm.conf || { cat /etc/mdadm/mdadm.conf; fail "md0 is not in mdadm.conf"; }
grep -q '^MAILADDR root' /etc/mdadm/mdadm.conf || fail "mdadm.conf lost its other lines"
! grep -q 'md9\|devices=/dev/old' /etc/mdadm/mdadm.conf || fail "the old ARRAY line is still there"
ls /etc/mdadm/mdadm.conf.plexus-* >/dev/null || fail "no backup of mdadm.conf"
grep -q md9 /etc/mdadm/mdadm.conf.plexus-* || fail "the backup is not the old file"
echo "ok: mdadm.conf: $(grep ^ARRAY /etc/mdadm/mdadm.conf)"

step "stop md0 and assemble it again"
ok stop /dev/md0
grep -q "^md0 : active" /proc/mdstat && fail "md0 still runs"
ok assemble /dev/md0 /dev/vdb /dev/vdc
is "$(md_attr md0 degraded)" 0 "md0 degraded"
check_data /dev/md0 "after stop and assemble"

step "zero-superblock on the detached /dev/vda"
mdadm --examine /dev/vda >/dev/null 2>&1 || fail "vda should still carry md0's superblock"
ok zero-superblock /dev/vda
! mdadm --examine /dev/vda >/dev/null 2>&1 || fail "vda still has a superblock"

step "copy a partition table: /dev/vdd -> /dev/vda"
printf 'label: gpt\n,100M,R\n,60M,L\n' | sfdisk -q /dev/vdd
udevadm settle
ok copy-table /dev/vdd /dev/vda
echo "$OUT"
[ "$(sfdisk --dump /dev/vda | grep '^/dev' | sed 's/, uuid=[^,]*//; s/vda/X/')" = "$(sfdisk --dump /dev/vdd | grep '^/dev' | sed 's/, uuid=[^,]*//; s/vdd/X/')" ] \
    || { sfdisk --dump /dev/vda; sfdisk --dump /dev/vdd; fail "the partitions differ"; }
[ "$(blkid -s PTUUID -o value /dev/vda)" != "$(blkid -s PTUUID -o value /dev/vdd)" ] || fail "the copy has the same disk GUID"
[ -e /dev/vda1 ] && [ -e /dev/vda2 ] || fail "the kernel does not know vda's new partitions"
ls /var/lib/plexus/journal/*.d/vdd.sfdisk >/dev/null || fail "the source's table is not kept in the journal"
check_data /dev/md0 "at the end"
cross_check

step "journal: nothing unfinished"
ok journal
echo "$OUT" | grep -q "No unfinished jobs" || fail "unexpected unfinished jobs: $OUT"
echo PASS

#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 2 --disk-size 64M
# Split brain: each half of a mirror started alone and written, then
# both offered to plexusctl assemble. Refused with both histories and nothing
# changed; --keep chooses the half, whose checksummed data the whole mirror then
# holds (the other half rebuilt from it, a check finds no mismatch). A stale half
# (it left while the other went on) is assembled without, then added back and
# rebuilt. A copy of an array that already runs is refused too.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync

# write_half DEV FILE: 16 MiB of random data at the start of the mirror
# assembled from DEV alone, kept in FILE.
write_half() {
    mdadm --assemble /dev/md0 --run "$1" >/dev/null 2>&1 || fail "cannot assemble md0 from $1 alone"
    dd if=/dev/urandom of="$2" bs=1M count=16 status=none
    dd if="$2" of=/dev/md0 bs=1M oflag=direct status=none
    mdadm --stop /dev/md0 >/dev/null
}

step "a mirror of vda and vdb, then each half started alone and written"
create /dev/md0 --level=1 --raid-devices=2 /dev/vda /dev/vdb
wait_idle md0
mdadm --stop /dev/md0 >/dev/null
write_half /dev/vda /tmp/half-a
write_half /dev/vdb /tmp/half-b
udevadm settle
mdadm --examine /dev/vda /dev/vdb | grep -E "^/dev|Events|Update Time|Array State"
before="$(events /dev/vda) $(events /dev/vdb)"

step "assembled together: refused, both histories shown, nothing changed"
pctl assemble /dev/md0 /dev/vda /dev/vdb
is "$RC" 1 "exit status (Invalid)"
echo "$ERR" | grep -F "Split brain: /dev/vda and /dev/vdb each ran without the other" || { echo "$ERR"; fail "no split-brain refusal"; }
echo "$ERR" | grep -F "/dev/vdb: last written" | grep -qF "ran without slot 0" || { echo "$ERR"; fail "vdb's history is not shown"; }
[ ! -e /sys/block/md0/md ] || fail "md0 was assembled"
is "$(events /dev/vda) $(events /dev/vdb)" "$before" "both superblocks' events"

step "--keep /dev/vdb: vdb's half wins, vda is erased and rebuilt from it"
pctl assemble /dev/md0 /dev/vda /dev/vdb --keep /dev/vdb --dry-run
echo "$OUT"
echo "$OUT" | grep -qF -- '$ mdadm --zero-superblock /dev/vda' || fail "the plan does not erase vda's superblock"
ok assemble /dev/md0 /dev/vda /dev/vdb --keep /dev/vdb
echo "$OUT"
wait_idle md0
is "$(md_attr md0 degraded)" 0 "md0 degraded"
is "$(sum16 /dev/md0)" "$(sha256sum < /tmp/half-b | cut -d' ' -f1)" "md0's data (vdb's half)"
echo check > /sys/block/md0/md/sync_action
sleep 1
wait_idle md0
is "$(md_attr md0 mismatch_cnt)" 0 "mismatches after a check (vda now holds vdb's data)"

step "a stale half (it left, md0 went on without it): assembled without it, then added back and rebuilt"
mdadm --stop /dev/md0 >/dev/null
mdadm --assemble /dev/md0 --run /dev/vdb >/dev/null 2>&1 || fail "cannot assemble md0 from vdb alone"
dd if=/dev/urandom of=/tmp/later bs=1M count=16 status=none
dd if=/tmp/later of=/dev/md0 bs=1M oflag=direct status=none
mdadm --stop /dev/md0 >/dev/null
udevadm settle
# vda last ran with both; vdb went on alone and was written: vda is stale, not split.
pctl assemble /dev/md0 /dev/vda /dev/vdb --dry-run
echo "$OUT"
echo "$OUT" | grep -qE -- '\$ mdadm --assemble /dev/md0 /dev/vdb$' || fail "the plan does not assemble md0 from vdb alone"
echo "$OUT" | grep -qF -- '$ mdadm /dev/md0 --add /dev/vda' || fail "the plan does not add the stale vda back"
ok assemble /dev/md0 /dev/vda /dev/vdb
wait_idle md0
is "$(md_attr md0 degraded)" 0 "md0 degraded (vda rebuilt)"
is "$(sum16 /dev/md0)" "$(sha256sum < /tmp/later | cut -d' ' -f1)" "md0's data (written while vda was away)"
echo check > /sys/block/md0/md/sync_action
sleep 1
wait_idle md0
is "$(md_attr md0 mismatch_cnt)" 0 "mismatches after a check"

step "a copy of a running array: refused"
mdadm /dev/md0 --fail /dev/vda >/dev/null && mdadm /dev/md0 --remove /dev/vda >/dev/null
udevadm settle
fp=$(fingerprint)
pctl assemble /dev/md1 /dev/vda --run
is "$RC" 5 "exit status (InUse)"
echo "$ERR" | grep -F "/dev/vda holds a copy of an array that already runs as /dev/md0" || { echo "$ERR"; fail "no refusal of the running copy"; }
is "$(fingerprint)" "$fp" "the machine"
is "$(sum16 /dev/md0)" "$(sha256sum < /tmp/later | cut -d' ' -f1)" "md0's data"
echo PASS

#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 4 --disk-size 256M
# Replacing a member that is a partition with a blank disk, as it is done by
# hand (sfdisk -d OLD | sfdisk NEW, then add the partition):
# plexusctl replace --partition-like-old --zero-old gives the new disk the old
# disk's partitions, puts the matching partition in, and erases the old
# member's superblock at the end; plexusctl add --partition-like-members does the
# same for a missing slot. The data must survive; refusals change nothing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync

step "md0: RAID-1 of vda2 and vdb2 (a small first partition on each, as for /boot)"
printf 'label: gpt\n,40M\n,,R\n' | sfdisk -q /dev/vda
printf 'label: gpt\n,40M\n,,R\n' | sfdisk -q /dev/vdb
printf 'label: gpt\n,100M\n' | sfdisk -q /dev/vdd   # a free partition, for a refusal
udevadm settle
ok create /dev/md0 --level 1 /dev/vda2 /dev/vdb2
wait_idle md0
write_data /dev/md0
ok fail /dev/md0 /dev/vdb2
member_state md0 vdb2 | grep -q faulty || fail "vdb2 is not faulty"

step "refused, and nothing changes: a partition as the new device, a disk too small, a whole-disk member"
refused 1 Invalid "/dev/vdd1 is a partition: give the whole, blank disk" -- \
    replace /dev/md0 /dev/vdb2 /dev/vdd1 --partition-like-old --overwrite
refused 5 InUse "/dev/vdd already has 1 partition: Plexus partitions only blank disks" -- \
    replace /dev/md0 /dev/vdb2 /dev/vdd --partition-like-old --overwrite
small=$(plexus-vm-disk plug 32M)
refused 6 TooSmall "/dev/$small \(32.0 MiB\) is too small for /dev/vdb's partitions" -- \
    replace /dev/md0 /dev/vdb2 "/dev/$small" --partition-like-old --overwrite
# A whole-disk member (the small disk, in a degraded mirror md1) has no partition to match.
create /dev/md1 --level=1 --raid-devices=2 "/dev/$small" missing
refused 1 Invalid "^plexusctl: Invalid: /dev/$small is a whole disk, not a partition: there is no partition to match" -- \
    replace /dev/md1 "/dev/$small" /dev/vdc --partition-like-old --overwrite
mdadm --stop /dev/md1 >/dev/null 2>&1 && mdadm --zero-superblock "/dev/$small" && udevadm settle

step "replace the failed vdb2 with the blank vdc: partitioned like vdb, vdc2 joins, vdb2's superblock erased"
pctl replace /dev/md0 /dev/vdb2 /dev/vdc --partition-like-old --zero-old --overwrite --dry-run
echo "$OUT"
echo "$OUT" | grep -q -- '$ sfdisk --dump /dev/vdb' || fail "the plan does not read vdb's partition table"
echo "$OUT" | grep -q -- '$ mdadm /dev/md0 --add /dev/vdc2' || fail "the plan does not add vdc2"
echo "$OUT" | grep -q -- '$ mdadm --zero-superblock /dev/vdb2' || fail "the plan does not erase vdb2's superblock"
ok replace /dev/md0 /dev/vdb2 /dev/vdc --partition-like-old --zero-old --overwrite
layout() { sfdisk --dump "$1" | grep '^/dev' | sed -E "s|^$1|DISK|; s/, uuid=[^,]*//"; }
[ "$(layout /dev/vdc)" = "$(layout /dev/vdb)" ] || { layout /dev/vdb; layout /dev/vdc; fail "vdc's partitions differ from vdb's"; }
echo "ok: vdc has vdb's partitions"
wait_idle md0
is "$(member_state md0 vdc2)" in_sync "vdc2's state"
is "$(md_attr md0 degraded)" 0 "md0 degraded"
[ "$(member_state md0 vdb2)" = gone ] || fail "vdb2 is still in md0"
if mdadm --examine /dev/vdb2 >/dev/null 2>&1; then fail "vdb2 still carries an md superblock"; fi
echo "ok: vdb2 carries no md superblock"
check_data /dev/md0 "after the replacement"
# The data now lives on vdc2 as well: with vda2 out, it is read from vdc2 alone.
ok fail /dev/md0 /dev/vda2
check_data /dev/md0 "read from vdc2 alone"

step "the failed vda2 out, a new blank disk into the missing slot, partitioned like the members"
ok remove /dev/md0 /dev/vda2
new=$(plexus-vm-disk plug 256M)
ok add /dev/md0 "/dev/$new" --partition-like-members --overwrite
echo "$OUT" | grep -q -- "sfdisk --dump /dev/vdc" || { echo "$OUT"; fail "the plan does not copy vdc's partitions"; }
[ "$(layout "/dev/$new")" = "$(layout /dev/vdc)" ] || fail "$new's partitions differ from vdc's"
wait_idle md0
is "$(member_state md0 "${new}2")" in_sync "${new}2's state"
is "$(md_attr md0 degraded)" 0 "md0 degraded"
check_data /dev/md0 "after adding ${new}2"
cross_check
echo "$REFUSALS refusals, each leaving the machine as it was"
echo PASS

#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 2 --disk-size 256M
# RAID1 whose member disk is pulled out (QMP device_del): what the kernel reports,
# Plexus reports.
. "$(dirname "$0")/lib.sh"

fast_sync
create /dev/md0 --level=1 --raid-devices=2 /dev/vda /dev/vdb
wait_until 120 "arr('md0')['sync']" null

step "pull vdb out of the running machine"
plexus-vm-disk unplug vdb
# md notices a dead member on the next I/O it sends there.
dd if=/dev/urandom of=/dev/md0 bs=64k count=16 oflag=direct 2>/dev/null || true
sync
udevadm settle
sleep 1
cat /proc/mdstat
expect "arr('md0')['degraded']" true
expect "arr('md0')['active_disks']" 1
expect "member('md0', 'vda')['state']" in_sync
# Whether md still lists vdb as (F) or udev's mdadm -If already removed it,
# Plexus must list exactly the members the kernel lists.
[ "$(plexus_members md0)" = "$(mdstat_members md0)" ] || fail "members: plexus '$(plexus_members md0)' vs mdstat '$(mdstat_members md0)'"
echo "ok: members agree: $(plexus_members md0)"
vdb=$(field "member('md0', 'vdb')")
[ "$vdb" = null ] || expect "member('md0', 'vdb')['faulty']" true
expect "any(d['name'] == 'vdb' for d in s['disks'])" false "the pulled disk is gone from the disk list"
cross_check
echo PASS

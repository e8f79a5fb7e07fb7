#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 4 --disk-size 256M
# RAID5 on four disks, one member failed with mdadm --fail: degraded, that member faulty.
. "$(dirname "$0")/lib.sh"

fast_sync
create /dev/md0 --level=5 --raid-devices=4 --chunk=64 /dev/vda /dev/vdb /dev/vdc /dev/vdd
wait_until 300 "arr('md0')['sync']" null
expect "arr('md0')['raid_disks']" 4
expect "arr('md0')['active_disks']" 4
expect "arr('md0')['chunk_kib']" 64
cross_check

step "fail vdc"
mdadm /dev/md0 --fail /dev/vdc
expect "arr('md0')['degraded']" true
expect "arr('md0')['active_disks']" 3
expect "member('md0', 'vdc')['faulty']" true
expect "member('md0', 'vdc')['state']" faulty
expect "member('md0', 'vda')['state']" in_sync
expect "arr('md0')['health']" "Degraded: 1 of 4 members missing"
cross_check

step "remove it"
mdadm /dev/md0 --remove /dev/vdc
expect "member('md0', 'vdc')" null
expect "arr('md0')['degraded']" true
cross_check
echo PASS

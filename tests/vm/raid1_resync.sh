#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 2 --disk-size 256M
# RAID1 on two disks: the resync is seen advancing, then the array is clean.
. "$(dirname "$0")/lib.sh"

step "create a RAID1 with a slow resync"
slow_sync 4000
create /dev/md0 --level=1 --raid-devices=2 /dev/vda /dev/vdb
expect "arr('md0')['level']" raid1
expect "arr('md0')['sync']['action']" resync
expect "arr('md0')['sync']['status']" running
cross_check
p1=$(field "arr('md0')['sync']['percent']")
sleep 4
p2=$(field "arr('md0')['sync']['percent']")
echo "progress: $p1% -> $p2%"
python3 -c "import sys; sys.exit(0 if float('$p2') > float('$p1') else 1)" || fail "resync did not advance ($p1 -> $p2)"
expect "arr('md0')['sync']['speed_kib_s'] > 0" true
expect "arr('md0')['sync']['total_kib'] == arr('md0')['size_kib']" true
cross_check

step "let it finish"
fast_sync
wait_until 120 "arr('md0')['sync']" null
expect "arr('md0')['degraded']" false
expect "arr('md0')['health']" Healthy
expect "[m['state'] for m in arr('md0')['members']]" '["in_sync", "in_sync"]'
cross_check
echo PASS

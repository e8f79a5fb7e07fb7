#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 1 --disk-size 256M
# RAID1 created degraded with `missing` (the classic migration trick),
# then a disk is hot-plugged and added: the recovery is followed to completion.
. "$(dirname "$0")/lib.sh"

create /dev/md0 --level=1 --raid-devices=2 /dev/vda missing
expect "arr('md0')['degraded']" true
expect "arr('md0')['member_status']" U_
expect "arr('md0')['health']" "Degraded: 1 of 2 members missing"
cross_check

step "plug in a new disk"
new=$(plexus-vm-disk plug 256M)
echo "new disk: $new"
expect "any(d['name'] == '$new' for d in s['disks'])" true
slow_sync 8000
mdadm /dev/md0 --add "/dev/$new"
expect "arr('md0')['sync']['action']" recovery
expect "member('md0', '$new')['state']" rebuilding
cross_check
p1=$(field "arr('md0')['sync']['percent']")
sleep 3
p2=$(field "arr('md0')['sync']['percent']")
python3 -c "import sys; sys.exit(0 if float('$p2') > float('$p1') else 1)" || fail "recovery did not advance ($p1 -> $p2)"
echo "recovery: $p1% -> $p2%"

step "to completion"
fast_sync
wait_until 120 "arr('md0')['sync']" null
expect "arr('md0')['degraded']" false
expect "member('md0', '$new')['state']" in_sync
cross_check
echo PASS

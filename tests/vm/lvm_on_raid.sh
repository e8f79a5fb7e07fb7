#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 2 --disk-size 256M
# An LVM volume group and logical volume on an array: shown under that array.
. "$(dirname "$0")/lib.sh"

fast_sync
create /dev/md0 --level=1 --raid-devices=2 /dev/vda /dev/vdb
wait_until 120 "arr('md0')['sync']" null
pvcreate -q /dev/md0
vgcreate -q vg0 /dev/md0
lvcreate -q -y -L 100M -n data vg0
udevadm settle
mkfs.ext4 -q /dev/vg0/data
mkdir -p /mnt/data && mount /dev/vg0/data /mnt/data

expect "s['volume_groups'][0]['name']" vg0
expect "[p['device'] for p in s['volume_groups'][0]['physical_volumes']]" '["md0"]'
expect "s['volume_groups'][0]['logical_volumes'][0]['name']" data
expect "s['volume_groups'][0]['logical_volumes'][0]['size_bytes']" 104857600
expect "s['volume_groups'][0]['free_bytes'] > 0" true
tree=$(plexusctl status)
echo "$tree"
# The volume group is listed under md0 in the arrays part of the tree.
echo "$tree" | python3 -c '
import sys
t = sys.stdin.read()
arrays = t[t.index("Arrays"):]
md0 = arrays[arrays.index("  md0 "):]
assert "volume group vg0" in md0, "vg0 not under md0"
assert "data  100 MiB  ext4 on /mnt/data" in md0, "LV data not shown with its mount"
' || fail "the tree does not show vg0/data under md0"
echo "ok: vg0 and data shown under md0"
cross_check
umount /mnt/data
echo PASS

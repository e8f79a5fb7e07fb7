#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 4 --disk-size 256M
# cost: 112
# plexus-helper beyond the mirror: RAID-5 (with chunk), its reshape from 3 to 4
# devices, RAID-6, RAID-10 with a missing slot (and the refusal of a RAID-10
# missing both copies), RAID-0 made with ext4 ready to mount (and xfs refused on a
# mirror too small for it), linear (a kernel without md-linear: refused as
# Invalid before anything runs, nothing created). Data written at the start of
# each array must survive. (helper_jobs.sh: pulled disks, Busy, the journal, idle exit.)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync

wipe() { for d in "$@"; do mdadm --zero-superblock "$d" 2>/dev/null || true; wipefs -qa "$d"; done; udevadm settle; }

step "RAID-5 of three disks, 64 KiB chunks; grow it to four (reshape)"
ok create /dev/md5 --level 5 --chunk 64 /dev/vda /dev/vdb /dev/vdc
is "$(md_attr md5 level)" raid5 "md5's level"
is "$(md_attr md5 chunk_size)" 65536 "md5's chunk"
is "$(md_attr md5 bitmap/location)" "+8" "md5's bitmap"
write_data /dev/md5
wait_idle md5
ok grow /dev/md5 --raid-devices 4 --add /dev/vdd
echo "$OUT" | grep -q 'mdadm --grow /dev/md5 --raid-devices=4' || fail "no reshape in the plan"
check_data /dev/md5 "during the reshape"
wait_idle md5 150
is "$(md_attr md5 raid_disks)" 4 "md5's raid_disks"
check_data /dev/md5 "after the reshape"
ok fail /dev/md5 /dev/vdb
is "$(md_attr md5 degraded)" 1 "md5 degraded"
check_data /dev/md5 "with a failed member"
refused 1 Invalid "Failing /dev/vdc would leave /dev/md5 without a complete copy of the data: 2 of 4 members would be missing" -- fail /dev/md5 /dev/vdc
ok stop /dev/md5
wipe /dev/vda /dev/vdb /dev/vdc /dev/vdd

step "RAID-6 of four, RAID-10 with a missing slot, RAID-0, linear"
slow_sync 2000 # their initial resyncs need not finish (and would take the only CPU)
ok create /dev/md6 --level 6 /dev/vda /dev/vdb /dev/vdc /dev/vdd
is "$(md_attr md6 level)" raid6 "md6's level"
ok stop /dev/md6
wipe /dev/vda /dev/vdb /dev/vdc /dev/vdd
refused 1 Invalid "Slots 0 and 1 hold the two copies of the same data" -- create /dev/md10 --level 10 missing missing /dev/vdc /dev/vdd
ok create /dev/md/ten --level 10 /dev/vda missing /dev/vdc /dev/vdd
md10=$(basename "$(readlink -f /dev/md/ten)")
is "$(md_attr "$md10" level)" raid10 "/dev/md/ten's level"
is "$(md_attr "$md10" degraded)" 1 "/dev/md/ten degraded"
write_data /dev/md/ten
fast_sync
ok add /dev/md/ten /dev/vdb
wait_idle "$md10"
is "$(md_attr "$md10" degraded)" 0 "/dev/md/ten degraded"
check_data /dev/md/ten "after filling the missing slot"
ok stop /dev/md/ten
wipe /dev/vda /dev/vdb /dev/vdc /dev/vdd
# A layout ready to mount: the filesystem is made in the same plan.
refused 6 TooSmall "xfs needs at least 300 MiB" -- create /dev/md0 --level 1 /dev/vda /dev/vdb --filesystem xfs
ok create /dev/md0 --level 0 --chunk 128 /dev/vda /dev/vdb --filesystem ext4 --label stripe
is "$(md_attr md0 level)" raid0 "md0's level"
is "$(blkid -o value -s TYPE /dev/md0)" ext4 "what md0 holds"
is "$(blkid -o value -s LABEL /dev/md0)" stripe "md0's label"
mkdir -p /mnt/stripe
mount /dev/md0 /mnt/stripe
write_files /mnt/stripe 8
STRIPE_SUM=$(files_sum /mnt/stripe)
umount /mnt/stripe
sync; echo 3 > /proc/sys/vm/drop_caches
mount /dev/md0 /mnt/stripe
is "$(files_sum /mnt/stripe)" "$STRIPE_SUM" "the files on md0's ext4"
umount /mnt/stripe
ok stop /dev/md0
wipe /dev/vda /dev/vdb
if grep -qw linear /proc/mdstat || modprobe -q md-linear 2>/dev/null || modprobe -q linear 2>/dev/null; then
    ok create /dev/md1 --level linear /dev/vda /dev/vdb
    ok stop /dev/md1
    wipe /dev/vda /dev/vdb
else
    # No linear personality in this kernel (Debian 13's 6.12): refused before
    # anything runs, not left to fail in mdadm.
    md_nodes() { ls -d /dev/md* /sys/block/md* 2>/dev/null || true; }
    nodes=$(md_nodes) sigs=$(signatures /dev/vda /dev/vdb)
    refused 1 Invalid "linear.*kernel|kernel.*linear" -- create /dev/md1 --level linear /dev/vda /dev/vdb
    is "$(md_nodes)" "$nodes" "the md devices after the refused linear create"
    is "$(signatures /dev/vda /dev/vdb)" "$sigs" "vda's and vdb's signatures after the refused linear create"
    # Vinum's concat comes from LVM: the devices end to end in one volume, with ext4.
    ok create-vg concat /dev/vda /dev/vdb --volume data --filesystem ext4
    is "$(blkid -o value -s TYPE /dev/concat/data)" ext4 "what the concatenation holds"
    size=$(blockdev --getsize64 /dev/concat/data)
    [ "$size" -gt $((450 << 20)) ] || fail "the concatenation is only $size bytes: not both disks"
    mkdir -p /mnt/concat
    mount /dev/concat/data /mnt/concat
    write_files /mnt/concat 8
    CONCAT_SUM=$(files_sum /mnt/concat)
    umount /mnt/concat
    sync; echo 3 > /proc/sys/vm/drop_caches
    mount /dev/concat/data /mnt/concat
    is "$(files_sum /mnt/concat)" "$CONCAT_SUM" "the files on the concatenation"
    umount /mnt/concat
    ok remove-vg concat
fi

cross_check
echo PASS

#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 2 --disk-size 128M
# cost: 87
# A common layout: two partitioned disks, each partition one half
# of a RAID-1 (md0 small as for /boot, md1 as for swap, md2 as for /), data on
# each. One disk is pulled out of the running machine, a blank one plugged in,
# and plexusctl replace-disk puts it in the gone disk's place in all three
# arrays at once: all back to [UU], the data intact. The other (working) disk is
# then replaced hot by a third one, its superblocks erased; the third is pulled
# while md keeps listing it (udev's mdadm -If off) and replaced by a fourth,
# naming the gone disk by its old name. Then take-disk-out: the fourth comes out
# again (done), and the remaining one is refused (each array's last copy),
# nothing changed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync
t_start=$SECONDS

step "md0, md1, md2: RAID-1 of vda1+vdb1, vda2+vdb2, vda3+vdb3"
for d in vda vdb; do printf 'label: gpt\n,20M,R\n,20M,R\n,,R\n' | sfdisk -q /dev/$d; done
udevadm settle
for n in 0 1 2; do create /dev/md$n --level=1 --raid-devices=2 /dev/vda$((n + 1)) /dev/vdb$((n + 1)); done
for n in 0 1 2; do wait_idle md$n; done
declare -A SUM
for n in 0 1 2; do
    dd if=/dev/urandom of=/tmp/md$n.bin bs=1M count=8 status=none
    dd if=/tmp/md$n.bin of=/dev/md$n bs=1M oflag=direct status=none
    SUM[$n]=$(sha256sum < /tmp/md$n.bin | cut -d' ' -f1)
done
data_intact() {
    local n sum
    for n in 0 1 2; do
        sum=$(dd if=/dev/md$n bs=1M count=8 iflag=direct status=none | sha256sum | cut -d' ' -f1)
        [ "$sum" = "${SUM[$n]}" ] || fail "the data on md$n changed ($1)"
    done
    echo "ok: data intact on md0, md1, md2 ($1)"
}
data_intact "written"
echo "timing: layout and initial sync $((SECONDS - t_start)) s"

step "vdb pulled out of the running machine"
t0=$SECONDS
plexus-vm-disk unplug vdb
# md notices a dead member on the next write it sends there (past the checked data).
for n in 0 1 2; do dd if=/dev/urandom of=/dev/md$n bs=1M seek=12 count=1 oflag=direct status=none 2>/dev/null || true; done
sync; udevadm settle; sleep 1
cat /proc/mdstat
for n in 0 1 2; do is "$(md_attr md$n degraded)" 1 "md$n degraded"; done
new=$(plexus-vm-disk plug 128M)
echo "new disk: $new; timing: unplug and plug $((SECONDS - t0)) s"

# The gone disk: by its old name while md still lists its members there (and
# that name is not the new disk's), else as the disk that left the degraded arrays.
old=missing
if grep -q 'vdb[0-9]*\[' /proc/mdstat && [ "$new" != vdb ]; then old=/dev/vdb; fi
echo "the gone disk is named: $old"

step "refused, nothing changed: a new disk that has partitions, a partition, too small a disk"
refused 5 InUse "/dev/vda already has 3 partitions: Plexus partitions only blank disks" -- replace-disk "$old" /dev/vda --overwrite
refused 1 Invalid "/dev/vda1 is a partition: give the whole new disk" -- replace-disk "$old" /dev/vda1
small=$(plexus-vm-disk plug 32M)
refused 6 TooSmall "/dev/$small \(32.0 MiB\) is too small for /dev/vda's partitions" -- replace-disk "$old" "/dev/$small"

step "replace-disk $old /dev/$new"
pctl replace-disk "$old" "/dev/$new" --dry-run
echo "$OUT"
echo "$OUT" | grep -q -- '$ sfdisk --dump /dev/vda' || fail "the plan does not copy vda's partitions"
t0=$SECONDS
ok replace-disk "$old" "/dev/$new"
echo "timing: replace-disk (partitions and three rebuilds) $((SECONDS - t0)) s"
cat /proc/mdstat
layout() { sfdisk --dump "$1" | grep '^/dev' | sed -E "s|^$1|DISK|; s/, uuid=[^,]*//"; }
[ "$(layout "/dev/$new")" = "$(layout /dev/vda)" ] || { layout /dev/vda; layout "/dev/$new"; fail "$new's partitions differ from vda's"; }
for n in 0 1 2; do
    is "$(md_attr md$n degraded)" 0 "md$n degraded"
    is "$(member_state md$n "${new}$((n + 1))")" in_sync "${new}$((n + 1)) in md$n"
    grep -A1 "^md$n " /proc/mdstat | grep -q '\[UU\]' || fail "md$n is not [UU]"
done
echo "ok: md0, md1, md2 are [UU] on vda and $new"
data_intact "after replace-disk"
# The copies on the new disk are whole: read with vda's halves out of the way.
cross_check

step "replace-disk /dev/vda (still working) with another blank disk: hot, its superblocks erased"
third=$(plexus-vm-disk plug 128M)
echo "third disk: $third"
t0=$SECONDS
ok replace-disk /dev/vda "/dev/$third" --zero-superblock
echo "timing: replace-disk hot (three copies) $((SECONDS - t0)) s"
echo "$OUT" | grep -q -- "mdadm /dev/md2 --replace /dev/vda3 --with /dev/${third}3" || { echo "$OUT"; fail "md2 was not replaced hot"; }
for n in 0 1 2; do
    is "$(md_attr md$n degraded)" 0 "md$n degraded"
    is "$(member_state md$n "${third}$((n + 1))")" in_sync "${third}$((n + 1)) in md$n"
    [ "$(member_state md$n vda$((n + 1)))" = gone ] || fail "vda$((n + 1)) is still in md$n"
    if mdadm --examine /dev/vda$((n + 1)) >/dev/null 2>&1; then fail "vda$((n + 1)) still carries an md superblock"; fi
done
echo "ok: md0, md1, md2 are [UU] on $new and $third; vda's partitions carry no superblock"
data_intact "after the hot replace-disk"

step "$third pulled out while md keeps listing its partitions (no udev mdadm -If): named by its old name"
# A free bay: the new disk is in before the old one goes, so the name stays the old disk's.
fourth=$(plexus-vm-disk plug 128M)
md_udev_remove off
plexus-vm-disk unplug "$third"
for n in 0 1 2; do dd if=/dev/urandom of=/dev/md$n bs=1M seek=12 count=1 oflag=direct status=none 2>/dev/null || true; done
sync; udevadm settle; sleep 1
cat /proc/mdstat
for n in 0 1 2; do member_state md$n "${third}$((n + 1))" | grep -q faulty || fail "md$n does not list ${third}$((n + 1)) as faulty"; done
refused 7 NotFound "/dev/$third is gone, so there are no superblocks on it to erase" -- replace-disk "/dev/$third" "/dev/$fourth" --zero-superblock
t0=$SECONDS
ok replace-disk "/dev/$third" "/dev/$fourth"
echo "timing: replace-disk by the gone disk's name $((SECONDS - t0)) s"
echo "$OUT" | grep -q -- "echo remove > /sys/block/md2/md/dev-${third}3/state" || { echo "$OUT"; fail "the vanished member was not removed through sysfs"; }
md_udev_remove on
for n in 0 1 2; do
    is "$(md_attr md$n degraded)" 0 "md$n degraded"
    is "$(member_state md$n "${fourth}$((n + 1))")" in_sync "${fourth}$((n + 1)) in md$n"
    [ "$(member_state md$n "${third}$((n + 1))")" = gone ] || fail "${third}$((n + 1)) is still listed in md$n"
done
data_intact "after replacing the gone $third by name"

step "take-disk-out: $fourth out again; then $new refused (it holds every array's last copy)"
t0=$SECONDS
ok take-disk-out "/dev/$fourth"
echo "timing: take-disk-out $((SECONDS - t0)) s"
for n in 0 1 2; do
    is "$(md_attr md$n degraded)" 1 "md$n degraded"
    [ "$(member_state md$n "${fourth}$((n + 1))")" = gone ] || fail "${fourth}$((n + 1)) is still in md$n"
done
refused 1 Invalid "Taking out /dev/${new}1 would leave /dev/md0 without a complete copy of the data" -- take-disk-out "/dev/$new"
data_intact "after take-disk-out"
cross_check
echo "$REFUSALS refusals, each leaving the machine as it was"
echo "timing: whole scenario $((SECONDS - t_start)) s"
echo PASS

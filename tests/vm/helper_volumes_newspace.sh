#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 4 --disk-size 192M --memory 1G
# "Use the new space" through plexusctl and the helper: a mirror of two 96 MiB
# partitions carries the group datavg and a mounted ext4 volume; refused while
# there is no new space; its members replaced one by one (hot) with whole
# 192 MiB disks; then one plan grows the array (mdadm --grow --size=max), the
# physical volume (pvresize) and the volume with its filesystem, mounted
# (lvextend --resizefs). df shows the new size; checksummed files intact; fsck
# clean. Prints sizes and times.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync

df_kib() { df -k --output=size "$1" | tail -1 | tr -d ' '; }
figures() { echo "figure: md0 $(blockdev --getsize64 /dev/md0) B, PV $(pvs --noheadings --units b --nosuffix -o pv_size /dev/md0 | tr -d ' ') B, data $(blockdev --getsize64 /dev/datavg/data) B, df $(df_kib /mnt/data) KiB"; }

step "md0: a mirror of two 96 MiB partitions (vda1, vdb1); datavg on it; data (ext4) mounted"
for d in vda vdb; do printf 'label: gpt\n,96M\n' | sfdisk -q /dev/$d >/dev/null; done
udevadm settle
ok create /dev/md0 --level 1 /dev/vda1 /dev/vdb1
wait_idle md0
ok create-vg datavg /dev/md0
ok create-volume datavg data --filesystem ext4 --label data
mkdir -p /mnt/data
mount /dev/datavg/data /mnt/data
write_files /mnt/data 16
SUM=$(files_sum /mnt/data)
check_files() { is "$(files_sum /mnt/data)" "$SUM" "data's files ($1)"; }
before_kib=$(df_kib /mnt/data)
figures

step "refused while the members are no bigger than what md0 uses"
refused 1 Invalid "There is no new space on md0" -- use-new-space md0 --volume data
refused 7 NotFound "datavg has no volume nosuch" -- use-new-space md0 --volume nosuch

step "md0's members replaced, hot, by whole 192 MiB disks (vdc, vdd)"
t0=$SECONDS
ok replace /dev/md0 /dev/vda1 /dev/vdc
wait_idle md0
ok replace /dev/md0 /dev/vdb1 /dev/vdd
wait_idle md0
echo "figure: both members replaced in $((SECONDS - t0)) s"
is "$(mdstat_members md0)" "vdc vdd" "md0's members"
check_files "after the replacements"

step "use the new space, from md0 down to data's filesystem, mounted"
pctl use-new-space md0 --volume data --dry-run
echo "$OUT"
for c in 'mdadm --grow /dev/md0 --size=max' 'pvresize /dev/md0' 'lvextend --resizefs -l +100%FREE datavg/data'; do
    echo "$OUT" | grep -qF "\$ $c" || fail "the dry run does not preview $c"
done
( for i in $(seq 1 20); do cat /mnt/data/f* >/dev/null || exit 1; sleep 0.2; done ) &
reader=$!
t0=$SECONDS
ok use-new-space md0 --volume data
echo "figure: use-new-space took $((SECONDS - t0)) s"
wait $reader || fail "reading data failed while it grew"
figures
after_kib=$(df_kib /mnt/data)
[ "$after_kib" -gt $((before_kib + 80000)) ] || fail "df shows data at $after_kib KiB (was $before_kib KiB): it did not grow by the new space"
echo "ok: df shows data at $after_kib KiB, was $before_kib KiB"
is "$(vgs --noheadings --units b --nosuffix -o vg_free datavg | tr -d ' ')" 0 "datavg's free space"
refused 1 Invalid "There is no new space on md0" -- use-new-space md0
wait_idle md0 300
check_files "after using the new space"
umount /mnt/data
e2fsck -fn /dev/datavg/data >/tmp/fsck.log 2>&1 || { cat /tmp/fsck.log; fail "fsck finds errors after growing"; }
echo "ok: fsck clean"
echo "ok: $REFUSALS refusals, each leaving the machine as it was"

#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 4 --disk-size 320M --memory 1G
# cost: 120
# Shrinking and moving volumes through plexusctl and the helper, on two mirrors
# in one group: an unmounted ext4 shrunk with its volume (checksummed files
# intact, fsck clean); xfs, a mounted ext4 and a size below what the files need
# refused with nothing changed; then a mirror taken out of the group while the
# volume on it stays mounted and read (pvmove, then vgreduce and pvremove),
# refused first without move and without room. Then a new volume mounted
# where asked (--mount-point): mounted now and by its line in /etc/fstab
# (`mount -a` clean), checksummed files read back; a non-empty directory, a
# path through a symbolic link and swap refused with fstab and mounts
# unchanged; removing the volume takes its fstab line with it. Prints sizes
# and times.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync
modprobe dm_mirror 2>/dev/null || true # pvmove's copy is a dm mirror

bytes() { blockdev --getsize64 "$1"; }
pv_used() { pvs --noheadings --units b --nosuffix -o pv_used "$1" | tr -d ' '; }
lv_nodes() { # the arrays a volume lies on, as kernel nodes (LVM may name them by an alias)
    for d in $(lvs --noheadings -o devices "$1" | tr ',' ' ' | sed 's/([0-9]*)//g'); do readlink -f "$d"; done | sort -u | tr '\n' ' '
}

step "two mirrors, md0 and md1, in the group datavg; xfs (300 MiB) and ext4 (96 MiB) volumes"
ok create /dev/md0 --level 1 /dev/vda /dev/vdb
ok create /dev/md1 --level 1 /dev/vdc /dev/vdd
wait_idle md0; wait_idle md1
ok create-vg datavg /dev/md0 /dev/md1
ok create-volume datavg big --size 300M --filesystem xfs
ok create-volume datavg data --size 96M --filesystem ext4 --label data
echo "data lies on: $(lv_nodes datavg/data)"
mkdir -p /mnt/data /mnt/big
mount /dev/datavg/data /mnt/data
mount /dev/datavg/big /mnt/big
write_files /mnt/data 24
write_files /mnt/big 4
DATA_SUM=$(files_sum /mnt/data) BIG_SUM=$(files_sum /mnt/big)
check_files() {
    is "$(files_sum /mnt/data)" "$DATA_SUM" "data's files ($1)"
    [ -d /mnt/big/. ] && mountpoint -q /mnt/big && is "$(files_sum /mnt/big)" "$BIG_SUM" "big's files ($1)"
    return 0
}

step "refusals that change nothing: xfs, a mounted ext4, too small, not smaller"
refused 1 Invalid "xfs cannot shrink" -- shrink-volume /dev/datavg/big --size 200M
umount /mnt/big
refused 1 Invalid "xfs cannot shrink" -- shrink-volume /dev/datavg/big --size 200M
is "$(bytes /dev/datavg/big)" $((300 << 20)) "big's size after the refusals"
refused 5 InUse "mounted on /mnt/data: ext4 shrinks only while unmounted. Unmount it first" -- shrink-volume /dev/datavg/data --size 72M
umount /mnt/data
refused 6 TooSmall "needs at least .* for its files" -- shrink-volume /dev/datavg/data --size 8M
refused 1 Invalid "would not make it smaller" -- shrink-volume /dev/datavg/data --size 128M
is "$(bytes /dev/datavg/data)" $((96 << 20)) "data's size after the refusals"

step "shrink the unmounted ext4 from 96 MiB to 72 MiB (resize2fs -P says its 24 MiB of files need about 60)"
pctl shrink-volume /dev/datavg/data --size 72M --dry-run
echo "$OUT"
echo "$OUT" | grep -q '\$ lvreduce --resizefs --fsmode nochange -L 75497472b datavg/data' || fail "the dry run does not preview lvreduce --resizefs"
t0=$SECONDS
ok shrink-volume /dev/datavg/data --size 72M
echo "figure: shrinking took $((SECONDS - t0)) s"
is "$(bytes /dev/datavg/data)" $((72 << 20)) "data's size"
e2fsck -fn /dev/datavg/data >/tmp/fsck.log 2>&1 || { cat /tmp/fsck.log; fail "fsck finds errors after the shrink"; }
echo "ok: fsck clean after the shrink"
mount /dev/datavg/data /mnt/data
size_kib=$(df -k --output=size /mnt/data | tail -1 | tr -d ' ')
[ "$size_kib" -lt 75000 ] || fail "df shows data at $size_kib KiB, not shrunk"
echo "figure: df shows data at $size_kib KiB (was 96 MiB)"
check_files "after the shrink"

step "take md1 out of datavg while data stays mounted"
ok remove-volume /dev/datavg/big
echo "data lies on: $(lv_nodes datavg/data); md1 holds $(pv_used /dev/md1) bytes of it"
[ "$(pv_used /dev/md1)" -gt 0 ] || fail "the test needs data to lie on md1"
refused 5 InUse "holds .* of datavg's volumes. Say move" -- reduce-vg datavg /dev/md1
# Fill md0 so that what md1 holds has no room elsewhere.
md0_free=$(pvs --noheadings --units m --nosuffix -o pv_free /dev/md0 | tr -d ' ' | cut -d. -f1)
lvcreate -q -y -n filler -L $((md0_free - 8))M datavg /dev/md0 >/dev/null
udevadm settle
refused 6 TooSmall "needs .* free on datavg's other devices, and they have only .* free" -- reduce-vg datavg /dev/md1 --move
lvremove -q -y datavg/filler >/dev/null
udevadm settle
# A reader runs through the move: the volume stays live.
( while :; do cat /mnt/data/f* >/dev/null || exit 1; sleep 0.2; done ) &
reader=$!
moved=$(pv_used /dev/md1)
t0=$SECONDS
ok reduce-vg datavg /dev/md1 --move
took=$((SECONDS - t0))
kill $reader 2>/dev/null; wait $reader 2>/dev/null || true
echo "$OUT" | tail -n 12
echo "figure: moved $moved bytes off md1 and took it out in $took s"
is "$(lv_nodes datavg/data)" "/dev/md0 " "the arrays data lies on"
is "$(vgs --noheadings -o pv_count datavg | tr -d ' ')" 1 "datavg's device count"
is "$(blkid -p -o value -s TYPE /dev/md1 || true)" "" "what md1 holds"
check_files "after the move"
umount /mnt/data
e2fsck -fn /dev/datavg/data >/tmp/fsck.log 2>&1 || { cat /tmp/fsck.log; fail "fsck finds errors after the move"; }
echo "ok: fsck clean after the move"

step "a new volume mounted on /srv/data, now and at every start (/etc/fstab)"
cp -p /etc/fstab /tmp/fstab.before
fstab_mode=$(stat -c '%a %U:%G' /etc/fstab)
mkdir -p /srv/other /srv/real
echo kept > /srv/other/keep.txt
ln -sfn /srv/real /srv/link
fstab_unchanged() {
    cmp -s /etc/fstab /tmp/fstab.before || { diff /tmp/fstab.before /etc/fstab; fail "/etc/fstab changed ($1)"; }
}
refused 5 InUse "/srv/other is not empty: it holds 1 entry" -- create-volume datavg web --size 32M --filesystem ext4 --mount-point /srv/other
refused 1 Invalid "/srv/link is a symbolic link" -- create-volume datavg web --size 32M --filesystem ext4 --mount-point /srv/link/web
refused 1 Invalid "Swap space is not mounted" -- create-volume datavg web --size 32M --filesystem swap --mount-point /srv/web
refused 1 Invalid "belongs to the running system" -- create-volume datavg web --size 32M --filesystem ext4 --mount-point /run/web
fstab_unchanged "after the refusals"
[ ! -e /srv/real/web ] && [ ! -e /srv/web ] || fail "a refusal made a directory"
is "$(cat /srv/other/keep.txt)" kept "what /srv/other holds"
line='/dev/mapper/datavg-web /srv/data ext4 defaults 0 2'
pctl create-volume datavg web --size 32M --filesystem ext4 --mount-point /srv/data --dry-run
echo "$OUT"
for c in 'mkdir -p /srv/data' "echo '$line' >> /etc/fstab" 'systemctl start srv-data.mount'; do
    echo "$OUT" | grep -qF "\$ $c" || fail "the dry run does not preview $c"
done
ok create-volume datavg web --size 32M --filesystem ext4 --label web --mount-point /srv/data
is "$(findmnt -n -o SOURCE /srv/data)" /dev/mapper/datavg-web "what findmnt shows on /srv/data"
is "$(grep -cxF "$line" /etc/fstab)" 1 "fstab lines for /srv/data"
is "$(grep -vxF "$line" /etc/fstab | md5sum)" "$(md5sum </tmp/fstab.before)" "fstab's other lines"
is "$(stat -c '%a %U:%G' /etc/fstab)" "$fstab_mode" "fstab's mode and owner"
write_files /srv/data 8
WEB_SUM=$(files_sum /srv/data)
umount /srv/data
mount -a 2>/tmp/mount-a.log || { cat /tmp/mount-a.log; fail "mount -a failed"; }
[ ! -s /tmp/mount-a.log ] || { cat /tmp/mount-a.log; fail "mount -a complained"; }
is "$(findmnt -n -o SOURCE /srv/data)" /dev/mapper/datavg-web "what findmnt shows on /srv/data after mount -a"
is "$(files_sum /srv/data)" "$WEB_SUM" "web's files, mounted again by its fstab line"
refused 5 InUse "mounted on /srv/data" -- remove-volume /dev/datavg/web
is "$(grep -cxF "$line" /etc/fstab)" 1 "fstab lines for /srv/data after the refusal"

step "remove the volume: its fstab line goes with it"
umount /srv/data
pctl remove-volume /dev/datavg/web --dry-run
echo "$OUT"
echo "$OUT" | grep -q "that line goes too" || fail "the plan does not say the fstab line goes"
ok remove-volume /dev/datavg/web
fstab_unchanged "after remove-volume"
[ ! -e /dev/datavg/web ] || fail "/dev/datavg/web is still there"
mount -a 2>/tmp/mount-a.log || { cat /tmp/mount-a.log; fail "mount -a failed after the removal"; }
[ ! -s /tmp/mount-a.log ] || { cat /tmp/mount-a.log; fail "mount -a complained after the removal"; }
echo "ok: $REFUSALS refusals, each leaving the machine as it was"

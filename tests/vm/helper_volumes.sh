#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 6 --disk-size 256M --memory 1G
# cost: 130
# Volumes on arrays through plexusctl and the helper (LVM on a mirror,
# grown online): a degraded RAID-1 with a missing half, a PV and the VG rootvg on it,
# volumes root/usr/var with ext4 and swap; the second disk added and resynced;
# root grown online while a writer runs; a second array added to the group and
# root grown across both (a concat of two mirrors), then a third mirror joins and
# root grows onto it too; what a user (not root) sees of the group through the
# helper (free space, where root lies); refusals that change nothing;
# then everything taken apart; an inactive array (incremental assembly waiting
# for its other half) started as it is, and one stopped. Checksummed data must
# read back the same after every step.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync

lv_json() { status_json | python3 -c "
import json, sys
s = json.load(sys.stdin)
for vg in s['volume_groups']:
    for lv in vg['logical_volumes']:
        if vg['name'] + '/' + lv['name'] == '$1': print(lv['$2'])"; }

# root_reaches MD...: rootvg/root lies on each of these arrays. LVM names each
# device by whichever of its aliases it met (/dev/md0, /dev/md/0,
# /dev/disk/by-id/...): compare the nodes they lead to.
root_reaches() {
    local devices nodes md
    devices=$(lvs --noheadings -o devices rootvg/root 2>&1)
    nodes=$(for d in $(echo "$devices" | tr ',' ' ' | sed 's/([0-9]*)//g'); do readlink -f "$d"; done)
    for md in "$@"; do
        echo "$nodes" | grep -qx "/dev/$md" || { echo "$devices"; fail "root does not reach $md"; }
    done
}

step "a degraded RAID-1 (vda and a missing half), rootvg on it"
ok create /dev/md0 --level 1 /dev/vda missing
pctl create-vg rootvg /dev/md0 --dry-run
echo "$OUT"
echo "$OUT" | grep -q '\$ pvcreate -y /dev/md0' || fail "the dry run does not preview pvcreate"
echo "$OUT" | grep -q '\$ vgcreate rootvg /dev/md0' || fail "the dry run does not preview vgcreate"
vgs rootvg >/dev/null 2>&1 && fail "the dry run created rootvg"
ok create-vg rootvg /dev/md0
vgs --noheadings -o pv_name rootvg | grep -q /dev/md0 || fail "rootvg is not on md0"
expect "[g['name'] for g in s['volume_groups']]" '["rootvg"]'
expect "s['volume_groups'][0]['free_bytes'] > 200 * 2**20" true

step "volumes root, usr, var with ext4, and swap"
ok create-volume rootvg root --size 64M --filesystem ext4 --label root
ok create-volume rootvg usr --size 32M --filesystem ext4
ok create-volume rootvg var --size 32M --filesystem ext4
ok create-volume rootvg swap --size 16M --filesystem swap
is "$(blkid -o value -s TYPE /dev/rootvg/root)" ext4 "root's filesystem"
is "$(blkid -o value -s LABEL /dev/rootvg/root)" root "root's label"
is "$(blkid -o value -s TYPE /dev/rootvg/swap)" swap "swap's contents"
is "$(lv_json rootvg/root fs_type)" ext4 "status --json: root's fs_type"
mkdir -p /mnt/root /mnt/var
mount /dev/rootvg/root /mnt/root
mount /dev/rootvg/var /mnt/var
write_files /mnt/root 8
write_files /mnt/var 4
ROOT_SUM=$(files_sum /mnt/root) VAR_SUM=$(files_sum /mnt/var)
check_files() {
    is "$(files_sum /mnt/root)" "$ROOT_SUM" "root's files ($1)"
    is "$(files_sum /mnt/var)" "$VAR_SUM" "var's files ($1)"
}

step "refusals that change nothing"
refused 5 InUse "mounted on /mnt/var" -- mkfs /dev/rootvg/var ext4 --overwrite
refused 6 TooSmall "only .* free" -- create-volume rootvg big --size 1G
refused 1 Invalid "swap" -- grow-volume /dev/rootvg/swap --size 32M
refused 6 TooSmall "xfs needs at least" -- mkfs /dev/rootvg/usr xfs --overwrite
refused 1 Invalid "holds a filesystem \(ext4\).*overwrite" -- mkfs /dev/rootvg/usr ext4
refused 5 InUse "mounted on /mnt/root" -- remove-vg rootvg
refused 5 InUse "mounted on /mnt/root" -- remove-volume /dev/rootvg/root
refused 5 InUse "member of md0" -- create-vg other /dev/vda
refused 1 Invalid "not a usable volume group name" -- create-vg "root vg" /dev/vdc
refused 5 InUse "already a volume group rootvg" -- create-vg rootvg /dev/vdc
refused 1 Invalid "would shrink" -- grow-volume /dev/rootvg/root --size 32M
check_files "after the refusals"

step "the second half: /dev/vdb joins md0, resync under the mounted volumes"
ok add /dev/md0 /dev/vdb
wait_idle md0
is "$(md_attr md0 degraded)" 0 "md0 degraded"
check_files "after the resync"

step "grow root online while a writer runs"
( for i in $(seq 1 40); do dd if=/dev/zero of=/mnt/root/w$i bs=256k count=1 conv=fsync status=none || exit 1; done ) &
writer=$!
ok grow-volume /dev/rootvg/root --size 128M
echo "$OUT" | grep -q 'lvextend --resizefs -L 134217728b rootvg/root' || { echo "$OUT"; fail "the plan does not grow the filesystem with the volume"; }
wait $writer || fail "the writer got an I/O error while root grew"
size_kib=$(df -k --output=size /mnt/root | tail -1 | tr -d ' ')
[ "$size_kib" -gt 110000 ] || fail "df still shows root at $size_kib KiB"
echo "ok: df shows root at $size_kib KiB"
check_files "after growing root online"

step "a second mirror joins rootvg; root grows across both (a concat of two arrays)"
ok create /dev/md1 --level 1 /dev/vdc /dev/vdd
ok extend-vg rootvg /dev/md1
ok grow-volume /dev/rootvg/root
root_reaches md0 md1
is "$(vgs --noheadings -o vg_free --units b --nosuffix rootvg | tr -d ' ')" 0 "rootvg's free space"
size_kib=$(df -k --output=size /mnt/root | tail -1 | tr -d ' ')
[ "$size_kib" -gt 300000 ] || fail "df shows root at only $size_kib KiB"
echo "ok: root is $size_kib KiB, across md0 and md1"
check_files "after growing across two arrays"

step "a third mirror joins: the concat grows onto it, mounted"
ok create /dev/md2 --level 1 /dev/vde /dev/vdf
ok extend-vg rootvg /dev/md2
ok grow-volume /dev/rootvg/root
root_reaches md0 md1 md2
size_kib=$(df -k --output=size /mnt/root | tail -1 | tr -d ' ')
[ "$size_kib" -gt 500000 ] || fail "df shows root at only $size_kib KiB"
echo "ok: root is $size_kib KiB, across md0, md1 and md2"
check_files "after growing across three arrays"

step "what a user who is not root sees: the helper's figures (VolumeGroups)"
runuser -u plexususer -- plexusctl status --json > /tmp/user.json 2>/tmp/user.err || { cat /tmp/user.err; fail "status as plexususer failed"; }
python3 - /tmp/user.json <<'EOF2' || fail "a user does not see rootvg's figures"
import json, sys
s = json.load(open(sys.argv[1]))
vg = [g for g in s['volume_groups'] if g['name'] == 'rootvg'][0]
assert vg['free_bytes'] == 0, vg
assert all(pv['free_bytes'] is not None for pv in vg['physical_volumes']), vg
root = [lv for lv in vg['logical_volumes'] if lv['name'] == 'root'][0]
on = [seg['device'] for seg in root['segments']]
assert set(on) == {'md0', 'md1', 'md2'}, on
assert sum(seg['size_bytes'] for seg in root['segments']) == root['size_bytes'], root
mount = [m for m in s['mounts'] if m['mount_point'] == '/mnt/root'][0]
assert mount['size_bytes'] > 450 * 2**20 and 0 < mount['used_bytes'] < mount['size_bytes'], mount
print("ok: plexususer sees rootvg with", vg['size_bytes'], "bytes, root on", on, "and /mnt/root", mount['used_bytes'], "of", mount['size_bytes'], "used")
EOF2
umount /mnt/root /mnt/var
e2fsck -fn /dev/rootvg/root >/tmp/fsck.log 2>&1 || { cat /tmp/fsck.log; fail "fsck finds errors on root after growing online"; }
echo "ok: fsck clean on root"
mount /dev/rootvg/root /mnt/root
mount /dev/rootvg/var /mnt/var
check_files "after fsck"
umount /mnt/root /mnt/var

step "take it apart: a volume, then the group; the arrays are blank again"
ok remove-volume /dev/rootvg/swap
[ -e /dev/rootvg/swap ] && fail "swap is still there"
ok remove-vg rootvg
vgs rootvg >/dev/null 2>&1 && fail "rootvg is still there"
is "$(blkid -p -o value -s TYPE /dev/md0 || true)" "" "what md0 holds"
is "$(blkid -p -o value -s TYPE /dev/md1 || true)" "" "what md1 holds"
ok stop /dev/md2

step "an inactive array (one half found, waiting for the other): started as it is, and stopped"
write_data /dev/md1
ok stop /dev/md1
mdadm --incremental /dev/vdc >/dev/null 2>&1 || true
udevadm settle
held_by() { for d in /sys/block/md*; do [ -e "$d/md/dev-$1" ] && basename "$d"; done; }
md=$(held_by vdc)
[ -n "$md" ] || fail "mdadm --incremental did not take vdc"
is "$(md_attr "$md" array_state)" inactive "$md's state"
refused 1 Invalid "is inactive: md found only vdc" -- assemble "/dev/$md" /dev/vdc
ok assemble "/dev/$md" /dev/vdc --run
is "$(md_attr "$md" degraded)" 1 "$md degraded, started without vdd"
check_data "/dev/$md" "started from one half"
ok stop "/dev/$md"
mdadm --incremental /dev/vdd >/dev/null 2>&1 || true
udevadm settle
md=$(held_by vdd)
is "$(md_attr "$md" array_state)" inactive "$md's state"
ok stop "/dev/$md"
[ -e "/sys/block/$md/md" ] && fail "$md is still there after stop"
echo "ok: an inactive array stops"
echo "ok: $REFUSALS refusals, each leaving the machine as it was"

#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 2 --disk-size 64M
# A window test: arrays that are not running, started and stopped by
# clicking in the real window, run by a user who is not root (plexususer, whom
# a polkit rule lets change disks, as an admin group's rule would), so that it
# reads the members' superblocks through plexus-helper's MdSuperblocks(). One
# window per phase (tests/vm/gui/tst_startstop.cpp), root preparing the disks
# between them:
#  1. a mirror md0 holding checksummed data, stopped; vda alone comes back as an
#     inactive array (incremental assembly waiting for vdb): "Start array as it
#     is" runs it degraded, the data reads back;
#  2. vdb alone comes back inactive: "Stop inactive array" stops it; vdb's
#     superblock is kept;
#  3. vdb started alone and written (split brain): the window refuses to start
#     both halves together, naming both histories; "keeping the data on vdb"
#     assembles vdb's half, erases vda's and rebuilds it from vdb: the array
#     holds vdb's data and a check finds no mismatch;
#  4. plexususer replaces vda with a new disk from plexusctl; a window opened
#     while it runs shows that job's steps by itself, follows them live to the
#     end (the helper's FollowJob), and its banner goes; the data reads back.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"

cat > /run/plexus-admin.rules <<'EOF2'
polkit.addRule(function(action, subject) {
    if (action.id.indexOf("org.plexus.") == 0 && (subject.user == "root" || subject.user == "plexususer"))
        return polkit.Result.YES;
    return polkit.Result.NOT_HANDLED;
});
EOF2
HELPER_RULES=/run/plexus-admin.rules install_helper
fast_sync
shots=/tmp/plexus-shots
mkdir -p "$shots" && chmod 777 "$shots"
mkdir -p "/src/${PLEXUS_BUILD_DIR:-build}/screenshots"
install -d -m 700 -o plexususer /tmp/plexususer-runtime
# window PHASE: the window session's test function PHASE, as plexususer.
window() {
    runuser -u plexususer -- env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/plexususer-runtime tst_startstop "$1" \
        || fail "the window's $1 did not go as a user would expect"
    cp "$shots"/*.png "/src/${PLEXUS_BUILD_DIR:-build}/screenshots/" 2>/dev/null || true
}
inactive_md() { awk '$3 == "inactive" {print $1}' /proc/mdstat | head -n1; }

step "md0, a mirror of vda and vdb with data, stopped; vda alone comes back inactive"
create /dev/md0 --level=1 --raid-devices=2 /dev/vda /dev/vdb
wait_idle md0
dd if=/dev/urandom of=/tmp/data bs=1M count=16 status=none
dd if=/tmp/data of=/dev/md0 bs=1M oflag=direct status=none
mdadm --stop /dev/md0 >/dev/null
mdadm --incremental /dev/vda >/dev/null 2>&1 || true
md=$(inactive_md)
[ -n "$md" ] || { cat /proc/mdstat; fail "vda did not come back as an inactive array"; }
echo "ok: $md is inactive, holding vda"

step "1. the window starts it as it is"
window startInactive
is "$(md_attr "$md" array_state | grep -c inactive)" 0 "$md inactive"
is "$(md_attr "$md" degraded)" 1 "$md degraded (vdb left out)"
is "$(sum16 "/dev/$md")" "$(sha256sum < /tmp/data | cut -d' ' -f1)" "the data on $md"
# vda's half goes on alone and is written: it is one side of the split brain below.
dd if=/dev/urandom of=/tmp/half-a bs=1M count=16 status=none
dd if=/tmp/half-a of="/dev/$md" bs=1M oflag=direct status=none
mdadm --stop "/dev/$md" >/dev/null

step "2. vdb alone comes back inactive (it waits for vda): the window stops it, vdb's superblock stays"
mdadm --incremental /dev/vdb >/dev/null 2>&1 || true
md=$(inactive_md)
[ -n "$md" ] || { cat /proc/mdstat; fail "vdb did not come back as an inactive array"; }
before=$(events /dev/vdb)
window stopInactive
[ ! -e "/sys/block/$md/md" ] || { cat /proc/mdstat; fail "$md is still there"; }
is "$(events /dev/vdb)" "$before" "vdb's superblock events"

step "3. vdb started alone and written: a split brain the window resolves"
mdadm --assemble /dev/md0 --run /dev/vdb >/dev/null 2>&1 || fail "cannot assemble md0 from vdb alone"
dd if=/dev/urandom of=/tmp/half-b bs=1M count=16 status=none
dd if=/tmp/half-b of=/dev/md0 bs=1M oflag=direct status=none
mdadm --stop /dev/md0 >/dev/null
udevadm settle
mdadm --examine /dev/vda /dev/vdb | grep -E "^/dev|Events|Array State"
window keepHalf
md=$(awk '$1 ~ /^md/ && $3 == "active" {print $1}' /proc/mdstat | head -n1)
[ -n "$md" ] || { cat /proc/mdstat; fail "no array runs after keeping vdb's half"; }
wait_idle "$md"
is "$(md_attr "$md" degraded)" 0 "$md degraded (vda rebuilt)"
is "$(sum16 "/dev/$md")" "$(sha256sum < /tmp/half-b | cut -d' ' -f1)" "the data on $md (vdb's half)"
echo check > "/sys/block/$md/md/sync_action"
sleep 1
wait_idle "$md"
is "$(md_attr "$md" mismatch_cnt)" 0 "mismatches after a check (vda now holds vdb's data)"

step "4. a job under way (plexususer's, from plexusctl): the window opens on its steps and follows it to the end"
new=$(plexus-vm-disk plug 64M)
slow_sync 4000   # about 16 s for the copy: the window opens while it runs
runuser -u plexususer -- plexusctl replace "/dev/$md" /dev/vda "/dev/$new" > /tmp/replace.out 2>&1 &
replace=$!
wait_recovery /tmp/replace.out
window followJob
wait $replace || { cat /tmp/replace.out; fail "plexusctl replace failed"; }
fast_sync
ls "/sys/block/$md/md/dev-$new" >/dev/null && [ ! -e "/sys/block/$md/md/dev-vda" ] || { cat /proc/mdstat; fail "$new did not take vda's place"; }
is "$(sum16 "/dev/$md")" "$(sha256sum < /tmp/half-b | cut -d' ' -f1)" "the data on $md after the replacement"
cross_check
echo PASS

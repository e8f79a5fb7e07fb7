#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 4 --disk-size 256M
# plexus-helper refuses what it must, with a clear message, a typed error (and
# plexusctl's exit status for it), and without changing anything: bad paths and
# devices, identities that do not match, devices in use (mounted, in an array,
# LVM, the system disk), data in the way, an unprivileged caller (polkit says
# no), a dismissed authentication. Some requests bypass plexusctl (gdbus), so
# the helper, not the client, is shown to be the one refusing.
# (helper_limits.sh: levels, counts, sizes, names, options, data safety, busy.)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync
make_scene
size=$(size_of /dev/vda1)

step "devices: paths, existence, kinds, identities"
refused 7 NotFound "/dev/vdz does not exist" -- create /dev/md1 --level 1 /dev/vdz missing
refused 1 Invalid "contains '\.\.'" -- create /dev/md1 --level 1 /dev/../dev/vda1 missing
refused 1 Invalid "/dev/null is a character device, not a block device" -- create /dev/md1 --level 1 /dev/null missing
ln -sf /etc/hostname /dev/evil
refused 1 Invalid "leads to /etc/hostname, which is not under /dev" -- create /dev/md1 --level 1 /dev/evil missing
rm -f /dev/evil
refused 1 Invalid "is not a device path" -- create /dev/md1 --level 1 /etc/hostname missing
refused 1 Invalid "is named twice" -- create /dev/md1 --level 1 /dev/vda1 /dev/vda1
byid=$(ls /dev/disk/by-id/*PLXDISK1-part1 | head -n1)
refused 1 Invalid "is named twice in the request \(as /dev/vda1 and $byid\)" -- create /dev/md1 --level 1 /dev/vda1 "$byid"
refused 1 Invalid "is the md array md0" -- create /dev/md1 --level 1 /dev/md0 missing
dbus_refused NotFound "now on the disk PLXDISK1, not on the disk you chose \(PLXDISK9\)" -- \
    --method org.plexus.Helper1.CreateArray /dev/md1 raid1 "[('/dev/vda1', 'PLXDISK9', $size), ('missing', '', 0)]" "[]" "{}"
dbus_refused NotFound "is 100 MiB \($size bytes\) now, not 200 MiB" -- \
    --method org.plexus.Helper1.CreateArray /dev/md1 raid1 "[('/dev/vda1', 'PLXDISK1', $((size * 2))), ('missing', '', 0)]" "[]" "{}"
dbus_refused Invalid "without the identity of its disk" -- \
    --method org.plexus.Helper1.CreateArray /dev/md1 raid1 "[('/dev/vda1', '', $size), ('missing', '', 0)]" "[]" "{}"
dbus_refused Invalid "contains '\.\.'" -- \
    --method org.plexus.Helper1.AddSpare /dev/md0 "('/dev/disk/../vda1', 'PLXDISK1', $size)" "{}"

step "devices in use, and data in the way"
refused 5 InUse "/dev/vda2 is mounted on /mnt/data. Unmount it first, or choose another partition" -- create /dev/md1 --level 1 /dev/vda2 /dev/vda1 --allow-same-disk
refused 5 InUse "/dev/vdb1 is a member of md0 \(raid1\)" -- create /dev/md1 --level 1 /dev/vdb1 /dev/vda1
# The helper speaks English, and plexusctl says the same refusal in its user's
# language (x-test: every letter fullwidth) from the sentence's catalogue entry,
# which the helper signals before the error. The build makes the locale gettext
# needs for a language (en_US.UTF-8) where the build root has its sources.
if [ -f "/src/$PLEXUS_BUILD_DIR/locale/en_US.UTF-8/LC_CTYPE" ]; then
    said=$(LOCPATH="/src/$PLEXUS_BUILD_DIR/locale" LC_ALL=en_US.UTF-8 LANGUAGE=x-test \
           plexusctl create /dev/md1 --level 1 /dev/vda2 /dev/vda1 --allow-same-disk 2>&1 >/dev/null || true)
    echo "$said" | grep -q 'ｍｏｕｎｔｅｄ' || fail "plexusctl in x-test: not the translated refusal: $said"
    left=$(echo "$said" | sed -E 's#/[[:alnum:]./_-]*##g; s/\<(InUse|vd[a-z][0-9]*)\>//g')
    ! echo "$left" | grep -q '[A-Za-z]' || fail "plexusctl in x-test: English left in: $said"
    echo "ok: said in x-test: $said"
fi
refused 5 InUse "physical volume of the LVM volume group vgtest.*vgreduce vgtest /dev/vdc2" -- create /dev/md1 --level 1 /dev/vdc2 /dev/vda1
refused 5 InUse "/dev/vdd2 is on vdd, the disk the running system uses \(it holds /boot\).*allow_system_disk" -- create /dev/md1 --level 1 /dev/vdd2 /dev/vda1
pctl create /dev/md1 --level 1 /dev/vdd2 /dev/vda1 --allow-system-disk --dry-run
is "$RC" 0 "the same request with --allow-system-disk (dry run)"
refused 1 Invalid "contains a filesystem \(ext4\) labelled 'keep'.*overwrite" -- create /dev/md1 --level 1 /dev/vda4 missing
refused 5 InUse "has the partition vdb1, which is a member of md0" -- copy-table /dev/vdd /dev/vdb
refused 1 Invalid "are both on the disk vda" -- create /dev/md1 --level 1 /dev/vda1 /dev/vda3

step "held open exclusively by another program"
rm -f /tmp/held
python3 -c 'import os, time; fd = os.open("/dev/vda1", os.O_RDONLY | os.O_EXCL); open("/tmp/held", "w").close(); time.sleep(120)' &
holder=$!
for _ in $(seq 50); do [ -e /tmp/held ] && break; sleep 0.1; done
refused 8 Busy "/dev/vda1 is held by something else right now" -- create /dev/md1 --level 1 /dev/vda1 missing
kill "$holder"; wait "$holder" 2>/dev/null || true

step "polkit: plexususer may not"
as_user() { runuser -u plexususer -- "$@"; }
before=$(fingerprint)
set +e
out=$(as_user plexusctl stop /dev/md0 2>&1); rc=$?
set -e
echo "$out"
is "$rc" 3 "plexususer's stop: exit status"
echo "$out" | grep -q "^plexusctl: NotAuthorized: You are not allowed to do this (polkit action org.plexus.array.modify)" || fail "no NotAuthorized message"
set +e
out=$(as_user gdbus call --system --dest org.plexus.Helper1 --object-path /org/plexus/Helper1 \
    --method org.plexus.Helper1.CreateArray /dev/md1 raid1 "[('/dev/vda1', 'PLXDISK1', $size), ('missing', '', 0)]" "[]" "{}" 2>&1); rc=$?
set -e
echo "$out" | grep -q "org.plexus.Error.NotAuthorized" || { echo "$out"; fail "plexususer's CreateArray over D-Bus was not refused"; }
echo "ok: plexususer's CreateArray over D-Bus: NotAuthorized"
set +e
out=$(as_user plexusctl scrub /dev/md0 check 2>&1); rc=$?
set -e
echo "$out"
is "$rc" 4 "plexususer's scrub (authentication needed, no agent): exit status"
echo "$out" | grep -q "^plexusctl: Dismissed: " || fail "no Dismissed message"
[ "$before" = "$(fingerprint)" ] || fail "an unauthorized request changed something"
is "$(md_attr md0 sync_action)" idle "md0's sync_action after the refused scrub"

step "the scene is as it was"
fingerprint > /tmp/scene-end
diff /tmp/scene-start /tmp/scene-end || fail "something changed"
echo "refusals checked: $REFUSALS"
[ "$REFUSALS" -ge 15 ] || fail "fewer than 15 refusals checked"

# A job through the helper, in x-test: the helper's plan is in English, and
# plexusctl shows its own words for it (the same commands), so all but the
# commands and the job's id reads in its user's language.
if [ -f "/src/$PLEXUS_BUILD_DIR/locale/en_US.UTF-8/LC_CTYPE" ]; then
    step "a job in the caller's language"
    said=$(LOCPATH="/src/$PLEXUS_BUILD_DIR/locale" LC_ALL=en_US.UTF-8 LANGUAGE=x-test plexusctl scrub /dev/md0 check 2>&1)
    echo "$said"
    echo "$said" | grep -q '^\[1/' || fail "plexusctl in x-test: no step started"
    left=$(echo "$said" | grep -v '^ *\$ ' | sed -E 's#/[[:alnum:]./_-]*##g; s/[0-9]{8}-[0-9a-f-]+//g; s/\<(md[0-9]+|vd[a-z][0-9]*)\>//g')
    ! echo "$left" | grep '[A-Za-z]' || fail "plexusctl in x-test: English left in the job's lines above"
    plexusctl scrub /dev/md0 idle >/dev/null
fi
cross_check
echo PASS

#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 3 --disk-size 128M
# cost: 85
# The .deb packages of build-debs/ (tools/plexus debs) installed into a guest
# without any of Plexus's files: dpkg resolves their dependencies against the
# guest's packages, the system bus activates the installed /usr/libexec/plexus-helper,
# and /usr/bin/plexusctl creates and stops a mirror through it. The installed
# window (/usr/bin/plexus on Xvfb) then replaces a member of that mirror, driven
# through AT-SPI as assistive technology drives it (tests/vm/atspi.py): the
# program has no test hook, so what a user installs is what runs. Then the packages
# are purged: none of their files is left, the bus no longer knows the helper, and
# /var/lib/plexus holds only the journal. `tools/plexus test` packages the very
# binaries the other tests ran (tools/lib/build-debs.sh --prebuilt) before the VM
# tier; skipped (77) without packages of this version.
. "$(dirname "$0")/lib.sh"
export XDG_DATA_DIRS=/usr/local/share:/usr/share # the installed data files, not the build tree's
version=$(sed -n '1s/^plexus (\([^)]*\)).*/\1/p' /src/debian/changelog)
debs=(/src/build-debs/plexus_"$version"_*.deb /src/build-debs/plexusctl_"$version"_*.deb /src/build-debs/plexus-helper_"$version"_*.deb)
for deb in "${debs[@]}"; do
    [ -f "$deb" ] || { echo "SKIP: no $deb (tools/plexus debs builds the packages)"; exit 77; }
done
packages=(plexus plexusctl plexus-helper)
within() { # within SECONDS CONDITION: until the shell condition holds
    local deadline=$((SECONDS + $1))
    until eval "$2"; do [ $SECONDS -lt $deadline ] || return 1; sleep 0.5; done
}
activatable() { # can the system bus start the helper?
    dbus-send --system --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.ListActivatableNames | grep -c '"org.plexus.Helper1"' >/dev/null
}

step "nothing of Plexus is installed"
for f in /usr/libexec/plexus-helper /usr/share/dbus-1/system-services/org.plexus.Helper1.service \
         /usr/share/polkit-1/actions/org.plexus.policy /usr/bin/plexusctl /usr/share/knotifications6/plexus.notifyrc; do
    [ ! -e "$f" ] || fail "$f exists before the packages are installed"
done
! activatable || fail "the bus can start org.plexus.Helper1 before the packages are installed"

step "dpkg -i ${debs[*]##*/}"
dpkg -i "${debs[@]}" || fail "dpkg could not install the packages"
for p in "${packages[@]}"; do
    [ "$(dpkg-query -W -f '${db:Status-Status}' "$p")" = installed ] || fail "$p is not installed"
done
within 10 activatable || fail "the bus did not pick up the installed org.plexus.Helper1.service"
# Without it KNotification shows nothing: plexus --monitor would fail silently.
[ -f /usr/share/knotifications6/plexus.notifyrc ] || fail "plexus did not install its notification events"

# Root may change arrays here: the guest has no password agent to ask.
cat > /etc/polkit-1/rules.d/50-plexus-test.rules <<'EOF2'
polkit.addRule(function(action, subject) {
    if (action.id.indexOf("org.plexus.") == 0 && subject.user == "root")
        return polkit.Result.YES;
    return polkit.Result.NOT_HANDLED;
});
EOF2
sleep 1 # polkitd reads new rules by inotify

step "/usr/bin/plexusctl --version and create /dev/md0 through the activated helper"
[ "$(/usr/bin/plexusctl --version)" = "plexusctl $version" ] || fail "the installed plexusctl is not version $version"
/usr/bin/plexusctl create /dev/md0 --level 1 /dev/vda /dev/vdb || fail "plexusctl create failed"
grep -q '^md0 : active raid1' /proc/mdstat || { cat /proc/mdstat; fail "md0 is not an active RAID-1"; }
mkfs.ext4 -q /dev/md0 && mkdir -p /mnt/md0 && mount /dev/md0 /mnt/md0 || fail "md0 does not take a filesystem"
dd if=/dev/urandom of=/mnt/md0/data bs=1M count=8 status=none && sync
sum=$(sha256sum < /mnt/md0/data)
umount /mnt/md0
helper=$(pgrep -x plexus-helper | head -n1)
[ -n "$helper" ] || fail "no plexus-helper runs after the call"
[ "$(readlink "/proc/$helper/exe")" = /usr/libexec/plexus-helper ] \
    || fail "the bus started $(readlink "/proc/$helper/exe"), not the installed /usr/libexec/plexus-helper"
echo "ok: the bus started /usr/libexec/plexus-helper (pid $helper)"
/usr/bin/plexusctl stop /dev/md0 || fail "plexusctl stop failed"
[ ! -e /sys/block/md0/md ] || fail "md0 still runs"
mdadm --assemble /dev/md0 /dev/vda /dev/vdb >/dev/null 2>&1 || fail "md0 does not assemble after the stop"
mount -o ro /dev/md0 /mnt/md0 && [ "$(sha256sum < /mnt/md0/data)" = "$sum" ] || fail "the data on md0 changed"
umount /mnt/md0
echo "ok: the data written on md0 reads back the same after the helper stopped it"

step "the installed window replaces vdb in md0 with vdc, driven through AT-SPI"
echo 200000 > /proc/sys/dev/raid/speed_limit_min # 128 MiB: the copy takes seconds
Xvfb :7 -screen 0 1280x900x24 -nolisten tcp >/run/xvfb.log 2>&1 &
within 30 '[ -S /tmp/.X11-unix/X7 ]' || fail "Xvfb did not start: $(cat /run/xvfb.log)"
DBUS_SESSION_BUS_ADDRESS=$(dbus-daemon --session --fork --print-address) || fail "no session bus"
export DBUS_SESSION_BUS_ADDRESS DISPLAY=:7 QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1
/usr/bin/plexus --select md0/vdb --replace >/run/plexus-window.log 2>&1 &
window=$!
atspi() {
    python3 "$(dirname "$0")/atspi.py" plexus "$@" && return
    echo "--- the window's output:"; cat /run/plexus-window.log
    fail "the window did not offer: $*"
}
# The member slots and disk areas are accessible children (ui/painteditems.h).
atspi wait "list item" vdb --description "slot 1, in sync"
atspi wait "list item" vdb --description "md0 member"
atspi select "list item" "vdc "
atspi press button "Continue"
atspi press "check box" "Everything on this device will be lost"
atspi press button "Run"
atspi wait label "Done." --timeout 300
# What a screen reader hears of md0's card now: vdc in vdb's slot.
atspi wait "list item" vdc --description "slot 1, in sync"
[ "$(readlink /proc/$window/exe)" = /usr/bin/plexus ] || fail "the window was $(readlink /proc/$window/exe), not the installed /usr/bin/plexus"
within 30 '[ "$(mdstat_members md0)" = "vda vdc" ]' || { cat /proc/mdstat; fail "md0 is not vda and vdc after the replace"; }
mount -o ro /dev/md0 /mnt/md0 && [ "$(sha256sum < /mnt/md0/data)" = "$sum" ] || fail "the data on md0 changed in the replace"
umount /mnt/md0
kill "$window"; wait "$window" 2>/dev/null || true
mdadm --stop /dev/md0 >/dev/null
echo "ok: the installed window replaced vdb with vdc; the data reads back the same"

step "dpkg --purge ${packages[*]}"
files=$(dpkg -L "${packages[@]}" | sort -u)
pkill -x plexus-helper || true # an idle helper would exit by itself within a minute
dpkg --purge "${packages[@]}" || fail "dpkg could not purge the packages"
left=$(while read -r f; do if [ -e "$f" ] && [ ! -d "$f" ]; then echo "$f"; fi; done <<< "$files")
[ -z "$left" ] || fail "files left behind by the purge: $left"
within 10 '! activatable' || fail "the bus can still start org.plexus.Helper1 after the purge"
extra=$(find /var/lib/plexus -mindepth 1 ! -path '/var/lib/plexus/journal*' 2>/dev/null)
[ -z "$extra" ] || fail "left in /var/lib/plexus besides the journal: $extra"
ls /var/lib/plexus/journal/*.jsonl >/dev/null 2>&1 || fail "the journal of the jobs is gone"
echo "ok: purged; no file of the $(echo "$files" | wc -l) packaged paths left, the journal kept"

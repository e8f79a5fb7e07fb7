#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 1 --nvme-disks 2 --disk-size 64M
# cost: 70
# Drive health before md knows. A mirror of two NVMe disks
# (qemu's, whose health log is real) with checksummed data; the real udisksd
# reads their health. Without root, plexusctl shows each drive's health and the
# window (tests/vm/gui/tst_healthwindow.cpp) draws it. Then one drive raises a
# critical warning (qemu's smart_critical_warning, set through QMP, as a failing
# controller would): the monitors (a user's, and root's mailing one) tell it
# once, naming the drive and the mirror it puts at risk; the window shows it
# live; md still has both copies, and the data reads back the same.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"

fast_sync
as_user() { runuser -u plexususer -- "$@"; }
user_field() { # user_field EXPR: like field, from plexususer's plexusctl
    as_user plexusctl status --json | python3 -c '
import json, sys
s = json.load(sys.stdin)
def disk(n):
    for d in s["disks"]:
        if d["name"] == n: return d
    raise SystemExit("no disk " + n)
def arr(n):
    for a in s["arrays"]:
        if a["name"] == n: return a
    raise SystemExit("no array " + n)
v = eval(sys.argv[1])
print(json.dumps(v) if not isinstance(v, str) else v)' "$1"
}
# The kernel numbers NVMe controllers in probe order, which varies from boot to boot.
# (An if, not `test && basename`: a last non-matching disk would make the function,
# and so under set -e the whole test, fail without a word.)
by_serial() {
    local d
    for d in /sys/block/nvme*n1; do
        if [ "$(tr -d ' ' < "$d/device/serial")" = "$1" ]; then basename "$d"; fi
    done
}
disk1=$(by_serial PLXNVME1) disk2=$(by_serial PLXNVME2)
[ -n "$disk1" ] && [ -n "$disk2" ] || { ls -l /sys/block; fail "the two NVMe disks are not there"; }
drive2=$(udisksctl info -b "/dev/$disk2" | sed -n "s/^ *Drive: *'\(.*\)'/\1/p")
echo "NVMe disks: $disk1 (PLXNVME1), $disk2 (PLXNVME2, UDisks drive $drive2)"

step "each drive's health, as UDisks read it, for a user who is not root"
for d in "$disk1" "$disk2"; do
    is "$(user_field "disk('$d')['health']['kind']")" nvme "$d's health source"
    is "$(user_field "disk('$d')['health']['at_risk']")" false "$d at risk"
    is "$(user_field "disk('$d')['health']['critical_warnings']")" "[]" "$d's critical warnings"
    is "$(user_field "disk('$d')['health']['temperature_c'] > 0")" true "$d's temperature known"
    is "$(user_field "disk('$d')['health']['media_errors']")" 0 "$d's media errors"
done

step "locate: what is printed on the drive, and where it is plugged in (udev's own path)"
located=$(as_user plexusctl locate "$disk2")
echo "$located"
echo "$located" | grep -q "^  Serial number: PLXNVME2$" || fail "locate does not give $disk2's serial number"
path=$(udevadm info --query=property --name="/dev/$disk2" | sed -n 's/^ID_PATH=//p')
[ -n "$path" ] && [ -e "/dev/disk/by-path/$path" ] || fail "udev gives $disk2 no path"
echo "$located" | grep -qF "  Connected at: $path" || fail "locate does not give udev's path $path"
echo "$located" | grep -q "(the NVMe drive in the slot at PCI .* (namespace 1)" || fail "locate does not say where the NVMe drive sits"

step "md0, a mirror of both, with checksummed data"
create /dev/md0 --level=1 --raid-devices=2 "/dev/$disk1" "/dev/$disk2"
wait_idle md0
write_data /dev/md0
is "$(user_field "arr('md0')['disks_at_risk']")" "[]" "md0's disks at risk"

step "the monitors: plexususer's, and root's that mails (a sendmail stand-in)"
mkdir -p /tmp/mail
cat > /usr/sbin/sendmail <<'EOF2'
#!/bin/bash
file=$(mktemp /tmp/mail/XXXXXX); cat > "$file.part"; mv "$file.part" "$file.mail"; rm -f "$file"
EOF2
chmod 755 /usr/sbin/sendmail
as_user plexusctl monitor --json > /tmp/user-events.jsonl 2>/tmp/user-monitor.err &
user_monitor=$!
plexusctl monitor --json --mail root > /tmp/root-events.jsonl 2>/tmp/root-monitor.err &
root_monitor=$!
sleep 2

step "the window, as plexususer"
shots=/tmp/plexus-shots
mkdir -p "$shots" && chmod 777 "$shots"
install -d -m 700 -o plexususer /tmp/plexususer-runtime
as_user env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/plexususer-runtime PLEXUS_AT_RISK="$disk2" tst_healthwindow \
    > /tmp/window.log 2>&1 &
window=$!
for _ in $(seq 600); do [ -e "$shots/window-ready" ] || ! kill -0 $window 2>/dev/null && break; sleep 0.1; done
[ -e "$shots/window-ready" ] || { cat /tmp/window.log; fail "the window did not come up showing both drives healthy"; }

step "$disk2's controller raises a critical warning (reliability degraded)"
plexus-vm-disk qmp '{"execute":"qom-set","arguments":{"path":"/machine/peripheral/nvme2","property":"smart_critical_warning","value":4}}' >/dev/null
t0=$(date +%s%N)
# udisksd reads drive health every ten minutes; the test asks it now, as that poll would.
gdbus call --system --dest org.freedesktop.UDisks2 --object-path "$drive2" \
    --method org.freedesktop.UDisks2.NVMe.Controller.SmartUpdate '{}' >/dev/null
t1=$(date +%s%N)
for _ in $(seq 300); do grep -q '"drive-at-risk"' /tmp/user-events.jsonl && grep -q '"drive-at-risk"' /tmp/root-events.jsonl && break; sleep 0.05; done
t2=$(date +%s%N)
grep -q '"drive-at-risk"' /tmp/user-events.jsonl || { cat /tmp/user-events.jsonl /tmp/user-monitor.err; fail "plexususer's monitor did not tell of $disk2"; }
grep -q '"drive-at-risk"' /tmp/root-events.jsonl || { cat /tmp/root-events.jsonl /tmp/root-monitor.err; fail "root's monitor did not tell of $disk2"; }
echo "figures: UDisks read the drive in $(( (t1 - t0) / 1000000 )) ms; both monitors told it $(( (t2 - t1) / 1000000 )) ms later"

step "told once, naming the drive, the mirror and why"
event=$(grep '"drive-at-risk"' /tmp/user-events.jsonl)
echo "$event"
for want in "\"device\":\"$disk2\"" '"array":"md0"' '"urgency":"critical"' "\"summary\":\"$disk2 may fail soon\"" \
            '"health":"its reliability is degraded by media or internal errors"'; do
    echo "$event" | grep -qF "$want" || fail "the event lacks $want"
done
# UDisks reads it again, still warning: no second event.
gdbus call --system --dest org.freedesktop.UDisks2 --object-path "$drive2" \
    --method org.freedesktop.UDisks2.NVMe.Controller.SmartUpdate '{}' >/dev/null
sleep 1
is "$(grep -c '"drive-at-risk"' /tmp/user-events.jsonl)" 1 "drive-at-risk events after a second read"
is "$(ls /tmp/mail/*.mail 2>/dev/null | wc -l)" 1 "mails"
mail=$(cat /tmp/mail/*.mail)
echo "$mail" | grep -q "^Subject: .*$disk2 may fail soon" || { echo "$mail"; fail "the mail does not say $disk2 may fail soon"; }
echo "$mail" | grep -qF "md0 still has all its copies: replace $disk2 now" || { echo "$mail"; fail "the mail does not say what to do"; }
echo "ok: one mail, to root: $(echo "$mail" | grep '^Subject:')"

step "the window showed it live"
wait $window || { cat /tmp/window.log; fail "the window did not show $disk2 failing and md0 at risk"; }
mkdir -p "/src/${PLEXUS_BUILD_DIR:-build}/screenshots"
cp "$shots"/*.png "/src/${PLEXUS_BUILD_DIR:-build}/screenshots/"
echo "ok: the window showed $disk2 failing and md0 at risk"

step "md knows nothing yet: both copies, the data intact; plexusctl says md0 is at risk"
is "$(user_field "disk('$disk2')['health']['failing']")" true "$disk2 failing"
is "$(user_field "disk('$disk2')['health']['critical_warnings']")" '["degraded"]' "$disk2's critical warnings"
is "$(user_field "arr('md0')['disks_at_risk']")" "[\"$disk2\"]" "md0's disks at risk"
is "$(md_attr md0 degraded)" 0 "md0 degraded"
check_data /dev/md0
cross_check
kill $user_monitor $root_monitor 2>/dev/null || true

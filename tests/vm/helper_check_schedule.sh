#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --systemd --disks 2 --disk-size 64M
# cost: 60
# When the arrays are checked, changed through plexus-helper and read back from
# systemd itself (PID 1 here): a calendar of the user's, off, and back as mdadm
# ships it. Bad calendars, repeats and a user polkit does not allow are refused
# and change nothing; the data on the array reads back the same throughout.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
[ "${PLEXUS_VM_INIT:-}" = systemd ] || fail "this test needs systemd as PID 1 (run-vm --systemd)"
install_helper
fast_sync
timer=mdcheck_start.timer
calendar() { systemctl show "$timer" -p TimersCalendar --value; }
enabled() { systemctl is-enabled "$timer" 2>/dev/null || true; }
active() { systemctl is-active "$timer" 2>/dev/null || true; }
shown() { plexusctl status | sed -n 's/^Scheduled check: //p'; }

step "a mirror with data on it"
create /dev/md0 --level=1 --raid-devices=2 /dev/vda /dev/vdb
mkfs.ext4 -q /dev/md0 && mkdir -p /mnt/md0 && mount /dev/md0 /mnt/md0
write_files /mnt/md0 4
sum=$(files_sum /mnt/md0)
systemctl start mdmonitor.service 2>/dev/null || true    # as md's udev rule would; it wants the timer

step "as mdadm ships it"
is "$(enabled)" enabled "$timer at the start"
calendar | grep -q "OnCalendar=Sun \*-\*-01..07 01:00:00" || fail "the shipped calendar is not mdadm's: $(calendar)"
is "$(shown)" "the first Sunday of each month at 01:00 ($timer)" "plexusctl status's schedule"

step "every Saturday at 03:00"
ok check-schedule "Sat 03:00"
calendar | grep -q "OnCalendar=Sat \*-\*-\* 03:00:00" || fail "systemd's calendar after the change: $(calendar)"
calendar | grep -vq "Sun" || fail "the shipped calendar is still there beside the new one: $(calendar)"
is "$(active)" active "$timer after the change"
next=$(systemctl show "$timer" -p NextElapseUSecRealtime --value)
echo "next check: $next"
is "$(shown)" "every Saturday at 03:00 ($timer)" "plexusctl status's schedule"

step "refused, and nothing changed"
refused 1 Invalid "systemd does not understand the calendar 'Funday 25:00'" -- check-schedule "Funday 25:00"
refused 1 Invalid "is not a calendar" -- check-schedule "$(printf 'Sun 01:00\nOnCalendar=minutely')"
refused 1 Invalid "already checked every Saturday at 03:00" -- check-schedule "Sat 03:00"
dbus_refused Invalid "is not a calendar" -- --method org.plexus.Helper1.SetCheckSchedule "%h 01:00" "{}"
before=$(fingerprint)
set +e
out=$(runuser -u plexususer -- plexusctl check-schedule off 2>&1)
rc=$?
set -e
# The test's rules ask plexususer to authenticate for org.plexus.array.scrub; no agent answers.
is "$rc" 4 "plexususer's check-schedule (authentication needed, no agent): exit status"
echo "$out" | grep -q "^plexusctl: Dismissed: " || { echo "$out"; fail "plexususer's change was not refused by polkit"; }
[ "$before" = "$(fingerprint)" ] || fail "plexususer's refused change changed the machine"
echo "ok: plexususer refused (exit $rc): ${out#plexusctl: }"
calendar | grep -q "OnCalendar=Sat \*-\*-\* 03:00:00" || fail "the refusals changed systemd's calendar: $(calendar)"

step "off"
ok check-schedule off
is "$(enabled)" disabled "$timer after off"
is "$(active)" inactive "$timer after off"
is "$(shown)" "never ($timer is not enabled)" "plexusctl status's schedule"
refused 1 Invalid "already not checked on a schedule" -- check-schedule off

step "back as mdadm ships it"
ok check-schedule default
[ ! -e /etc/systemd/system/$timer.d/90-plexus-schedule.conf ] || fail "Plexus's drop-in is still there"
is "$(enabled)" enabled "$timer after default"
is "$(active)" active "$timer after default"
calendar | grep -q "OnCalendar=Sun \*-\*-01..07 01:00:00" || fail "the calendar is not mdadm's again: $(calendar)"

step "the data"
is "$(files_sum /mnt/md0)" "$sum" "the files on md0"
umount /mnt/md0
echo "refusals checked: $REFUSALS"
echo PASS

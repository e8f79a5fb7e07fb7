#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 3 --disk-size 128M
# plexusctl monitor turns real kernel changes into typed events, at once, and
# sleeps while nothing happens (no spinning after a member is removed).
. "$(dirname "$0")/lib.sh"

events=/tmp/events.jsonl
fast_sync
create /dev/md0 --level=1 --raid-devices=2 /dev/vda /dev/vdb
wait_until 120 "arr('md0')['sync']" null

plexusctl monitor --json > "$events" 2>/tmp/monitor.err &
monitor=$!
sleep 2

# wait_event KIND [FIELD=VALUE]: until a line with that event (and field) is printed.
wait_event() {
    local deadline=$((SECONDS + 20))
    while [ $SECONDS -lt $deadline ]; do
        python3 - "$events" "$@" <<'PY' && return 0
import json, sys
path, kind, *conds = sys.argv[1:]
for line in open(path):
    e = json.loads(line)
    if e["event"] == kind and all(str(e.get(k)) == v for k, v in (c.split("=", 1) for c in conds)):
        print("ok: event", line.strip()); sys.exit(0)
sys.exit(1)
PY
        sleep 0.2
    done
    cat "$events"; cat /tmp/monitor.err
    fail "no '$*' event within 20 s"
}

cpu_ticks() { awk '{print $14 + $15}' /proc/$monitor/stat; }

step "fail a member"
mdadm /dev/md0 --fail /dev/vdb
wait_event member-failed array=md0 device=vdb urgency=critical
wait_event array-degraded array=md0

step "remove it: the monitor must not spin on the vanished dev-vdb/state"
mdadm /dev/md0 --remove /dev/vdb
wait_event member-removed array=md0 device=vdb
before=$(cpu_ticks); sleep 5; after=$(cpu_ticks)
echo "monitor CPU over 5 idle s: $((after - before)) ticks"
[ $((after - before)) -le 5 ] || fail "the monitor used $((after - before)) ticks while idle"

step "add a disk back: recovery starts and finishes"
slow_sync 20000
mdadm /dev/md0 --add /dev/vdc
wait_event member-added device=vdc
wait_event sync-started action=recovery
fast_sync
wait_event sync-finished action=recovery
wait_event array-recovered array=md0

step "a disk pulled out of the machine"
plexus-vm-disk unplug vda
dd if=/dev/zero of=/dev/md0 bs=64k count=4 oflag=direct 2>/dev/null || true
wait_event disk-removed device=vda

step "stopping the array"
mdadm --stop /dev/md0 >/dev/null 2>&1 || true
wait_event array-stopped array=md0
before=$(cpu_ticks); sleep 5; after=$(cpu_ticks)
echo "monitor CPU over 5 idle s after stop: $((after - before)) ticks"
[ $((after - before)) -le 5 ] || fail "the monitor used $((after - before)) ticks while idle"
kill $monitor
echo PASS

#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# The guest half of tools/bench/monitor (runs as root in the VM). md0 is a RAID-1
# of vda and vdb with an internal bitmap, so a failed member comes back with a
# quick --re-add between trials. A fake notification daemon on a private session
# bus (plexus-test-notifications) logs each Notify with its CLOCK_REALTIME receive
# time; the failure's time is $EPOCHREALTIME (same clock) just before it is made:
#   faulty   "faulty" written to md/dev-vdb/state: the kernel's own speed
#   fail     mdadm --fail: what a person or a script does (includes mdadm's start-up)
#   unplug   the disk pulled out through QMP (plexus-vm-disk unplug returns once the
#            kernel dropped it), then a write to md0 in case md waits for I/O to
#            notice; the time runs from the unplug request
# Then the monitor's CPU time and wake-ups (voluntary context switches of all its
# threads) over IDLE seconds; then the faulty write and the unplug for
# `mdadm --monitor --scan --program=LOGGER` at its default settings (delay 60 s).
# A failure nobody was told about within the wait counts as missed, and is said;
# a critical Notify that does not name the failed device and md0 does not count.
# udisksd's own word on each faulty write and mdadm --fail (the MDRaid object's
# Degraded property changing, seen by gdbus monitor) is timed on the same clock.
# A large machine (ARRAYS=N > 1, the virtio-scsi disks of run-vm --scsi-disks):
# md1... are RAID-1 pairs of them beside md0, made --assume-clean (nothing to
# sync), and every failure is md0's: one array among all of them.
set -euo pipefail
. /src/tests/vm/lib.sh

trials=${TRIALS:-20}
unplug_trials=${UNPLUG_TRIALS:-3}
mdadm_trials=${MDADM_TRIALS:-3}     # up to 60 s each: see below
idle=${IDLE:-60}
arrays=${ARRAYS:-1}
export QT_QPA_PLATFORM=offscreen
udisks_log=/tmp/udisks.log
log=/tmp/notify.jsonl
mdlog=/tmp/mdadm-events.log
second=vdb          # md0's second member; a new name after each unplug

fast_sync
create /dev/md0 --level=1 --raid-devices=2 --bitmap=internal /dev/vda /dev/vdb
wait_until 120 "arr('md0')['sync']" null
if [ "$arrays" -gt 1 ]; then
    scsi=($(ls /sys/block | grep '^sd'))    # no /dev/fd in the VM: no mapfile < <(...)
    [ ${#scsi[@]} -ge $((2 * (arrays - 1))) ] || fail "${#scsi[@]} SCSI disks, too few for $((arrays - 1)) more arrays"
    for k in $(seq 1 $((arrays - 1))); do
        mdadm --create "/dev/md$k" --run --quiet --level=1 --raid-devices=2 --assume-clean --bitmap=none \
            "/dev/${scsi[2 * k - 2]}" "/dev/${scsi[2 * k - 1]}" || fail "cannot create md$k"
    done
    udevadm settle --timeout=120 || true
fi
echo "md0 among $arrays array(s) on $(ls /sys/block | grep -c -E '^(vd|sd)') disks"

# udisksd's MDRaid object for md0, and every change of its properties, timed.
: > "$udisks_log"
md0_object=$(gdbus call --system --dest org.freedesktop.UDisks2 --object-path /org/freedesktop/UDisks2/block_devices/md0 \
    --method org.freedesktop.DBus.Properties.Get org.freedesktop.UDisks2.Block MDRaid | sed -n "s/.*objectpath '\([^']*\)'.*/\1/p")
[ -n "$md0_object" ] && [ "$md0_object" != / ] || fail "udisksd has no MDRaid object for md0"
gdbus monitor --system --dest org.freedesktop.UDisks2 --object-path "$md0_object" \
    | while IFS= read -r line; do echo "$EPOCHREALTIME $line"; done >> "$udisks_log" &
udisks_watch=$!

dbus-daemon --session --fork --print-address=1 --print-pid=1 > /tmp/session-bus
DBUS_SESSION_BUS_ADDRESS=$(sed -n 1p /tmp/session-bus)
export DBUS_SESSION_BUS_ADDRESS
pids=("$(sed -n 2p /tmp/session-bus)" "$udisks_watch")
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
: > "$log"
plexus-test-notifications --log "$log" --ready-file /tmp/notify.ready 2>/dev/null &
pids+=($!)
for _ in $(seq 100); do [ -e /tmp/notify.ready ] && break; sleep 0.1; done

count() { wc -l < "$log"; }
# first_after FILE FROM KIND: the receive time (ms) of the first line after line FROM
# that KIND matches: critical / normal Notify in the JSON log, Degraded (not 0) in
# udisks', or one of the words KIND ("Fail|FailSpare") in mdadm's. A Notify that does not name the failed device
# ($second) and md0 in its summary or body is counted in /tmp/unnamed, not taken.
first_after() {
    python3 - "$@" "$second" <<'PY'
import json, re, sys
path, start, kind, device = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
for number, line in enumerate(open(path).read().splitlines()[start:], start):
    if path.endswith(".jsonl"):
        n = json.loads(line)
        if n["urgency"] == {"critical": 2, "normal": 1}[kind]:
            words = n["summary"] + " " + n["body"]
            if device in words and "md0" in words:
                print(n["t_ms"]); sys.exit(0)
            with open("/tmp/unnamed", "a") as f:
                f.write("%d\t%s\n" % (number, words.replace("\n", " ")))  # polled again and again: one line each
    elif kind == "Degraded":
        if re.search(r"'Degraded': <uint32 [1-9]", line):
            print(float(line.split()[0]) * 1000); sys.exit(0)
    elif line.split()[1] in kind.split("|"):
        print(float(line.split()[0]) * 1000); sys.exit(0)
sys.exit(1)
PY
}
# wait_for FILE FROM KIND SECONDS: prints the time, or nothing after SECONDS.
wait_for() {
    local deadline=$((SECONDS + $4)) t
    while [ $SECONDS -lt $deadline ]; do
        if t=$(first_after "$1" "$2" "$3"); then echo "$t"; return 0; fi
        sleep 0.02
    done
    return 1
}
lines() { wc -l < "$1"; }
ms() { python3 -c 'import sys; print("%.0f" % (float(sys.argv[1]) - float(sys.argv[2]) * 1000))' "$1" "$2"; }
stats() { # stats NAME MISSED MS...: "median X ms, worst Y ms, best Z ms over N trials, M missed"
    local name=$1 missed=$2; shift 2
    python3 - "$name" "$missed" "$@" <<'PY'
import statistics, sys
name, missed, xs = sys.argv[1], int(sys.argv[2]), sorted(float(x) for x in sys.argv[3:])
# A miss is a failure nobody was told about within the wait: worse than any figure.
tail = ", %d missed (not told within the wait)" % missed if missed else ", none missed"
if not xs:
    print("%s: no notification in %d trials" % (name, missed)); sys.exit(0)
print("%s: median %.0f ms, worst %.0f ms, best %.0f ms over %d trials%s" % (name, statistics.median(xs), xs[-1], xs[0], len(xs) + missed, tail))
PY
}
median() { python3 -c 'import statistics, sys; xs = [float(x) for x in sys.argv[1:]]; print("%.0f" % statistics.median(xs) if xs else "n/a")' "$@"; }
worst() { python3 -c 'import sys; xs = [float(x) for x in sys.argv[1:]]; print("%.0f" % max(xs) if xs else "n/a")' "$@"; }

# Whole again: both slots working and no recovery running.
whole() { [ "$(cat /sys/block/md0/md/degraded)" = 0 ] && [ "$(cat /sys/block/md0/md/sync_action)" = idle ]; }
wait_whole() {
    local deadline=$((SECONDS + 120))
    until whole; do
        [ $SECONDS -lt $deadline ] || { cat /proc/mdstat; fail "md0 did not become whole again"; }
        sleep 0.05
    done
}
# restore FILE: the failed member back in (re-add: the bitmap makes it quick), then
# until md0 is whole and the watcher has said so (FILE quiet for a moment).
restore() {
    mdadm /dev/md0 --remove "/dev/$second" >/dev/null 2>&1
    mdadm /dev/md0 --re-add "/dev/$second" >/dev/null 2>&1 || mdadm /dev/md0 --add "/dev/$second" >/dev/null
    wait_whole
    settle "$1"
}
# After an unplug: the gone member out of md0, a new blank disk in its place
# (it becomes $second), until md0 is whole again.
replug() {
    mdadm /dev/md0 --remove failed >/dev/null 2>&1 || mdadm /dev/md0 --remove detached >/dev/null 2>&1 || true
    second=$(plexus-vm-disk plug 64M)
    mdadm /dev/md0 --add "/dev/$second" >/dev/null
    wait_whole
}
# Until udev and udisksd are done with the last change and FILE is quiet: the
# next trial then measures the monitor, not a CPU shared with them.
settle() {
    udevadm settle --timeout=30 || true
    sleep 0.5
    quiet "$1"
}
quiet() { # until FILE has not grown for 0.5 s
    local n=-1
    while [ "$n" != "$(lines "$1")" ]; do n=$(lines "$1"); sleep 0.5; done
}
fail_member() { # fail_member faulty|fail
    case "$1" in
        faulty) echo faulty > "/sys/block/md0/md/dev-$second/state";;
        fail) mdadm /dev/md0 --fail "/dev/$second" >/dev/null 2>&1;;
    esac
}
# failure FILE KIND WAY: one trial, prints the latency in ms, then udisksd's for the
# same failure ("-" when it said nothing within 10 s; not waited for with mdadm's).
failure() {
    local from ufrom t0 t u=-
    from=$(lines "$1")
    ufrom=$(lines "$udisks_log")
    t0=$EPOCHREALTIME
    fail_member "$3"
    t=$(wait_for "$1" "$from" "$2" 75) || { echo "no $2 after $3" >&2; restore "$1"; return 1; }
    if [ "$2" = critical ]; then
        if u=$(wait_for "$udisks_log" "$ufrom" Degraded 10); then u=$(ms "$u" "$t0"); else u=-; fi
    fi
    echo "$(ms "$t" "$t0") $u"
    restore "$1"
}
idle_cost() { # idle_cost PID: "TICKS WAKEUPS" over $idle seconds
    local pid=$1 c0 c1 w0 w1
    sleep 2
    c0=$(awk '{print $14 + $15}' /proc/$pid/stat)
    w0=$(cat /proc/$pid/task/*/status | awk '/^voluntary_ctxt_switches/ {n += $2} END {print n}')
    sleep "$idle"
    c1=$(awk '{print $14 + $15}' /proc/$pid/stat)
    w1=$(cat /proc/$pid/task/*/status | awk '/^voluntary_ctxt_switches/ {n += $2} END {print n}')
    echo "$((c1 - c0)) $((w1 - w0))"
}

echo "--- plexus --monitor"
# What each change made it read (plexus.storage debug lines), summed up in the results.
QT_LOGGING_RULES=plexus.storage.debug=true plexus --monitor >/tmp/monitor.out 2>&1 &
monitor=$!
pids+=($monitor)
for _ in $(seq 200); do
    ls -l /proc/$monitor/fd 2>/dev/null | grep "md0/md/dev-$second/state" >/dev/null && break
    sleep 0.1
done
sleep 1

faulty=() fail=() unplug=() udisks=()
faulty_missed=0 fail_missed=0 unplug_missed=0 udisks_missed=0
busy0=$(awk '{print $14 + $15}' /proc/$monitor/stat)
: > /tmp/unnamed
for i in $(seq "$trials"); do
    a=$(failure "$log" critical faulty) || a=
    b=$(failure "$log" critical fail) || b=
    read -r a ua <<< "$a"
    read -r b ub <<< "$b"
    if [ -n "$a" ]; then faulty+=("$a"); else faulty_missed=$((faulty_missed + 1)); fi
    if [ -n "$b" ]; then fail+=("$b"); else fail_missed=$((fail_missed + 1)); fi
    for u in ${a:+"$ua"} ${b:+"$ub"}; do
        if [ "$u" = - ]; then udisks_missed=$((udisks_missed + 1)); else udisks+=("$u"); fi
    done
    echo "trial $i: faulty write ${a:-missed} ms, mdadm --fail ${b:-missed} ms; udisksd's Degraded ${ua:--} ms, ${ub:--} ms"
done

for i in $(seq "$unplug_trials"); do
    from=$(count)
    t0=$EPOCHREALTIME
    plexus-vm-disk unplug "$second"
    t1=$EPOCHREALTIME
    dd if=/dev/zero of=/dev/md0 bs=64k count=4 oflag=direct 2>/dev/null || true
    u=
    if t=$(wait_for "$log" "$from" critical 60); then u=$(ms "$t" "$t0"); unplug+=("$u"); else unplug_missed=$((unplug_missed + 1)); fi
    sleep 1
    gone=$(python3 -c 'import sys; print(round((float(sys.argv[2]) - float(sys.argv[1])) * 1000))' "$t0" "$t1")
    echo "unplug $i: ${u:-missed} ms after the unplug request (the disk was gone after $gone ms); $(( $(count) - from )) Notify call(s)"
    replug
    settle "$log"
done

busy1=$(awk '{print $14 + $15}' /proc/$monitor/stat)
failures=$((2 * trials + unplug_trials))
echo "idle for $idle s..."
cost=$(idle_cost "$monitor")   # no /dev/fd in the VM: no <(...)
read -r ticks wakeups <<< "$cost"
echo "plexus --monitor idle: $ticks CPU ticks (1/$(getconf CLK_TCK) s), $wakeups wake-ups in $idle s"
notifies=$(count)
kill "$monitor"

echo "--- mdadm --monitor --scan (default delay)"
# mdadm 4.4 waits for udev events on block devices, or its delay (60 s): a member
# failing makes no uevent, so it notices at its next tick. It also reports a Fail
# only against the state it saw last: a member failing again after a --re-add it
# slept through goes unreported. So each trial starts a fresh mdadm --monitor and
# fails the member a random 2-40 s later (where in the tick a failure lands is chance).
cat > /tmp/mdadm-logger <<'SH'
#!/bin/bash
echo "$EPOCHREALTIME $*" >> /tmp/mdadm-events.log
SH
chmod +x /tmp/mdadm-logger
mdadm_faulty=() mdadm_missed=0
for i in $(seq "$mdadm_trials"); do
    : > "$mdlog"
    mdadm --monitor --scan --program=/tmp/mdadm-logger >/tmp/mdadm-monitor.out 2>&1 &
    mdmon=$!
    sleep $((2 + RANDOM % 39))
    a=$(failure "$mdlog" Fail faulty) || a=
    a=${a%% *}
    kill "$mdmon"; wait "$mdmon" 2>/dev/null || true
    if [ -n "$a" ]; then mdadm_faulty+=("$a"); else mdadm_missed=$((mdadm_missed + 1)); fi
    echo "mdadm trial $i: faulty write ${a:-missed} ms"
done

# A hot-unplug makes a uevent, which mdadm 4.4 wakes on (it does not wait for its
# tick): Fail, or DeviceDisappeared, whichever it says first.
mdadm_unplug=() mdadm_unplug_missed=0
for i in $(seq "$unplug_trials"); do
    : > "$mdlog"
    mdadm --monitor --scan --program=/tmp/mdadm-logger >/tmp/mdadm-monitor.out 2>&1 &
    mdmon=$!
    sleep 3
    t0=$EPOCHREALTIME
    plexus-vm-disk unplug "$second"
    dd if=/dev/zero of=/dev/md0 bs=64k count=4 oflag=direct 2>/dev/null || true
    u=
    if t=$(wait_for "$mdlog" 0 "Fail|DeviceDisappeared|DegradedArray" 75); then u=$(ms "$t" "$t0"); mdadm_unplug+=("$u")
    else mdadm_unplug_missed=$((mdadm_unplug_missed + 1)); fi
    kill "$mdmon"; wait "$mdmon" 2>/dev/null || true
    echo "mdadm unplug $i: ${u:-missed} ms after the unplug request ($(cut -d' ' -f2 "$mdlog" | paste -sd, -))"
    replug
done

echo "--- results: md0 among $arrays array(s)"
stats "plexus --monitor, faulty write" "$faulty_missed" "${faulty[@]}"
stats "plexus --monitor, mdadm --fail" "$fail_missed" "${fail[@]}"
stats "plexus --monitor, unplug (from the request)" "$unplug_missed" "${unplug[@]}"
stats "udisksd, MDRaid Degraded property (same failures)" "$udisks_missed" "${udisks[@]}"
stats "mdadm --monitor, faulty write" "$mdadm_missed" "${mdadm_faulty[@]}"
stats "mdadm --monitor, unplug (from the request)" "$mdadm_unplug_missed" "${mdadm_unplug[@]}"
echo "what the monitor read on each change: $(sed -n 's/.*read \(.*\) in [0-9]* ms.*/\1/p' /tmp/monitor.out | sort | uniq -c | sort -rn | head -n 4 | awk '{n = $1; $1 = ""; printf "%s%s %d times", sep, $0, n; sep = ","}'); median $(median $(sed -n 's/.* in \([0-9]*\) ms, .*/\1/p' /tmp/monitor.out)) ms per read"
echo "Notify calls in all: $notifies for $((2 * trials + unplug_trials)) failures and their rebuilds"
echo "critical Notify calls that did not name the failed device and md0: $(sort -u /tmp/unnamed | wc -l)$(sort -u /tmp/unnamed | cut -f2 | sed 's/^/\n  /' | head -n 6)"
echo "idle $idle s: plexus --monitor $ticks CPU ticks, $wakeups wake-ups"
echo "plexus --monitor CPU over the failures: $((busy1 - busy0)) ticks of 1/$(getconf CLK_TCK) s for $failures failures and their rebuilds, $(( (busy1 - busy0) * 1000 / $(getconf CLK_TCK) / failures )) ms each"
echo "monitor: $arrays array(s): median $(median "${faulty[@]}") ms, worst $(worst "${faulty[@]}") ms over $((${#faulty[@]} + faulty_missed)) trials, $faulty_missed missed; idle wake-ups $wakeups in $idle s; mdadm --monitor median $(median "${mdadm_faulty[@]}") ms (faulty write), $(median "${mdadm_unplug[@]}") ms (unplug); udisksd median $(median "${udisks[@]}") ms, $udisks_missed missed"

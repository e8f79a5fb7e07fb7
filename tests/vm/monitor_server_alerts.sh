#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 3 --disk-size 64M
# cost: 110
# A server with nobody logged in: plexus-monitor.service's command line, run as
# the unit runs it, beside mdadm --monitor. A member fails: one mail from each,
# handed to a sendmail stand-in (the time from the failure to each mail is
# printed side by side), mdadm.conf's PROGRAM called by Plexus with the very
# arguments mdadm gives it, and the history in the real systemd-journald,
# searchable by array and by MESSAGE_ID, and read back by plexusctl history.
# Good news is journaled, not mailed; the helper's jobs are journaled too.
# Checksummed data on the array reads back the same at the end.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"

fast_sync

step "refused: --journal on a machine without a journal (nothing is started)"
set +e
out=$(timeout 10 plexusctl monitor --journal 2>&1); rc=$?
set -e
[ "$rc" = 2 ] || fail "plexusctl monitor --journal without journald exited $rc: $out"
echo "$out" | grep -q "no system journal on this machine" || fail "no plain refusal: $out"
echo "ok: refused with: $out"

step "systemd-journald, as on any systemd machine"
# Without systemd as PID 1 here, journald needs the cgroup tree mounted, or it exits.
mkdir -p /run/systemd/journal /run/log/journal
mountpoint -q /sys/fs/cgroup || mount -t cgroup2 cgroup2 /sys/fs/cgroup
/usr/lib/systemd/systemd-journald >>/run/journald.log 2>&1 &
for _ in $(seq 100); do echo up | systemd-cat -t plexus-test 2>/dev/null && break; sleep 0.1; done
echo up | systemd-cat -t plexus-test || { cat /run/journald.log; fail "systemd-journald did not start"; }

step "the mirror, made through plexus-helper (its job goes into the history too)"
install_helper
ok create /dev/md0 --level 1 /dev/vda /dev/vdb
wait_idle md0
write_data /dev/md0

step "a sendmail stand-in, and mdadm.conf's MAILADDR, MAILFROM and PROGRAM"
mkdir -p /tmp/mail /tmp/program
cat > /usr/sbin/sendmail <<'EOF'
#!/bin/bash
# Each message into /tmp/mail, with when it was handed over and how.
arrived=$(date +%s.%N)
file=$(mktemp /tmp/mail/XXXXXX)
{ echo "X-Arrived: $arrived"; echo "X-Sendmail-Args: $*"; cat; } > "$file.part"
mv "$file.part" "$file.mail"; rm -f "$file"
EOF
chmod 755 /usr/sbin/sendmail
# The program mdadm.conf names: one line per call, "WHO ARGS"; only Plexus sets PLEXUS_EVENT.
cat > /tmp/program/raid-event <<'EOF'
#!/bin/bash
who=mdadm; [ -z "${PLEXUS_EVENT:-}" ] || who=plexus
echo "$who $*" >> /tmp/program/calls
EOF
chmod 755 /tmp/program/raid-event
mkdir -p /etc/mdadm
cat > /etc/mdadm/mdadm.conf <<'EOF'
HOMEHOST <system>
MAILADDR root
MAILFROM raid-watch@example.org
PROGRAM /tmp/program/raid-event
EOF

step "plexus-monitor.service's command line, and mdadm --monitor beside it"
unit=/src/app/plexusctl/data/plexus-monitor.service
command=$(sed -n 's/^ExecStart=@PLEXUSCTL_EXEC@ //p' "$unit")
[ -n "$command" ] || fail "no ExecStart in $unit"
echo "plexusctl $command"
# shellcheck disable=SC2086 # the unit's words, split as systemd splits them
plexusctl $command > /tmp/plexus-monitor.out 2>&1 &
plexus_monitor=$!
mdadm --monitor --scan > /tmp/mdadm-monitor.out 2>&1 &
mdadm_monitor=$!
for _ in $(seq 100); do grep -q "^alerts go to" /tmp/plexus-monitor.out && break; sleep 0.1; done
cat /tmp/plexus-monitor.out
grep -q "^alerts go to the system journal; mail to root; /tmp/program/raid-event (mdadm's event names)$" /tmp/plexus-monitor.out ||
    fail "the monitor does not say it alerts through the journal, mail and mdadm.conf's PROGRAM"
sleep 2   # mdadm --monitor reads the arrays once before it waits

step "a member fails"
t0=$(date +%s.%N)
mdadm /dev/md0 --fail /dev/vdb >/dev/null
mail_from() { grep -l "$1" /tmp/mail/*.mail 2>/dev/null || true; }
# mdadm --monitor at its defaults notices a failure at its next poll, up to 60 s on.
deadline=$((SECONDS + 75))
while [ $SECONDS -lt $deadline ]; do
    [ -n "$(mail_from '^Subject: Plexus on')" ] && [ -n "$(mail_from '^Subject: Fail event')" ] && break
    sleep 0.1
done
ours=$(mail_from '^Subject: Plexus on')
theirs=$(mail_from '^Subject: Fail event')
[ -n "$ours" ] || { ls -l /tmp/mail; cat /tmp/plexus-monitor.out; fail "Plexus mailed nothing within 75 s"; }
[ "$(echo "$ours" | wc -l)" = 1 ] || fail "Plexus sent $(echo "$ours" | wc -l) mails for one failure"
cat "$ours"
delay() { awk -v a="$(sed -n 's/^X-Arrived: //p' "$1")" -v b="$t0" 'BEGIN { printf "%d ms", (a - b) * 1000 }'; }
echo "failed at $(date -d @"$t0" +%T.%N); the monitor printed:"; tail -n +3 /tmp/plexus-monitor.out
mdadm_delay="sent none within 75 s"
[ -z "$theirs" ] || mdadm_delay=$(delay "$theirs")
echo "failure (from mdadm --fail) to mail handed to sendmail: plexusctl monitor $(delay "$ours"), mdadm --monitor $mdadm_delay"
grep -q "^X-Sendmail-Args: -t$" "$ours" || fail "sendmail was not run as sendmail -t"
grep -q "^To: root$" "$ours" || fail "the mail is not to MAILADDR"
grep -q "^From: raid-watch@example.org$" "$ours" || fail "the mail is not from MAILFROM"
grep -q "^Subject: Plexus on .*: vdb failed in md0 (and 1 more)$" "$ours" || fail "the subject does not say vdb failed in md0"
grep -q "md0 is degraded" "$ours" || fail "the mail does not say md0 is degraded"
grep -q "vdb\[1\](F)" "$ours" || fail "the mail does not quote /proc/mdstat with vdb faulty"

step "mdadm.conf's PROGRAM: called by Plexus as mdadm calls it"
for _ in $(seq 50); do grep -q "^plexus Fail" /tmp/program/calls 2>/dev/null && grep -q "^mdadm Fail" /tmp/program/calls && break; sleep 0.1; done
cat /tmp/program/calls
grep -qx "plexus Fail /dev/md0 /dev/vdb" /tmp/program/calls || fail "Plexus did not run PROGRAM Fail /dev/md0 /dev/vdb"
grep -qx "plexus DegradedArray /dev/md0" /tmp/program/calls || fail "Plexus did not run PROGRAM DegradedArray /dev/md0"
if grep -q "^mdadm Fail" /tmp/program/calls; then
    [ "$(grep '^mdadm Fail' /tmp/program/calls | cut -d' ' -f2-)" = "Fail /dev/md0 /dev/vdb" ] ||
        fail "mdadm and Plexus call PROGRAM differently for the same failure"
    echo "ok: the same arguments as mdadm's"
fi

step "good news goes to the journal, not the mailbox"
mdadm /dev/md0 --remove /dev/vdb >/dev/null
mdadm /dev/md0 --add /dev/vdc >/dev/null
wait_idle md0
mails=$(ls /tmp/mail/*.mail | xargs grep -l '^Subject: Plexus on' | wc -l)
for _ in $(seq 50); do journalctl -q -t plexus PLEXUS_EVENT=array-recovered | grep -q . && break; sleep 0.1; done
[ "$mails" = 1 ] || fail "Plexus mailed $mails times; the rebuild and recovery are not alerts"

step "a check: its end and what it found go into the history (md keeps no date)"
echo check > /sys/block/md0/md/sync_action
sleep 1
wait_idle md0
for _ in $(seq 50); do journalctl -q -t plexus PLEXUS_ACTION=check PLEXUS_EVENT=sync-finished | grep -q . && break; sleep 0.1; done
journalctl -q -o json -t plexus PLEXUS_ACTION=check PLEXUS_EVENT=sync-finished | grep -q '"PLEXUS_MISMATCHES":"0"' ||
    fail "the check's end was not journaled with no mismatches"

step "the history, in the journal"
journalctl -q -t plexus -o cat | tee /tmp/history
for line in "vdb failed in md0" "md0 is degraded" "vdb removed from md0" "vdc added to md0" "md0 is healthy again" "md0: check finished"; do
    grep -qx "$line" /tmp/history || fail "the journal does not say '$line'"
done
entry=$(journalctl -q -o json MESSAGE_ID=ecee4c4f2205457e81e6a1fddd046bcd)
echo "$entry" | python3 -c '
import json, sys
e = json.loads(sys.stdin.readline())
want = {"MESSAGE": "vdb failed in md0", "PRIORITY": "2", "PLEXUS_EVENT": "member-failed", "PLEXUS_ARRAY": "md0", "PLEXUS_DEVICE": "vdb"}
bad = {k: e.get(k) for k, v in want.items() if e.get(k) != v}
sys.exit("the member-failed entry has " + repr(bad) if bad else 0)' || fail "the journal entry is not as documented"
echo "ok: journalctl MESSAGE_ID=ecee4c4f2205457e81e6a1fddd046bcd finds the failure, with its fields"
[ "$(journalctl -q -t plexus PLEXUS_ARRAY=md0 -o cat | wc -l)" -ge 5 ] || fail "journalctl PLEXUS_ARRAY=md0 finds too little"

step "plexusctl history: the same history, per array, per disk, for whom may read it"
plexusctl history --array md0 | tee /tmp/md0-history
grep -q "  member-failed  vdb failed in md0$" /tmp/md0-history || fail "plexusctl history --array md0 leaves out the failure"
grep -q "  array-recovered  md0 is healthy again$" /tmp/md0-history || fail "plexusctl history --array md0 leaves out the recovery"
grep -q "  job-done  Done for root: Create /dev/md0: RAID-1 of 2 device" /tmp/md0-history || fail "plexusctl history --array md0 leaves out the helper's job"
journalctl -q -o json MESSAGE_ID=b1c311f256bd412f9120059617b92de4 | grep -q '"PLEXUS_OPERATION":"CreateArray"' ||
    fail "the helper's job entry has no PLEXUS_OPERATION=CreateArray"
plexusctl history --device /dev/vdb > /tmp/vdb-history
[ "$(cut -c26- /tmp/vdb-history)" = "$(printf 'member-failed  vdb failed in md0\nmember-removed  vdb removed from md0')" ] ||
    { cat /tmp/vdb-history; fail "plexusctl history --device /dev/vdb is not vdb's failure and removal"; }
plexusctl history --device vdb --json | python3 -c 'import json, sys; [json.loads(l) for l in sys.stdin]' ||
    fail "plexusctl history --json is not JSON lines"
set +e
out=$(plexusctl history --array 'md0 PRIORITY=7' 2>&1); rc=$?
set -e
[ "$rc" = 2 ] && echo "$out" | grep -q "is not an array or device name" || fail "a match smuggled into --array was not refused ($rc): $out"
# Not in adm or systemd-journal: told why there is nothing, not shown an empty history.
set +e
out=$(runuser -u plexususer -- plexusctl history 2>&1); rc=$?
set -e
echo "as plexususer: exit $rc: $out"
echo "$out" | grep -q "member-failed" && fail "plexususer read the system journal"
echo "$out" | grep -qi "permission\|not seeing messages" || fail "plexususer is not told why the history is empty"

kill "$plexus_monitor" "$mdadm_monitor" 2>/dev/null || true
check_data /dev/md0 "after the failure, the removal and the rebuild"
echo PASS

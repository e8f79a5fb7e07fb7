#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 1 --disk-size 64M
# One authentication prompt left open holds up nobody else.
# plexususer asks for a scrub, which the test rules answer AUTH_ADMIN, with a
# pkttyagent that shows the password prompt and never gets a password. While it
# waits, root's authorized request, another user's refused one and a read are
# answered at once; when plexususer leaves the bus its check is cancelled.
# (Before: one mutex held across a synchronous polkit check; root's request
# waited behind the prompt until gdbus gave up.)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
id plexusother >/dev/null 2>&1 || useradd -M -s /bin/sh plexusother

call() { # call TIMEOUT METHOD ARGS...: a helper call with a deadline; output in $OUT, status in $RC
    local t=$1 m=$2
    shift 2
    set +e
    OUT=$(gdbus call --system --timeout "$t" --dest org.plexus.Helper1 --object-path /org/plexus/Helper1 \
        --method "org.plexus.Helper1.$m" "$@" 2>&1)
    RC=$?
    set -e
}
prompt() { # prompt SECONDS: the answer must come within SECONDS
    local t0=$SECONDS
    call "$@"
    [ $((SECONDS - t0)) -lt "$1" ] || fail "$2 took $((SECONDS - t0)) s (gdbus gave up after $1 s: $OUT)"
    echo "ok: $2 answered in $((SECONDS - t0)) s: $(echo "$OUT" | cut -c1-160)"
}

step "plexususer's scrub waits on a password prompt nobody answers"
call 30 UnfinishedJobs >/dev/null # starts the helper
rm -f /tmp/agent.log /tmp/a.out
# The agent is registered for the caller's own process (pkttyagent --process),
# on a terminal of its own (script) whose input never comes.
runuser -u plexususer -- bash -c '
    sleep infinity | script -qfc "pkttyagent --process $$" /tmp/agent.log >/dev/null 2>&1 &
    sleep 3
    exec gdbus call --system --timeout 600 --dest org.plexus.Helper1 --object-path /org/plexus/Helper1 \
        --method org.plexus.Helper1.RequestSyncAction /dev/md97 check "{}"' > /tmp/a.out 2>&1 &
a=$!
for _ in $(seq 60); do grep -q "AUTHENTICATING FOR org.plexus.array.scrub" /tmp/agent.log 2>/dev/null && break; sleep 1; done
cat /tmp/agent.log 2>/dev/null | tr -d '\r' | head -5
grep -q "AUTHENTICATING FOR org.plexus.array.scrub" /tmp/agent.log || { cat /tmp/a.out; fail "the agent never prompted"; }
kill -0 $a 2>/dev/null || { cat /tmp/a.out; fail "plexususer's call ended: it should wait on the prompt"; }
echo "ok: the prompt is open, plexususer's call waits"

step "meanwhile everyone else is answered at once"
prompt 15 UnfinishedJobs
[ "$RC" = 0 ] || fail "UnfinishedJobs failed: $OUT"
# root: allowed by polkit, then refused by validation (md97 does not exist).
prompt 20 RequestSyncAction /dev/md97 check "{}"
echo "$OUT" | grep -q "org.plexus.Error" || fail "root's request: $OUT"
! echo "$OUT" | grep -q "NotAuthorized\|Dismissed" || fail "root's request was not authorized: $OUT"
prompt 20 DropJob 20260101-000000-000-0000
! echo "$OUT" | grep -q "NotAuthorized\|Dismissed" || fail "root's DropJob was not authorized: $OUT"
# Another user polkit says no to: told so at once.
t0=$SECONDS
out=$(runuser -u plexusother -- gdbus call --system --timeout 20 --dest org.plexus.Helper1 --object-path /org/plexus/Helper1 \
    --method org.plexus.Helper1.StopArray /dev/md97 "{}" 2>&1 || true)
echo "$out" | grep -q "org.plexus.Error.NotAuthorized" || fail "plexusother's StopArray: $out"
[ $((SECONDS - t0)) -le 20 ] || fail "plexusother's refusal took $((SECONDS - t0)) s"
echo "ok: plexusother refused (NotAuthorized) in $((SECONDS - t0)) s"
kill -0 $a 2>/dev/null || { cat /tmp/a.out; fail "plexususer's call ended while its prompt was open"; }

step "plexususer leaves the bus: its check is cancelled"
kill $a
wait $a 2>/dev/null || true
for _ in $(seq 20); do grep -q "the caller left the bus; cancelled" $HELPER_LOG && break; sleep 0.5; done
grep "polkit check of\|polkit for" $HELPER_LOG
grep -q "polkit check of org.plexus.array.scrub for :[0-9.]*: the caller left the bus; cancelled" $HELPER_LOG \
    || fail "the helper did not cancel the check of a caller that left"
# polkit tells the agent its request is gone.
for _ in $(seq 20); do ! pgrep -u plexususer -x pkttyagent >/dev/null && break; grep -qi "cancel" /tmp/agent.log && break; sleep 0.5; done
tr -d '\r' < /tmp/agent.log | tail -n 3
prompt 15 UnfinishedJobs
echo PASS

# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the VM tests (sourced; runs inside the VM as root with the built
# programs on PATH). Plexus only observes here: the situations are made with mdadm.
set -euo pipefail
# set -e ends a test at the first failing command: say which, or the run ends
# without a word. Only where set -e is on (a `set +e` stretch expects failures),
# and not from subshells, where a failure need not end the test (the command
# that runs the subshell is named instead). -E: inside functions too.
name_failed_command() { # STATUS LINE COMMAND
    [[ $- == *e* ]] && [ "$BASH_SUBSHELL" -eq 0 ] || return 0
    echo "FAIL: ${BASH_SOURCE[1]##*/} line $2: '$3' exited with $1" >&2
}
set -E
trap 'name_failed_command $? "$LINENO" "$BASH_COMMAND"' ERR

fail() { echo "FAIL: $*" >&2; exit 1; }
# Each step with the guest's uptime: where a slow test spends its time.
step() { echo "--- $* [$(cut -d' ' -f1 /proc/uptime) s]"; }

# status_json: plexusctl's description of the live machine.
status_json() { plexusctl status --json 2>/dev/null; }

# jq-like field access with python3: field EXPR, evaluated on the status JSON as `s`,
# with helpers arr(name) and member(name, dev).
field() {
    status_json | python3 -c '
import json, sys
s = json.load(sys.stdin)
def arr(n):
    for a in s["arrays"]:
        if a["name"] == n: return a
    raise SystemExit("no array " + n)
def member(n, d):
    for m in arr(n)["members"]:
        if m["device"] == d: return m
    return None
v = eval(sys.argv[1])
print(json.dumps(v) if not isinstance(v, str) else v)' "$1"
}

expect() { # expect EXPR VALUE [MESSAGE]
    local got; got=$(field "$1")
    [ "$got" = "$2" ] || fail "${3:-$1}: expected $2, got $got"
    echo "ok: $1 = $2"
}

# Every test checks that sysfs and /proc/mdstat tell Plexus the same story.
cross_check() {
    plexusctl status --cross-check || { cat /proc/mdstat; fail "sysfs and /proc/mdstat disagree"; }
}

# wait_until SECONDS EXPR VALUE: poll plexusctl until EXPR == VALUE.
wait_until() {
    local deadline=$((SECONDS + $1))
    while [ $SECONDS -lt $deadline ]; do
        [ "$(field "$2" 2>/dev/null)" = "$3" ] && { echo "ok: $2 = $3"; return 0; }
        sleep 0.5
    done
    cat /proc/mdstat
    fail "timed out after $1 s waiting for $2 = $3 (now $(field "$2"))"
}

# The kernel's idea of the members, from /proc/mdstat, as "dev dev ..." sorted.
mdstat_members() {
    grep "^$1 :" /proc/mdstat | tr ' ' '\n' | grep '\[' | sed 's/\[.*//' | sort | tr '\n' ' ' | sed 's/ $//'
}
plexus_members() {
    field "' '.join(sorted(m['device'] for m in arr('$1')['members']))"
}

slow_sync() { echo "$1" > /proc/sys/dev/raid/speed_limit_max; echo "$1" > /proc/sys/dev/raid/speed_limit_min; }
fast_sync() { echo 1000 > /proc/sys/dev/raid/speed_limit_min; echo 2000000 > /proc/sys/dev/raid/speed_limit_max; }

create() { mdadm --create "$@" --run --metadata=1.2 >/dev/null 2>&1 || mdadm --create "$@" --run --metadata=1.2; udevadm settle; }

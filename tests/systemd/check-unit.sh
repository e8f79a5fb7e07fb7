#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# tests/systemd/check-unit.sh PROGRAM UNIT MAX: a systemd unit of ours (UNIT,
# with ExecStart pointed at the built PROGRAM) passes `systemd-analyze verify`
# without a single complaint, and its `systemd-analyze security` exposure is at
# most MAX. Prints the exposure and what counts against it.
set -euo pipefail
program=${1:?usage: check-unit.sh PROGRAM UNIT MAX} unit=${2:?} max=${3:?}
name=$(basename "$unit")
command -v systemd-analyze >/dev/null || { echo "systemd-analyze is not installed (package systemd)"; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sed "s|@PLEXUS[A-Z_]*_EXEC@|$program|" "$unit" > "$dir/$name"
# verify exits 0 on unknown keys and bad values (it only warns): any output fails.
complaints=$(systemd-analyze verify --man=no "$dir/$name" 2>&1) || true
[ -z "$complaints" ] || { echo "$complaints"; echo "FAIL: systemd-analyze verify complains about the unit"; exit 1; }
echo "ok: systemd-analyze verify: no complaints"
report=$(systemd-analyze security --offline=true --no-pager "$dir/$name")
echo "$report" | grep '✗' || true
score=$(echo "$report" | sed -n "s/.*Overall exposure level for $name: \([0-9.]*\).*/\1/p")
[ -n "$score" ] || { echo "$report"; echo "FAIL: no exposure level in the report"; exit 1; }
echo "exposure: $score (at most $max)"
awk -v s="$score" -v m="$max" 'BEGIN { exit !(s <= m) }' || { echo "FAIL: exposure $score is above $max"; exit 1; }
echo PASS

#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# Runs a command inside the Debian 13 build root, in a private mount namespace
# (started by `unshare --mount --fork`), so every mount below disappears with
# the process and nothing needs cleaning up afterwards.
#   enter-root.sh ROOT SRC WORKDIR CMD ARGS...
# SRC is bind-mounted at /src; the host's /tmp is shared so files given by path
# (plexusctl status --mdstat /tmp/x) are visible; stdin/stdout/exit status pass through.
# The environment does not, but for the few variables the tools document (the
# benchmarks' RUNS, EVENTS, TRIALS, ...; PLEXUS_VM_ACCEL).
set -eu
root=$1 src=$2 workdir=$3
shift 3
mount --make-rprivate /
mkdir -p "$root/src"
mount --rbind "$src" "$root/src"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --rbind /sys "$root/sys"
mount --rbind /tmp "$root/tmp"
[ -e /dev/shm ] && mount -t tmpfs shm "$root/dev/shm" 2>/dev/null || true
mkdir -p "$root/run"
mount -t tmpfs run "$root/run"
exec chroot "$root" /usr/bin/env -i \
    PATH=/src/${PLEXUS_BUILD_DIR:-build}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM="${TERM:-dumb}" \
    PLEXUS_IN_ROOT=1 PLEXUS_BUILD_DIR="${PLEXUS_BUILD_DIR:-build}" PLEXUS_SRC_HOST="$src" \
    ${CTEST_PARALLEL_LEVEL:+CTEST_PARALLEL_LEVEL=$CTEST_PARALLEL_LEVEL} \
    ${PLEXUS_VM_ACCEL:+PLEXUS_VM_ACCEL=$PLEXUS_VM_ACCEL} \
    ${RUNS:+RUNS=$RUNS} ${EVENTS:+EVENTS=$EVENTS} ${TRIALS:+TRIALS=$TRIALS} ${IDLE:+IDLE=$IDLE} \
    ${UNPLUG_TRIALS:+UNPLUG_TRIALS=$UNPLUG_TRIALS} ${MDADM_TRIALS:+MDADM_TRIALS=$MDADM_TRIALS} \
    ${ARRAYS:+ARRAYS=$ARRAYS} ${SIZE:+SIZE=$SIZE} ${WINDOW:+WINDOW=$WINDOW} \
    ${DISPLAY:+DISPLAY=$DISPLAY} \
    /bin/sh -c 'cd "$0" && exec "$@"' "$workdir" "$@"

#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# The guest half of tools/bench/resync (as root in the VM). The members' raw
# speeds: a direct sequential read of vda and write of vdb, as the rebuild reads
# one and writes the other. md0 is a RAID-1 of both without a bitmap, so each
# trial (vdb failed, wiped and added again) rebuilds the whole disk. A trial's
# speed is how far md/sync_completed moves over WINDOW seconds, a second after
# the rebuild starts; "busy" runs direct reads of md0 meanwhile, which md makes
# way for down to sync_speed_min (1000 KiB/s as shipped).
set -euo pipefail
. /src/tests/vm/lib.sh
. /src/tests/vm/helper_lib.bash
window=${WINDOW:-8}
install_helper >/dev/null

within() { # within SECONDS CONDITION
    local deadline=$((SECONDS + $1))
    until eval "$2"; do [ $SECONDS -lt $deadline ] || return 1; sleep 0.2; done
}
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / s / 1e6 }'; }
timed_dd() { # timed_dd DD-ARGS...: seconds it took
    local t0=$EPOCHREALTIME
    dd "$@" bs=1M status=none
    awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }'
}
bytes=$(( $(blockdev --getsize64 /dev/vda) / 1048576 * 1048576 ))
count=$(( bytes / 1048576 ))
read_s=$(timed_dd if=/dev/vda of=/dev/null iflag=direct count=$count)
write_s=$(timed_dd if=/dev/zero of=/dev/vdb oflag=direct,dsync count=$count)
raw_read=$(mbps "$bytes" "$read_s")
raw_write=$(mbps "$bytes" "$write_s")
slowest=$(awk -v r="$raw_read" -v w="$raw_write" 'BEGIN { print (r < w ? r : w) }')
echo "members: read $raw_read MB/s (vda), write $raw_write MB/s (vdb), $((bytes / 1048576)) MiB each"

mdadm --create /dev/md0 --run --quiet --level=1 --raid-devices=2 --metadata=1.2 --bitmap=none --assume-clean /dev/vda /dev/vdb
udevadm settle
sectors() { cut -d/ -f1 /sys/block/md0/md/sync_completed | tr -d ' '; }

trial() { # trial shipped|full idle|busy: prints MB/s
    local mode=$1 load=$2 loader='' job='' a b t0 t1
    mdadm /dev/md0 --fail /dev/vdb --remove /dev/vdb >/dev/null 2>&1
    mdadm --zero-superblock /dev/vdb
    if [ "$load" = busy ]; then
        ( while :; do dd if=/dev/md0 of=/dev/null bs=1M count=32 iflag=direct status=none; done ) &
        loader=$!
    fi
    mdadm /dev/md0 --add /dev/vdb >/dev/null
    within 10 '[ "$(cat /sys/block/md0/md/sync_action)" = recover ]' || fail "no rebuild started"
    if [ "$mode" = full ]; then
        plexusctl speed /dev/md0 --min 10000000 --max 10000000 --until-idle >/tmp/speed.log 2>&1 &
        job=$!
        within 30 'grep -q local /sys/block/md0/md/sync_speed_min' || { cat /tmp/speed.log; fail "plexusctl speed did not raise the limit"; }
    fi
    sleep 0.5
    # Sampled until WINDOW seconds have passed or the rebuild is over (sync_completed: none).
    a=$(sectors) t0=$EPOCHREALTIME
    b=$a t1=$t0
    while awk -v x="$t0" -v y="$EPOCHREALTIME" -v w="$window" 'BEGIN { exit !(y - x < w) }'; do
        sleep 0.2
        now=$(sectors) when=$EPOCHREALTIME
        [[ $now =~ ^[0-9]+$ ]] || break
        b=$now t1=$when
    done
    [[ $a =~ ^[0-9]+$ ]] && [ "$t1" != "$t0" ] || fail "the rebuild ended before it could be measured (make SIZE larger)"
    [ -n "$loader" ] && { kill "$loader"; wait "$loader" 2>/dev/null || true; }
    if [ -n "$job" ]; then
        wait "$job" || { cat /tmp/speed.log; fail "plexusctl speed --until-idle failed"; }
        grep -q system /sys/block/md0/md/sync_speed_min || fail "the minimum was not put back: $(cat /sys/block/md0/md/sync_speed_min)"
    else
        echo 10000000 > /sys/block/md0/md/sync_speed_min    # finish this trial quickly
        mdadm --wait /dev/md0 || true
        echo system > /sys/block/md0/md/sync_speed_min
    fi
    awk -v a="$a" -v b="$b" -v s="$(awk -v x="$t0" -v y="$t1" 'BEGIN { print y - x }')" 'BEGIN { printf "%.1f", (b - a) * 512 / s / 1e6 }'
}
pct() { awk -v x="$1" -v s="$slowest" 'BEGIN { printf "%.0f%%", 100 * x / s }'; }

idle_shipped=$(trial shipped idle); echo "rebuild, idle, limits as shipped: $idle_shipped MB/s"
idle_full=$(trial full idle);       echo "rebuild, idle, at full speed: $idle_full MB/s"
busy_shipped=$(trial shipped busy); echo "rebuild, md0 read meanwhile, limits as shipped: $busy_shipped MB/s"
busy_full=$(trial full busy);       echo "rebuild, md0 read meanwhile, at full speed: $busy_full MB/s"
echo "resync: members read $raw_read MB/s, write $raw_write MB/s; rebuild idle: shipped $idle_shipped MB/s ($(pct "$idle_shipped")), full speed $idle_full MB/s ($(pct "$idle_full")); busy: shipped $busy_shipped MB/s ($(pct "$busy_shipped")), full speed $busy_full MB/s ($(pct "$busy_full"))"

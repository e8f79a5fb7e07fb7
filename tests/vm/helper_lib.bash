# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the helper_*.sh VM tests (sourced after lib.sh; not a test itself).
# Installs plexus-helper into the guest the way a package would (bus activation
# file, bus policy, polkit actions) plus a polkit rules file for the tests: root
# may do everything, plexususer nothing (and must authenticate for scrubs, which
# without an agent means "dismissed"). HELPER_RULES=FILE: that rules file instead.

HELPER_LOG=/run/plexus-helper.log

install_helper() {
    cat > /run/plexus-test.rules <<'EOF2'
polkit.addRule(function(action, subject) {
    if (action.id.indexOf("org.plexus.") != 0)
        return polkit.Result.NOT_HANDLED;
    if (subject.user == "root")
        return polkit.Result.YES;
    if (subject.user == "plexususer")
        return action.id == "org.plexus.array.scrub" ? polkit.Result.AUTH_ADMIN : polkit.Result.NO;
    return polkit.Result.NOT_HANDLED;
});
EOF2
    /src/tools/vm/guest-install-helper "${HELPER_RULES:-/run/plexus-test.rules}" "$HELPER_LOG" || fail "plexus-helper could not be installed"
    trap 'rc=$?; if [ $rc -ne 0 ]; then echo "--- plexus-helper log:"; cat $HELPER_LOG 2>/dev/null; echo "--- /proc/mdstat:"; cat /proc/mdstat;
          else echo "--- where the helper spent its time, per job:"; grep -o "polkit for .*\|job [0-9a-f-]*: snapshot.*" $HELPER_LOG 2>/dev/null || true; fi
          mkdir -p /src/$PLEXUS_BUILD_DIR/vm-logs && cp $HELPER_LOG /src/$PLEXUS_BUILD_DIR/vm-logs/$(basename $0 .sh).helper.log 2>/dev/null' EXIT
}

# Runs plexusctl, keeping its output in $OUT and $ERR and its status in $RC.
pctl() {
    local o e
    o=$(mktemp) e=$(mktemp)
    set +e
    plexusctl "$@" >"$o" 2>"$e"
    RC=$?
    set -e
    OUT=$(cat "$o") ERR=$(cat "$e")
    rm -f "$o" "$e"
}

# ok CMD...: plexusctl CMD must succeed.
ok() {
    local t0=$SECONDS
    pctl "$@"
    if [ "$RC" != 0 ]; then
        echo "$OUT"; echo "$ERR" >&2
        fail "plexusctl $* failed with status $RC"
    fi
    echo "ok: plexusctl $* ($((SECONDS - t0)) s)"
}

# The machine's storage as text, without what moves by itself (progress lines).
fingerprint() {
    {
        grep -v -e 'resync\|recovery\|check\|finish=\|bitmap:' /proc/mdstat
        lsblk -rno NAME,SIZE,FSTYPE,UUID,PARTUUID,MOUNTPOINT
        for d in /sys/block/md*/md; do
            [ -d "$d" ] || continue
            # clean/active/active-idle/write-pending only say whether writes are in
            # flight (a mounted ext4 flips them by itself): all are "running" here.
            echo "$d $(sed -E 's/^(clean|active|active-idle|write-pending)$/running/' $d/array_state) $(cat $d/raid_disks) $(cat $d/sync_speed_min) $(cat $d/sync_speed_max)"
            for m in "$d"/dev-*; do [ -e "$m/state" ] && echo "$m $(cat $m/state)"; done
        done
        cat /etc/mdadm/mdadm.conf 2>/dev/null
        # When arrays are checked: Plexus's drop-ins and the timers' links.
        cat /etc/systemd/system/*.timer.d/*plexus* 2>/dev/null || true    # set -e: none is no failure
        ls /etc/systemd/system/*.wants 2>/dev/null | grep -e mdcheck -e raid-check || true
    } 2>/dev/null
}

# refused CODE NAME PATTERN -- plexusctl ARGS...: refused with exit CODE, the error
# class NAME and a message matching PATTERN (grep -E); the machine unchanged.
REFUSALS=0
refused() {
    local code=$1 name=$2 pattern=$3
    shift 4
    local before after
    before=$(fingerprint)
    pctl "$@"
    after=$(fingerprint)
    [ "$RC" = "$code" ] || { echo "$OUT"; echo "$ERR"; fail "plexusctl $*: exit status $RC, expected $code"; }
    echo "$ERR" | grep -q "^plexusctl: $name: " || { echo "$ERR"; fail "plexusctl $*: not a $name refusal"; }
    echo "$ERR" | grep -Eq -- "$pattern" || { echo "$ERR"; fail "plexusctl $*: message does not match /$pattern/"; }
    [ "$before" = "$after" ] || { echo "$before" > /tmp/fp.before; echo "$after" > /tmp/fp.after; diff /tmp/fp.before /tmp/fp.after; fail "plexusctl $*: the machine changed"; }
    REFUSALS=$((REFUSALS + 1))
    echo "ok: refused ($name, exit $code): plexusctl $*"
    echo "    ${ERR#plexusctl: }"
}

# dbus_refused NAME PATTERN -- gdbus call ARGS...: the helper itself refuses (no plexusctl).
dbus_refused() {
    local name=$1 pattern=$2
    shift 3
    local before after out
    before=$(fingerprint)
    set +e
    out=$(gdbus call --system --timeout 120 --dest org.plexus.Helper1 --object-path /org/plexus/Helper1 "$@" 2>&1)
    local rc=$?
    set -e
    after=$(fingerprint)
    [ $rc != 0 ] || fail "gdbus call $*: succeeded, expected $name"
    echo "$out" | grep -q "org.plexus.Error.$name:" || { echo "$out"; fail "gdbus call $*: not org.plexus.Error.$name"; }
    echo "$out" | grep -Eq -- "$pattern" || { echo "$out"; fail "gdbus call $*: message does not match /$pattern/"; }
    [ "$before" = "$after" ] || { echo "$before" > /tmp/fp.before; echo "$after" > /tmp/fp.after; diff /tmp/fp.before /tmp/fp.after; fail "gdbus call $*: the machine changed"; }
    REFUSALS=$((REFUSALS + 1))
    echo "ok: refused (org.plexus.Error.$name) over D-Bus: ${out#*org.plexus.Error.}" | cut -c1-300
}

# The serial and size of a device, as plexusctl would send them.
serial_of() { udevadm info --query=property --name="$1" | sed -n 's/^ID_SERIAL=//p' | head -n1; }
size_of() { blockdev --getsize64 "$1"; }

# Files that must survive on a mounted filesystem: write_files DIR N writes N
# files of 1 MiB of random data; files_sum DIR is one checksum over them all.
write_files() { for i in $(seq 1 "$2"); do dd if=/dev/urandom of="$1/f$i" bs=1M count=1 status=none; done; sync; }
files_sum() { (cd "$1" && find . -type f -name 'f*' -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -d' ' -f1; }

# sum16 DEV: the checksum of DEV's first 16 MiB, read past the page cache.
sum16() { dd if="$1" bs=1M count=16 iflag=direct status=none | sha256sum | cut -d' ' -f1; }
# events DEV: the event count in DEV's md superblock.
events() { mdadm --examine "$1" | sed -n 's/^ *Events : //p'; }

# Data that must survive: 32 MiB of random bytes at the start of a device.
write_data() {
    dd if=/dev/urandom of=/tmp/data.bin bs=1M count=32 status=none
    dd if=/tmp/data.bin of="$1" bs=1M oflag=direct status=none
    DATA_SUM=$(sha256sum < /tmp/data.bin | cut -d' ' -f1)
    echo "ok: wrote 32 MiB to $1 (sha256 ${DATA_SUM:0:16}...)"
}
check_data() {
    local sum
    sum=$(dd if="$1" bs=1M count=32 iflag=direct status=none | sha256sum | cut -d' ' -f1)
    [ "$sum" = "$DATA_SUM" ] || fail "the data on $1 changed ${2:+($2)}"
    echo "ok: data intact on $1 ${2:+($2)}"
}

wait_idle() { # wait_idle mdN [SECONDS]
    local deadline=$((SECONDS + ${2:-120}))
    while [ "$(cat /sys/block/$1/md/sync_action)" != idle ] || grep -q "resync=\(DELAYED\|PENDING\)" /proc/mdstat; do
        [ $SECONDS -lt $deadline ] || { cat /proc/mdstat; fail "$1 still busy after ${2:-120} s"; }
        sleep 0.3
    done
}

wait_recovery() { # wait_recovery LOG: until md copies onto a member (a rebuild, a hot replacement); LOG shown if it never does
    local deadline=$((SECONDS + 60))
    until grep -q recovery /proc/mdstat; do
        [ $SECONDS -lt $deadline ] || { cat "$1"; fail "no recovery started within 60 s"; }
        sleep 0.2
    done
}

member_state() { cat /sys/block/$1/md/dev-$2/state 2>/dev/null || echo gone; }

# Where plexusctl's own time goes: its snapshot, then the call.
time_status() { local t0; t0=$(date +%s.%N); plexusctl status >/dev/null; echo "plexusctl status: $(echo "$(date +%s.%N) - $t0" | bc 2>/dev/null || true) s"; }

# Cheap checks straight from sysfs (plexusctl status costs seconds under TCG).
md_attr() { cat "/sys/block/$1/md/$2" 2>/dev/null; }
is() { # is ACTUAL EXPECTED WHAT
    [ "$1" = "$2" ] || fail "$3: expected '$2', got '$1'"
    echo "ok: $3 = $2"
}

# The scene of the refusal tests (4 disks of 256 MiB):
#   vda: vda1 100M free, vda2 60M ext4 mounted on /mnt/data, vda3 20M free (too
#        small), vda4 ext4 labelled "keep" (data in the way)
#   vdb, vdc: md0 = RAID-1 of vdb1 and vdc1; vdc2 is an LVM PV in the VG vgtest
#   vdd: vdd1 ext4 mounted on /boot (so vdd is the system disk), vdd2 free
make_scene() {
    step "the scene"
    # vda: a free partition, a mounted one, a tiny one, one with a filesystem.
    printf 'label: gpt\n,100M\n,60M\n,20M\n,\n' | sfdisk -q /dev/vda
    # vdb, vdc: md0 (RAID-1) on their first partitions; vdc2 is an LVM PV in vgtest.
    printf 'label: gpt\n,120M,R\n,\n' | sfdisk -q /dev/vdb
    printf 'label: gpt\n,120M,R\n,\n' | sfdisk -q /dev/vdc
    # vdd: vdd1 holds /boot, so vdd is "the disk the running system uses".
    printf 'label: gpt\n,50M\n,\n' | sfdisk -q /dev/vdd
    udevadm settle
    mkfs.ext4 -q /dev/vda2 && mkdir -p /mnt/data && mount /dev/vda2 /mnt/data
    mkfs.ext4 -q -L keep /dev/vda4
    mkfs.ext4 -q /dev/vdd1 && mount /dev/vdd1 /boot
    pvcreate -q /dev/vdc2 && vgcreate -q vgtest /dev/vdc2
    create /dev/md0 --level=1 --raid-devices=2 /dev/vdb1 /dev/vdc1
    wait_idle md0
    udevadm settle
    fingerprint > /tmp/scene-start
}

# The running helper's process id, from the bus (empty when none runs).
helper_pid() {
    gdbus call --system --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
        --method org.freedesktop.DBus.GetConnectionUnixProcessID org.plexus.Helper1 2>/dev/null \
        | sed -n 's/^(uint32 \([0-9]*\),)$/\1/p'
}
# Ends the running helper (by its pid); the bus starts a new one on the next call.
stop_helper() {
    local pid; pid=$(helper_pid)
    [ -n "$pid" ] || return 0
    kill -TERM "$pid"
    for _ in $(seq 50); do [ -z "$(helper_pid)" ] && return 0; sleep 0.1; done
    fail "plexus-helper ($pid) did not exit"
}

# helper_with_fault FAULT: the next job runs in a helper started by hand with
# PLEXUS_FAULT=FAULT (kill-at-step:N, kill-after-step:N: it SIGKILLs itself
# there, see backend/engine/executor.cpp); after it died the bus starts a plain
# helper again on the next call.
helper_with_fault() {
    stop_helper
    (PLEXUS_FAULT=$1 exec plexus-helper >>$HELPER_LOG 2>&1 </dev/null &)
    for _ in $(seq 100); do [ -n "$(helper_pid)" ] && return 0; sleep 0.1; done
    fail "plexus-helper with PLEXUS_FAULT=$1 did not start"
}

# After ok journal: the step $OUT says was running (or failed) when its job stopped.
stopped_step() { echo "$OUT" | sed -n 's/^  \([0-9]*\)\. \[\(in progress when it stopped\|failed\)\].*/\1/p' | head -n1; }
# no_unfinished_jobs WHAT: plexusctl journal must report none, else fail with WHAT.
no_unfinished_jobs() { ok journal; echo "$OUT" | grep -q "No unfinished jobs" || { echo "$OUT"; fail "$1"; }; }
# faults_table HEADER: the fault tests' table ($TABLE: one "a | b | ..." line each).
faults_table() { step "faults injected"; echo "$1"; printf '%s\n' "${TABLE[@]}"; }

# The helper's job journals. journals: their file names now; new_job BEFORE: the
# job whose journal is not among BEFORE (what journals said earlier), if any.
JOURNAL=/var/lib/plexus/journal
journals() { ls $JOURNAL 2>/dev/null | grep '\.jsonl$' || true; }
new_job() { journals | grep -vxF -f <(echo "$1") | head -n1 | sed 's/\.jsonl$//' || true; }

# A mirror of partitions, as a mirrored system has it: a small first
# partition (/boot) on vda and vdb, md0 of the second ones, and 32 MiB of
# checksummed data on it (write_data: $DATA_SUM).
partitioned_mirror() {
    printf 'label: gpt\n,8M\n,,R\n' | sfdisk -q /dev/vda
    printf 'label: gpt\n,8M\n,,R\n' | sfdisk -q /dev/vdb
    udevadm settle
    ok create /dev/md0 --level 1 /dev/vda2 /dev/vdb2
    wait_idle md0
    write_data /dev/md0
}

# What blkid and wipefs find on each device, one line per device (to show that
# a refusal wrote nothing on them).
signatures() {
    local d
    for d in "$@"; do
        echo "$d: $(wipefs --no-act --noheadings --output TYPE,OFFSET "$d" 2>/dev/null | tr '\n' ' ')/ $(blkid -p -o export "$d" 2>/dev/null | tr '\n' ' ')"
    done
}

# md's udev rule (64-md-raid-assembly.rules) runs "mdadm -If" when a member's
# disk disappears, racing whoever wants to remove the vanished member.
# md_udev_remove off: an override of the same name in /run/udev/rules.d (it takes
# precedence over /usr/lib/udev/rules.d) without the remove lines; on: the
# packaged rule again. Once in CI the vanished member was gone all the same, as
# if a udev worker had still run the old rule: so while off, mdadm -If (udev's
# way of taking a vanished member out) also does nothing, and says so in
# /run/mdadm-If.log, which "on" prints.
md_udev_remove() {
    local rules=64-md-raid-assembly.rules
    case "$1" in
        off) grep -v 'ACTION=="remove"' "/usr/lib/udev/rules.d/$rules" > "/run/udev/rules.d/$rules"
             ! grep -q 'mdadm -If' "/run/udev/rules.d/$rules" || fail "the override still runs mdadm -If"
             [ -e /usr/sbin/mdadm.real ] || mv /usr/sbin/mdadm /usr/sbin/mdadm.real
             cat > /usr/sbin/mdadm <<'EOF2'
#!/bin/bash
[ "${1:-}" = -If ] && { echo "$(date +%T.%N) mdadm $* (ignored)" >> /run/mdadm-If.log; exit 0; }
exec /usr/sbin/mdadm.real "$@"
EOF2
             chmod 755 /usr/sbin/mdadm;;
        on) rm -f "/run/udev/rules.d/$rules"
            [ ! -e /usr/sbin/mdadm.real ] || mv -f /usr/sbin/mdadm.real /usr/sbin/mdadm
            [ ! -s /run/mdadm-If.log ] || { echo "note: mdadm -If ran despite the rule override:"; cat /run/mdadm-If.log; };;
        *) fail "md_udev_remove on|off";;
    esac
    udevadm control --reload
}

#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 3 --disk-size 64M
# cost: 105
# The helper under a D-Bus fuzzer (the fuzzer is
# helper_fuzz.py): every method with random and ill-typed arguments, from an
# unprivileged user and from root. The helper neither crashes nor hangs, every
# reply is a success or a typed error, and the arrays and disks are as before
# (no call it makes can be valid; see the fuzzer). FUZZ_SEED=N: another seed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"
install_helper
fast_sync
SEED=${FUZZ_SEED:-1313}

step "the scene: md0 (RAID-1 on vda and vdb) holding data; vdc with data of its own"
create /dev/md0 --level=1 --raid-devices=2 /dev/vda /dev/vdb
wait_idle md0
write_data /dev/md0
dd if=/dev/urandom of=/dev/vdc bs=1M count=16 oflag=direct status=none
vdc_sum() { dd if=/dev/vdc bs=1M count=64 iflag=direct status=none | sha256sum | cut -d' ' -f1; }
VDC_SUM=$(vdc_sum)
# Symlinks into /dev from outside it, out of /dev, and through /dev/shm.
ln -sfn /dev/vdc /tmp/plexus-fuzz-into-dev
ln -sfn /etc /dev/plexus-fuzz-out-of-dev
ln -sfn /dev/vdc /dev/shm/plexus-fuzz
chmod 755 /src/tests/vm/helper_fuzz.py
# The storage as it is; mdadm.conf's ARRAY lines left out: WriteMdadmConf({})
# is a valid call (root may write them), the one a fuzzer can make.
state() {
    fingerprint | grep -v -e '^ARRAY ' -e '^# ARRAY lines written by Plexus' -e '^$'
    mdadm --detail /dev/md0 | grep -v -e 'Update Time' -e 'Events'
    wipefs --no-act /dev/vda /dev/vdb /dev/vdc /dev/md0 2>&1
}
state > /tmp/fuzz.before

fuzz() { # fuzz USER SECONDS
    local t0=$SECONDS rc=0
    runuser -u "$1" -- python3 /src/tests/vm/helper_fuzz.py --xml /src/helper/data/org.plexus.Helper1.xml \
        --seed "$SEED" --seconds "$2" --who "$1" --arrays md0,/dev/md0,/dev/md/0 --disks /dev/vda,/dev/vdb,/dev/vdc,/dev/md0 || rc=$?
    echo "fuzz ($1): $((SECONDS - t0)) s"
    [ $rc = 0 ] || fail "the fuzzer ($1) found replies it should not have"
}
step "as plexususer"
gdbus call --system --dest org.plexus.Helper1 --object-path /org/plexus/Helper1 \
    --method org.plexus.Helper1.UnfinishedJobs >/dev/null || fail "the helper did not start"
pid=$(helper_pid)
fuzz plexususer 35
step "as root"
fuzz root 40
[ "$(helper_pid || true)" = "$pid" ] || echo "note: the helper's pid went from $pid to $(helper_pid) (idle exit between the runs?)"
! grep -q "Segmentation\|Aborted\|terminate called\|QFATAL" $HELPER_LOG || fail "the helper's log shows a crash"

step "nothing changed"
sleep 1
state > /tmp/fuzz.after
diff /tmp/fuzz.before /tmp/fuzz.after || fail "the machine changed under the fuzzer"
check_data /dev/md0
[ "$(vdc_sum)" = "$VDC_SUM" ] || fail "the data on /dev/vdc changed"
echo "ok: vdc intact"
echo PASS

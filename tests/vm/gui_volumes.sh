#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 2 --disk-size 256M
# A window test for volumes: the real window, driven by QtTest, against the real
# plexus-helper: a mirror becomes a volume group ("Use for volumes…"), gets a
# volume with ext4 mounted on /srv/data ("New volume…", on the size slider), files
# are written on it, and it grows by clicking ("Grow…") while mounted; the files read back
# the same, df shows the new size and fsck finds the filesystem clean.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"

install_helper
fast_sync
plexusctl create /dev/md0 --level 1 /dev/vda /dev/vdb >/dev/null || fail "the mirror could not be made"
wait_idle md0
mkdir -p "/src/${PLEXUS_BUILD_DIR:-build}/screenshots"
QT_QPA_PLATFORM=offscreen tst_volumeclicks || fail "the volume session did not go as a user would expect"
cross_check
echo PASS

#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 2 --disk-size 256M
# The GUI inside the VM shows a real resyncing array, live, then healthy.
. "$(dirname "$0")/lib.sh"

slow_sync 3000
create /dev/md0 --level=1 --raid-devices=2 /dev/vda /dev/vdb
expect "arr('md0')['sync']['action']" resync
mkdir -p "/src/${PLEXUS_BUILD_DIR:-build}/screenshots"
QT_QPA_PLATFORM=offscreen tst_livewindow || fail "the window did not show the live resync"
echo PASS

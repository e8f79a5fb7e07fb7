#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 3 --disk-size 256M
# An end-to-end test: the real window, driven by QtTest, against the real
# plexus-helper (bus activation, polkit, libblockdev, mdadm): create a RAID-5 of
# three blank disks by clicking, put data on it, mark a member failed from its
# menu, hot-plug a new disk, drag it onto the failed member, see the recovery
# finish, and read the data back intact (also with another original member out).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/helper_lib.bash"

install_helper
mkdir -p "/src/${PLEXUS_BUILD_DIR:-build}/screenshots"
QT_QPA_PLATFORM=offscreen tst_pointandclick || fail "the point-and-click session did not go as a user would expect"
cross_check
echo PASS

# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# Sourced in the VM by guest-init.sh and guest-command.sh (see run-vm): the
# environment the command gets whichever init runs, and what both scripts use.
run=/run/plexus-vm
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=dumb PLEXUS_VM=1 PLEXUS_BUILD_DIR=build
# shellcheck disable=SC1091
. "$run/env"     # run-vm's variables (--env), for the command and for the scripts' switches

uptime_s() { cut -d' ' -f1 /proc/uptime; }
say() { echo "plexus-vm [$(uptime_s)]: $*"; }

# md and dm loaded before the command, as on a machine that has arrays.
load_modules() {
    modprobe -a md_mod raid0 raid1 raid456 raid10 dm_mod || say "some md/dm modules did not load"
    modprobe -q linear 2>/dev/null    # dropped from some kernels (6.12 has none)
}

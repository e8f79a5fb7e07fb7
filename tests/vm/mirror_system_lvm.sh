#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --boot-disk /var/cache/plexus/system-disk.img --disks 2 --disk-size 1600M --reboots 1 --timeout 1800 --memory 1536M
# cost: 400
# Mirror the running system in founding document 000's layout (mirror-system
# --layout lvm): the same Debian, the same checksummed files, but vdb gets a
# BIOS boot partition, /boot (a mirror, metadata 1.0) and one big mirror
# holding the volume group rootvg with the volumes root and swap. After the
# restart from vdb, / runs from rootvg/root on the big mirror, the helper picks
# the job up, vda gets the same partitions and joins both mirrors. The boots
# from one disk alone are the same layout's (mirror_system.sh), one VM less.
MIRROR_LAYOUT=lvm exec "$(dirname "$0")/mirror_system.sh"

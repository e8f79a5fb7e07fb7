#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --boot-disk /var/cache/plexus/system-disk.img --uefi --disks 2 --disk-size 1600M --reboots 2 --timeout 1800 --memory 1536M
# cost: 400
# Mirror the running system in the lvm layout (mirror-system
# --layout lvm), started by UEFI (OVMF): the same Debian, the same checksummed
# files, but vdb gets a BIOS boot partition, /boot and the ESP (mirrors,
# metadata 1.0) and one big mirror holding the volume group rootvg with the
# volumes root and swap, and a boot entry in the firmware. After the restart
# (the firmware starts vdb's entry by itself), / runs from rootvg/root on the
# big mirror, the helper picks the job up, vda gets the same partitions, joins
# every mirror and gets its own boot entry. Then disk 1 is pulled: the
# firmware passes over its entry and starts disk 2's. The BIOS boots from
# each disk alone are the same layout's (mirror_system.sh), one VM less.
MIRROR_LAYOUT=lvm exec "$(dirname "$0")/mirror_system.sh"

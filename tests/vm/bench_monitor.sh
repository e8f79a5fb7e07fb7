#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# vm: --disks 3 --disk-size 64M --memory 1536M
# cost: 150
# The monitor benchmark (tools/bench/monitor) at its smallest, so that every CI
# run prints its figures: three failures each way, one hot-unplug, no mdadm
# --monitor faulty-write trials (each waits up to its 60 s poll), 5 s idle. Like
# the benchmark it passes no threshold; it fails when the benchmark cannot run.
export TRIALS=3 UNPLUG_TRIALS=1 MDADM_TRIALS=0 IDLE=5 ARRAYS=1
exec "/src/tools/bench/monitor-guest.sh"

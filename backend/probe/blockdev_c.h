// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// libblockdev is a C library whose headers lack extern "C" guards.
extern "C" {
#include <blockdev/blockdev.h>
#include <blockdev/lvm.h>
#include <blockdev/mdraid.h>
#include <blockdev/part.h>
#include <blockdev/fs.h>
#include <blockdev/utils.h>
}

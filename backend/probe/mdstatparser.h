// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Parser for the text of /proc/mdstat, every format the kernel prints today and
// the 2.4-era one (no "super", read_ahead lines,
// devfs member names, lines wrapped with a trailing backslash).

#include "model/array.h"

namespace plexus {

struct MdstatContents {
    QStringList personalities;      // "raid1", "raid5", ... from "Personalities : [...]"
    QList<Array> arrays;            // in the order the kernel printed them
    QStringList unusedDevices;      // empty for "<none>"
};

// Parses `text`. On failure returns false and sets `error` to one sentence a person
// understands, naming the line ("line 3: ..."); `out` is then unspecified.
// Text that is not mdstat at all, and mdstat cut off in the middle, are failures.
bool parseMdstat(const QString &text, MdstatContents *out, QString *error);

} // namespace plexus

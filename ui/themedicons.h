// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Plexus's own SVG icons (icons/*.svg, in the :/icons resource). Lines drawn
// in "currentColor" take the palette's text colour, so one file serves light
// and dark themes; icons render sharp at any size and device pixel ratio.

#include "memberslots.h"

#include <QIcon>

namespace plexus {

QIcon themedIcon(const QString &name, const QPalette &palette);
QString levelIconName(const std::optional<QString> &level);   // "level-raid5"
QString slotIconName(const MemberSlot &slot);                 // "member-faulty"

} // namespace plexus

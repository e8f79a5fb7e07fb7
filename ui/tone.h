// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Colours that mean something (red faulty, amber degraded or rebuilding, green
// healthy, blue busy, grey spare): the KDE colour scheme's negative, neutral,
// positive and active roles where there is one, else fixed hues tuned to the
// palette so they read on light and dark themes alike. Everything else is taken
// from the palette as it is.

#include <QColor>
#include <QPalette>

class QPainter;
class QRect;

namespace plexus {

enum class Tone { Good, Warning, Bad, Busy, Neutral };

bool isDark(const QPalette &palette);
// a blended towards b by t (0 = a, 1 = b).
QColor mix(const QColor &a, const QColor &b, qreal t);

// Strong colour: borders, stripes, text on the window background.
QColor toneColor(Tone tone, const QPalette &palette);
// Soft tint of the tone over the palette's base, for filled areas with text on them.
QColor toneFill(Tone tone, const QPalette &palette);

// A banner across the window: the tone's tint, a stripe of it on the left (`unit`
// is the font's height) and a line below.
void paintBanner(QPainter &painter, const QRect &rect, Tone tone, const QPalette &palette, int unit);

} // namespace plexus

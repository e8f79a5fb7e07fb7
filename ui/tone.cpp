// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "tone.h"

#include <KColorScheme>
#include <KSharedConfig>
#include <QGuiApplication>
#include <QPainter>

#include <optional>

namespace plexus {

namespace {

// The colour scheme's own colours for these meanings, where the user has a KDE
// colour scheme (kdeglobals' [Colors:View], Plasma writes it): they are tuned
// to it, dark or light. Elsewhere (GNOME, a bare X session) KColorScheme would
// answer Breeze Light's whatever the theme, so the fixed hues below serve.
// They do not depend on the palette a widget paints with, so they are read
// again only when the application's palette changes (as it does when the
// user picks another scheme): toneColor() runs for every tile painted, with
// widgets' palettes that differ from each other.
std::optional<QColor> schemeColor(Tone tone)
{
    struct Cached {
        qint64 paletteKey = -1;
        bool present = false;
        QColor good, warning, bad, busy;
    };
    static Cached cached;
    const qint64 paletteKey = QGuiApplication::palette().cacheKey();
    if (cached.paletteKey != paletteKey) {
        const KSharedConfigPtr globals = KSharedConfig::openConfig(QStringLiteral("kdeglobals"));
        if (cached.paletteKey != -1)
            globals->reparseConfiguration(); // the scheme may have changed on disk
        cached.paletteKey = paletteKey;
        cached.present = globals->hasGroup(QStringLiteral("Colors:View"));
        if (cached.present) {
            const KColorScheme scheme(QPalette::Active, KColorScheme::View, globals);
            cached.good = scheme.foreground(KColorScheme::PositiveText).color();
            cached.warning = scheme.foreground(KColorScheme::NeutralText).color();
            cached.bad = scheme.foreground(KColorScheme::NegativeText).color();
            cached.busy = scheme.foreground(KColorScheme::ActiveText).color();
        }
    }
    if (!cached.present)
        return std::nullopt;
    switch (tone) {
    case Tone::Good: return cached.good;
    case Tone::Warning: return cached.warning;
    case Tone::Bad: return cached.bad;
    case Tone::Busy: return cached.busy;
    case Tone::Neutral: return std::nullopt; // the palette's own grey
    }
    return std::nullopt;
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t), float(a.alphaF() + (b.alphaF() - a.alphaF()) * t));
}

QColor toneColor(Tone tone, const QPalette &palette)
{
    if (const std::optional<QColor> fromScheme = schemeColor(tone))
        return *fromScheme;
    // Hues fixed by meaning; dark themes get lighter variants of each.
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Good: return dark ? QColor(0x4c, 0xc2, 0x6b) : QColor(0x1e, 0x8e, 0x3e);
    case Tone::Warning: return dark ? QColor(0xf2, 0xb1, 0x3a) : QColor(0xc2, 0x6a, 0x00);
    case Tone::Bad: return dark ? QColor(0xff, 0x6b, 0x61) : QColor(0xc5, 0x22, 0x1f);
    case Tone::Busy: return dark ? QColor(0x6a, 0xa8, 0xff) : QColor(0x1a, 0x66, 0xd2);
    case Tone::Neutral: return mix(palette.color(QPalette::WindowText), palette.color(QPalette::Window), 0.45);
    }
    return palette.color(QPalette::WindowText);
}

QColor toneFill(Tone tone, const QPalette &palette)
{
    const qreal strength = isDark(palette) ? 0.22 : 0.12;
    return mix(palette.color(QPalette::Base), toneColor(tone, palette), strength);
}

void paintBanner(QPainter &p, const QRect &rect, Tone tone, const QPalette &palette, int unit)
{
    p.fillRect(rect, toneFill(tone, palette));
    p.fillRect(QRect(rect.left(), rect.top(), qMax(4, unit / 4), rect.height()), toneColor(tone, palette));
    p.fillRect(QRect(rect.left(), rect.bottom(), rect.width(), 1), mix(toneColor(tone, palette), palette.color(QPalette::Window), 0.5));
}

} // namespace plexus

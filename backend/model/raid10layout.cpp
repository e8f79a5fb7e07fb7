// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "raid10layout.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace plexus {

Raid10Geometry raid10Geometry(const QString &layout)
{
    static const QRegularExpression copiesWords(QStringLiteral("(\\d+)\\s*(near|far|offset)-copies"));
    static const QRegularExpression copiesEquals(QStringLiteral("(near|far|offset)\\s*=\\s*(\\d+)"));
    static const QRegularExpression perSet(QStringLiteral("(\\d+)\\s*devices per set"));
    const QString text = layout.toLower();
    Raid10Geometry g;
    bool named = false;
    auto take = [&](const QString &kind, int count) {
        if (count < 1)
            return;
        if (!named)
            g.nearCopies = 1; // a layout that names its copies has no near copies unless it says so
        named = true;
        if (kind == QLatin1String("near"))
            g.nearCopies = count;
        else
            g.farCopies = count; // offset copies sit like far ones, one chunk apart instead of far apart
    };
    for (auto it = copiesWords.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        take(m.captured(2), m.captured(1).toInt());
    }
    for (auto it = copiesEquals.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        take(m.captured(1), m.captured(2).toInt());
    }
    if (const auto m = perSet.match(text); m.hasMatch())
        g.farSetSize = m.captured(1).toInt();
    return g;
}

QList<QList<int>> raid10CopySets(int devices, const Raid10Geometry &g)
{
    if (devices < 1)
        return {};
    // md rotates far copies within sets only when the sets divide the array.
    const int setSize = g.farSetSize > 0 && devices % g.farSetSize == 0 ? g.farSetSize : devices;
    // Chunk k's near copies start at slot k * nearCopies (mod devices).
    QSet<int> startSet;
    for (int k = 0; k < devices; ++k)
        startSet.insert(k * g.nearCopies % devices);
    QList<int> starts(startSet.begin(), startSet.end());
    std::sort(starts.begin(), starts.end());
    QList<QList<int>> sets;
    for (int start : starts) {
        QList<int> slots;
        for (int i = 0; i < g.nearCopies; ++i) {
            const int slot = (start + i) % devices;
            const int setStart = slot / setSize * setSize;
            // Each far copy moves nearCopies slots on, wrapping within its set.
            for (int f = 0; f < g.farCopies; ++f) {
                const int copy = setStart + (slot - setStart + f * g.nearCopies) % setSize;
                if (!slots.contains(copy))
                    slots << copy;
            }
        }
        sets << slots;
    }
    return sets;
}

} // namespace plexus

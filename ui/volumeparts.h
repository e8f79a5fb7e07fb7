// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A volume group laid out as pictures, in vinum's terms: a capacity bar of
// its logical volumes and free space, then each volume as its plex and
// subdisks (LVM's segments, where it lies), with the md arrays they lie on
// beneath them. Only geometry and words here; VolumeLayout paints and clicks.

#include "model/snapshot.h"
#include "selectionmodel.h"
#include "tone.h"

#include <QFont>
#include <QRect>

namespace plexus {

struct VolumePart {
    enum class Kind {
        Title,      // the group's name and figures
        Capacity,   // a volume's share of the group's capacity bar
        Free,       // the group's free space in the bar (known or not)
        Volume,     // a volume's heading: name, size, segment type
        Use,        // what it holds: a mount's usage, swap, inactive, ...
        Plex,       // the volume's one copy (LVM linear/striped keep one)
        Subdisk,    // a segment: a stretch on one physical volume
        Unplaced,   // segments unknown: the devices it may lie on
        Array,      // an md array beneath a subdisk
        Copy,       // a member of that array: a whole copy when mirrored
    };
    Kind kind = Kind::Title;
    QRect rect;
    Selectable item;                // what a click makes current
    QString label;                  // painted, first
    QString detail;                 // painted after it, quieter
    QString description;            // tooltip and accessible text
    int volume = -1;                // index of the logical volume: its colour
    std::optional<qreal> fraction;  // Use: how full; Free: unknown when unset
    std::optional<Tone> tone;       // Copy: the member's state
    bool striped = false;           // Plex/Subdisk of a striped volume
    bool faded = false;             // inactive volume
};

struct VolumePicture {
    QList<VolumePart> parts;        // in reading (and paint) order
    int height = 0;
};

VolumePicture layoutVolumeGroup(const VolumeGroup &vg, const Snapshot &snapshot, const QFont &font, int width);

// A colour of its own for the group's `index`th volume, from the palette's highlight.
QColor volumeColor(int index, const QPalette &palette);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "volumeparts.h"
#include "disksegments.h"
#include "memberslots.h"
#include "model/describe.h"
#include "words.h"

#include <KLocalizedString>

#include <QFontMetrics>

namespace plexus {

namespace {

using Kind = VolumePart::Kind;

// "md0", "md0 and md1", "md0, md1 and sdb1" (or "md0 or md1": where it may lie)
QString listed(const QStringList &names, bool alternatives = false)
{
    if (names.size() < 2)
        return names.value(0);
    QString text = names.first();
    for (qsizetype i = 1; i + 1 < names.size(); ++i)
        text = i18nc("a list of devices: those so far (%1), then the next one (%2)", "%1, %2", text, names[i]);
    return alternatives ? i18nc("a list of devices a volume may lie on: those so far (%1), then the last one (%2)", "%1 or %2", text, names.last())
                        : i18nc("a list of devices: those so far (%1), then the last one (%2)", "%1 and %2", text, names.last());
}

// What a volume holds, in the words of the disk map; a mount's usage when statvfs told it.
QString useOf(const LogicalVolume &lv, const Snapshot &s, std::optional<qreal> &fraction)
{
    if (!lv.active)
        return i18nc("a logical volume's use", "inactive");
    for (const Mount *m : s.mountsOf(lv.device)) {
        if (m->sizeBytes && m->usedBytes && *m->sizeBytes > 0) {
            fraction = qBound<qreal>(0, qreal(*m->usedBytes) / qreal(*m->sizeBytes), 1);
            return i18nc("a mounted volume: its filesystem type (%1), mount point (%2), space used (%3) of its size (%4)",
                         "%1 \u00b7 %2 \u00b7 %3 of %4 used", m->fsType, m->mountPoint, humanSize(*m->usedBytes), humanSize(*m->sizeBytes));
        }
    }
    const DiskSegment role = blockDeviceRole(lv.device, QString(), QString(), s);
    return role.role == SegmentRole::Other ? i18nc("a logical volume's use", "not mounted") : role.roleText;
}

QString arrayWords(const Array &a)
{
    const QString organisation = levelOrganisation(a.level);
    if (organisation.isEmpty())
        return levelTitle(a.level);
    return i18nc("an array's RAID level (%1) and how it organises its devices (%2)", "%1 %2", levelTitle(a.level), organisation);
}

class Builder
{
public:
    Builder(const VolumeGroup &vg, const Snapshot &s, const QFont &font, int width)
        : m_vg(vg), m_s(s), m_width(qMax(1, width))
    {
        const QFontMetrics fm(font);
        m_u = fm.height();
        m_pad = qMax(2, m_u / 3);
        for (const PhysicalVolume &pv : vg.physicalVolumes)
            m_pvs << pv.device;
    }

    VolumePicture build()
    {
        title();
        capacity();
        for (int i = 0; i < m_vg.logicalVolumes.size(); ++i)
            volume(i);
        m_picture.height = m_y;
        return m_picture;
    }

private:
    VolumePart &add(Kind kind, const QRect &rect, const Selectable &item, const QString &label, const QString &detail,
                    const QString &description, int volume = -1)
    {
        VolumePart part;
        part.kind = kind;
        part.rect = rect;
        part.item = item;
        part.label = label;
        part.detail = detail;
        part.description = description;
        part.volume = volume;
        if (volume >= 0)
            part.faded = !m_vg.logicalVolumes[volume].active;
        m_picture.parts << part;
        return m_picture.parts.last();
    }

    QString freeWords() const
    {
        return m_vg.freeBytes ? i18nc("a volume group's free space", "%1 free", humanSize(*m_vg.freeBytes))
                              : i18nc("a volume group's free space", "free space unknown");
    }

    void title()
    {
        QString figures;
        if (m_vg.sizeBytes && !m_pvs.isEmpty())
            figures = i18nc("a volume group's size (%1) and its physical volumes (%2)", "%1 on %2", humanSize(*m_vg.sizeBytes), listed(m_pvs));
        else if (m_vg.sizeBytes)
            figures = humanSize(*m_vg.sizeBytes);
        else if (!m_pvs.isEmpty())
            figures = i18nc("a volume group's physical volumes", "on %1", listed(m_pvs));
        const QString volumes = i18np("%1 volume", "%1 volumes", m_vg.logicalVolumes.size());
        const QString text = figures.isEmpty()
            ? i18nc("a volume group's logical volumes (%1) and free space (%2)", "%1 \u00b7 %2", volumes, freeWords())
            : i18nc("a volume group's size and devices (%1), logical volumes (%2) and free space (%3)", "%1 \u00b7 %2 \u00b7 %3", figures, volumes,
                    freeWords());
        add(Kind::Title, QRect(0, m_y, m_width, m_u * 3 / 2), Selectable::volumeGroup(m_vg.name), m_vg.name, text,
            i18nc("%1 is a volume group, %2 its figures", "Volume group %1: %2", m_vg.name, text));
        m_y += m_u * 3 / 2 + m_pad / 2;
    }

    void capacity()
    {
        qint64 used = 0;
        QList<qint64> sizes;
        for (const LogicalVolume &lv : m_vg.logicalVolumes) {
            sizes << lv.sizeBytes;
            used += lv.sizeBytes;
        }
        // Unknown free space is what the group's size leaves over, drawn without a figure.
        qint64 total = qMax(m_vg.sizeBytes.value_or(0), used + m_vg.freeBytes.value_or(0));
        const qint64 free = m_vg.freeBytes ? *m_vg.freeBytes : total - used;
        if (free > 0)
            sizes << free;
        const QRect bar(0, m_y, m_width, m_u * 2);
        const QList<int> widths = segmentWidths(sizes, bar.width(), m_u * 3 / 2);
        int x = bar.left();
        const Selectable group = Selectable::volumeGroup(m_vg.name);
        for (int i = 0; i < widths.size(); ++i) {
            const QRect r(x, bar.top(), widths[i], bar.height());
            x += widths[i];
            if (i < m_vg.logicalVolumes.size()) {
                const LogicalVolume &lv = m_vg.logicalVolumes[i];
                const QString description = total > 0
                    ? i18nc("a logical volume (%1), its size (%2), its share in percent (%3) of its volume group (%4)", "%1: %2, %3% of %4", lv.name,
                            humanSize(lv.sizeBytes), qRound(100.0 * lv.sizeBytes / total), m_vg.name)
                    : i18nc("a logical volume (%1) and its size (%2)", "%1: %2", lv.name, humanSize(lv.sizeBytes));
                add(Kind::Capacity, r, Selectable::logicalVolume(m_vg.name, lv.name), lv.name, humanSize(lv.sizeBytes), description, i);
            } else if (m_vg.freeBytes) {
                VolumePart &p = add(Kind::Free, r, group, i18nc("a volume group's free space, in its capacity bar", "free"), humanSize(free),
                                    i18nc("%1 is a volume group, %2 a size", "Free space in %1: %2", m_vg.name, humanSize(free)));
                p.fraction = 0; // known
            } else {
                add(Kind::Free, r, group, i18nc("a volume group's free space", "free space unknown"), QString(),
                    i18nc("%1 is a volume group", "Free space in %1 unknown", m_vg.name));
            }
        }
        m_y = bar.bottom() + 1 + m_u;
    }

    void volume(int index)
    {
        const LogicalVolume &lv = m_vg.logicalVolumes[index];
        const Selectable item = Selectable::logicalVolume(m_vg.name, lv.name);
        // LVM's own name of the segment type: the same in every language.
        const QString type = lv.segmentType.isEmpty() ? QStringLiteral("linear") : lv.segmentType;
        const QString size = humanSize(lv.sizeBytes);
        const QString figures = lv.segmentType.isEmpty() ? size : i18nc("a logical volume's size (%1) and LVM segment type (%2)", "%1 \u00b7 %2", size, type);
        const QString description = lv.segmentType.isEmpty()
            ? i18nc("%1 is a logical volume, %2 its size", "Logical volume %1: %2", lv.name, size)
            : i18nc("%1 is a logical volume, %2 its size, %3 its LVM segment type", "Logical volume %1: %2, %3", lv.name, size, type);
        add(Kind::Volume, QRect(0, m_y, m_width, m_u * 3 / 2), item, lv.name, figures, description, index);
        m_y += m_u * 3 / 2;

        std::optional<qreal> fraction;
        const QString use = useOf(lv, m_s, fraction);
        VolumePart &usePart = add(Kind::Use, QRect(0, m_y, m_width, m_u * 5 / 4), item, use, QString(),
                                  i18nc("a logical volume (%1) and what it holds (%2)", "%1: %2", lv.name, use), index);
        usePart.fraction = fraction;
        m_y += m_u * 5 / 4 + m_u * 2 / 3 + m_pad; // room for the plex caption on its edge

        // The plex: a box whose caption sits on its top edge, the subdisks inside.
        const bool striped = lv.segmentType == QLatin1String("striped");
        // A group of one device holds all of each volume on it: that much is known without LVM's segments.
        QList<VolumeSegment> segments = lv.segments;
        if (segments.isEmpty() && m_pvs.size() == 1)
            segments << VolumeSegment{m_pvs.first(), lv.sizeBytes};
        QStringList devices;
        for (const VolumeSegment &seg : segments)
            devices << seg.device;
        const int count = int(segments.size());
        const QString plexWords = segments.isEmpty() ? type
                                  : striped
                                  ? i18ncp("a striped volume's plex", "striped across %1 subdisk", "striped across %1 subdisks", count)
                                  : i18ncp("a plex: its LVM segment type (%2) and how many subdisks it has (%1)", "%2, %1 subdisk", "%2, %1 subdisks", count, type);
        const QRect box(0, m_y, m_width, m_pad * 2 + m_u * 7 / 4);
        const QString on = listed(devices.isEmpty() ? m_pvs : devices, devices.isEmpty());
        const QString plexDescription = segments.isEmpty()
            ? i18nc("%1 is a logical volume, %2 its plex, %3 the devices it may lie on", "%1 keeps one plex (%2), where it lies is unknown, on %3", lv.name,
                    plexWords, on)
            : i18nc("%1 is a logical volume, %2 its plex, %3 the devices it lies on", "%1 keeps one plex (%2), on %3", lv.name, plexWords, on);
        VolumePart &plex = add(Kind::Plex, box, item, i18nc("vinum's word for one whole copy of a volume", "plex"), plexWords, plexDescription, index);
        plex.striped = striped;
        const QRect inner = box.adjusted(m_pad, m_pad, -m_pad, -m_pad);
        QList<QRect> under; // where each device's array goes
        QStringList underDevices;
        if (segments.isEmpty()) {
            add(Kind::Unplaced, inner, item, i18nc("a logical volume's place on its devices", "where it lies is unknown"),
                m_pvs.isEmpty() ? QString() : i18nc("the devices a logical volume may lie on", "on %1", listed(m_pvs, true)),
                i18nc("%1 is a logical volume, %2 the devices it may lie on", "%1 lies on %2; where it lies is unknown", lv.name, listed(m_pvs, true)), index);
            // The group's devices side by side, as many as there are, not to any scale.
            const int n = qMax(1, int(m_pvs.size()));
            for (int i = 0; i < m_pvs.size(); ++i) {
                const int left = inner.left() + inner.width() * i / n, right = inner.left() + inner.width() * (i + 1) / n;
                under << QRect(left, 0, right - left, 0);
                underDevices << m_pvs[i];
            }
        } else {
            QList<qint64> sizes;
            for (const VolumeSegment &seg : segments)
                sizes << seg.sizeBytes;
            const QList<int> widths = segmentWidths(sizes, inner.width(), m_u * 4);
            int x = inner.left();
            for (int i = 0; i < widths.size(); ++i) {
                const VolumeSegment &seg = segments[i];
                VolumePart &sub = add(Kind::Subdisk, QRect(x, inner.top(), widths[i], inner.height()), item, seg.device,
                                      humanSize(seg.sizeBytes),
                                      i18nc("%1 is a subdisk's number, %2 its logical volume, %3 its device, %4 its size", "Subdisk %1 of %2 on %3: %4", i + 1,
                                            lv.name, seg.device, humanSize(seg.sizeBytes)),
                                      index);
                sub.striped = striped;
                under << QRect(x, 0, widths[i], 0);
                underDevices << seg.device;
                x += widths[i];
            }
        }
        m_y = box.bottom() + 1;

        // Beneath each subdisk on an md array, that array: its level and its members.
        int deepest = 0;
        for (int i = 0; i < under.size(); ++i) {
            const Array *a = m_s.array(underDevices[i]);
            if (!a)
                continue;
            const QRect column = under[i].adjusted(m_pad / 2, 0, -m_pad / 2, 0);
            deepest = qMax(deepest, arrayPicture(*a, QRect(column.left(), m_y + m_u / 2, column.width(), 0), lv.name, index));
        }
        m_y += (deepest > 0 ? m_u / 2 + deepest : 0) + m_u;
    }

    // Adds the array and its members in `at`'s columns; returns its height.
    int arrayPicture(const Array &a, QRect at, const QString &volume, int index)
    {
        const QList<MemberSlot> slots = memberSlots(a);
        QList<MemberSlot> members;
        for (const MemberSlot &slot : slots)
            if (slot.state != SlotState::Spare && slot.state != SlotState::Journal)
                members << slot;
        const bool mirror = a.level == QLatin1String("raid1");
        const int row = m_u * 5 / 4, gap = qMax(2, m_pad / 2);
        const int rows = mirror ? qMax(1, int(members.size())) : 1;
        const int height = gap + row + rows * (row + gap) + gap;
        at.setHeight(height);
        QStringList names;
        for (const MemberSlot &m : members)
            names << (m.device.isEmpty() ? i18nc("in a list of an array's members", "a missing member") : m.device);
        const QString shortWords = mirror ? i18ncp("an array's level (%2) and how many copies it keeps (%1)", "%2, %1 copy", "%2, %1 copies", members.size(), arrayWords(a))
                                          : arrayWords(a);
        const QString description = mirror
            ? i18ncp("an array (%2) under a logical volume (%3): its level (%4), how many copies it keeps (%1) and its members (%5)",
                     "%2 under %3: %4: %1 copy (plex), %5", "%2 under %3: %4: %1 copies (plexes), %5", members.size(), a.name, volume, arrayWords(a),
                     listed(names))
            : i18nc("an array (%1) under a logical volume (%2): its level (%3) and its members (%4)", "%1 under %2: %3 of %4", a.name, volume, arrayWords(a),
                    listed(names));
        add(Kind::Array, at, Selectable::array(a.name), a.name, shortWords, description, index);
        const QRect inner = at.adjusted(gap, gap + row, -gap, -gap);
        const int n = qMax(1, int(members.size()));
        for (int i = 0; i < members.size(); ++i) {
            const MemberSlot &m = members[i];
            QRect r;
            if (mirror) {
                r = QRect(inner.left(), inner.top() + i * (row + gap), inner.width(), row);
            } else {
                const int left = inner.left() + inner.width() * i / n, right = inner.left() + inner.width() * (i + 1) / n;
                r = QRect(left, inner.top(), right - left - (i + 1 < n ? gap : 0), row);
            }
            const QString device = m.device.isEmpty() ? i18nc("an array's member that is missing", "missing") : m.device;
            const QString state = m.stateText();
            const QString description = mirror ? i18nc("%1 is a device, %2 a mirror, %3 the device's state", "%1: a copy of %2, %3", device, a.name, state)
                                               : i18nc("%1 is a device, %2 an array, %3 the device's state", "%1: member of %2, %3", device, a.name, state);
            VolumePart &p = add(Kind::Copy, r, Selectable::member(a.name, m.device, m.slot), device,
                                m.state == SlotState::InSync ? QString() : state, description, index);
            p.tone = m.tone();
        }
        return height;
    }

    const VolumeGroup &m_vg;
    const Snapshot &m_s;
    int m_width;
    int m_u = 0;
    int m_pad = 0;
    int m_y = 0;
    QStringList m_pvs;
    VolumePicture m_picture;
};

} // namespace

VolumePicture layoutVolumeGroup(const VolumeGroup &vg, const Snapshot &snapshot, const QFont &font, int width)
{
    return Builder(vg, snapshot, font, width).build();
}

QColor volumeColor(int index, const QPalette &palette)
{
    const QColor highlight = palette.color(QPalette::Highlight);
    const int hue = highlight.hsvHue() < 0 ? 210 : highlight.hsvHue();
    // Steps far apart around the wheel, starting from the theme's own accent;
    // never red, which the window keeps for faults.
    static const int steps[] = {0, 65, 305, 190, 255, 120, 30, 220};
    const int step = steps[qMax(0, index) % 8] + 13 * (qMax(0, index) / 8);
    int shifted = (hue + step) % 360;
    if (shifted >= 340 || shifted < 20)
        shifted = (shifted + 40) % 360;
    return QColor::fromHsv(shifted, qMax(120, highlight.hsvSaturation()), qMax(150, highlight.value()));
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "volumeparts.h"
#include "disksegments.h"
#include "memberslots.h"
#include "model/describe.h"
#include "words.h"

#include <QFontMetrics>

namespace plexus {

namespace {

using Kind = VolumePart::Kind;

const QString dot = QStringLiteral(" \u00b7 ");

// "md0", "md0 and md1", "md0, md1 and sdb1"
QString listed(const QStringList &names, const QString &last = QStringLiteral(" and "))
{
    if (names.size() < 2)
        return names.value(0);
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + last + names.last();
}

// What a volume holds, in the words of the disk map; a mount's usage when statvfs told it.
QString useOf(const LogicalVolume &lv, const Snapshot &s, std::optional<qreal> &fraction)
{
    if (!lv.active)
        return QStringLiteral("inactive");
    for (const Mount *m : s.mountsOf(lv.device)) {
        if (m->sizeBytes && m->usedBytes && *m->sizeBytes > 0) {
            fraction = qBound<qreal>(0, qreal(*m->usedBytes) / qreal(*m->sizeBytes), 1);
            return QStringList{m->fsType, m->mountPoint,
                               QStringLiteral("%1 of %2 used").arg(humanSize(*m->usedBytes), humanSize(*m->sizeBytes))}
                .join(dot);
        }
    }
    const DiskSegment role = blockDeviceRole(lv.device, QString(), QString(), s);
    return role.role == SegmentRole::Other ? QStringLiteral("not mounted") : role.roleText;
}

QString arrayWords(const Array &a)
{
    QString words = levelTitle(a.level);
    const QString organisation = levelOrganisation(a.level);
    if (!organisation.isEmpty())
        words += QLatin1Char(' ') + organisation;
    return words;
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
        return m_vg.freeBytes ? QStringLiteral("%1 free").arg(humanSize(*m_vg.freeBytes)) : QStringLiteral("free space unknown");
    }

    void title()
    {
        QStringList detail;
        if (m_vg.sizeBytes)
            detail << humanSize(*m_vg.sizeBytes);
        if (!m_pvs.isEmpty())
            detail << QStringLiteral("on %1").arg(listed(m_pvs));
        const QString figures = detail.join(QLatin1Char(' '));
        const QString volumes = m_vg.logicalVolumes.size() == 1 ? QStringLiteral("1 volume")
                                                               : QStringLiteral("%1 volumes").arg(m_vg.logicalVolumes.size());
        QStringList words{figures, volumes, freeWords()};
        words.removeAll(QString());
        const QString text = words.join(dot);
        add(Kind::Title, QRect(0, m_y, m_width, m_u * 3 / 2), Selectable::volumeGroup(m_vg.name), m_vg.name, text,
            QStringLiteral("Volume group %1: %2").arg(m_vg.name, text));
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
                const QString share = total > 0 ? QStringLiteral(", %1% of %2").arg(qRound(100.0 * lv.sizeBytes / total)).arg(m_vg.name)
                                                : QString();
                add(Kind::Capacity, r, Selectable::logicalVolume(m_vg.name, lv.name), lv.name, humanSize(lv.sizeBytes),
                    QStringLiteral("%1: %2%3").arg(lv.name, humanSize(lv.sizeBytes), share), i);
            } else if (m_vg.freeBytes) {
                VolumePart &p = add(Kind::Free, r, group, QStringLiteral("free"), humanSize(free),
                                    QStringLiteral("Free space in %1: %2").arg(m_vg.name, humanSize(free)));
                p.fraction = 0; // known
            } else {
                add(Kind::Free, r, group, QStringLiteral("free space unknown"), QString(),
                    QStringLiteral("Free space in %1 unknown").arg(m_vg.name));
            }
        }
        m_y = bar.bottom() + 1 + m_u;
    }

    void volume(int index)
    {
        const LogicalVolume &lv = m_vg.logicalVolumes[index];
        const Selectable item = Selectable::logicalVolume(m_vg.name, lv.name);
        const QString type = lv.segmentType.isEmpty() ? QStringLiteral("linear") : lv.segmentType;
        QString figures = humanSize(lv.sizeBytes);
        if (!lv.segmentType.isEmpty())
            figures += dot + lv.segmentType;
        add(Kind::Volume, QRect(0, m_y, m_width, m_u * 3 / 2), item, lv.name, figures,
            QStringLiteral("Logical volume %1: %2").arg(lv.name, QString(figures).replace(dot, QStringLiteral(", "))), index);
        m_y += m_u * 3 / 2;

        std::optional<qreal> fraction;
        const QString use = useOf(lv, m_s, fraction);
        VolumePart &usePart = add(Kind::Use, QRect(0, m_y, m_width, m_u * 5 / 4), item, use, QString(),
                                  QStringLiteral("%1: %2").arg(lv.name, use), index);
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
        const QString subdisks = count == 1 ? QStringLiteral("1 subdisk") : QStringLiteral("%1 subdisks").arg(count);
        const QString plexWords = segments.isEmpty() ? type
                                  : striped          ? QStringLiteral("striped across %1").arg(subdisks)
                                                        : QStringLiteral("%1, %2").arg(type, subdisks);
        const QRect box(0, m_y, m_width, m_pad * 2 + m_u * 7 / 4);
        QString on = listed(devices.isEmpty() ? m_pvs : devices, devices.isEmpty() ? QStringLiteral(" or ") : QStringLiteral(" and "));
        const QString where = segments.isEmpty() ? QStringLiteral("where it lies is unknown, on %1").arg(on) : QStringLiteral("on %1").arg(on);
        VolumePart &plex = add(Kind::Plex, box, item, QStringLiteral("plex"), plexWords,
                               QStringLiteral("%1 keeps one plex (%2), %3").arg(lv.name, plexWords, where), index);
        plex.striped = striped;
        const QRect inner = box.adjusted(m_pad, m_pad, -m_pad, -m_pad);
        QList<QRect> under; // where each device's array goes
        QStringList underDevices;
        if (segments.isEmpty()) {
            add(Kind::Unplaced, inner, item, QStringLiteral("where it lies is unknown"),
                m_pvs.isEmpty() ? QString() : QStringLiteral("on %1").arg(listed(m_pvs, QStringLiteral(" or "))),
                QStringLiteral("%1 lies on %2; where it lies is unknown").arg(lv.name, listed(m_pvs, QStringLiteral(" or "))), index);
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
                                      QStringLiteral("Subdisk %1 of %2 on %3: %4").arg(i + 1).arg(lv.name, seg.device, humanSize(seg.sizeBytes)),
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
            names << (m.device.isEmpty() ? QStringLiteral("a missing member") : m.device);
        const QString copies = mirror ? QStringLiteral(": %1 copies (plexes), %2").arg(members.size()).arg(listed(names))
                                      : QStringLiteral(" of %1").arg(listed(names));
        const QString shortWords = mirror ? QStringLiteral("%1, %2 copies").arg(arrayWords(a)).arg(members.size()) : arrayWords(a);
        add(Kind::Array, at, Selectable::array(a.name), a.name, shortWords,
            QStringLiteral("%1 under %2: %3%4").arg(a.name, volume, arrayWords(a), copies), index);
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
            const QString device = m.device.isEmpty() ? QStringLiteral("missing") : m.device;
            const QString state = m.stateText();
            const QString role = mirror ? QStringLiteral("a copy of %1").arg(a.name) : QStringLiteral("member of %1").arg(a.name);
            VolumePart &p = add(Kind::Copy, r, Selectable::member(a.name, m.device, m.slot), device,
                                m.state == SlotState::InSync ? QString() : state,
                                QStringLiteral("%1: %2, %3").arg(device, role, state), index);
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

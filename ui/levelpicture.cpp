// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "levelpicture.h"

#include <QPainter>

#include <algorithm>

namespace plexus {

namespace {

constexpr int rows = 4;
constexpr int mostColumns = 8;

} // namespace

LevelPicture::LevelPicture(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void LevelPicture::setArray(const std::optional<QString> &level, const QList<MemberSlot> &slots)
{
    m_level = level.value_or(QString());
    m_columns.clear();
    // A stopped array has no slots: draw its devices instead.
    const bool noSlots = std::none_of(slots.begin(), slots.end(), [](const MemberSlot &s) { return s.slot.has_value(); });
    for (const MemberSlot &s : slots) {
        const bool column = noSlots ? s.state != SlotState::Spare : s.slot && s.state != SlotState::Replacement;
        if (column && m_columns.size() < mostColumns)
            m_columns << s;
    }
    updateGeometry();
    update();
}

QSize LevelPicture::sizeHint() const
{
    const int unit = fontMetrics().height();
    const int columns = qMax<int>(2, int(m_columns.size()));
    return QSize(qMax(unit * 3, columns * unit * 3 / 4), unit * 3);
}

LevelPicture::Block LevelPicture::blockAt(const QString &level, int columns, int row, int column)
{
    const int n = qMax(1, columns);
    if (level == QLatin1String("raid0"))
        return {Block::Data, row * n + column};
    if (level == QLatin1String("linear"))
        return {Block::Data, column * rows + row};
    if (level == QLatin1String("raid10"))
        return {Block::Data, (row * n + column) / 2}; // near-2: neighbours hold copies
    if (level == QLatin1String("raid4") && n > 1) {
        if (column == n - 1)
            return {Block::Parity, 0};
        return {Block::Data, row * (n - 1) + column};
    }
    if (level == QLatin1String("raid5") && n > 1) {
        const int parity = n - 1 - row % n; // left-symmetric, md's default
        if (column == parity)
            return {Block::Parity, 0};
        return {Block::Data, row * (n - 1) + (column - parity - 1 + n) % n};
    }
    if (level == QLatin1String("raid6") && n > 2) {
        const int p = n - 1 - row % n, q = (p + 1) % n;
        if (column == p)
            return {Block::Parity, 0};
        if (column == q)
            return {Block::SecondParity, 0};
        return {Block::Data, row * (n - 2) + (column - q - 1 + n) % n};
    }
    return {Block::Data, row}; // raid1 and anything else: every drive a full copy
}

void LevelPicture::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const int n = qMax<int>(1, int(m_columns.size()));
    const QRectF area = QRectF(rect()).adjusted(1, 1, -1, -1);
    const qreal gap = qMax(2.0, area.width() / (n * 8.0));
    const qreal columnWidth = (area.width() - gap * (n - 1)) / n;
    const qreal inset = qMax(1.5, columnWidth / 8);
    const qreal blockHeight = (area.height() - inset * 2 - gap * (rows - 1) / 2) / rows;
    const QColor ink = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    const QColor data = toneColor(Tone::Busy, pal);

    for (int c = 0; c < n; ++c) {
        const MemberSlot slot = c < m_columns.size() ? m_columns[c] : MemberSlot{};
        const QRectF column(area.left() + c * (columnWidth + gap), area.top(), columnWidth, area.height());
        const bool missing = slot.state == SlotState::Missing;
        const bool faulty = slot.state == SlotState::Faulty;
        const bool rebuilding = slot.state == SlotState::Rebuilding || slot.state == SlotState::Replacement;
        const QColor edge = faulty ? toneColor(Tone::Bad, pal) : (missing || rebuilding) ? toneColor(Tone::Warning, pal)
                                                                                        : mix(ink, base, 0.45);
        p.setPen(QPen(edge, faulty || missing || rebuilding ? 1.6 : 1.0, missing ? Qt::DashLine : Qt::SolidLine));
        p.setBrush(faulty ? toneFill(Tone::Bad, pal) : base);
        p.drawRoundedRect(column, inset, inset);
        if (missing || m_level.isEmpty()) // no level: no layout to draw
            continue;
        p.setPen(Qt::NoPen);
        for (int r = 0; r < rows; ++r) {
            const Block b = blockAt(m_level, n, r, c);
            const QRectF block(column.left() + inset, column.top() + inset + r * (blockHeight + gap / 2),
                               column.width() - inset * 2, blockHeight);
            QColor fill;
            if (b.kind == Block::Data)
                fill = mix(data, base, 0.12 + 0.16 * (b.chunk % 5)); // copies share a shade
            else
                fill = mix(ink, base, b.kind == Block::Parity ? 0.25 : 0.45);
            if (faulty || rebuilding)
                fill = mix(fill, base, 0.55);
            p.setBrush(fill);
            p.drawRoundedRect(block, inset / 2, inset / 2);
        }
    }
}

} // namespace plexus

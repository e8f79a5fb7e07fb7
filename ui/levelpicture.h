// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A small picture of how an array lays out its data, after the vinum figures:
// one column per slot (a drive), chunks as blocks. Mirrors repeat the same
// blocks, stripes spread consecutive ones across drives, parity levels show
// their rotating parity, concat fills one drive after the other, RAID-10
// mirrors pairs and stripes across them. Columns show each slot's state.

#include "memberslots.h"

#include <QWidget>

namespace plexus {

class LevelPicture : public QWidget
{
    Q_OBJECT
public:
    explicit LevelPicture(QWidget *parent = nullptr);

    void setArray(const std::optional<QString> &level, const QList<MemberSlot> &slots);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

    // What sits in row `row` of column `column` out of `columns`: a data chunk's
    // number (equal numbers are copies), or a parity chunk.
    struct Block {
        enum Kind { Data, Parity, SecondParity } kind = Data;
        int chunk = 0;
    };
    static Block blockAt(const QString &level, int columns, int row, int column);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_level;
    QList<MemberSlot> m_columns; // one per slot, replacements and spares left out
};

} // namespace plexus

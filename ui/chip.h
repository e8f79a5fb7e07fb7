// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A short coloured label in a rounded box: an array's health, a disk's bus or
// "removable". The tone gives the colour; the text says it in words.

#include "tone.h"

#include <QLabel>

namespace plexus {

class Chip : public QLabel
{
    Q_OBJECT
public:
    explicit Chip(QWidget *parent = nullptr);
    void setTone(Tone tone);
    Tone tone() const { return m_tone; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateMargins();
    Tone m_tone = Tone::Neutral;
};

} // namespace plexus

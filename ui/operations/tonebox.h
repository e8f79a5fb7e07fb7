// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A rounded box tinted by a tone (red for what will be erased or refused,
// green for done), holding a few lines of words: the review's warning boxes.

#include "tone.h"

#include <QFrame>

class QLabel;
class QVBoxLayout;

namespace plexus {

class ToneBox : public QFrame
{
    Q_OBJECT
public:
    ToneBox(Tone tone, QWidget *parent = nullptr);
    void setTone(Tone tone);
    Tone tone() const { return m_tone; }
    QVBoxLayout *boxLayout() const { return m_layout; }
    // A bold line in the tone's colour, and a plain wrapped line under it.
    QLabel *addHeading(const QString &text, const QString &objectName);
    QLabel *addText(const QString &text, const QString &objectName);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Tone m_tone;
    QVBoxLayout *m_layout;
};

} // namespace plexus

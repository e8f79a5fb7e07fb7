// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A size between two bounds: a slider for the eye, a spin box in MiB for the
// exact figure, and the bounds in words ("up to 3.9 GiB, all the free space").

#include <QWidget>

class QLabel;
class QSlider;
class QSpinBox;

namespace plexus {

class SizeChooser : public QWidget
{
    Q_OBJECT
public:
    explicit SizeChooser(QWidget *parent = nullptr);

    // Bounds in bytes, rounded to whole MiB; `maxWords` says what the maximum is.
    void setRange(qint64 minBytes, qint64 maxBytes, const QString &maxWords);
    void setBytes(qint64 bytes);
    qint64 bytes() const;
    bool atMaximum() const;
    QSlider *slider() const { return m_slider; }
    QSpinBox *spinBox() const { return m_spin; }

Q_SIGNALS:
    void changed();

private:
    void showWords();

    QSlider *m_slider;
    QSpinBox *m_spin;
    QLabel *m_words;
    QString m_maxWords;
};

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "sizechooser.h"

#include "model/describe.h"

#include <KLocalizedString>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

namespace plexus {

namespace {
constexpr qint64 MiB = qint64(1) << 20;
}

SizeChooser::SizeChooser(QWidget *parent)
    : QWidget(parent), m_slider(new QSlider(Qt::Horizontal)), m_spin(new QSpinBox), m_words(new QLabel)
{
    m_slider->setObjectName(QStringLiteral("sizeSlider"));
    m_spin->setObjectName(QStringLiteral("sizeMiB"));
    m_spin->setSuffix(i18nc("unit after a size in mebibytes, with its space", " MiB"));
    m_spin->setAccelerated(true);
    m_words->setObjectName(QStringLiteral("sizeWords"));
    m_words->setWordWrap(true);
    // The two show one value: each follows the other without echoing back.
    connect(m_slider, &QSlider::valueChanged, m_spin, &QSpinBox::setValue);
    connect(m_spin, &QSpinBox::valueChanged, m_slider, &QSlider::setValue);
    connect(m_spin, &QSpinBox::valueChanged, this, [this] {
        showWords();
        Q_EMIT changed();
    });
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_slider, 1);
    row->addWidget(m_spin);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_words);
}

void SizeChooser::setRange(qint64 minBytes, qint64 maxBytes, const QString &maxWords)
{
    m_maxWords = maxWords;
    const int lo = int(std::max<qint64>(1, minBytes / MiB));
    const int hi = int(std::max<qint64>(lo, maxBytes / MiB));
    m_slider->setRange(lo, hi);
    m_spin->setRange(lo, hi);
    m_slider->setPageStep(std::max(1, (hi - lo) / 10));
    showWords();
}

void SizeChooser::setBytes(qint64 bytes)
{
    m_spin->setValue(int(bytes / MiB));
}

qint64 SizeChooser::bytes() const
{
    return qint64(m_spin->value()) * MiB;
}

bool SizeChooser::atMaximum() const
{
    return m_spin->value() == m_spin->maximum();
}

void SizeChooser::showWords()
{
    m_words->setText(i18nc("%1 the size chosen, %2 and %3 the bounds, %4 what the upper bound is (all the free space)",
                           "%1 \u2014 from %2 up to %3 (%4).", humanSize(bytes()), humanSize(qint64(m_spin->minimum()) * MiB),
                           humanSize(qint64(m_spin->maximum()) * MiB), m_maxWords));
}

} // namespace plexus

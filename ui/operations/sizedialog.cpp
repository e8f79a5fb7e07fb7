// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "sizedialog.h"
#include "sizechooser.h"

#include <KLocalizedString>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace plexus {

SizeDialog::SizeDialog(const QString &title, const QString &text, qint64 minBytes, qint64 maxBytes, const QString &maxWords,
                       qint64 initialBytes, QWidget *parent)
    : QDialog(parent), m_size(new SizeChooser)
{
    setWindowTitle(title);
    setObjectName(QStringLiteral("sizeDialog"));
    auto *words = new QLabel(text);
    words->setWordWrap(true);
    m_size->setRange(minBytes, maxBytes, maxWords);
    m_size->setBytes(initialBytes);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *ok = buttons->addButton(i18nc("@action:button", "Review\u2026"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("reviewButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT sizeChosen(m_size->bytes());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(words);
    layout->addWidget(m_size);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

} // namespace plexus

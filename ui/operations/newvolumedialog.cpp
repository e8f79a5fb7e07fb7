// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "newvolumedialog.h"
#include "sizechooser.h"

#include "engine/steps/volumesteps.h"
#include "model/describe.h"

#include <KLocalizedString>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace plexus {

namespace {
// The filesystem choice for none (translated each time: no static text).
QString noFilesystem()
{
    return i18nc("filesystem choice", "none (a raw volume)");
}
}

NewVolumeDialog::NewVolumeDialog(const QString &title, qint64 freeBytes, const QString &maxWords, const QString &suggestedName, QWidget *parent)
    : QDialog(parent), m_name(new QLineEdit(suggestedName)), m_size(new SizeChooser), m_filesystem(new QComboBox),
      m_label(new QLineEdit), m_mountPoint(new QLineEdit)
{
    setWindowTitle(title);
    setObjectName(QStringLiteral("newVolumeDialog"));
    m_name->setObjectName(QStringLiteral("volumeName"));
    m_filesystem->setObjectName(QStringLiteral("volumeFilesystem"));
    m_label->setObjectName(QStringLiteral("volumeLabel"));
    m_mountPoint->setObjectName(QStringLiteral("volumeMountPoint"));
    m_filesystem->addItems(filesystemTypes());
    m_filesystem->addItem(noFilesystem());
    m_size->setRange(4 << 20, freeBytes, maxWords);
    m_size->setBytes(freeBytes);
    m_mountPoint->setPlaceholderText(i18n("/srv/data, or empty: not mounted"));
    m_label->setPlaceholderText(i18nc("placeholder of the label field", "optional"));

    auto *form = new QFormLayout;
    form->addRow(i18n("&Name:"), m_name);
    form->addRow(i18n("&Size:"), m_size);
    form->addRow(i18n("&Filesystem:"), m_filesystem);
    form->addRow(i18nc("a filesystem label", "&Label:"), m_label);
    form->addRow(i18n("&Mount at:"), m_mountPoint);
    auto *note = new QLabel(i18n("A mount point is written to /etc/fstab, so the volume is mounted there at every start too. "
                                 "The next step shows every command before anything runs."));
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_ok = buttons->addButton(i18nc("@action:button", "Review\u2026"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("reviewButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT chosen(choice());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &NewVolumeDialog::update);
    connect(m_filesystem, &QComboBox::currentTextChanged, this, &NewVolumeDialog::update);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    update();
}

VolumeChoice NewVolumeDialog::choice() const
{
    const QString fs = m_filesystem->currentText() == noFilesystem() ? QString() : m_filesystem->currentText();
    const bool mountable = !fs.isEmpty() && fs != QLatin1String("swap");
    return VolumeChoice{m_name->text().trimmed(), m_size->atMaximum() ? 0 : quint64(m_size->bytes()), fs,
                        fs.isEmpty() ? QString() : m_label->text().trimmed(), mountable ? m_mountPoint->text().trimmed() : QString()};
}

void NewVolumeDialog::update()
{
    const QString fs = m_filesystem->currentText();
    // Only a filesystem has a label; swap and a raw volume are not mounted.
    m_label->setEnabled(fs != noFilesystem());
    m_mountPoint->setEnabled(fs != noFilesystem() && fs != QLatin1String("swap"));
    m_ok->setEnabled(!m_name->text().trimmed().isEmpty());
}

} // namespace plexus

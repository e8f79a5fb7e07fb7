// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A new size for a volume (Grow…, Shrink…): what happens in a sentence, and a
// slider between the bounds the window knows.

#include <QDialog>

namespace plexus {

class SizeChooser;

class SizeDialog : public QDialog
{
    Q_OBJECT
public:
    SizeDialog(const QString &title, const QString &text, qint64 minBytes, qint64 maxBytes, const QString &maxWords, qint64 initialBytes,
               QWidget *parent = nullptr);
    SizeChooser *sizeChooser() const { return m_size; }

Q_SIGNALS:
    void sizeChosen(qint64 bytes);

private:
    SizeChooser *m_size;
};

} // namespace plexus

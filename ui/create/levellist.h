// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The levels a new array can have, one row each: a radio button with the
// level's name, a picture of how it lays out the chosen devices, and in words
// and numbers its space, how many disks may fail and its speed. Levels the
// chosen devices do not allow are disabled and say why in place of the numbers.

#include "levelchoices.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QRadioButton;

namespace plexus {

class LevelPicture;

class LevelList : public QWidget
{
    Q_OBJECT
public:
    explicit LevelList(QWidget *parent = nullptr);

    // `slots`: slot order as levelchoices' slotOrder gives it for each level
    // (empty strings are missing slots).
    void setChoices(const QList<LevelChoice> &choices, const QStringList &members, int missing);
    const QList<LevelChoice> &choices() const { return m_choices; }
    const LevelChoice *choice(const QString &level) const;

    QString level() const;              // the checked one; empty when none
    void setLevel(const QString &level);

    QRadioButton *button(const QString &level) const;
    QLabel *facts(const QString &level) const;

Q_SIGNALS:
    void levelPicked(const QString &level); // by the user (click or keyboard)

private:
    struct Row {
        QString level;
        QRadioButton *button = nullptr;
        LevelPicture *picture = nullptr;
        QLabel *facts = nullptr;
    };
    const Row *row(const QString &level) const;

    QList<Row> m_rows;
    QList<LevelChoice> m_choices;
    QButtonGroup *m_group = nullptr;
};

} // namespace plexus

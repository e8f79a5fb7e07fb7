// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A plan's steps as a person reads them: numbered, each in words with the
// equivalent shell command under it (monospace, selectable), and, once it
// runs, a state icon per step and a progress bar on a step that waits for
// the kernel.

#include <QWidget>

class QLabel;
class QProgressBar;
class QVBoxLayout;

namespace plexus {

class StepList : public QWidget
{
    Q_OBJECT
public:
    enum class StepState { Pending, Running, Done, Failed };

    explicit StepList(QWidget *parent = nullptr);

    void setSteps(const QStringList &descriptions, const QStringList &commands);
    QStringList descriptions() const { return m_descriptions; }
    QStringList commands() const { return m_commands; }
    void setState(int index, StepState state);
    StepState state(int index) const;
    void setProgress(int index, double percent);
    // Marks every step up to `index` done (signals may skip one).
    void doneUpTo(int index);
    // The step running now, or -1.
    int runningIndex() const;
    // The step's row, to scroll it into view; null when there is none.
    QWidget *row(int index) const;

private:
    struct Row {
        QLabel *icon;
        QLabel *text;
        QLabel *command;
        QProgressBar *progress;
        StepState state = StepState::Pending;
    };
    QVBoxLayout *m_layout;
    QList<Row> m_rows;
    QStringList m_descriptions;
    QStringList m_commands;
};

} // namespace plexus

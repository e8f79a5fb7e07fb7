// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Review before anything runs, then the run itself, in one window: the plan
// in words and as shell commands, what will be erased (named as a person
// recognises a disk) behind a confirmation, or why it cannot be done. After
// Run the same steps show their progress, then "Done" or the error in plain
// words, with the plan still there: nothing the user chose is lost.
//
// Object names for tests and the VM tier: "title", "summary", "notes",
// "refusal", "erased", "confirm" (checkbox), "steps", "runButton",
// "copyCommands", "closeButton", "result"; property "phase".

#include "operation.h"
#include "operationrunner.h"

#include <QDialog>

class QCheckBox;
class QFrame;
class QLabel;
class QPushButton;
class QScrollArea;

namespace plexus {

class StepList;

class ReviewDialog : public QDialog
{
    Q_OBJECT
    Q_PROPERTY(QString phase READ phaseName NOTIFY phaseChanged)
public:
    enum class Phase { Review, Refused, Running, Succeeded, Failed };

    explicit ReviewDialog(const Operation &op, QWidget *parent = nullptr);

    const Operation &operation() const { return m_op; }
    OperationRunner *runner() const { return m_runner; }
    Phase phase() const { return m_phase; }
    QString phaseName() const; // "review", "refused", "running", "done", "failed"
    // The equivalent shell commands, one a line, as "Copy commands" copies them.
    QString commandsText() const;
    StepList *stepList() const { return m_steps; }

public Q_SLOTS:
    void run();
    // Shows a job the helper runs already (picked up after a restart) instead
    // of running one: `states` as UnfinishedJobs gives them, then its progress live.
    void follow(const QString &job, const QStringList &states);

Q_SIGNALS:
    void phaseChanged();
    void operationFinished(const plexus::HelperResult &result);

private:
    QWidget *buildRefusal();
    QWidget *buildErased();
    void setPhase(Phase phase);
    void updateRunEnabled();
    void fitSteps();
    void showStep(int index);
    void onStarted(const QString &summary, const QStringList &descriptions, const QStringList &commands);
    void onFinished(const HelperResult &result);

    Operation m_op;
    Phase m_phase = Phase::Review;
    OperationRunner *m_runner;
    QLabel *m_summary;
    StepList *m_steps;
    QScrollArea *m_stepsScroll;
    QLabel *m_stepsHeading;
    QCheckBox *m_confirm = nullptr;
    QLabel *m_runningNote;
    QFrame *m_result;
    QLabel *m_resultLead;
    QLabel *m_resultMessage;
    QPushButton *m_run = nullptr;
    QPushButton *m_close;
    QStringList m_said;   // what the steps said they did ("opened read-only as /dev/loop0: ...")
};

} // namespace plexus

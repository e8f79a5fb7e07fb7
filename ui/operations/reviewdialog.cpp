// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "reviewdialog.h"
#include "errorwords.h"
#include "operationrunner.h"
#include "steplist.h"
#include "tonebox.h"

#include <KLocalizedString>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QFontDatabase>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace plexus {

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

QString bullets(const QStringList &lines)
{
    QStringList out;
    for (const QString &l : lines)
        out << i18nc("a line of a bulleted list", "\u2022 %1", l);
    return out.join(QLatin1Char('\n'));
}

} // namespace

ReviewDialog::ReviewDialog(const Operation &op, QWidget *parent) : QDialog(parent), m_op(op), m_runner(new OperationRunner(this))
{
    setObjectName(QStringLiteral("reviewDialog"));
    setWindowTitle(op.title);
    const int unit = fontMetrics().height();
    // Wide enough for each command on one line where the screen allows: one
    // broken mid-option ("--" / "metadata=1.2") is hard to read and to copy.
    const QFontMetrics mono(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    int widestCommand = 0;
    for (const QString &command : op.plan.previews())
        widestCommand = qMax(widestCommand, mono.horizontalAdvance(command));
    setMinimumWidth(qBound(unit * 34, widestCommand + unit * 5, unit * 64));

    auto *title = new QLabel(op.title, this);
    title->setObjectName(QStringLiteral("title"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    title->setFont(big);
    m_summary = new QLabel(op.plan.summary, this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setVisible(!op.plan.summary.isEmpty());
    auto *notes = new QLabel(bullets(op.plan.notes), this);
    notes->setObjectName(QStringLiteral("notes"));
    notes->setWordWrap(true);
    notes->setTextFormat(Qt::PlainText);
    notes->setForegroundRole(QPalette::PlaceholderText);
    notes->setVisible(!op.plan.notes.isEmpty());

    m_steps = new StepList;
    m_steps->setSteps(op.plan.descriptions(), op.plan.previews());
    auto *stepsScroll = new QScrollArea(this);
    m_stepsScroll = stepsScroll;
    stepsScroll->setWidget(m_steps);
    stepsScroll->setWidgetResizable(true);
    stepsScroll->setFrameShape(QFrame::NoFrame);
    stepsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the steps wrap instead
    stepsScroll->setMaximumHeight(unit * 22);
    // No steps yet: the helper makes the plan when it runs (what the window cannot read without root).
    const bool steps = !op.isRefused() && !op.plan.steps.isEmpty();
    stepsScroll->setVisible(steps);
    auto *stepsHeading = m_stepsHeading = heading(i18n("What will be done (and the same as shell commands)"), this);
    stepsHeading->setVisible(steps);

    auto *result = new ToneBox(Tone::Good, this);
    result->setObjectName(QStringLiteral("result"));
    m_result = result;
    m_resultLead = result->addHeading(QString(), QStringLiteral("resultLead"));
    m_resultMessage = result->addText(QString(), QStringLiteral("resultMessage"));
    result->hide();
    m_runningNote = new QLabel(i18n("Closing this window does not stop it: the arrays above show its progress."), this);
    m_runningNote->setObjectName(QStringLiteral("runningNote"));
    m_runningNote->setWordWrap(true);
    m_runningNote->setForegroundRole(QPalette::PlaceholderText);
    m_runningNote->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(unit, unit, unit, unit * 2 / 3);
    layout->setSpacing(unit * 2 / 3);
    layout->addWidget(title);
    layout->addWidget(m_summary);
    if (op.isRefused())
        layout->addWidget(buildRefusal());
    layout->addWidget(notes);
    layout->addWidget(stepsHeading);
    layout->addWidget(stepsScroll, 1);
    if (!op.isRefused() && !op.erased.isEmpty())
        layout->addWidget(buildErased());
    else if (!op.isRefused() && op.changesData) {
        m_confirm = new QCheckBox(steps ? i18n("I have read the steps: do this") : i18n("I have read this: do it"), this);
        m_confirm->setObjectName(QStringLiteral("confirm"));
        layout->addWidget(m_confirm);
    }
    layout->addWidget(m_result);
    layout->addWidget(m_runningNote);

    auto *buttons = new QDialogButtonBox(this);
    auto *copy = buttons->addButton(i18nc("@action:button", "Copy commands"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyCommands"));
    copy->setVisible(!op.isRefused());
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(commandsText()); });
    if (!op.isRefused()) {
        m_run = buttons->addButton(i18nc("@action:button", "Run"), QDialogButtonBox::AcceptRole);
        m_run->setObjectName(QStringLiteral("runButton"));
        m_run->setDefault(true);
        // Not connected to accept(): Run turns the dialog into the progress view.
        connect(m_run, &QPushButton::clicked, this, &ReviewDialog::run);
    }
    m_close = buttons->addButton(op.isRefused() ? i18nc("@action:button", "Close") : i18nc("@action:button", "Cancel"), QDialogButtonBox::RejectRole);
    m_close->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    if (m_confirm)
        connect(m_confirm, &QCheckBox::toggled, this, &ReviewDialog::updateRunEnabled);
    connect(m_runner, &OperationRunner::started, this, &ReviewDialog::onStarted);
    connect(m_runner, &OperationRunner::stepStarted, this, [this](int index, const QString &, const QString &) {
        m_steps->doneUpTo(index - 1);
        m_steps->setState(index, StepList::StepState::Running);
        showStep(index);
    });
    connect(m_runner, &OperationRunner::stepProgress, m_steps, &StepList::setProgress);
    connect(m_runner, &OperationRunner::stepFinished, this, [this](int index, const QString &error, const QString &message) {
        m_steps->setState(index, error.isEmpty() ? StepList::StepState::Done : StepList::StepState::Failed);
        if (error.isEmpty() && !message.isEmpty())
            m_said << message;
    });
    connect(m_runner, &OperationRunner::finished, this, &ReviewDialog::onFinished);
    setPhase(op.isRefused() ? Phase::Refused : Phase::Review);
    fitSteps();
}

void ReviewDialog::showStep(int index)
{
    // Once laid out: a dialog just opened on a running job has no geometry yet.
    QTimer::singleShot(0, this, [this, index] {
        // A third of the way down: the steps done just before it stay in sight too.
        if (QWidget *row = m_steps->row(index))
            m_stepsScroll->verticalScrollBar()->setValue(row->mapTo(m_steps, QPoint()).y() - m_stepsScroll->viewport()->height() / 3);
    });
}

void ReviewDialog::fitSteps()
{
    // A short plan shows whole; a long one scrolls.
    m_stepsScroll->setMinimumHeight(qMin(m_steps->sizeHint().height(), fontMetrics().height() * 22));
}

QWidget *ReviewDialog::buildRefusal()
{
    auto *box = new ToneBox(Tone::Bad, this);
    box->setObjectName(QStringLiteral("refusal"));
    box->addHeading(leadSentence(m_op.refusal.code()), QStringLiteral("refusalLead"));
    box->addText(m_op.refusal.message(), QStringLiteral("refusalMessage"));
    return box;
}

QWidget *ReviewDialog::buildErased()
{
    auto *box = new ToneBox(Tone::Bad, this);
    box->setObjectName(QStringLiteral("erased"));
    box->addHeading(i18ncp("heading over the devices a plan erases", "Will be erased", "Will be erased (%1 devices)", int(m_op.erased.size())),
                    QStringLiteral("erasedHeading"));
    for (int i = 0; i < m_op.erased.size(); ++i)
        box->addText(i18nc("a line of a bulleted list", "\u2022 %1", m_op.erased[i].text()), QStringLiteral("erased-%1").arg(i));
    m_confirm = new QCheckBox(i18np("Everything on this device will be lost: erase it", "Everything on these devices will be lost: erase them",
                                    int(m_op.erased.size())),
                              box);
    m_confirm->setObjectName(QStringLiteral("confirm"));
    box->boxLayout()->addWidget(m_confirm);
    return box;
}

QString ReviewDialog::phaseName() const
{
    switch (m_phase) {
    case Phase::Review: return QStringLiteral("review");
    case Phase::Refused: return QStringLiteral("refused");
    case Phase::Running: return QStringLiteral("running");
    case Phase::Succeeded: return QStringLiteral("done");
    case Phase::Failed: return QStringLiteral("failed");
    }
    return {};
}

QString ReviewDialog::commandsText() const
{
    return m_steps->commands().join(QLatin1Char('\n'));
}

void ReviewDialog::setPhase(Phase phase)
{
    m_phase = phase;
    const bool running = phase == Phase::Running;
    if (m_confirm)
        m_confirm->setEnabled(phase == Phase::Review || phase == Phase::Failed);
    if (m_run) {
        m_run->setVisible(!running && phase != Phase::Succeeded);
        m_run->setText(phase == Phase::Failed ? i18nc("@action:button", "Try again") : i18nc("@action:button", "Run"));
    }
    m_close->setText(phase == Phase::Review ? i18nc("@action:button", "Cancel") : i18nc("@action:button", "Close"));
    m_runningNote->setVisible(running);
    updateRunEnabled();
    Q_EMIT phaseChanged();
}

void ReviewDialog::updateRunEnabled()
{
    if (m_run)
        m_run->setEnabled((m_phase == Phase::Review || m_phase == Phase::Failed) && (!m_confirm || m_confirm->isChecked()));
}

void ReviewDialog::run()
{
    if (!m_run || !m_run->isEnabled())
        return;
    for (int i = 0; i < m_steps->descriptions().size(); ++i)
        m_steps->setState(i, StepList::StepState::Pending);
    m_result->hide();
    m_said.clear();
    setPhase(Phase::Running);
    m_runner->start(m_op);
}

void ReviewDialog::follow(const QString &job, const QStringList &states)
{
    if (m_runner->isRunning())
        return;
    for (int i = 0; i < m_steps->descriptions().size(); ++i) {
        const QString &state = states.value(i);
        m_steps->setState(i, state == QLatin1String("done") ? StepList::StepState::Done
                             : state == QLatin1String("in progress when it stopped") ? StepList::StepState::Running
                                                                                     : StepList::StepState::Pending);
    }
    m_stepsHeading->setText(i18n("Its steps (and the same as shell commands)"));
    showStep(qMax(0, int(states.indexOf(QStringLiteral("in progress when it stopped")))));
    setPhase(Phase::Running);
    m_runner->follow(job);
}

void ReviewDialog::onStarted(const QString &summary, const QStringList &descriptions, const QStringList &commands)
{
    // The helper planned again on the machine as it is now: show what runs.
    if (!summary.isEmpty())
        m_summary->setText(summary);
    if (descriptions != m_steps->descriptions() || commands != m_steps->commands()) {
        m_steps->setSteps(descriptions, commands);
        fitSteps();
    }
    m_stepsHeading->setVisible(!descriptions.isEmpty());
    m_stepsScroll->setVisible(!descriptions.isEmpty());
}

void ReviewDialog::onFinished(const HelperResult &result)
{
    auto *box = static_cast<ToneBox *>(m_result);
    if (result.ok && !result.note.isEmpty()) {
        // The plan's part for this boot is done; the rest waits for a restart (engine/restart.h).
        box->setTone(Tone::Neutral);
        // The restart step (the last one done) is the person's to do: shown as the one under way.
        int restart = int(m_steps->descriptions().size()) - 1;
        while (restart >= 0 && m_steps->state(restart) != StepList::StepState::Done)
            --restart;
        if (restart >= 0) {
            m_steps->setState(restart, StepList::StepState::Running);
            showStep(restart);
        }
        m_resultLead->setText(i18n("Waiting for a restart."));
        m_resultMessage->setText(result.note);
    } else if (result.ok) {
        m_steps->doneUpTo(int(m_steps->descriptions().size()) - 1);
        box->setTone(Tone::Good);
        m_resultLead->setText(i18nc("an operation has ended well", "Done."));
        // What a step found out is news to the user (the loop device a backup was opened as).
        QStringList words = m_said;
        words << (m_op.plan.notes.isEmpty() ? i18n("The window shows the arrays as they are now.")
                                            : i18n("The window shows the arrays as they are now; see the notes above."));
        m_resultMessage->setText(words.join(QLatin1Char('\n')));
    } else {
        const int running = m_steps->runningIndex();
        if (running >= 0)
            m_steps->setState(running, StepList::StepState::Failed);
        box->setTone(Tone::Bad);
        m_resultLead->setText(leadSentence(result));
        m_resultMessage->setText(result.message);
    }
    m_result->show();
    resize(size().expandedTo(sizeHint())); // room for the result, the plan still whole above it
    setPhase(result.ok ? Phase::Succeeded : Phase::Failed);
    Q_EMIT operationFinished(result);
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "unfinishedbanner.h"

#include "helper1_proxy.h"
#include "tone.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>

#include <unistd.h>

namespace plexus {

namespace {

QStringList strings(const QVariantMap &job, const char *key)
{
    return job.value(QLatin1String(key)).toStringList();
}

// The steps a resume would run: from the first that is not done.
int firstNotDone(const QVariantMap &job)
{
    const QStringList states = strings(job, "states");
    int i = 0;
    while (i < states.size() && states[i] == QLatin1String("done"))
        ++i;
    return i;
}

// The job's steps from `from` on, previewed as the helper reported them.
QList<Step> stepsFrom(const QVariantMap &job, int from)
{
    const QStringList steps = strings(job, "steps"), commands = strings(job, "commands");
    QList<Step> out;
    for (int i = from; i < steps.size(); ++i) {
        Step s;
        s.description = steps[i];
        s.commandNote = commands.value(i);
        out << s;
    }
    return out;
}

Operation takeUp(const QVariantMap &job, const QString &title, const QString &summary, const QString &method)
{
    Operation op;
    op.title = title;
    op.plan.summary = summary;
    op.plan.notes << QStringLiteral("plexus-helper makes the plan again from its journal and checks every device against the machine as "
                                    "it is now before anything runs.");
    const QString id = job.value(QStringLiteral("job")).toString();
    op.call = [id, method](HelperProxy *proxy, const QString &tag) {
        return proxy->asyncCall(method, id, QVariantMap{{QStringLiteral("tag"), tag}});
    };
    return op;
}

} // namespace

QString unfinishedWords(const QVariantMap &job)
{
    const QStringList steps = strings(job, "steps");
    const QStringList states = strings(job, "states");
    const int done = int(states.count(QStringLiteral("done")));
    const int stopped = int(states.indexOf(QStringLiteral("in progress when it stopped")));
    const int failed = int(states.indexOf(QStringLiteral("failed")));
    QString summary = job.value(QStringLiteral("summary")).toString();
    if (summary.endsWith(QLatin1Char('.')))
        summary.chop(1);
    if (job.value(QStringLiteral("running")).toBool()) {
        const int at = job.value(QStringLiteral("last_started")).toInt();
        return QStringLiteral("%1 is under way: step %2 of %3 (%4).").arg(summary).arg(at + 1).arg(steps.size()).arg(steps.value(at));
    }
    // Stopped on purpose, to go on after a restart (engine/restart.h).
    if (const QString waits = job.value(QStringLiteral("waits_for_restart")).toString(); !waits.isEmpty())
        return QStringLiteral("%1 waits for a restart. %2").arg(summary, waits);
    QString text = QStringLiteral("%1 did not finish: ").arg(summary);
    if (stopped >= 0)
        text += QStringLiteral("Plexus stopped in step %1 of %2 (%3)").arg(stopped + 1).arg(steps.size()).arg(steps.value(stopped));
    else if (failed >= 0)
        text += QStringLiteral("step %1 of %2 failed (%3)").arg(failed + 1).arg(steps.size()).arg(steps.value(failed));
    else
        text += QStringLiteral("Plexus stopped after step %1 of %2").arg(done).arg(steps.size());
    text += done == 0 ? QStringLiteral("; no step is done.") : done == 1 ? QStringLiteral("; step 1 is done.")
                                                                         : QStringLiteral("; steps 1 to %1 are done.").arg(done);
    return text;
}

Operation resumeOperation(const QVariantMap &job)
{
    const QStringList steps = strings(job, "steps");
    const int from = firstNotDone(job);
    Operation op = takeUp(job, QStringLiteral("Resume the unfinished job"),
                          QStringLiteral("Resume: %1 From step %2 of %3.").arg(job.value(QStringLiteral("summary")).toString()).arg(from + 1).arg(steps.size()),
                          QStringLiteral("ResumeJob"));
    if (strings(job, "states").value(from) == QLatin1String("in progress when it stopped"))
        op.plan.notes << QStringLiteral("Step %1 was running when Plexus stopped: it is first checked, and not run again if it took effect.").arg(from + 1);
    op.plan.steps = stepsFrom(job, from);
    return op;
}

Operation rollBackOperation(const QVariantMap &job)
{
    const QStringList steps = strings(job, "steps"), states = strings(job, "states"), undo = strings(job, "undo");
    Operation op = takeUp(job, QStringLiteral("Roll back the unfinished job"),
                          QStringLiteral("Roll back: undo what this did, last step first: %1").arg(job.value(QStringLiteral("summary")).toString()),
                          QStringLiteral("RollBackJob"));
    for (int i = int(steps.size()) - 1; i >= 0; --i) {
        if (states.value(i) == QLatin1String("not run"))
            continue;
        Step s;
        s.description = QStringLiteral("Step %1 (%2): %3").arg(i + 1).arg(steps[i], undo.value(i));
        op.plan.steps << s;
        if (undo.value(i).startsWith(QLatin1String("cannot be undone")) && states.value(i) == QLatin1String("done"))
            op.refusal = Status::failure(ErrorCode::Invalid, QStringLiteral("Step %1 (%2) %3. Resume the job instead, or drop it.")
                                                                 .arg(i + 1).arg(steps[i], undo.value(i)));
    }
    return op;
}

Operation followOperation(const QVariantMap &job)
{
    Operation op;
    op.title = QStringLiteral("A job under way");
    op.changesData = false; // nothing to confirm: it runs already
    op.plan.summary = job.value(QStringLiteral("summary")).toString();
    op.plan.notes << QStringLiteral("Started %1. plexus-helper carries it on by itself; this window only shows how far it is.")
                         .arg(QLocale().toString(job.value(QStringLiteral("started")).toDateTime().toLocalTime(), QLocale::ShortFormat));
    op.plan.steps = stepsFrom(job, 0);
    return op;
}

bool mayFollow(const QVariantMap &job)
{
    return job.value(QStringLiteral("running")).toBool() && (geteuid() == 0 || job.value(QStringLiteral("started_by")).toUInt() == geteuid());
}

UnfinishedBanner::UnfinishedBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("unfinishedBanner"));
    const int unit = fontMetrics().height();
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("unfinishedText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_resume = new QPushButton(QStringLiteral("Resume\u2026"), this);
    m_resume->setObjectName(QStringLiteral("unfinishedResume"));
    m_rollBack = new QPushButton(QStringLiteral("Roll back\u2026"), this);
    m_rollBack->setObjectName(QStringLiteral("unfinishedRollBack"));
    m_drop = new QPushButton(QStringLiteral("Drop\u2026"), this);
    m_drop->setObjectName(QStringLiteral("unfinishedDrop"));
    m_drop->setToolTip(QStringLiteral("Leave the machine as it is and stop reporting this job"));
    m_progress = new QPushButton(QStringLiteral("Show progress\u2026"), this);
    m_progress->setObjectName(QStringLiteral("unfinishedProgress"));
    connect(m_progress, &QPushButton::clicked, this, [this] { Q_EMIT followRequested(m_job); });
    connect(m_resume, &QPushButton::clicked, this, [this] { Q_EMIT reviewRequested(resumeOperation(m_job)); });
    connect(m_rollBack, &QPushButton::clicked, this, [this] { Q_EMIT reviewRequested(rollBackOperation(m_job)); });
    connect(m_drop, &QPushButton::clicked, this, [this] { Q_EMIT dropRequested(m_job.value(QStringLiteral("job")).toString(), unfinishedWords(m_job)); });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(unit + unit / 3, unit / 2, unit, unit / 2);
    layout->setSpacing(unit / 2);
    layout->addWidget(m_text, 1);
    for (QPushButton *b : {m_progress, m_resume, m_rollBack, m_drop})
        layout->addWidget(b, 0, Qt::AlignVCenter);
    hide();
}

void UnfinishedBanner::setJobs(const QList<QVariantMap> &jobs)
{
    if (jobs.isEmpty()) {
        m_job.clear();
        hide();
        return;
    }
    m_job = jobs.first();
    QString text = unfinishedWords(m_job);
    if (jobs.size() > 1)
        text += QStringLiteral(" (%1 more unfinished: plexusctl journal lists them.)").arg(jobs.size() - 1);
    m_text->setText(text);
    // Until the restart it goes on by itself, or is given up: nothing to resume.
    // While it runs, nothing but its progress.
    const bool running = m_job.value(QStringLiteral("running")).toBool();
    m_progress->setVisible(mayFollow(m_job));
    m_resume->setVisible(!running && m_job.value(QStringLiteral("waits_for_restart")).toString().isEmpty());
    m_rollBack->setVisible(!running);
    m_drop->setVisible(!running);
    show();
    update();
}

QString UnfinishedBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

void UnfinishedBanner::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    paintBanner(p, rect(), Tone::Warning, palette(), fontMetrics().height());
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "unfinishedbanner.h"

#include "actionicons.h"
#include "helper1_proxy.h"
#include "tone.h"

#include <KLocalizedString>
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
    op.plan.notes << i18n("plexus-helper makes the plan again from its journal and checks every device against the machine as "
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
        return i18nc("%1 a job's summary, %4 what its step %2 does", "%1 is under way: step %2 of %3 (%4).", summary, at + 1, int(steps.size()),
                     steps.value(at));
    }
    // Stopped on purpose, to go on after a restart (engine/restart.h).
    if (const QString waits = job.value(QStringLiteral("waits_for_restart")).toString(); !waits.isEmpty())
        return i18nc("%1 a job's summary, %2 what the restart is for", "%1 waits for a restart. %2", summary, waits);
    // One sentence for each way it ended, and how many of its steps are done.
    const int total = int(steps.size());
    if (stopped >= 0) {
        const QString what = steps.value(stopped);
        return done == 0 ? i18nc("%1 a job's summary, %4 what its step %2 does", "%1 did not finish: Plexus stopped in step %2 of %3 (%4); no step is done.",
                                 summary, stopped + 1, total, what)
                         : i18ncp("%2 a job's summary, %5 what its step %3 does, %1 how many steps are done",
                                  "%2 did not finish: Plexus stopped in step %3 of %4 (%5); step 1 is done.",
                                  "%2 did not finish: Plexus stopped in step %3 of %4 (%5); steps 1 to %1 are done.", done, summary, stopped + 1, total, what);
    }
    if (failed >= 0) {
        const QString what = steps.value(failed);
        return done == 0 ? i18nc("%1 a job's summary, %4 what its step %2 does", "%1 did not finish: step %2 of %3 failed (%4); no step is done.", summary,
                                 failed + 1, total, what)
                         : i18ncp("%2 a job's summary, %5 what its step %3 does, %1 how many steps are done",
                                  "%2 did not finish: step %3 of %4 failed (%5); step 1 is done.",
                                  "%2 did not finish: step %3 of %4 failed (%5); steps 1 to %1 are done.", done, summary, failed + 1, total, what);
    }
    return done == 0 ? i18nc("%1 a job's summary", "%1 did not finish: Plexus stopped after step %2 of %3; no step is done.", summary, done, total)
                     : i18ncp("%2 a job's summary, %1 how many steps are done", "%2 did not finish: Plexus stopped after step %1 of %3; step 1 is done.",
                              "%2 did not finish: Plexus stopped after step %1 of %3; steps 1 to %1 are done.", done, summary, total);
}

Operation resumeOperation(const QVariantMap &job)
{
    const QStringList steps = strings(job, "steps");
    const int from = firstNotDone(job);
    Operation op = takeUp(job, i18n("Resume the unfinished job"),
                          i18nc("%1 a job's summary (a sentence)", "Resume: %1 From step %2 of %3.", job.value(QStringLiteral("summary")).toString(), from + 1,
                                int(steps.size())),
                          QStringLiteral("ResumeJob"));
    if (strings(job, "states").value(from) == QLatin1String("in progress when it stopped"))
        op.plan.notes << i18n("Step %1 was running when Plexus stopped: it is first checked, and not run again if it took effect.", from + 1);
    op.plan.steps = stepsFrom(job, from);
    return op;
}

Operation rollBackOperation(const QVariantMap &job)
{
    const QStringList steps = strings(job, "steps"), states = strings(job, "states"), undo = strings(job, "undo");
    Operation op = takeUp(job, i18n("Roll back the unfinished job"),
                          i18nc("%1 a job's summary", "Roll back: undo what this did, last step first: %1", job.value(QStringLiteral("summary")).toString()),
                          QStringLiteral("RollBackJob"));
    for (int i = int(steps.size()) - 1; i >= 0; --i) {
        if (states.value(i) == QLatin1String("not run"))
            continue;
        Step s;
        s.description = i18nc("a step to roll back: %2 what the step did, %3 how it is undone", "Step %1 (%2): %3", i + 1, steps[i], undo.value(i));
        op.plan.steps << s;
        if (undo.value(i).startsWith(QLatin1String("cannot be undone")) && states.value(i) == QLatin1String("done"))
            op.refusal = Status::failure(ErrorCode::Invalid, i18nc("%2 what the step did, %3 why it cannot be undone (the helper's words)",
                                                                   "Step %1 (%2) %3. Resume the job instead, or drop it.", i + 1, steps[i],
                                                                   undo.value(i)));
    }
    return op;
}

Operation followOperation(const QVariantMap &job)
{
    Operation op;
    op.title = i18n("A job under way");
    op.changesData = false; // nothing to confirm: it runs already
    op.plan.summary = job.value(QStringLiteral("summary")).toString();
    op.plan.notes << i18nc("%1 a date and time", "Started %1. plexus-helper carries it on by itself; this window only shows how far it is.",
                           QLocale().toString(job.value(QStringLiteral("started")).toDateTime().toLocalTime(), QLocale::ShortFormat));
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
    m_resume = new QPushButton(i18nc("@action:button", "Resume\u2026"), this);
    m_resume->setObjectName(QStringLiteral("unfinishedResume"));
    m_rollBack = new QPushButton(i18nc("@action:button", "Roll back\u2026"), this);
    m_rollBack->setObjectName(QStringLiteral("unfinishedRollBack"));
    m_drop = new QPushButton(i18nc("@action:button an unfinished job", "Drop\u2026"), this);
    m_drop->setObjectName(QStringLiteral("unfinishedDrop"));
    m_drop->setToolTip(i18n("Leave the machine as it is and stop reporting this job"));
    m_progress = new QPushButton(i18nc("@action:button", "Show progress\u2026"), this);
    m_progress->setObjectName(QStringLiteral("unfinishedProgress"));
    connect(m_progress, &QPushButton::clicked, this, [this] { Q_EMIT followRequested(m_job); });
    connect(m_resume, &QPushButton::clicked, this, [this] { Q_EMIT reviewRequested(resumeOperation(m_job)); });
    connect(m_rollBack, &QPushButton::clicked, this, [this] { Q_EMIT reviewRequested(rollBackOperation(m_job)); });
    connect(m_drop, &QPushButton::clicked, this, [this] { Q_EMIT dropRequested(m_job.value(QStringLiteral("job")).toString(), unfinishedWords(m_job)); });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(unit + unit / 3, unit / 2, unit, unit / 2);
    layout->setSpacing(unit / 2);
    layout->addWidget(m_text, 1);
    m_progress->setIcon(actionIcon(QStringLiteral("followJob")));
    m_resume->setIcon(actionIcon(QStringLiteral("resumeJob")));
    m_rollBack->setIcon(actionIcon(QStringLiteral("rollBackJob")));
    m_drop->setIcon(actionIcon(QStringLiteral("dropJob")));
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
        text = i18ncp("%2 the first unfinished job in words, %1 how many more there are", "%2 (%1 more unfinished: plexusctl journal lists them.)",
                      "%2 (%1 more unfinished: plexusctl journal lists them.)", int(jobs.size() - 1), text);
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

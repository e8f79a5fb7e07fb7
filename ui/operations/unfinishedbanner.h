// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The line across the top of the window while a Plexus job is unfinished (the
// helper or the machine stopped in the middle of it, or a step failed after
// others had changed the machine): what it was doing, how far it got, in words,
// and the three ways on: Resume, Roll back (each reviewed like any operation)
// and Drop (leave things as they are). A job the helper is running now (picked
// up after a restart) is said to be under way, with its progress a click away.
// The jobs come from the helper's UnfinishedJobs, one dictionary each (see
// org.plexus.Helper1.xml).

#include "operation.h"

#include <QFrame>
#include <QVariantMap>

class QLabel;
class QPushButton;

namespace plexus {

// "Replace sdd with sdb in md0 did not finish: the helper stopped in step 3 of
// 5 (Wait while ...); steps 1 to 2 are done."
QString unfinishedWords(const QVariantMap &job);
// The operations that take the job up: previewed from the steps the helper
// reported; the helper makes the plan again from its journal when it runs.
Operation resumeOperation(const QVariantMap &job);
Operation rollBackOperation(const QVariantMap &job);
// All of a running job's steps, to show its progress (ReviewDialog::follow).
Operation followOperation(const QVariantMap &job);
// Whether this user may follow the running job: root, or who asked for it.
bool mayFollow(const QVariantMap &job);

class UnfinishedBanner : public QFrame
{
    Q_OBJECT
public:
    explicit UnfinishedBanner(QWidget *parent = nullptr);

    // The oldest job is shown; the rest are counted.
    void setJobs(const QList<QVariantMap> &jobs);
    QString text() const;
    QPushButton *resumeButton() const { return m_resume; }
    QPushButton *rollBackButton() const { return m_rollBack; }
    QPushButton *dropButton() const { return m_drop; }
    QPushButton *progressButton() const { return m_progress; }

Q_SIGNALS:
    void reviewRequested(const plexus::Operation &op);
    void dropRequested(const QString &job, const QString &words);
    void followRequested(const QVariantMap &job);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_text;
    QPushButton *m_resume;
    QPushButton *m_rollBack;
    QPushButton *m_drop;
    QPushButton *m_progress;
    QVariantMap m_job;
};

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The journal of a job: one JSON object per line in DIR/JOB.jsonl, written and
// fsync'ed as the job goes, so a crash or a reboot in the middle leaves a record of
// where it stopped. DIR is /var/lib/plexus/journal. Events:
//   {"event":"plan", "job", "operation", "summary", "time", "caller", "request", "steps":[{"description","command"}]}
//   {"event":"step-start", "index", "time"}      {"event":"log", "index", "line", "time"}
//   {"event":"step-end", "index", "time", "ok", "error", "message"}
//   {"event":"end", "time", "ok", "error", "message"}
//   {"event":"acknowledged", "time", "by"}        (someone has seen an unfinished job)
// A job without "end" (and not acknowledged) is unfinished.

#include "plan.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace plexus {

struct JournalSummary {
    QString job;
    QString operation;
    QString summary;
    QDateTime started;
    QStringList steps;        // descriptions
    QStringList commands;     // previews
    int stepsFinished = 0;    // steps that ended successfully
    int lastStarted = -1;     // index of the last step that started
    bool finished = false;
    bool ok = false;
    bool acknowledged = false;
    QString error;            // D-Bus error name of a failed step/job
    QString message;
    QString file;
};

class Journal
{
public:
    static QString defaultDirectory(); // /var/lib/plexus/journal ($PLEXUS_JOURNAL_DIR in tests)

    explicit Journal(const QString &directory = defaultDirectory());
    // Starts JOB's file with the plan. Fails (ToolFailed) if it cannot be written:
    // a plan that cannot be journaled does not run.
    Status begin(const QString &job, const Plan &plan, const QString &caller, const QJsonObject &request);
    void stepStarted(int index);
    void stepFinished(int index, const Status &status);
    void log(int index, const QString &line);
    void finish(const Status &status);
    QString jobDirectory() const; // DIR/JOB.d, created on first use, for backups the job keeps

    static QList<JournalSummary> read(const QString &directory = defaultDirectory());
    static QList<JournalSummary> unfinished(const QString &directory = defaultDirectory());
    static Status acknowledge(const QString &job, const QString &by, const QString &directory = defaultDirectory());
    // Keeps the newest `keep` finished journals.
    static void prune(int keep = 200, const QString &directory = defaultDirectory());
    static JournalSummary summarize(const QString &file);

private:
    void append(QJsonObject event);
    QString m_dir;
    QString m_job;
    QString m_file;
};

} // namespace plexus

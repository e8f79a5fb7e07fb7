// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The journal of a job: one JSON object per line in DIR/JOB.jsonl, written and
// fsync'ed as the job goes, so a crash or a reboot in the middle leaves a record of
// where it stopped. DIR is /var/lib/plexus/journal. It holds commands, tool output
// and partition tables: DIR and DIR/JOB.d are created 0700, every file 0600.
// Events:
//   {"event":"plan", "job", "operation", "summary", "time", "caller", "uid", "pid", "request", "steps":[{"description","command"}]}
//   {"event":"step-start", "index", "time"}      {"event":"log", "index", "line", "time"}
//   {"event":"step-end", "index", "time", "ok", "error", "message"}
//   {"event":"end", "time", "ok", "error", "message"}
//   {"event":"acknowledged", "time", "by", "uid", "pid"}  (someone has seen an unfinished job)
// A job without "end" (and not acknowledged) is unfinished.

#include "plan.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace plexus {

// Who asked: the caller's unique bus name, and its uid and pid as the bus
// daemon vouches for them (-1: unknown).
struct Caller {
    QString busName;   // ":1.42"
    qint64 uid = -1;
    qint64 pid = -1;
    QString describe() const; // ":1.42 (uid 1000, pid 4242)"
};

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
    // $PLEXUS_JOURNAL_DIR (tests), else $STATE_DIRECTORY/journal (systemd), else /var/lib/plexus/journal.
    static QString defaultDirectory();

    explicit Journal(const QString &directory = defaultDirectory());
    // Starts JOB's file with the plan. Fails (ToolFailed) if it cannot be written:
    // a plan that cannot be journaled does not run.
    Status begin(const QString &job, const Plan &plan, const Caller &caller, const QJsonObject &request);
    void stepStarted(int index);
    void stepFinished(int index, const Status &status);
    void log(int index, const QString &line);
    void finish(const Status &status);
    // Saves a backup the job keeps (a partition table) as DIR/JOB.d/FILENAME.
    Status keep(const QString &fileName, const QByteArray &contents, QString *path = nullptr);
    // Writes DIR/FILENAME (DIR made 0700 if missing), created 0600, never through a link.
    static Status writePrivateFile(const QString &directory, const QString &fileName, const QByteArray &contents, QString *path = nullptr);

    static QList<JournalSummary> read(const QString &directory = defaultDirectory());
    static QList<JournalSummary> unfinished(const QString &directory = defaultDirectory());
    static Status acknowledge(const QString &job, const Caller &by, const QString &directory = defaultDirectory());
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

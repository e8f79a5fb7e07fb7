// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The journal of a job: one JSON object per line in DIR/JOB.jsonl, written and
// fsync'ed as the job goes, so a crash or a reboot in the middle leaves a record of
// where it stopped. DIR is /var/lib/plexus/journal. It holds commands, tool output
// and partition tables: DIR and DIR/JOB.d are created 0700, every file 0600.
// Events:
//   {"event":"plan", "job", "operation", "summary", "time", "caller", "uid", "pid", "request",
//    "steps":[{"description","command","undo"}], "machine":{"snapshot","answers","stamp"}}
//      (machine: what the plan was made from, to rebuild it exactly: engine/unfinished.h)
//   {"event":"step-start", "index", "time"}      {"event":"log", "index", "line", "time"}
//   {"event":"step-end", "index", "time", "ok", "error", "message", "data"}
//      (data: what the step passes on to later steps, base64, when it changed)
//   {"event":"end", "time", "ok", "error", "message"}
//   {"event":"waiting-for-restart", "index", "boot", "time"}  (the plan goes on after the
//      computer restarts: boot is the boot id it waits to see change; engine/restart.h)
//   {"event":"resume", "time", "by", "uid", "pid"}     (the steps after it continue the plan)
//   {"event":"rolling-back", "time", "job"}  {"event":"rolled-back", "time", "job"}  (by that job)
//   {"event":"dropped", "time", "by", "uid", "pid"}    (someone chose to leave it as it is)
// A job without "end" is interrupted. One that did not end well, and was
// neither dropped nor rolled back, is unfinished: it may be resumed or rolled back.

#include "plan.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <QVariantMap>

namespace plexus {

// Who asked: the caller's unique bus name, and its uid and pid as the bus
// daemon vouches for them (-1: unknown).
struct Caller {
    QString busName;   // ":1.42"
    qint64 uid = -1;
    qint64 pid = -1;
    QString describe() const; // ":1.42 (uid 1000, pid 4242)"
};

enum class StepState { NotRun, InProgress, Done, Failed };

struct JournalSummary {
    QString job;
    QString operation;
    QString summary;
    QDateTime started;
    uint startedBy = 0;       // the uid of who asked for it
    QStringList steps;        // descriptions
    QStringList commands;     // previews
    QStringList undo;         // per step: Step::undoWords()
    QList<StepState> states;  // per step, as the journal last says
    int stepsFinished = 0;    // steps that ended successfully
    int lastStarted = -1;     // index of the last step that started
    bool finished = false;    // an "end" after the last start or resume
    bool ok = false;
    bool dropped = false;
    QString rollingBackBy;    // the job rolling it back
    QString rolledBackBy;     // the job that rolled it back
    QString waitingBoot;      // waiting for a restart: the boot id it was made in (until resumed)
    QString error;            // D-Bus error name of a failed step/job
    QString message;
    QString file;
    QVariantMap data;         // what the done steps passed on (ctx.data)
    QJsonObject request;      // summarize(file, true) only
    QJsonObject machine;      // summarize(file, true) only

    bool interrupted() const { return !finished; }
    bool waitsForRestart() const { return !waitingBoot.isEmpty(); }
    // The first step that is not done: where resuming goes on (steps.size() when all are).
    int firstNotDone() const;
    // Interrupted, or stopped by a failed step after others changed the machine;
    // neither dropped nor rolled back.
    bool unfinished() const { return !ok && !dropped && rolledBackBy.isEmpty() && (interrupted() || stepsFinished > 0); }
    // Why it is not unfinished: "it ended well", "it was dropped", ...
    QString whyNotUnfinished() const;
    // "done", "in progress when it stopped", "failed", "not run"
    static QString words(StepState state);
};

class Journal
{
public:
    // $PLEXUS_JOURNAL_DIR (tests), else $STATE_DIRECTORY/journal (systemd), else /var/lib/plexus/journal.
    static QString defaultDirectory();

    explicit Journal(const QString &directory = defaultDirectory());
    // Starts JOB's file with the plan. Fails (ToolFailed) if it cannot be written:
    // a plan that cannot be journaled does not run.
    Status begin(const QString &job, const Plan &plan, const Caller &caller, const QJsonObject &request, const QJsonObject &machine = {});
    // Continues JOB's file (resuming it): the steps that follow are its own.
    Status resume(const QString &job, const Caller &by);
    // Reads kept files from JOB's folder instead of this job's (a roll back reads the rolled back job's backups).
    void readKeptFrom(const QString &job) { m_keptFrom = job; }
    void stepStarted(int index);
    void stepFinished(int index, const Status &status, const QVariantMap &data = {});
    void log(int index, const QString &line);
    void finish(const Status &status);
    // This boot's part of the plan ended with step `index` (engine/restart.h).
    void waitForRestart(int index, const QString &bootId);
    QString job() const { return m_job; }
    QString directory() const { return m_dir; }
    // Saves a backup the job keeps (a partition table) as DIR/JOB.d/FILENAME.
    Status keep(const QString &fileName, const QByteArray &contents, QString *path = nullptr);
    Status kept(const QString &fileName, QByteArray *contents) const;
    static Status readPrivateFile(const QString &directory, const QString &fileName, QByteArray *contents);
    // Writes DIR/FILENAME (DIR made 0700 if missing), created 0600, never through a link.
    static Status writePrivateFile(const QString &directory, const QString &fileName, const QByteArray &contents, QString *path = nullptr);

    static QList<JournalSummary> read(const QString &directory = defaultDirectory());
    static QList<JournalSummary> unfinished(const QString &directory = defaultDirectory());
    // Interrupted, or failed after changing something, and not dropped or rolled back.
    static QList<JournalSummary> unfinishedPlans(const QString &directory = defaultDirectory());
    // JOB's journal; NotFound when there is none.
    static Status find(const QString &job, JournalSummary *out, bool withPlan, const QString &directory = defaultDirectory());
    // Leave an unfinished job as it is: it is no longer reported.
    static Status drop(const QString &job, const Caller &by, const QString &directory = defaultDirectory());
    // A roll back of JOB by `by` began / ended well.
    static Status markRollingBack(const QString &job, const QString &by, const QString &directory = defaultDirectory());
    static Status markRolledBack(const QString &job, const QString &by, const QString &directory = defaultDirectory());
    // Keeps the newest `keep` finished journals.
    static void prune(int keep = 200, const QString &directory = defaultDirectory());
    static JournalSummary summarize(const QString &file, bool withPlan = false);

private:
    void append(QJsonObject event);
    static Status appendTo(const QString &job, QJsonObject event, const QString &directory);
    QString m_dir;
    QString m_job;
    QString m_file;
    QString m_keptFrom;
    QVariantMap m_data;       // as last journaled
};

} // namespace plexus

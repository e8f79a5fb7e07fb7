// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A plan: what an intent turns into. Ordered steps, each with a one-line
// description for people, the equivalent shell command as a preview, a
// precondition checked right before it runs, the action itself and a check that
// the machine now looks as the step promised. Plans are computed on a copy of the
// snapshot; nothing runs until an Executor runs the plan.

#include "deviceidentity.h"
#include "status.h"

#include <QStringList>
#include <QVariantMap>
#include <functional>

namespace plexus {

// What a running step may use: a place to pass data to later steps (the output
// of `mdadm --detail --scan`, a partition table dump), progress reporting, and a
// log for each tool run (the journal).
class StepContext
{
public:
    virtual ~StepContext() = default;
    virtual void progress(double percent) = 0;
    virtual void log(const QString &line) = 0;
    // Keeps a backup for this job (a partition table dump), readable by root only;
    // `path` says where.
    virtual Status keep(const QString &fileName, const QByteArray &contents, QString *path) = 0;
    // Reads back a file kept by this job (or, rolling back, by the job rolled back).
    virtual Status kept(const QString &fileName, QByteArray *contents) = 0;
    QVariantMap data;
    int timeLimitSeconds = 0;    // for each tool the running step starts; 0: the tool's default

};

// A device whose contents a step destroys. Validation checked it, but a plan
// may reach the step hours later (a hot replacement's copy) and the kernel name
// may by then lead to another device: right before the step runs, the executor
// checks that it is still the same one and claims it O_EXCL again
// (engine/samedevice.h). Every such step acts on a device that nothing may
// hold when it runs (a member already removed, a blank disk, the members of an
// array still to be created), so every one is claimed.
struct Erasure {
    QString path;        // the node the step's tool opens: "/dev/vdb2"
    QString name;        // the kernel device it led to at validation: "vdb2"
    // Filled when the plan is made (Engine::prepare); absent for a device that
    // an earlier step of the plan creates (a new partition): then only claimed.
    DeviceIdentity then;
};

struct Step {
    QString description;         // "Add /dev/vdc to md0 as a spare"
    QStringList command;         // the equivalent shell command, as its arguments
    QString commandNote;         // shell decoration for the preview: "< dump", "> file", "| ..."
    std::function<Status()> precondition;     // optional
    std::function<Status(StepContext &)> action;
    std::function<Status()> check;            // optional; may wait a little for the kernel/udev
    bool waitsForKernel = false; // a long wait (rebuild): reports progress
    // "Restart the computer" (engine/restart.h): this boot's part of the plan
    // ends after it; the steps after it run once the computer has restarted.
    bool waitsForRestart = false;
    int timeLimitSeconds = 0;    // for each tool it runs, then the tool is killed; 0: the tool's default (actions.h)
    // Rolling back (engine/unfinished.h): the steps that reverse this one, in
    // order. Unset: it cannot be undone, and cannotUndo says why.
    std::function<QList<Step>()> undo;
    QString cannotUndo;
    QList<Erasure> erases;       // devices whose contents it destroys

    QString preview() const;     // the command, shell-quoted, with its note
    // For a step that only reads or waits: rolling back has nothing to do for it.
    Step &changesNothing();
    // "undo: Remove /dev/vdc from md0", "nothing to undo", "cannot be undone: ..."
    QString undoWords() const;
};

struct Plan {
    QString operation;           // "CreateArray", ...
    QString summary;             // one sentence: what the whole plan does
    QStringList notes;           // things the user should know (sizes, what comes next)
    QList<Step> steps;
    QStringList exclusive;       // device nodes to hold open O_EXCL from validation until the first step
    // Resuming an unfinished plan (engine/unfinished.h): steps before startAt
    // were done, and `carried` is what they passed on to later steps.
    int startAt = 0;
    QVariantMap carried;
    QString keptFrom;            // a roll back reads the backups of the job it rolls back
    // Runs once the journal records that the plan waits for a restart, with the
    // job and the journal's directory: the system that starts after the restart
    // may be another one (MirrorSystem's copy), which must find the job's
    // journal as it is now to pick it up. A failure is the job's result.
    std::function<Status(const QString &job, const QString &journalDirectory)> handOver;

    QStringList descriptions() const;
    QStringList previews() const;
    // The plan as text for people: summary, notes and numbered steps with commands.
    QString toText() const;
};

// "a b 'c d'": quotes an argument only when the shell would need it.
QString shellQuote(const QString &arg);
QString shellJoin(const QStringList &args);

} // namespace plexus

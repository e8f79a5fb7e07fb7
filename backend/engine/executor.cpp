// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "executor.h"

#include "restart.h"
#include "samedevice.h"

#include <KLocalizedString>

#include <QDir>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace plexus {

ExclusiveClaims::~ExclusiveClaims()
{
    releaseAll();
}

Status ExclusiveClaims::claim(const QString &devicePath)
{
    const int fd = ::open(QFile::encodeName(devicePath).constData(), O_RDONLY | O_EXCL | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        if (e == EBUSY)
            return Status::failure(ErrorCode::Busy, mi18nc("%1 a device path",
                                                          "%1 is held by something else right now (a mounted filesystem, an array, "
                                                          "device-mapper or a program that opened it exclusively). Close whatever "
                                                          "uses it, then try again.",
                                                          devicePath));
        if (e == ENOENT || e == ENXIO || e == ENODEV)
            return Status::failure(ErrorCode::NotFound, mi18nc("%1 a device path, %2 the system's error", "%1 has gone (%2).", devicePath, QString::fromLocal8Bit(strerror(e))));
        return Status::failure(ErrorCode::ToolFailed, mi18nc("%1 a device path, %2 the system's error", "Cannot open %1: %2", devicePath, QString::fromLocal8Bit(strerror(e))));
    }
    m_fds.append(fd);
    return {};
}

Status ExclusiveClaims::claimAll(const QStringList &devicePaths)
{
    for (const QString &p : devicePaths) {
        if (Status s = claim(p); !s) {
            releaseAll();
            return s;
        }
    }
    return {};
}

void ExclusiveClaims::releaseAll()
{
    for (int fd : m_fds)
        ::close(fd);
    m_fds.clear();
}

namespace {

class Context : public StepContext
{
public:
    Context(int index, Journal *journal, ExecutionObserver *observer) : m_index(index), m_journal(journal), m_observer(observer) {}
    void progress(double percent) override
    {
        if (m_observer)
            m_observer->stepProgress(m_index, percent);
    }
    void log(const QString &line) override
    {
        if (m_journal)
            m_journal->log(m_index, line);
        if (m_observer)
            m_observer->log(m_index, line);
    }
    Status keep(const QString &fileName, const QByteArray &contents, QString *path) override
    {
        if (m_journal)
            return m_journal->keep(fileName, contents, path);
        return Journal::writePrivateFile(withoutJournal(), fileName, contents, path);
    }
    Status kept(const QString &fileName, QByteArray *contents) override
    {
        if (m_journal)
            return m_journal->kept(fileName, contents);
        return Journal::readPrivateFile(withoutJournal(), fileName, contents);
    }
    void setIndex(int index) { m_index = index; }

private:
    static QString withoutJournal() { return QDir::tempPath() + QStringLiteral("/plexus-job"); } // tests
    int m_index;
    Journal *m_journal;
    ExecutionObserver *m_observer;
};

// Fault injection for the VM tests: PLEXUS_FAULT=kill-at-step:N makes
// this process SIGKILL itself once step N's (1-based) start is journaled, before
// the step runs; kill-after-step:N once step N has run, before its end is
// journaled: a crash at either edge of a step. stop-at-step:N, stop-after-step:N
// SIGSTOP it there instead, for a test to reset the machine at that point. Read
// once, by the first plan the process runs. Safe in the root helper: only root
// sets its environment (the system bus starts it from its .service file).
void faultPoint(const char *edge, int index)
{
    static const QByteArray fault = qgetenv("PLEXUS_FAULT");
    const QByteArray at = QByteArray(edge) + ':' + QByteArray::number(index + 1);
    if (fault == "kill-" + at)
        ::kill(::getpid(), SIGKILL);
    else if (fault == "stop-" + at)
        // To this thread, not the process: kill(getpid()) lets the kernel hand a
        // stop signal to the main thread, and this one ran on (journaling the
        // step's end) until the main thread stopped the group; a CI run caught it.
        ::raise(SIGSTOP);
}

} // namespace

Status execute(const Plan &plan, Journal *journal, ExclusiveClaims *claims, ExecutionObserver *observer, const SystemView *system)
{
    static const LiveSystem live;
    const SystemView &machine = system ? *system : live;
    Context ctx(0, journal, observer);
    ctx.data = plan.carried;
    const int total = int(plan.steps.size());
    Status result;
    int waitsAt = -1;    // the restart step this boot's part ended with (engine/restart.h)
    for (int i = plan.startAt; i < total; ++i) {
        const Step &step = plan.steps[i];
        ctx.setIndex(i);
        ctx.timeLimitSeconds = step.timeLimitSeconds;
        if (journal)
            journal->stepStarted(i);
        faultPoint("at-step", i);
        if (observer)
            observer->stepStarted(i, step);
        Status s;
        if (step.precondition)
            s = step.precondition();
        if (s.ok()) {
            // The tools open the devices themselves: let go of them now, not earlier.
            if (claims)
                claims->releaseAll();
            // Checked now, not only at validation: the step may come hours later.
            s = checkErasures(step, machine);
            if (s.ok())
                s = step.action ? step.action(ctx) : Status();
        }
        if (s.ok() && step.check)
            s = step.check();
        faultPoint("after-step", i);
        if (journal)
            journal->stepFinished(i, s, ctx.data);
        if (observer)
            observer->stepFinished(i, s);
        if (!s.ok()) {
            QString message = i18nc("%1 a step number, %2 the number of steps, %3 the step's description, %4 why it failed",
                                    "Step %1 of %2 (%3) failed: %4", QString::number(i + 1), QString::number(total), step.description,
                                    s.message());
            // Each further sentence joined on as its own message.
            auto then = [&message](const QString &sentence) {
                message = i18nc("one sentence (or more) followed by another", "%1 %2", message, sentence);
            };
            if (i == 1)
                then(i18n("Step 1 was done."));
            else if (i > 1)
                then(i18nc("%1 the last step that was done", "Steps 1 to %1 were done.", QString::number(i)));
            if (i + 2 == total)
                then(i18nc("%1 the step that did not run (the last one)", "Step %1 did not run.", QString::number(total)));
            else if (i + 2 < total)
                then(i18nc("%1 the first step that did not run, %2 the last", "Steps %1 to %2 did not run.", QString::number(i + 2),
                           QString::number(total)));
            result = Status::failure(s.code(), message);
            break;
        }
        if (step.waitsForRestart && i + 1 < total) {
            waitsAt = i;
            break;
        }
    }
    if (claims)
        claims->releaseAll();
    if (waitsAt >= 0) {
        if (journal)
            journal->waitForRestart(waitsAt, currentBootId());
        if (journal && plan.handOver)
            if (Status h = plan.handOver(journal->job(), journal->directory()); !h)
                return Status::failure(h.code(), mi18nc("%1 what went wrong, whole sentences starting in lower case "
                                                       "(e.g. 'the boot entry could not be written: ...')",
                                                       "The plan is ready for the restart, but %1 Do not restart the computer "
                                                       "from the new disk: roll the job back or drop it.",
                                                       h.message()));
        return Status::success(restartWords(waitsAt + 1, total, plan.steps[waitsAt + 1].description));
    }
    if (journal)
        journal->finish(result);
    return result;
}

} // namespace plexus

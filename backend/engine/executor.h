// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Runs a plan, step by step: precondition, action, check; each step journaled
// before it starts and when it ends. The first failure stops the plan; the
// error says which step failed, what ran before it and what did not run.

#include "journal.h"
#include "plan.h"
#include "systemview.h"

namespace plexus {

// Device nodes held open with O_EXCL from validation until the plan's first step,
// so nothing (a mount, another mdadm, LVM) can take them in between. The kernel
// refuses O_EXCL on a device that is mounted, in an array or held by dm.
class ExclusiveClaims
{
public:
    ExclusiveClaims() = default;
    ExclusiveClaims(const ExclusiveClaims &) = delete;
    ExclusiveClaims &operator=(const ExclusiveClaims &) = delete;
    ~ExclusiveClaims();
    Status claim(const QString &devicePath); // Busy when another holder has it
    Status claimAll(const QStringList &devicePaths);
    void releaseAll();                       // right before the tools need the devices
    int count() const { return int(m_fds.size()); }

private:
    QList<int> m_fds;
};

class ExecutionObserver
{
public:
    virtual ~ExecutionObserver() = default;
    virtual void stepStarted(int index, const Step &step) { Q_UNUSED(index); Q_UNUSED(step); }
    virtual void stepProgress(int index, double percent) { Q_UNUSED(index); Q_UNUSED(percent); }
    virtual void stepFinished(int index, const Status &status) { Q_UNUSED(index); Q_UNUSED(status); }
    virtual void log(int index, const QString &line) { Q_UNUSED(index); Q_UNUSED(line); }
};

// journal may be null (tests); claims may be null. `system` answers the check
// before each step that erases a device (samedevice.h); null: the live machine.
Status execute(const Plan &plan, Journal *journal, ExclusiveClaims *claims, ExecutionObserver *observer, const SystemView *system = nullptr);

} // namespace plexus

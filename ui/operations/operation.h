// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// One change the user asked for, before anything runs: the request as
// plexus-helper will receive it, the plan the engine makes of it on the machine
// as the window shows it (the preview), and what it will erase. The create
// dialog, drag-to-replace and the context menus build Operations; the review
// dialog shows one and, once confirmed, runs it through the helper, which
// validates everything again against the machine as it is then.

#include "engine/plan.h"
#include "engine/ops/anyrequest.h"
#include "engine/status.h"
#include "engine/systemview.h"
#include "model/snapshot.h"


#include <QDBusPendingCall>
#include <functional>

class HelperProxy;

namespace plexus {

// A device whose contents the operation destroys, named the way a person
// recognises a disk: "/dev/vdb, QEMU HARDDISK, 1.0 GiB, serial PLXDISK2, holds ext4".
struct ErasedDevice {
    QString path;        // "/dev/vdb1"
    QString model;       // of its disk; empty when unknown
    qint64 sizeBytes = 0;
    QString serial;      // of its disk; empty when unknown
    QString contents;    // what is on it now, in words: "ext4 “backup”", "md member of md1 (stopped)", "nothing recognisable"

    QString text() const; // the one line the review shows
};

struct Operation {
    QString title;                 // "Create RAID-5 md0", a verb phrase for buttons and headings
    Status refusal;                // not ok: the engine refused it here; the review shows why, nothing runs
    Plan plan;                     // the engine's plan on this machine (empty when refused)
    QList<ErasedDevice> erased;    // named in the review, before the user confirms
    bool changesData = true;       // false for read-only-ish actions (scrub "check", speed limits): no confirmation needed
    AnyRequest request;            // what the helper is asked, exactly as planned here
    // Instead of a request: the call itself (taking up an unfinished job), given
    // the helper's proxy and the client's tag.
    std::function<QDBusPendingCall(HelperProxy *proxy, const QString &tag)> call;

    bool isRefused() const { return !refusal.ok(); }
};

// The machine as the window sees it, for planning: its snapshot and the
// device nodes (LiveSystem for "/", TreeSystem for a fixture tree).
struct PlanningContext {
    SnapshotPtr snapshot;
    const SystemView *system = nullptr;
};

// The Operation for `request` on the machine as the window sees it: the
// engine's plan (or refusal) and what it would erase. The request is the one
// the helper receives (ops/*.h), so the window applies the helper's rules.
Operation planOperation(const PlanningContext &ctx, const AnyRequest &request);

// The first /dev/mdN that is neither an array nor any other node now: the
// device a new or started array is offered.
QString firstFreeArray(const PlanningContext &ctx);

// What is on `path` now, in words, from the snapshot (for ErasedDevice::contents).
ErasedDevice describeErased(const Snapshot &snapshot, const QString &path);

} // namespace plexus

#pragma once
// One change the user asked for, before anything runs: the request as
// plexus-helper will receive it, the plan the engine makes of it on the machine
// as the window shows it (the preview), and what it will erase. The create
// dialog, drag-to-replace and the context menus build Operations; the review
// dialog shows one and, once confirmed, runs it through the helper, which
// validates everything again against the machine as it is then.

#include "engine/plan.h"
#include "engine/requests.h"
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
    // Starts the helper call; `runOptions` (tag, ...) are merged into the
    // request's options.
    std::function<QDBusPendingCall(HelperProxy *proxy, const QVariantMap &runOptions)> call;

    bool isRefused() const { return !refusal.ok(); }
};

// The machine as the window sees it, for planning: its snapshot and the
// device nodes (LiveSystem for "/", TreeSystem for a fixture tree).
struct PlanningContext {
    SnapshotPtr snapshot;
    const SystemView *system = nullptr;
};

// One factory per helper method. Each parses `options` with the helper's own
// parser (unknown keys are refused as the helper would), plans with the engine,
// names what would be erased, and keeps the call to make. Options are the
// D-Bus a{sv} documented in helper/data/org.plexus.Helper1.xml.
Operation createArrayOperation(const PlanningContext &ctx, const QString &array, const QString &level, const DeviceSpecList &members,
                               const DeviceSpecList &spares, const QVariantMap &options);
Operation stopArrayOperation(const PlanningContext &ctx, const QString &array, const QVariantMap &options = {});
Operation assembleArrayOperation(const PlanningContext &ctx, const QString &array, const DeviceSpecList &members,
                                 const QVariantMap &options = {});
Operation addMemberOperation(const PlanningContext &ctx, const QString &array, const DeviceSpec &device, const QVariantMap &options = {});
Operation addSpareOperation(const PlanningContext &ctx, const QString &array, const DeviceSpec &device, const QVariantMap &options = {});
Operation failMemberOperation(const PlanningContext &ctx, const QString &array, const DeviceSpec &member, const QVariantMap &options = {});
Operation removeMemberOperation(const PlanningContext &ctx, const QString &array, const DeviceSpec &member,
                                const QVariantMap &options = {});
Operation replaceMemberOperation(const PlanningContext &ctx, const QString &array, const DeviceSpec &oldMember,
                                 const DeviceSpec &newDevice, const QVariantMap &options = {});
Operation growArrayOperation(const PlanningContext &ctx, const QString &array, int raidDevices, const DeviceSpecList &add,
                             const DeviceSpecList &remove, const QVariantMap &options = {});
Operation syncActionOperation(const PlanningContext &ctx, const QString &array, const QString &action, const QVariantMap &options = {});
Operation speedLimitsOperation(const PlanningContext &ctx, const QString &array, const QString &min, const QString &max,
                               const QVariantMap &options = {});

// What is on `path` now, in words, from the snapshot (for ErasedDevice::contents).
ErasedDevice describeErased(const Snapshot &snapshot, const QString &path);

} // namespace plexus

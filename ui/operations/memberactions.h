// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What can be done to the selected array or member, for the toolbar and the
// context menus: each action with whether it can be done now and, when not,
// why in words. Replace, add spare and grow are separate actions that never
// turn into one another. Actions that need a choice (a device, a member, speed
// limits) say so; make() builds the Operation once the choice is known.

#include "operation.h"
#include "selectionmodel.h"

namespace plexus {

// What "New volume…" asks (newvolumedialog.h).
struct VolumeChoice {
    QString name;
    quint64 size = 0;       // bytes; 0: all the free space
    QString filesystem;     // empty: none
    QString label;
    QString mountPoint;     // empty: not mounted
};

struct ArrayAction {
    // What the user chooses before the plan: nothing, a device, a member, speed
    // limits, when arrays are checked (`prompt`: the schedule now), a name (for a new volume group), a filesystem type, a size (as
    // typed: "20G", or on a slider between sizeRange's bounds), one of `choices`
    // (a volume group's devices), or a new volume's name, size and filesystem.
    enum class Input { None, Device, Member, SpeedLimits, Schedule, Name, Filesystem, Size, Choice, NewVolume };

    QString id;                 // "addSpare", "growMirror", "replace", ... (QAction objectName "action-<id>")
    QString text;               // "Add spare…"
    bool enabled = true;
    QString reason;             // why not, when disabled
    QString hint;               // more about it when enabled (the last mismatch count, ...)
    Input input = Input::None;
    bool memberAction = false;  // about the selected member rather than the whole array
    QString replaces;           // Replace: the member whose place the chosen device takes
    QString suggestion;         // Name, Filesystem, Size: what the prompt offers first
    QStringList choices;        // Choice: what the user picks from ("/dev/md1")
    QString prompt;             // Size, Choice: the question
    // Size: the bounds in bytes when the window knows them (a slider), else
    // typed; NewVolume: the group's free space. maxWords: what the maximum is.
    qint64 minBytes = 0;
    qint64 maxBytes = 0;
    QString maxWords;
    // NewVolume: the operation, given what the dialog asked.
    std::function<Operation(const VolumeChoice &)> makeVolume;
    // The operation, given the choice: a device or member kernel name, or
    // "MIN MAX" (KiB/s or "system") for speed limits, a calendar, "off" or
    // "default" for the schedule; empty for Input::None.
    std::function<Operation(const QString &choice)> make;
};

// The actions for an array or a member (slot) selection, and the volume actions
// (volumeactions.h) for arrays, volume groups and logical volumes.
QList<ArrayAction> actionsFor(const PlanningContext &ctx, const Selectable &item);

// Building blocks: an action, disabled with `why` unless it is empty; and one
// without a choice, which the engine's verdict enables or disables in its words.
ArrayAction action(const QString &id, const QString &text, const QString &why = {});
// "sdb1" -> "/dev/sdb1": the path a request names a kernel device by.
QString devPath(const QString &name);
ArrayAction planned(ArrayAction a, const std::function<Operation()> &build);

// A device (disk or partition) the user could pick for `action`, with the
// operation it makes: refused ones say why (mounted, too small, ...).
struct DeviceCandidate {
    QString device;             // "sdf", "sdf1"
    QString text;               // "sdf1 · 1.0 GiB · QEMU HARDDISK"
    Operation op;
};
// Every disk and partition not already in the array, in disk order.
QList<DeviceCandidate> deviceCandidates(const PlanningContext &ctx, const QString &array, const ArrayAction &action);
// The members the user may pick for `action` (shrinking a mirror).
QStringList memberChoices(const Snapshot &snapshot, const QString &array);

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Steps and step checks on md arrays that several plans share: add a spare, fail,
// remove, erase a superblock; and the checks that wait for the kernel to show
// what a step promised.

#include "engine/actions.h"
#include "engine/plan.h"
#include "engine/validator.h"

namespace plexus {

// /sys/block/MD/md/ATTRIBUTE
QString sysfsMd(const QString &md, const QString &attribute);

// Preconditions and checks: the array still runs; the member's state has `word`;
// the member has left; the member has joined (and is not faulty).
std::function<Status()> arrayIsRunning(const QString &md, const QString &path);
std::function<Status()> memberHas(const QString &md, const QString &member, const QString &word, const QString &what);
std::function<Status()> memberGone(const QString &md, const QString &member);
std::function<Status()> memberAdded(const QString &md, const QString &member);

// mdadm --create (actions::mdCreate) of the array `p` describes from `used` (its
// devices but the missing slots); the check waits for it to run with its level
// and slots. Undone (stopped, superblocks erased) only while it holds nothing.
Step createArrayStep(const actions::CreateParams &p, const QString &description, const QList<ResolvedDevice> &used);
// mdadm ARRAY --add-spare DEV; `why` ends the description.
Step addSpareStep(const QString &arrayPath, const QString &md, const ResolvedDevice &dev, const QString &why);
// mdadm ARRAY --fail /dev/MEMBER; `consequence` ends the description.
Step failStep(const QString &arrayPath, const QString &md, const QString &member, const QString &consequence);
// mdadm ARRAY --remove /dev/MEMBER, once md has let go of it.
Step removeStep(const QString &arrayPath, const QString &md, const QString &member, const QString &what);
// mdadm --grow ARRAY --size=max: the array uses the whole of its members; the
// check waits for md/component_size to grow past `componentBytes` (0: no check).
Step growToMaxStep(const QString &arrayPath, const QString &md, qint64 componentBytes);
// mdadm --grow ARRAY --raid-devices=N (--force for one device); the check
// waits for md/raid_disks to say N.
Step raidDevicesStep(const QString &arrayPath, const QString &md, int devices, const QString &description);
// mdadm --zero-superblock DEV; `why` ends the description.
Step zeroStep(const ResolvedDevice &dev, const QString &why);
// Stops the array at `arrayPath` (/dev/mdN or /dev/md/NAME); `description` says why.
Step stopStep(const QString &arrayPath, const QString &description);
// echo remove > dev-MEMBER/state: a member whose disk is gone has no node for mdadm.
Step removeVanishedStep(const QString &md, const QString &member);
// mdadm ARRAY --add DEV into a free slot; the kernel then rebuilds onto it (recovery).
Step addIntoSlotStep(const QString &arrayPath, const QString &md, const ResolvedDevice &dev);
// Undoing a member's joining: fail it, then remove it; the slot is free again, as before.
QList<Step> giveSlotBackSteps(const QString &arrayPath, const QString &md, const QString &member);
// Waits while the kernel rebuilds DEV (added by addIntoSlotStep), until it is in sync.
Step waitRebuildStep(const QString &arrayPath, const QString &md, const ResolvedDevice &dev);
// Waits while md syncs the array (resync, recovery, reshape, check), until it is idle.
Step waitSyncDoneStep(const QString &arrayPath, const QString &md);
// Hot replacement of OLD by NEW, a spare of the array already: mdadm --replace
// OLD --with NEW, then (waitForCopy) the wait until NEW holds the copy and md
// has marked OLD faulty. The array keeps its redundancy throughout.
QList<Step> hotReplaceSteps(const QString &arrayPath, const QString &md, const ResolvedDevice &oldMember, const ResolvedDevice &newMember,
                            bool waitForCopy);

} // namespace plexus

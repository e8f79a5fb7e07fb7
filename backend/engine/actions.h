// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The primitive actions plan steps are made of. libblockdev where it has the
// call (bd_md_create/add/remove/activate/deactivate/destroy), otherwise the tool
// itself run as an argument list with LC_ALL=C.UTF-8; every run is logged to the
// step's context (the job's journal). A failing tool comes back as ToolFailed
// with the tool's own stderr in the message.
//
// Each *Argv function gives the exact command the matching action runs: it is
// the step's preview.

#include "plan.h"

#include <functional>

namespace plexus::actions {

// A context for runs nobody needs to hear about (checks).
class QuietContext : public StepContext
{
public:
    void progress(double) override {}
    void log(const QString &) override {}
    Status keep(const QString &fileName, const QByteArray &contents, QString *path) override;
    Status kept(const QString &fileName, QByteArray *contents) override;
};

// How long a tool may run before it is killed and the step fails (ToolFailed,
// with its output so far): the step's own limit, else generous per tool (mdadm
// 5 min, sfdisk/wipefs 2 min, ...). Waits for the kernel (resync) are not tools
// and have their own deadlines.
int timeLimitSeconds(const StepContext &ctx, const QString &tool);

// Runs argv[0] (looked up in /usr/sbin:/usr/bin:/sbin:/bin) with LC_ALL=C.UTF-8.
// `input` goes to its stdin. A non-zero exit is ToolFailed unless exitCode is given;
// so is running past timeLimitSeconds().
Status run(StepContext &ctx, const QStringList &argv, const QByteArray &input = {}, QByteArray *output = nullptr,
           int *exitCode = nullptr);

// run(), passing each line the tool prints on stdout to `onLine` as it comes
// (pvmove -i N reports its percentage). The time limit counts from the last line.
Status runReportingLines(StepContext &ctx, const QStringList &argv, const std::function<void(const QString &)> &onLine);

struct CreateParams {
    QString array;        // "/dev/md0"
    QString level;        // "raid1"
    QStringList devices;  // members in slot order ("missing" allowed), then spares
    int spares = 0;
    QString metadata;     // "1.2"
    QString bitmap;       // "internal" / "none" / empty: no --bitmap
    int chunkKib = 0;
    QString name;         // --name
    bool force = false;   // --force (single-device mirror); mdadm wants it before --raid-devices
};
QStringList mdCreateArgv(const CreateParams &p);
Status mdCreate(StepContext &ctx, const CreateParams &p);

QStringList mdAddArgv(const QString &array, const QString &device);
Status mdAdd(StepContext &ctx, const QString &array, const QString &device);
QStringList mdRemoveArgv(const QString &array, const QString &device);
Status mdRemove(StepContext &ctx, const QString &array, const QString &device);
QStringList mdStopArgv(const QString &array);
Status mdStop(StepContext &ctx, const QString &array);
QStringList mdAssembleArgv(const QString &array, const QStringList &members, bool run);
Status mdAssemble(StepContext &ctx, const QString &array, const QStringList &members, bool run);
QStringList mdZeroSuperblockArgv(const QString &device);
Status mdZeroSuperblock(StepContext &ctx, const QString &device);

// echo VALUE > PATH (sysfs). EBUSY from the kernel is Busy.
Status writeSysfs(StepContext &ctx, const QString &path, const QString &value);
// Writes a whole file atomically (temporary file + rename), keeping FILE's mode.
Status writeFileAtomically(StepContext &ctx, const QString &path, const QByteArray &contents);

// Lets udev finish with what the last step changed (symlinks, ID_FS_TYPE).
void udevSettle(StepContext &ctx);
// A step's action: run `argv`, then let udev settle (whatever the tool said).
std::function<Status(StepContext &)> runThenSettle(const QStringList &argv);
// Polls `condition` every 100 ms until it holds or timeoutMs passes.
bool waitFor(int timeoutMs, const std::function<bool()> &condition);

// Live md state, read from sysfs each call (no snapshot).
QString mdAttribute(const QString &md, const QString &attribute); // trimmed; empty if unreadable
QStringList memberState(const QString &md, const QString &member); // dev-MEMBER/state words; empty if gone
bool memberPresent(const QString &md, const QString &member);
bool arrayRunning(const QString &md);                               // listed in /proc/mdstat as active
// "md0" for "/dev/md0" or "/dev/md/home" (following the symlink); empty if none.
QString mdKernelName(const QString &arrayPath);

} // namespace plexus::actions

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "writemdadmconf.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "engine/textedits.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace plexus {

using namespace actions;

Status validate(const Validator &checks, const WriteMdadmConfRequest &, ValidWriteConf *out)
{
    *out = {};
    int running = 0;
    for (const Array &a : checks.snapshot().arrays)
        if (a.state != ArrayState::Inactive)
            ++running;
    if (running == 0)
        return invalid(QStringLiteral("No array is running, so there is nothing to write: mdadm.conf keeps its ARRAY lines as they are."));
    out->confPath = checks.system().exists(QStringLiteral("/etc/mdadm")) ? QStringLiteral("/etc/mdadm/mdadm.conf") : QStringLiteral("/etc/mdadm.conf");
    out->confExists = checks.system().exists(out->confPath);
    out->arrays = running;
    out->stamp = checks.stamp();
    return {};
}

Plan makePlan(const ValidWriteConf &v)
{
    const QString stamp = v.stamp;
    Plan plan;
    const QString conf = v.confPath;
    const QString backup = conf + QStringLiteral(".plexus-") + stamp;
    plan.summary = QStringLiteral("Write the %1 running array(s) into %2.").arg(v.arrays).arg(conf);
    plan.notes << QStringLiteral("For the arrays to be assembled the same way at boot, update the initramfs too (update-initramfs -u on Debian).");

    Step scan;
    scan.description = QStringLiteral("Read the running arrays' identities");
    scan.command = {QStringLiteral("mdadm"), QStringLiteral("--detail"), QStringLiteral("--scan")};
    const QStringList scanArgv = scan.command;
    scan.action = [scanArgv](StepContext &ctx) {
        QByteArray out;
        if (Status s = run(ctx, scanArgv, {}, &out); !s)
            return s;
        if (!out.contains("ARRAY"))
            return toolFailed(QStringLiteral("mdadm --detail --scan listed no array."));
        ctx.data.insert(QStringLiteral("scan"), out);
        return Status();
    };
    plan.steps << scan;

    if (v.confExists) {
        Step save;
        save.description = QStringLiteral("Back up %1 to %2").arg(conf, backup);
        save.command = {QStringLiteral("cp"), QStringLiteral("-p"), conf, backup};
        save.action = [conf, backup](StepContext &ctx) {
            ctx.log(QStringLiteral("copy %1 to %2").arg(conf, backup));
            QFile::remove(backup);
            if (!QFile::copy(conf, backup))
                return toolFailed(QStringLiteral("Cannot copy %1 to %2.").arg(conf, backup));
            QFile::setPermissions(backup, QFile::permissions(conf));
            return Status();
        };
        plan.steps << save;
    }

    Step write;
    write.description = QStringLiteral("Write %1: its other lines kept, its ARRAY lines replaced by those of the running arrays").arg(conf);
    write.command = {QStringLiteral("mdadm"), QStringLiteral("--detail"), QStringLiteral("--scan")};
    write.commandNote = QStringLiteral("| (grep -v '^ARRAY' %1; cat) > %1.new && mv %1.new %1").arg(conf);
    write.action = [conf, stamp](StepContext &ctx) {
        QByteArray old;
        if (QFile::exists(conf)) {
            QFile f(conf);
            if (!f.open(QIODevice::ReadOnly))
                return toolFailed(QStringLiteral("Cannot read %1: %2").arg(conf, f.errorString()));
            old = f.readAll();
        }
        QDir().mkpath(QFileInfo(conf).absolutePath());
        const QByteArray merged = mergeMdadmConf(old, ctx.data.value(QStringLiteral("scan")).toByteArray(), stamp);
        return writeFileAtomically(ctx, conf, merged);
    };
    write.check = [conf] {
        QFile f(conf);
        if (!f.open(QIODevice::ReadOnly) || !f.readAll().contains("ARRAY"))
            return toolFailed(QStringLiteral("%1 has no ARRAY line after writing.").arg(conf));
        return Status();
    };
    plan.steps << write;
    return plan;
}


} // namespace plexus

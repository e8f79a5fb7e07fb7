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

#include <KLocalizedString>

namespace plexus {

QString WriteMdadmConfRequest::title() const
{
    return i18nc("an operation's title; keep mdadm.conf (a file)", "Write mdadm.conf");
}

using namespace actions;

Status validate(const Validator &checks, const WriteMdadmConfRequest &, ValidWriteConf *out)
{
    *out = {};
    int running = 0;
    for (const Array &a : checks.snapshot().arrays)
        if (a.state != ArrayState::Inactive)
            ++running;
    if (running == 0)
        return invalid(mi18nc("keep mdadm.conf (a file) and ARRAY (its keyword)", "No array is running, so there is nothing to write: mdadm.conf keeps its ARRAY lines as they are."));
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
    plan.summary = i18ncp("%2 a file (/etc/mdadm/mdadm.conf)", "Write the %1 running array into %2.", "Write the %1 running arrays into %2.", v.arrays, conf);
    plan.notes << i18nc("keep the command", "For the arrays to be assembled the same way at boot, update the initramfs too (update-initramfs -u on Debian).");

    Step scan;
    scan.description = i18n("Read the running arrays' identities");
    scan.command = {QStringLiteral("mdadm"), QStringLiteral("--detail"), QStringLiteral("--scan")};
    const QStringList scanArgv = scan.command;
    scan.action = [scanArgv](StepContext &ctx) {
        QByteArray out;
        if (Status s = run(ctx, scanArgv, {}, &out); !s)
            return s;
        if (!out.contains("ARRAY"))
            return toolFailed(mi18nc("keep the command", "mdadm --detail --scan listed no array."));
        ctx.data.insert(QStringLiteral("scan"), out);
        return Status();
    };
    plan.steps << scan;

    if (v.confExists) {
        Step save;
        save.description = i18nc("%1 a file, %2 the copy", "Back up %1 to %2", conf, backup);
        save.command = {QStringLiteral("cp"), QStringLiteral("-p"), conf, backup};
        save.action = [conf, backup](StepContext &ctx) {
            ctx.log(QStringLiteral("copy %1 to %2").arg(conf, backup));
            QFile::remove(backup);
            if (!QFile::copy(conf, backup))
                return toolFailed(mi18nc("%1 a file, %2 the copy", "Cannot copy %1 to %2.", conf, backup));
            QFile::setPermissions(backup, QFile::permissions(conf));
            return Status();
        };
        plan.steps << save;
    }

    Step write;
    write.description = i18nc("%1 a file (mdadm.conf); keep ARRAY (its keyword)", "Write %1: its other lines kept, its ARRAY lines replaced by those of the running arrays", conf);
    write.command = {QStringLiteral("mdadm"), QStringLiteral("--detail"), QStringLiteral("--scan")};
    write.commandNote = QStringLiteral("| (grep -v '^ARRAY' %1; cat) > %1.new && mv %1.new %1").arg(conf);
    write.action = [conf, stamp](StepContext &ctx) {
        QByteArray old;
        if (QFile::exists(conf)) {
            QFile f(conf);
            if (!f.open(QIODevice::ReadOnly))
                return toolFailed(mi18nc("%1 a file, %2 the system's error message", "Cannot read %1: %2", conf, f.errorString()));
            old = f.readAll();
        }
        QDir().mkpath(QFileInfo(conf).absolutePath());
        const QByteArray merged = mergeMdadmConf(old, ctx.data.value(QStringLiteral("scan")).toByteArray(), stamp);
        return writeFileAtomically(ctx, conf, merged);
    };
    write.check = [conf] {
        QFile f(conf);
        if (!f.open(QIODevice::ReadOnly) || !f.readAll().contains("ARRAY"))
            return toolFailed(mi18nc("%1 a file (mdadm.conf); keep ARRAY (its keyword)", "%1 has no ARRAY line after writing.", conf));
        return Status();
    };
    plan.steps << write;
    return plan;
}


} // namespace plexus

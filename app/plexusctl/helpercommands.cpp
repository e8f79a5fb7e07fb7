// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "helpercommands.h"

#include "engine/devicespec.h"
#include "engine/engine.h"
#include "engine/journal.h"
#include "engine/ops/anyrequest.h"
#include "engine/ops/registry.h"
#include "requestcommandline.h"
#include "engine/systemview.h"
#include "probe/blockprobe.h"
#include "probe/lvmprobe.h"
#include "probe/mdsysfsprobe.h"
#include "probe/snapshotprobe.h"

#include "helper1_proxy.h"
#include "helperclient.h"

#include <QCommandLineParser>
#include <QDBusPendingReply>
#include <QRegularExpression>
#include <QTextStream>
#include <functional>

namespace plexus {

namespace {

// Exit codes: one per error class, so scripts need not read the words.
enum Exit {
    ExitOk = 0,
    ExitInvalid = 1,       // the request is wrong (org.plexus.Error.Invalid)
    ExitUsage = 2,         // plexusctl was called wrongly
    ExitNotAuthorized = 3,
    ExitDismissed = 4,
    ExitInUse = 5,
    ExitTooSmall = 6,
    ExitNotFound = 7,
    ExitBusy = 8,
    ExitToolFailed = 9,
    ExitNoHelper = 10,     // the helper could not be reached, or another D-Bus failure
};

int exitFor(std::optional<ErrorCode> code)
{
    if (!code)
        return ExitNoHelper;
    switch (*code) {
    case ErrorCode::Invalid: return ExitInvalid;
    case ErrorCode::NotAuthorized: return ExitNotAuthorized;
    case ErrorCode::Dismissed: return ExitDismissed;
    case ErrorCode::InUse: return ExitInUse;
    case ErrorCode::TooSmall: return ExitTooSmall;
    case ErrorCode::NotFound: return ExitNotFound;
    case ErrorCode::Busy: return ExitBusy;
    case ErrorCode::ToolFailed: return ExitToolFailed;
    }
    return ExitNoHelper;
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

void printRefusal(const QString &errorName, std::optional<ErrorCode> code, const QString &message)
{
    const QString kind = code ? errorShortName(*code) : errorName;
    err() << "plexusctl: " << kind << ": " << message << "\n";
    err().flush();
}

void printPlan(const QString &summary, const QStringList &notes, const QStringList &descriptions, const QStringList &commands)
{
    out() << summary << "\n";
    for (const QString &n : notes)
        out() << "  note: " << n << "\n";
    for (int i = 0; i < descriptions.size(); ++i)
        out() << "  " << (i + 1) << ". " << descriptions[i] << "\n     $ " << commands.value(i) << "\n";
    out().flush();
}

// Says why when the system bus cannot be reached.
bool reachable(const HelperClient &client)
{
    if (!client.isConnected())
        err() << "plexusctl: cannot reach the system bus: " << client.connectionError() << "\n";
    return client.isConnected();
}

// Makes the call (with the client's tag in it) and follows its job to the end.
int runJobOnHelper(const std::function<QDBusPendingCall(HelperClient &)> &call)
{
    HelperClient client;
    if (!reachable(client))
        return ExitNoHelper;
    int total = 0;
    QObject::connect(&client, &HelperClient::jobStarted,
                     [&](const QString &job, const QString &summary, const QStringList &notes, const QStringList &d, const QStringList &cmds) {
                         total = int(d.size());
                         out() << "Job " << job << ": ";
                         printPlan(summary, notes, d, cmds);
                     });
    QObject::connect(&client, &HelperClient::stepStarted, [&](int index, const QString &description, const QString &) {
        out() << "[" << (index + 1) << "/" << total << "] " << description << " ...\n";
        out().flush();
    });
    int lastShown = -1;
    QObject::connect(&client, &HelperClient::stepProgress, [&](int, double percent) {
        const int tenth = int(percent / 10);
        if (tenth != lastShown) {
            lastShown = tenth;
            out() << "      " << QString::number(percent, 'f', 1) << "%\n";
            out().flush();
        }
    });
    QObject::connect(&client, &HelperClient::stepFinished, [&](int, const QString &error, const QString &message) {
        // A step that did well may say what came of it ("opened read-only as /dev/loop0").
        if (error.isEmpty())
            out() << (message.isEmpty() ? QStringLiteral("      done\n") : QStringLiteral("      done: %1\n").arg(message));
        else
            out() << "      failed\n";
        out().flush();
    });
    const HelperResult r = client.wait(call(client));
    if (r.ok) {
        if (r.note.isEmpty())
            out() << "Done (job " << r.job << ").\n";
        else
            out() << "Job " << r.job << " has done what it can in this boot. " << r.note << "\n";
        return ExitOk;
    }
    if (!r.code) {
        if (r.errorName == QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown")
            || r.errorName == QLatin1String("org.freedesktop.DBus.Error.Spawn.ExecFailed")
            || r.errorName.startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn")))
            err() << "plexusctl: plexus-helper cannot be started (" << r.errorName << ": " << r.message
                  << "). Is Plexus installed with its D-Bus files (org.plexus.Helper1.service)?\n";
        else
            err() << "plexusctl: the call to plexus-helper failed: " << r.errorName << ": " << r.message << "\n";
        return ExitNoHelper;
    }
    printRefusal(r.errorName, r.code, r.message);
    return exitFor(r.code);
}

int runOnHelper(AnyRequest request)
{
    return runJobOnHelper([&request](HelperClient &client) {
        request.setTag(client.tag());
        return client.proxy()->asyncCallWithArgumentList(QLatin1String(request.info().method), request.arguments());
    });
}

// A dry run plans here from our own view of the machine (no privileges, nothing
// changes); otherwise the helper does it all again and runs it.
int execute(const AnyRequest &request, const SnapshotPtr &snapshot, bool dryRun)
{
    if (!dryRun)
        return runOnHelper(request);
    LiveSystem system;
    Plan plan;
    if (Status s = request.prepare(Engine(snapshot, system), &plan); !s) {
        printRefusal(s.name(), s.code(), s.message());
        return exitFor(s.code());
    }
    printPlan(plan.summary, plan.notes, plan.descriptions(), plan.previews());
    out() << "(dry run: nothing was changed; plexus-helper validates again when it runs)\n";
    return ExitOk;
}

struct Command {
    QString name;
    QString synopsis;
    QString summary;
    QString details;
    QList<QCommandLineOption> options;
    bool changes = true; // takes --dry-run
    bool takesArguments = false; // without --dry-run, still positional arguments (a job id)
    // Reads the rest of the command line and runs; `snapshot` only when it changes things.
    std::function<int(const QCommandLineParser &, const QStringList &positional, const SnapshotPtr &snapshot, bool dryRun)> run;
};

QCommandLineOption opt(const QString &name, const QString &help, const QString &value = QString())
{
    return value.isEmpty() ? QCommandLineOption(name, help) : QCommandLineOption(name, help, value);
}

// A command from an operation's request type: its verb, words and options all
// come from the request's field list.
template<class R> Command requestCommand()
{
    Command c;
    c.name = QLatin1String(R::info.command);
    c.summary = QLatin1String(R::info.summary);
    c.details = QLatin1String(R::info.details);
    CommandLineSyntax syntax;
    R().visit(syntax);
    c.synopsis = syntax.synopsis.join(QLatin1Char(' '));
    c.options = syntax.options;
    c.run = [name = c.name, synopsis = c.synopsis](const QCommandLineParser &p, const QStringList &positional, const SnapshotPtr &snapshot,
                                                    bool dryRun) {
        R r;
        CommandLineReader reader(p, positional, *snapshot);
        r.visit(reader);
        if (const QString usage = reader.usage(); !usage.isEmpty()) {
            err() << "plexusctl: " << usage << "\nusage: plexusctl " << name << " " << synopsis << "\n"
                  << "(plexusctl " << name << " --help tells more)\n";
            return int(ExitUsage);
        }
        if (r.common.arrayUuid.isEmpty())
            r.common.arrayUuid = reader.arrayUuid();
        return execute(AnyRequest(r), snapshot, dryRun);
    };
    return c;
}

// One unfinished job in words: what is done, what was in progress, what remains.
void printUnfinished(const QVariantMap &j)
{
    const QString job = j.value(QStringLiteral("job")).toString();
    const QStringList steps = j.value(QStringLiteral("steps")).toStringList();
    const QStringList commands = j.value(QStringLiteral("commands")).toStringList();
    const QStringList states = j.value(QStringLiteral("states")).toStringList();
    const QStringList undo = j.value(QStringLiteral("undo")).toStringList();
    const QString waits = j.value(QStringLiteral("waits_for_restart")).toString();
    out() << "Unfinished job " << job << " (" << j.value(QStringLiteral("operation")).toString() << ", started "
          << j.value(QStringLiteral("started")).toString() << ", "
          << (!waits.isEmpty() ? "waiting for a restart" : j.value(QStringLiteral("interrupted")).toBool() ? "interrupted" : "stopped by a failed step")
          << ")\n  " << j.value(QStringLiteral("summary")).toString() << "\n";
    for (int i = 0; i < steps.size(); ++i)
        out() << "  " << (i + 1) << ". [" << states.value(i) << "] " << steps[i] << "\n       $ " << commands.value(i) << "\n       "
              << undo.value(i) << "\n";
    if (!j.value(QStringLiteral("message")).toString().isEmpty())
        out() << "  error: " << j.value(QStringLiteral("message")).toString() << "\n";
    if (const QString by = j.value(QStringLiteral("rolling_back_by")).toString(); !by.isEmpty())
        out() << "  A roll back of it, job " << by << ", did not finish.\n";
    out() << "  journal: " << j.value(QStringLiteral("file")).toString() << "\n";
    if (!waits.isEmpty())
        out() << "  " << waits << "\n";
    else
        out() << "  Carry it on: plexusctl resume " << job << "\n";
    out()
          << "  Undo what it did: plexusctl roll-back " << job << "\n"
          << "  Leave the machine as it is and stop reporting it: plexusctl drop " << job << "\n";
}

int journalCommand(const QCommandLineParser &p)
{
    if (p.isSet(QStringLiteral("all"))) {
        const QList<JournalSummary> all = Journal::read();
        if (all.isEmpty())
            out() << "No journal in " << Journal::defaultDirectory() << ".\n";
        for (const JournalSummary &s : all) {
            const QString state = s.ok ? QStringLiteral("done")
                                : s.dropped ? QStringLiteral("dropped")
                                : !s.rolledBackBy.isEmpty() ? QStringLiteral("rolled back by %1").arg(s.rolledBackBy)
                                : s.unfinished() && s.waitsForRestart() ? QStringLiteral("WAITING FOR A RESTART")
                                : s.unfinished() ? QStringLiteral("UNFINISHED") + (s.message.isEmpty() ? QString() : QStringLiteral(": ") + s.message)
                                                 : QStringLiteral("failed: ") + s.message;
            out() << s.job << "  " << s.operation << "  " << state << "\n    " << s.summary << "\n";
        }
        return ExitOk;
    }
    HelperClient client;
    if (!reachable(client))
        return ExitNoHelper;
    QDBusPendingReply<QList<QVariantMap>> reply = client.proxy()->UnfinishedJobs();
    reply.waitForFinished();
    if (reply.isError()) {
        err() << "plexusctl: the call to plexus-helper failed: " << reply.error().name() << ": " << reply.error().message() << "\n";
        return ExitNoHelper;
    }
    const QList<QVariantMap> jobs = reply.value();
    if (jobs.isEmpty()) {
        out() << "No unfinished jobs.\n";
        return ExitOk;
    }
    for (const QVariantMap &j : jobs)
        printUnfinished(j);
    return ExitOk;
}

int backupsCommand()
{
    HelperClient client;
    if (!reachable(client))
        return ExitNoHelper;
    QDBusPendingReply<QList<QVariantMap>> reply = client.proxy()->Backups();
    reply.waitForFinished();
    if (reply.isError()) {
        err() << "plexusctl: the call to plexus-helper failed: " << reply.error().name() << ": " << reply.error().message() << "\n";
        return ExitNoHelper;
    }
    if (reply.value().isEmpty()) {
        out() << "No backup copies recorded.\n";
        return ExitOk;
    }
    // The device's name is the one it had at the cut: a disk plugged back may have another.
    for (const QVariantMap &b : reply.value())
        out() << "/dev/" << b.value(QStringLiteral("device")).toString() << " (then; md device " << b.value(QStringLiteral("device_uuid")).toString()
              << "): " << b.value(QStringLiteral("words")).toString() << "\n";
    return ExitOk;
}

int dropCommand(const QString &job)
{
    HelperClient client;
    if (!reachable(client))
        return ExitNoHelper;
    const HelperResult r = client.wait(client.proxy()->DropJob(job));
    if (!r.ok) {
        if (!r.code) {
            err() << "plexusctl: the call to plexus-helper failed: " << r.errorName << ": " << r.message << "\n";
            return ExitNoHelper;
        }
        printRefusal(r.errorName, r.code, r.message);
        return exitFor(r.code);
    }
    out() << "Job " << job << " dropped: what it did stays as it is, and it is no longer reported as unfinished.\n";
    return ExitOk;
}

// resume, roll-back, drop: JOB is their one argument.
Command unfinishedJobCommand(const char *name, const char *summary, std::function<int(const QString &job)> run)
{
    Command c;
    c.name = QLatin1String(name);
    c.synopsis = QStringLiteral("JOB");
    c.summary = QLatin1String(summary);
    c.changes = false; // no dry run: the plan is the journal's, shown by plexusctl journal
    c.takesArguments = true;
    c.run = [name, run](const QCommandLineParser &, const QStringList &positional, const SnapshotPtr &, bool) {
        if (positional.size() != 1) {
            err() << "plexusctl: " << name << " takes one job id (plexusctl journal lists the unfinished ones)\n";
            return int(ExitUsage);
        }
        return run(positional.first());
    };
    return c;
}

QList<Command> commands()
{
    QList<Command> list;
    forEachRequestType([&list](auto type) { list << requestCommand<typename decltype(type)::type>(); });
    {
        Command c;
        c.name = QStringLiteral("journal");
        c.synopsis = QStringLiteral("[--all]");
        c.summary = QStringLiteral("show unfinished jobs (interrupted by a crash or a reboot, or stopped by a failed step): what is done and what remains");
        c.options = {opt(QStringLiteral("all"), QStringLiteral("List every journaled job, from the journal files."))};
        c.changes = false;
        c.run = [](const QCommandLineParser &p, const QStringList &, const SnapshotPtr &, bool) { return journalCommand(p); };
        list << c;
    }
    {
        Command c;
        c.name = QStringLiteral("backups");
        c.summary = QStringLiteral("list the backup copies back-up cut: which device holds a copy of which array, as of when");
        c.changes = false;
        c.run = [](const QCommandLineParser &, const QStringList &, const SnapshotPtr &, bool) { return backupsCommand(); };
        list << c;
    }
    list << unfinishedJobCommand("resume", "carry an unfinished job on from where it stopped (checked against the machine now)", [](const QString &job) {
        return runJobOnHelper([job](HelperClient &client) { return client.proxy()->ResumeJob(job, {{QStringLiteral("tag"), client.tag()}}); });
    });
    list << unfinishedJobCommand("roll-back", "undo what an unfinished job did, last step first", [](const QString &job) {
        return runJobOnHelper([job](HelperClient &client) { return client.proxy()->RollBackJob(job, {{QStringLiteral("tag"), client.tag()}}); });
    });
    list << unfinishedJobCommand("drop", "leave an unfinished job as it is and stop reporting it", dropCommand);
    return list;
}

} // namespace

bool isHelperCommand(const QString &command)
{
    return helperCommandNames().contains(command);
}

QStringList helperCommandNames()
{
    QStringList names;
    for (const Command &c : commands())
        names << c.name;
    return names;
}

QString helperCommandsUsage()
{
    QString text;
    for (const Command &c : commands())
        text += QStringLiteral("  %1%2\n").arg(c.name.leftJustified(16), c.summary);
    return text;
}

QString helperExitCodes()
{
    return QStringLiteral(
        "exit status of the commands that change things:\n"
        "  0  done              5  InUse (mounted, in an array, LVM, system disk, ...)\n"
        "  1  Invalid request   6  TooSmall\n"
        "  2  wrong usage       7  NotFound (or no longer the device/array you chose)\n"
        "  3  NotAuthorized     8  Busy (the kernel or another job is busy; retry later)\n"
        "  4  Dismissed         9  ToolFailed (a tool or the kernel refused; its message follows)\n"
        "                      10  plexus-helper could not be reached\n");
}

int runHelperCommand(const QStringList &args)
{
    const QString name = args.value(1);
    Command command;
    for (const Command &c : commands())
        if (c.name == name)
            command = c;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("plexusctl %1: %2.%3").arg(name, command.summary,
                                                                              command.details.isEmpty() ? QString() : QStringLiteral("\n") + command.details));
    parser.addHelpOption();
    parser.addPositionalArgument(name, QStringLiteral("%1 %2").arg(name, command.synopsis));
    parser.addOptions(command.options);
    if (command.changes) {
        parser.addOption(opt(QStringLiteral("dry-run"), QStringLiteral("Show the plan only: check and plan here, change nothing.")));
    }
    if (!parser.parse(args)) {
        err() << "plexusctl: " << parser.errorText() << "\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText() << "\n" << helperExitCodes();
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (!command.changes && !command.takesArguments && !positional.isEmpty()) {
        err() << "plexusctl: usage: plexusctl " << name << " " << command.synopsis << "\n"
              << "(plexusctl " << name << " --help tells more)\n";
        return ExitUsage;
    }
    SnapshotPtr snapshot;
    bool dryRun = false;
    if (command.changes) {
        dryRun = parser.isSet(QStringLiteral("dry-run"));
        if (dryRun) {
            // Planning here needs the whole picture (mounts, LVM, swap).
            snapshot = SnapshotProbe(QStringLiteral("/")).take();
        } else {
            // The helper looks at the machine itself; we only need what the
            // user sees of the devices (identity, size), of the arrays (UUID) and
            // of the logical volumes (VG/LV, from sysfs: no LVM tools run).
            auto s = std::make_shared<Snapshot>();
            s->disks = BlockProbe(QStringLiteral("/")).disks();
            s->arrays = MdSysfsProbe(QStringLiteral("/")).arrays();
            s->volumeGroups = LvmProbe(QStringLiteral("/"), false).volumeGroups();
            snapshot = s;
        }
    }
    const int code = command.run(parser, positional, snapshot, dryRun);
    out().flush();
    err().flush();
    return code;
}

} // namespace plexus

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

#include <KLocalizedString>

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

// A D-Bus call to the helper that failed without one of Plexus's errors.
QString callFailed(const QString &errorName, const QString &message)
{
    return i18nc("%1 is a D-Bus error name, %2 its message", "plexusctl: the call to plexus-helper failed: %1: %2", errorName, message);
}

void printRefusal(const QString &errorName, std::optional<ErrorCode> code, const QString &message)
{
    const QString kind = code ? errorShortName(*code) : errorName;
    err() << i18nc("plexusctl: the refusal's error name (keep it: InUse, NotFound, ...): its message", "plexusctl: %1: %2", kind, message) << "\n";
    err().flush();
}

// `heading` is the plan's summary, or a line that says it.
void printPlan(const QString &heading, const QStringList &notes, const QStringList &descriptions, const QStringList &commands)
{
    out() << heading << "\n";
    for (const QString &n : notes)
        out() << "  " << i18nc("a note on a plan", "note: %1", n) << "\n";
    for (int i = 0; i < descriptions.size(); ++i)
        out() << "  " << (i + 1) << ". " << descriptions[i] << "\n     $ " << commands.value(i) << "\n";
    out().flush();
}

// Says why when the system bus cannot be reached.
bool reachable(const HelperClient &client)
{
    if (!client.isConnected())
        err() << i18nc("%1 says why", "plexusctl: cannot reach the system bus: %1", client.connectionError()) << "\n";
    return client.isConnected();
}

// Makes the call (with the client's tag in it) and follows its job to the end.
// `ours`: the same request planned here, in our user's language. The helper
// speaks English; when its plan is ours (the same commands), ours is shown.
int runJobOnHelper(const std::function<QDBusPendingCall(HelperClient &)> &call, const std::optional<Plan> &ours = std::nullopt)
{
    HelperClient client;
    if (!reachable(client))
        return ExitNoHelper;
    int total = 0;
    bool same = false;
    QObject::connect(&client, &HelperClient::jobStarted,
                     [&](const QString &job, const QString &summary, const QStringList &notes, const QStringList &d, const QStringList &cmds) {
                         total = int(d.size());
                         same = ours && ours->previews() == cmds && ours->notes.size() == notes.size();
                         if (same)
                             printPlan(i18nc("a job's id: what it does", "Job %1: %2", job, ours->summary), ours->notes, ours->descriptions(), cmds);
                         else
                             printPlan(i18nc("a job's id: what it does", "Job %1: %2", job, summary), notes, d, cmds);
                     });
    QObject::connect(&client, &HelperClient::stepStarted, [&](int index, const QString &helperDescription, const QString &) {
        const QString description = same ? ours->descriptions().value(index, helperDescription) : helperDescription;
        out() << i18nc("step %1 of %2 of a job: what it does, under way", "[%1/%2] %3 ...", QString::number(index + 1), QString::number(total), description)
              << "\n";
        out().flush();
    });
    int lastShown = -1;
    QObject::connect(&client, &HelperClient::stepProgress, [&](int, double percent) {
        const int tenth = int(percent / 10);
        if (tenth != lastShown) {
            lastShown = tenth;
            out() << "      " << i18nc("a step's progress in percent", "%1%", QString::number(percent, 'f', 1)) << "\n";
            out().flush();
        }
    });
    QObject::connect(&client, &HelperClient::stepFinished, [&](int, const QString &error, const QString &message) {
        // A step that did well may say what came of it ("opened read-only as /dev/loop0").
        if (error.isEmpty())
            out() << "      " << (message.isEmpty() ? i18nc("a step of a job", "done") : i18nc("a step of a job: what came of it", "done: %1", message)) << "\n";
        else
            out() << "      " << i18nc("a step of a job", "failed") << "\n";
        out().flush();
    });
    const HelperResult r = client.wait(call(client));
    if (r.ok) {
        if (r.note.isEmpty())
            out() << i18nc("%1 is a job's id", "Done (job %1).", r.job) << "\n";
        else
            out() << i18nc("%1 is a job's id, %2 what remains to do (after a restart)", "Job %1 has done what it can in this boot. %2", r.job, r.note) << "\n";
        return ExitOk;
    }
    if (!r.code) {
        if (r.errorName == QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown")
            || r.errorName == QLatin1String("org.freedesktop.DBus.Error.Spawn.ExecFailed")
            || r.errorName.startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn")))
            err() << i18nc("%1 is a D-Bus error name, %2 its message",
                           "plexusctl: plexus-helper cannot be started (%1: %2). Is Plexus installed with its D-Bus files (org.plexus.Helper1.service)?",
                           r.errorName, r.message)
                  << "\n";
        else
            err() << callFailed(r.errorName, r.message) << "\n";
        return ExitNoHelper;
    }
    printRefusal(r.errorName, r.code, r.message);
    return exitFor(r.code);
}

int runOnHelper(AnyRequest request, const std::optional<Plan> &ours)
{
    return runJobOnHelper(
        [&request](HelperClient &client) {
            request.setTag(client.tag());
            return client.proxy()->asyncCallWithArgumentList(QLatin1String(request.info().method), request.arguments());
        },
        ours);
}

// A dry run plans here from our own view of the machine (no privileges, nothing
// changes); otherwise the helper does it all again and runs it.
int execute(const AnyRequest &request, const SnapshotPtr &snapshot, bool dryRun)
{
    LiveSystem system;
    Plan plan;
    const Status s = request.prepare(Engine(snapshot, system), &plan);
    if (!dryRun) // the helper's refusal, if any, is the one that counts
        return runOnHelper(request, s ? std::optional(plan) : std::nullopt);
    if (!s) {
        printRefusal(s.name(), s.code(), s.message());
        return exitFor(s.code());
    }
    printPlan(plan.summary, plan.notes, plan.descriptions(), plan.previews());
    out() << i18nc("keep plexus-helper", "(dry run: nothing was changed; plexus-helper validates again when it runs)") << "\n";
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

// "usage: plexusctl COMMAND SYNOPSIS" and where to learn more.
QString usageLine(const QString &name, const QString &synopsis)
{
    return i18nc("keep plexusctl; %1 is a command, %2 its arguments (ARRAY DEVICE ...)", "usage: plexusctl %1 %2", name, synopsis);
}

QString helpHint(const QString &name)
{
    return i18nc("keep plexusctl and --help; %1 is a command", "(plexusctl %1 --help tells more)", name);
}

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
    c.summary = R::info.summary.toString();
    c.details = R::info.details.isEmpty() ? QString() : R::info.details.toString();
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
            err() << i18nc("an error message of plexusctl", "plexusctl: %1", usage) << "\n" << usageLine(name, synopsis) << "\n" << helpHint(name) << "\n";
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
    const QString operation = j.value(QStringLiteral("operation")).toString();
    const QString started = j.value(QStringLiteral("started")).toString();
    if (!waits.isEmpty())
        out() << i18nc("%1 is a job's id, %2 its operation (a name), %3 when it started", "Unfinished job %1 (%2, started %3, waiting for a restart)", job,
                       operation, started);
    else if (j.value(QStringLiteral("interrupted")).toBool())
        out() << i18nc("%1 is a job's id, %2 its operation (a name), %3 when it started", "Unfinished job %1 (%2, started %3, interrupted)", job,
                       operation, started);
    else
        out() << i18nc("%1 is a job's id, %2 its operation (a name), %3 when it started", "Unfinished job %1 (%2, started %3, stopped by a failed step)",
                       job, operation, started);
    out() << "\n  " << j.value(QStringLiteral("summary")).toString() << "\n";
    for (int i = 0; i < steps.size(); ++i)
        out() << "  " << (i + 1) << ". [" << states.value(i) << "] " << steps[i] << "\n       $ " << commands.value(i) << "\n       "
              << undo.value(i) << "\n";
    if (!j.value(QStringLiteral("message")).toString().isEmpty())
        out() << "  " << i18nc("what went wrong in an unfinished job", "error: %1", j.value(QStringLiteral("message")).toString()) << "\n";
    if (const QString by = j.value(QStringLiteral("rolling_back_by")).toString(); !by.isEmpty())
        out() << "  " << i18nc("%1 is a job's id", "A roll back of it, job %1, did not finish.", by) << "\n";
    out() << "  " << i18nc("the file that journals a job", "journal: %1", j.value(QStringLiteral("file")).toString()) << "\n";
    if (!waits.isEmpty())
        out() << "  " << waits << "\n";
    else
        out() << "  " << i18nc("keep the command; %1 is a job's id", "Carry it on: plexusctl resume %1", job) << "\n";
    out() << "  " << i18nc("keep the command; %1 is a job's id", "Undo what it did: plexusctl roll-back %1", job) << "\n"
          << "  " << i18nc("keep the command; %1 is a job's id", "Leave the machine as it is and stop reporting it: plexusctl drop %1", job) << "\n";
}

int journalCommand(const QCommandLineParser &p)
{
    if (p.isSet(QStringLiteral("all"))) {
        const QList<JournalSummary> all = Journal::read();
        if (all.isEmpty())
            out() << i18nc("%1 is a directory", "No journal in %1.", Journal::defaultDirectory()) << "\n";
        for (const JournalSummary &s : all) {
            // The state column stays in English: scripts wait for "NAME  done" or "UNFINISHED: ".
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
        err() << callFailed(reply.error().name(), reply.error().message()) << "\n";
        return ExitNoHelper;
    }
    const QList<QVariantMap> jobs = reply.value();
    if (jobs.isEmpty()) {
        out() << i18n("No unfinished jobs.") << "\n";
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
        err() << callFailed(reply.error().name(), reply.error().message()) << "\n";
        return ExitNoHelper;
    }
    if (reply.value().isEmpty()) {
        out() << i18n("No backup copies recorded.") << "\n";
        return ExitOk;
    }
    // The device's name is the one it had at the cut: a disk plugged back may have another.
    for (const QVariantMap &b : reply.value())
        out() << i18nc("a backup copy: %1 the device's name when it was cut (sdb), %2 its md device UUID, %3 what it holds",
                       "/dev/%1 (then; md device %2): %3", b.value(QStringLiteral("device")).toString(),
                       b.value(QStringLiteral("device_uuid")).toString(), b.value(QStringLiteral("words")).toString())
              << "\n";
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
            err() << callFailed(r.errorName, r.message) << "\n";
            return ExitNoHelper;
        }
        printRefusal(r.errorName, r.code, r.message);
        return exitFor(r.code);
    }
    out() << i18nc("%1 is a job's id", "Job %1 dropped: what it did stays as it is, and it is no longer reported as unfinished.", job) << "\n";
    return ExitOk;
}

// resume, roll-back, drop: JOB is their one argument.
Command unfinishedJobCommand(const char *name, const QString &summary, std::function<int(const QString &job)> run)
{
    Command c;
    c.name = QLatin1String(name);
    c.synopsis = QStringLiteral("JOB");
    c.summary = summary;
    c.changes = false; // no dry run: the plan is the journal's, shown by plexusctl journal
    c.takesArguments = true;
    c.run = [name, run](const QCommandLineParser &, const QStringList &positional, const SnapshotPtr &, bool) {
        if (positional.size() != 1) {
            err() << i18nc("%1 is a command (resume, roll-back, drop); keep plexusctl journal",
                           "plexusctl: %1 takes one job id (plexusctl journal lists the unfinished ones)", QLatin1String(name))
                  << "\n";
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
        c.summary = i18nc("plexusctl journal", "show unfinished jobs (interrupted by a crash or a reboot, or stopped by a failed step): what is done and what remains");
        c.options = {opt(QStringLiteral("all"), i18nc("plexusctl journal --all", "List every journaled job, from the journal files."))};
        c.changes = false;
        c.run = [](const QCommandLineParser &p, const QStringList &, const SnapshotPtr &, bool) { return journalCommand(p); };
        list << c;
    }
    {
        Command c;
        c.name = QStringLiteral("backups");
        c.summary = i18nc("plexusctl backups; keep back-up cut (a command)", "list the backup copies back-up cut: which device holds a copy of which array, as of when");
        c.changes = false;
        c.run = [](const QCommandLineParser &, const QStringList &, const SnapshotPtr &, bool) { return backupsCommand(); };
        list << c;
    }
    list << unfinishedJobCommand("resume", i18nc("plexusctl resume", "carry an unfinished job on from where it stopped (checked against the machine now)"), [](const QString &job) {
        return runJobOnHelper([job](HelperClient &client) { return client.proxy()->ResumeJob(job, {{QStringLiteral("tag"), client.tag()}}); });
    });
    list << unfinishedJobCommand("roll-back", i18nc("plexusctl roll-back", "undo what an unfinished job did, last step first"), [](const QString &job) {
        return runJobOnHelper([job](HelperClient &client) { return client.proxy()->RollBackJob(job, {{QStringLiteral("tag"), client.tag()}}); });
    });
    list << unfinishedJobCommand("drop", i18nc("plexusctl drop", "leave an unfinished job as it is and stop reporting it"), dropCommand);
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
    return i18nc("plexusctl's exit codes; keep the numbers, the error names (InUse, Invalid, ...), plexus-helper and the two columns",
        "exit status of the commands that change things:\n"
        "  0  done              5  InUse (mounted, in an array, LVM, system disk, ...)\n"
        "  1  Invalid request   6  TooSmall\n"
        "  2  wrong usage       7  NotFound (or no longer the device/array you chose)\n"
        "  3  NotAuthorized     8  Busy (the kernel or another job is busy; retry later)\n"
        "  4  Dismissed         9  ToolFailed (a tool or the kernel refused; its message follows)\n"
        "                      10  plexus-helper could not be reached") + QStringLiteral("\n");
}

int runHelperCommand(const QStringList &args)
{
    const QString name = args.value(1);
    Command command;
    for (const Command &c : commands())
        if (c.name == name)
            command = c;
    QCommandLineParser parser;
    parser.setApplicationDescription(command.details.isEmpty()
                                         ? i18nc("plexusctl COMMAND: what it does", "plexusctl %1: %2.", name, command.summary)
                                         : i18nc("plexusctl COMMAND: what it does, then more about it", "plexusctl %1: %2.\n%3", name, command.summary,
                                                 command.details));
    parser.addHelpOption();
    parser.addPositionalArgument(name, QStringLiteral("%1 %2").arg(name, command.synopsis));
    parser.addOptions(command.options);
    if (command.changes) {
        parser.addOption(opt(QStringLiteral("dry-run"), i18n("Show the plan only: check and plan here, change nothing.")));
    }
    if (!parser.parse(args)) {
        err() << i18nc("an error message of plexusctl, on its command line", "plexusctl: %1", parser.errorText()) << "\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText() << "\n" << helperExitCodes();
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (!command.changes && !command.takesArguments && !positional.isEmpty()) {
        err() << i18nc("an error message of plexusctl: the right usage", "plexusctl: %1", usageLine(name, command.synopsis)) << "\n" << helpHint(name) << "\n";
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

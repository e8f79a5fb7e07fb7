#include "helpercommands.h"

#include "engine/devicespec.h"
#include "engine/engine.h"
#include "engine/journal.h"
#include "engine/requests.h"
#include "engine/systemview.h"
#include "probe/blockprobe.h"
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

struct Command;

class Context
{
public:
    Context(const Command &command, QCommandLineParser &parser) : cmd(command), p(parser) {}

    const Command &cmd;
    QCommandLineParser &p;
    QStringList pos;
    SnapshotPtr snapshot;
    QVariantMap options;
    bool dryRun = false;

    // "md0" -> "/dev/md0"; anything else as given (the helper checks it).
    static QString arrayPath(const QString &arg)
    {
        static const QRegularExpression bare(QStringLiteral("^md[0-9]+$"));
        return bare.match(arg).hasMatch() ? QStringLiteral("/dev/") + arg : arg;
    }
    // The device as the user sees it now: identity and size from our snapshot.
    DeviceSpec spec(const QString &path) const { return deviceSpecFor(*snapshot, path); }
    DeviceSpecList specs(const QStringList &paths) const
    {
        DeviceSpecList list;
        for (const QString &p : paths)
            list << spec(p);
        return list;
    }
    // Ties the request to the array as we see it, so a renumbered mdN is refused.
    void pinArray(const QString &path)
    {
        const QString name = kernelNameForDevicePath(QStringLiteral("/"), path);
        if (const Array *a = snapshot->array(name); a && !a->uuid.isEmpty())
            options.insert(QStringLiteral("array_uuid"), a->uuid);
    }
    void flag(const char *cliName, const char *optionName)
    {
        if (p.isSet(QLatin1String(cliName)))
            options.insert(QLatin1String(optionName), true);
    }
};

using Call = std::function<QDBusPendingCall(HelperProxy *)>;

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

int runOnHelper(Context &c, const Call &call)
{
    HelperClient client;
    if (!client.isConnected()) {
        err() << "plexusctl: cannot reach the system bus: " << client.connectionError() << "\n";
        return ExitNoHelper;
    }
    c.options.insert(QStringLiteral("tag"), client.tag());
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
    QObject::connect(&client, &HelperClient::stepFinished, [&](int, const QString &error, const QString &) {
        out() << (error.isEmpty() ? "      done\n" : "      failed\n");
        out().flush();
    });
    const HelperResult r = client.wait(call(client.proxy()));
    if (r.ok) {
        out() << "Done (job " << r.job << ").\n";
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

// The request is checked by the same parser the helper uses; a dry run plans it
// here from our own view of the machine (no privileges, nothing changes).
template<typename Request>
int execute(Context &c, Request request, const Call &call)
{
    if (Status s = parseOptions(c.options, &request); !s) {
        printRefusal(s.name(), s.code(), s.message());
        return exitFor(s.code());
    }
    if (c.dryRun) {
        LiveSystem system;
        Plan plan;
        if (Status s = Engine(c.snapshot, system).prepare(request, &plan); !s) {
            printRefusal(s.name(), s.code(), s.message());
            return exitFor(s.code());
        }
        printPlan(plan.summary, plan.notes, plan.descriptions(), plan.previews());
        out() << "(dry run: nothing was changed; plexus-helper validates again when it runs)\n";
        return ExitOk;
    }
    return runOnHelper(c, call);
}

struct Command {
    QString name;
    QString synopsis;
    QString summary;
    QString details;
    QList<QCommandLineOption> options;
    int minArgs = 0;
    int maxArgs = 0; // -1: any number
    bool changes = true; // takes --dry-run and --allow-system-disk
    std::function<int(Context &)> run;
};

QCommandLineOption opt(const QString &name, const QString &help, const QString &value = QString())
{
    return value.isEmpty() ? QCommandLineOption(name, help) : QCommandLineOption(name, help, value);
}

int journalCommand(Context &c)
{
    if (c.p.isSet(QStringLiteral("all"))) {
        const QList<JournalSummary> all = Journal::read();
        if (all.isEmpty())
            out() << "No journal in " << Journal::defaultDirectory() << ".\n";
        for (const JournalSummary &s : all) {
            const QString state = s.finished ? (s.ok ? QStringLiteral("done") : QStringLiteral("failed: ") + s.message)
                                             : (s.acknowledged ? QStringLiteral("unfinished (acknowledged)") : QStringLiteral("UNFINISHED"));
            out() << s.job << "  " << s.operation << "  " << state << "\n    " << s.summary << "\n";
        }
        return ExitOk;
    }
    HelperClient client;
    if (!client.isConnected()) {
        err() << "plexusctl: cannot reach the system bus: " << client.connectionError() << "\n";
        return ExitNoHelper;
    }
    const QString ack = c.p.value(QStringLiteral("acknowledge"));
    if (!ack.isEmpty()) {
        const HelperResult r = client.wait(client.proxy()->AcknowledgeJob(ack));
        if (!r.ok) {
            if (!r.code) {
                err() << "plexusctl: the call to plexus-helper failed: " << r.errorName << ": " << r.message << "\n";
                return ExitNoHelper;
            }
            printRefusal(r.errorName, r.code, r.message);
            return exitFor(r.code);
        }
        out() << "Job " << ack << " acknowledged: it is no longer reported as unfinished.\n";
        return ExitOk;
    }
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
    for (const QVariantMap &j : jobs) {
        const QStringList steps = j.value(QStringLiteral("steps")).toStringList();
        const QStringList commands = j.value(QStringLiteral("commands")).toStringList();
        const int last = j.value(QStringLiteral("last_started")).toInt();
        out() << "Unfinished job " << j.value(QStringLiteral("job")).toString() << " (" << j.value(QStringLiteral("operation")).toString()
              << ", started " << j.value(QStringLiteral("started")).toString() << ")\n  " << j.value(QStringLiteral("summary")).toString() << "\n";
        for (int i = 0; i < steps.size(); ++i) {
            const QString mark = i < last ? QStringLiteral("done   ") : i == last ? QStringLiteral("STOPPED") : QStringLiteral("not run");
            out() << "  " << mark << " " << (i + 1) << ". " << steps[i] << "\n            $ " << commands.value(i) << "\n";
        }
        if (!j.value(QStringLiteral("message")).toString().isEmpty())
            out() << "  error: " << j.value(QStringLiteral("message")).toString() << "\n";
        out() << "  journal: " << j.value(QStringLiteral("file")).toString() << "\n"
              << "  Check the machine (plexusctl status), finish or undo by hand, then: plexusctl journal --acknowledge "
              << j.value(QStringLiteral("job")).toString() << "\n";
    }
    return ExitOk;
}

QList<Command> commands()
{
    QList<Command> list;
    {
        Command c;
        c.name = QStringLiteral("create");
        c.synopsis = QStringLiteral("ARRAY --level LEVEL DEVICE|missing...");
        c.summary = QStringLiteral("create an array (e.g. create /dev/md0 --level 1 /dev/sdb1 missing)");
        c.details = QStringLiteral("Levels: linear, raid0, raid1, raid4, raid5, raid6, raid10. Minimum devices: linear 2, raid0 2, raid1 2 "
                                   "(1 with --force-single), raid4/5 3, raid6 4, raid10 2. 'missing' leaves a slot empty where the level "
                                   "keeps the data. Redundant levels get an internal write-intent bitmap unless --bitmap none.");
        c.options = {opt(QStringLiteral("level"), QStringLiteral("RAID level."), QStringLiteral("LEVEL")),
                     opt(QStringLiteral("spare"), QStringLiteral("Add DEVICE as a spare (repeatable)."), QStringLiteral("DEVICE")),
                     opt(QStringLiteral("chunk"), QStringLiteral("Chunk size in KiB: a power of two, 4 to 262144."), QStringLiteral("KIB")),
                     opt(QStringLiteral("bitmap"), QStringLiteral("Write-intent bitmap: none or internal."), QStringLiteral("KIND")),
                     opt(QStringLiteral("metadata"), QStringLiteral("Superblock version: 1.2 (default), 1.1, 1.0, 0.90."), QStringLiteral("VERSION")),
                     opt(QStringLiteral("name"), QStringLiteral("The array's name ([A-Za-z0-9_.-], up to 32)."), QStringLiteral("NAME")),
                     opt(QStringLiteral("force-single"), QStringLiteral("Allow a RAID-1 of one device.")),
                     opt(QStringLiteral("overwrite"), QStringLiteral("The devices' data and signatures may be destroyed.")),
                     opt(QStringLiteral("allow-same-disk"), QStringLiteral("Allow two members of a redundant array on one disk.")),
                     opt(QStringLiteral("partition-disks"), QStringLiteral("Give each whole blank disk one Linux RAID partition first; "
                                                                            "the partitions become the members."))};
        c.minArgs = 2;
        c.maxArgs = -1;
        c.run = [](Context &x) {
            CreateArrayRequest r;
            r.array = Context::arrayPath(x.pos.first());
            r.level = x.p.value(QStringLiteral("level"));
            if (r.level.isEmpty()) {
                err() << "plexusctl: create needs --level (linear, raid0, raid1, raid4, raid5, raid6 or raid10)\n";
                return int(ExitUsage);
            }
            r.members = x.specs(x.pos.mid(1));
            r.spares = x.specs(x.p.values(QStringLiteral("spare")));
            if (x.p.isSet(QStringLiteral("chunk"))) {
                bool ok = false;
                const int chunk = x.p.value(QStringLiteral("chunk")).toInt(&ok);
                if (!ok) {
                    err() << "plexusctl: --chunk wants a number of KiB, not '" << x.p.value(QStringLiteral("chunk")) << "'\n";
                    return int(ExitUsage);
                }
                x.options.insert(QStringLiteral("chunk_kib"), chunk);
            }
            for (const char *o : {"bitmap", "metadata", "name"})
                if (x.p.isSet(QLatin1String(o)))
                    x.options.insert(QLatin1String(o), x.p.value(QLatin1String(o)));
            x.flag("force-single", "force_single");
            x.flag("overwrite", "overwrite");
            x.flag("allow-same-disk", "allow_same_disk");
            x.flag("partition-disks", "partition_disks");
            return execute(x, r, [&x, r](HelperProxy *p) { return p->CreateArray(r.array, r.level, r.members, r.spares, x.options); });
        };
        list << c;
    }
    {
        Command c;
        c.name = QStringLiteral("stop");
        c.synopsis = QStringLiteral("ARRAY");
        c.summary = QStringLiteral("stop an array (its members keep their data)");
        c.minArgs = c.maxArgs = 1;
        c.run = [](Context &x) {
            StopArrayRequest r;
            r.array = Context::arrayPath(x.pos.first());
            x.pinArray(r.array);
            return execute(x, r, [&x, r](HelperProxy *p) { return p->StopArray(r.array, x.options); });
        };
        list << c;
    }
    {
        Command c;
        c.name = QStringLiteral("assemble");
        c.synopsis = QStringLiteral("ARRAY DEVICE...");
        c.summary = QStringLiteral("start an array from its members");
        c.options = {opt(QStringLiteral("run"), QStringLiteral("Start it even if members are missing."))};
        c.minArgs = 2;
        c.maxArgs = -1;
        c.run = [](Context &x) {
            AssembleArrayRequest r;
            r.array = Context::arrayPath(x.pos.first());
            r.members = x.specs(x.pos.mid(1));
            x.flag("run", "run_degraded");
            return execute(x, r, [&x, r](HelperProxy *p) { return p->AssembleArray(r.array, r.members, x.options); });
        };
        list << c;
    }
    for (const bool spare : {false, true}) {
        Command c;
        c.name = spare ? QStringLiteral("add-spare") : QStringLiteral("add");
        c.synopsis = QStringLiteral("ARRAY DEVICE");
        c.summary = spare ? QStringLiteral("add a spare to a redundant array") : QStringLiteral("add a member into a degraded array's missing slot");
        c.options = {opt(QStringLiteral("overwrite"), QStringLiteral("The device's data and signatures may be destroyed.")),
                     opt(QStringLiteral("partition-like-members"), QStringLiteral("DEVICE is a blank disk: give it a member's disk's "
                                                                                   "partitions first, and add the matching partition."))};
        c.minArgs = c.maxArgs = 2;
        c.run = [spare](Context &x) {
            AddDeviceRequest r;
            r.array = Context::arrayPath(x.pos[0]);
            r.device = x.spec(x.pos[1]);
            r.spare = spare;
            x.pinArray(r.array);
            x.flag("overwrite", "overwrite");
            x.flag("partition-like-members", "partition_like_members");
            return execute(x, r, [&x, r, spare](HelperProxy *p) {
                return spare ? p->AddSpare(r.array, r.device, x.options) : p->AddMember(r.array, r.device, x.options);
            });
        };
        list << c;
    }
    {
        Command c;
        c.name = QStringLiteral("fail");
        c.synopsis = QStringLiteral("ARRAY MEMBER");
        c.summary = QStringLiteral("mark a member faulty (refused if data would be lost)");
        c.minArgs = c.maxArgs = 2;
        c.run = [](Context &x) {
            FailMemberRequest r;
            r.array = Context::arrayPath(x.pos[0]);
            r.member = x.spec(x.pos[1]);
            x.pinArray(r.array);
            return execute(x, r, [&x, r](HelperProxy *p) { return p->FailMember(r.array, r.member, x.options); });
        };
        list << c;
    }
    {
        Command c;
        c.name = QStringLiteral("remove");
        c.synopsis = QStringLiteral("ARRAY MEMBER");
        c.summary = QStringLiteral("remove a faulty member or a spare");
        c.options = {opt(QStringLiteral("fail"), QStringLiteral("Mark it faulty first (it is still working).")),
                     opt(QStringLiteral("zero-superblock"), QStringLiteral("Erase its md superblock afterwards."))};
        c.minArgs = c.maxArgs = 2;
        c.run = [](Context &x) {
            RemoveMemberRequest r;
            r.array = Context::arrayPath(x.pos[0]);
            r.member = x.spec(x.pos[1]);
            x.pinArray(r.array);
            x.flag("fail", "fail");
            x.flag("zero-superblock", "zero_superblock");
            return execute(x, r, [&x, r](HelperProxy *p) { return p->RemoveMember(r.array, r.member, x.options); });
        };
        list << c;
    }
    {
        Command c;
        c.name = QStringLiteral("replace");
        c.synopsis = QStringLiteral("ARRAY OLD NEW");
        c.summary = QStringLiteral("replace a member, hot (the array never loses redundancy)");
        c.options = {opt(QStringLiteral("no-wait"), QStringLiteral("Return once the copy has started; remove OLD yourself later.")),
                     opt(QStringLiteral("overwrite"), QStringLiteral("NEW's data and signatures may be destroyed.")),
                     opt(QStringLiteral("partition-like-old"), QStringLiteral("NEW is a blank disk: give it OLD's disk's partitions first, "
                                                                               "and use the partition matching OLD.")),
                     opt(QStringLiteral("zero-old"), QStringLiteral("Erase OLD's md superblock once it is out of the array."))};
        c.minArgs = c.maxArgs = 3;
        c.run = [](Context &x) {
            ReplaceMemberRequest r;
            r.array = Context::arrayPath(x.pos[0]);
            r.oldMember = x.spec(x.pos[1]);
            r.newDevice = x.spec(x.pos[2]);
            x.pinArray(r.array);
            if (x.p.isSet(QStringLiteral("no-wait")))
                x.options.insert(QStringLiteral("wait"), false);
            x.flag("overwrite", "overwrite");
            x.flag("partition-like-old", "partition_like_old");
            x.flag("zero-old", "zero_old");
            return execute(x, r, [&x, r](HelperProxy *p) { return p->ReplaceMember(r.array, r.oldMember, r.newDevice, x.options); });
        };
        list << c;
    }
    {
        Command c;
        c.name = QStringLiteral("grow");
        c.synopsis = QStringLiteral("ARRAY [--raid-devices N] [--add DEVICE]... [--remove MEMBER]... [--size max]");
        c.summary = QStringLiteral("change the number of devices (e.g. 2-way -> 3-way mirror and back) or grow to the members' size");
        c.options = {opt(QStringLiteral("raid-devices"), QStringLiteral("The new number of devices."), QStringLiteral("N")),
                     opt(QStringLiteral("add"), QStringLiteral("A new member (repeatable)."), QStringLiteral("DEVICE")),
                     opt(QStringLiteral("remove"), QStringLiteral("A member to take out when shrinking a mirror (repeatable)."), QStringLiteral("MEMBER")),
                     opt(QStringLiteral("size"), QStringLiteral("'max': use the whole of each member."), QStringLiteral("max")),
                     opt(QStringLiteral("force-single"), QStringLiteral("Allow shrinking a mirror to one device.")),
                     opt(QStringLiteral("overwrite"), QStringLiteral("New members' data and signatures may be destroyed."))};
        c.minArgs = c.maxArgs = 1;
        c.run = [](Context &x) {
            GrowArrayRequest r;
            r.array = Context::arrayPath(x.pos[0]);
            if (x.p.isSet(QStringLiteral("raid-devices"))) {
                bool ok = false;
                r.raidDevices = x.p.value(QStringLiteral("raid-devices")).toInt(&ok);
                if (!ok) {
                    err() << "plexusctl: --raid-devices wants a number, not '" << x.p.value(QStringLiteral("raid-devices")) << "'\n";
                    return int(ExitUsage);
                }
            }
            r.add = x.specs(x.p.values(QStringLiteral("add")));
            r.remove = x.specs(x.p.values(QStringLiteral("remove")));
            if (x.p.isSet(QStringLiteral("size")))
                x.options.insert(QStringLiteral("size"), x.p.value(QStringLiteral("size")));
            x.pinArray(r.array);
            x.flag("force-single", "force_single");
            x.flag("overwrite", "overwrite");
            return execute(x, r, [&x, r](HelperProxy *p) { return p->GrowArray(r.array, r.raidDevices, r.add, r.remove, x.options); });
        };
        list << c;
    }
    {
        Command c;
        c.name = QStringLiteral("scrub");
        c.synopsis = QStringLiteral("ARRAY check|repair|idle");
        c.summary = QStringLiteral("start a check or repair of an array, or stop it");
        c.minArgs = c.maxArgs = 2;
        c.run = [](Context &x) {
            SyncActionRequest r;
            r.array = Context::arrayPath(x.pos[0]);
            r.action = x.pos[1];
            x.pinArray(r.array);
            return execute(x, r, [&x, r](HelperProxy *p) { return p->RequestSyncAction(r.array, r.action, x.options); });
        };
        list << c;
    }
    {
        Command c;
        c.name = QStringLiteral("speed");
        c.synopsis = QStringLiteral("ARRAY [--min KIB|system] [--max KIB|system]");
        c.summary = QStringLiteral("set an array's resync speed limits (KiB/s)");
        c.options = {opt(QStringLiteral("min"), QStringLiteral("Minimum resync speed in KiB/s, or 'system'."), QStringLiteral("KIB")),
                     opt(QStringLiteral("max"), QStringLiteral("Maximum resync speed in KiB/s, or 'system'."), QStringLiteral("KIB"))};
        c.minArgs = c.maxArgs = 1;
        c.run = [](Context &x) {
            SpeedLimitsRequest r;
            r.array = Context::arrayPath(x.pos[0]);
            r.min = x.p.value(QStringLiteral("min"));
            r.max = x.p.value(QStringLiteral("max"));
            x.pinArray(r.array);
            return execute(x, r, [&x, r](HelperProxy *p) { return p->SetSyncSpeedLimits(r.array, r.min, r.max, x.options); });
        };
        list << c;
    }
    {
        Command c;
        c.name = QStringLiteral("zero-superblock");
        c.synopsis = QStringLiteral("DEVICE");
        c.summary = QStringLiteral("erase the md superblock of a device in no running array");
        c.minArgs = c.maxArgs = 1;
        c.run = [](Context &x) {
            ZeroSuperblockRequest r;
            r.device = x.spec(x.pos[0]);
            return execute(x, r, [&x, r](HelperProxy *p) { return p->ZeroSuperblock(r.device, x.options); });
        };
        list << c;
    }
    {
        Command c;
        c.name = QStringLiteral("copy-table");
        c.synopsis = QStringLiteral("SOURCE TARGET");
        c.summary = QStringLiteral("give disk TARGET the partitions of disk SOURCE (new identifiers)");
        c.options = {opt(QStringLiteral("overwrite"), QStringLiteral("TARGET's partition table and signatures may go."))};
        c.minArgs = c.maxArgs = 2;
        c.run = [](Context &x) {
            CopyPartitionTableRequest r;
            r.source = x.spec(x.pos[0]);
            r.target = x.spec(x.pos[1]);
            x.flag("overwrite", "overwrite");
            return execute(x, r, [&x, r](HelperProxy *p) { return p->CopyPartitionTable(r.source, r.target, x.options); });
        };
        list << c;
    }
    {
        Command c;
        c.name = QStringLiteral("write-conf");
        c.synopsis = QString();
        c.summary = QStringLiteral("write the running arrays into mdadm.conf (backup first)");
        c.run = [](Context &x) {
            WriteMdadmConfRequest r;
            return execute(x, r, [&x](HelperProxy *p) { return p->WriteMdadmConf(x.options); });
        };
        list << c;
    }
    {
        Command c;
        c.name = QStringLiteral("journal");
        c.synopsis = QStringLiteral("[--acknowledge JOB] [--all]");
        c.summary = QStringLiteral("show jobs the helper left unfinished (crash, reboot)");
        c.options = {opt(QStringLiteral("acknowledge"), QStringLiteral("Stop reporting JOB (after handling it)."), QStringLiteral("JOB")),
                     opt(QStringLiteral("all"), QStringLiteral("List every journaled job, from the journal files."))};
        c.changes = false;
        c.run = journalCommand;
        list << c;
    }
    return list;
}

} // namespace

bool isHelperCommand(const QString &command)
{
    for (const Command &c : commands())
        if (c.name == command)
            return true;
    return false;
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
        parser.addOption(opt(QStringLiteral("allow-system-disk"), QStringLiteral("Allow using the disk the running system is on.")));
    }
    if (!parser.parse(args)) {
        err() << "plexusctl: " << parser.errorText() << "\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText() << "\n" << helperExitCodes();
        return ExitOk;
    }
    Context ctx(command, parser);
    ctx.pos = parser.positionalArguments().mid(1);
    if (ctx.pos.size() < command.minArgs || (command.maxArgs >= 0 && ctx.pos.size() > command.maxArgs)) {
        err() << "plexusctl: usage: plexusctl " << name << " " << command.synopsis << "\n"
              << "(plexusctl " << name << " --help tells more)\n";
        return ExitUsage;
    }
    if (command.changes) {
        ctx.dryRun = parser.isSet(QStringLiteral("dry-run"));
        ctx.flag("allow-system-disk", "allow_system_disk");
        if (ctx.dryRun) {
            // Planning here needs the whole picture (mounts, LVM, swap).
            ctx.snapshot = SnapshotProbe(QStringLiteral("/")).take();
        } else {
            // The helper looks at the machine itself; we only need what the
            // user sees of the devices (identity, size) and of the arrays (UUID).
            auto snapshot = std::make_shared<Snapshot>();
            snapshot->disks = BlockProbe(QStringLiteral("/")).disks();
            snapshot->arrays = MdSysfsProbe(QStringLiteral("/")).arrays();
            ctx.snapshot = snapshot;
        }
    }
    const int code = command.run(ctx);
    out().flush();
    err().flush();
    return code;
}

} // namespace plexus

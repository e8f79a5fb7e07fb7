// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "statuscommand.h"

#include "probe/scrubschedule.h"
#include "commandoptions.h"
#include "treeprinter.h"

#include "model/snapshotjson.h"
#include "model/volumedetails.h"
#include "monitor/shutdownhold.h"
#include "probe/agreement.h"
#include "probe/logindinhibitors.h"
#include "probe/mdstatparser.h"
#include "probe/mdsysfsprobe.h"
#include "probe/snapshotprobe.h"

#include "helper1_proxy.h"
#include "helperclient.h"

#include <QCommandLineParser>
#include <QDBusPendingReply>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <unistd.h>

#include <KLocalizedString>

namespace plexus {

namespace {

constexpr int ExitOk = 0;
constexpr int ExitFailure = 1;
constexpr int ExitUsage = 2;

// Reads FILE, or standard input for "-". Returns false with a message for people.
bool readInput(const QString &path, QByteArray *data, QString *error)
{
    QFile f;
    const bool ok = path == QLatin1String("-") ? f.open(stdin, QIODevice::ReadOnly) : (f.setFileName(path), f.open(QIODevice::ReadOnly));
    if (!ok) {
        *error = i18nc("%1 is a file, %2 why it cannot be read", "cannot read %1: %2", path, f.errorString());
        return false;
    }
    *data = f.readAll();
    // An mdstat is a few KiB; anything huge or with NUL bytes is not one.
    if (data->contains('\0')) {
        *error = path == QLatin1String("-") ? i18n("standard input is not a text file (it contains NUL bytes), so it is not an mdstat")
                                            : i18nc("%1 is a file", "%1 is not a text file (it contains NUL bytes), so it is not an mdstat", path);
        return false;
    }
    return true;
}

// Compares sysfs with /proc/mdstat for every array; prints what differs.
int crossCheck(const QString &root, QTextStream &out, QTextStream &err)
{
    QFile f((root == QLatin1String("/") ? QString() : root) + QStringLiteral("/proc/mdstat"));
    if (!f.open(QIODevice::ReadOnly)) {
        err << i18nc("%1 says why", "plexusctl: cannot read /proc/mdstat: %1", f.errorString()) << "\n";
        return ExitFailure;
    }
    MdstatContents mdstat;
    QString error;
    if (!parseMdstat(QString::fromUtf8(f.readAll()), &mdstat, &error)) {
        err << i18nc("%1 is what is wrong in the file", "plexusctl: /proc/mdstat: %1", error) << "\n";
        return ExitFailure;
    }
    const QList<Array> fromSysfs = MdSysfsProbe(root).arrays();
    int problems = 0;
    for (const Array &m : mdstat.arrays) {
        auto it = std::find_if(fromSysfs.begin(), fromSysfs.end(), [&](const Array &a) { return a.name == m.name; });
        if (it == fromSysfs.end()) {
            out << i18nc("%1 is an md array (md0)", "%1: in /proc/mdstat but not in sysfs", m.name) << "\n";
            ++problems;
            continue;
        }
        for (const QString &d : disagreements(*it, m)) {
            out << i18nc("an md array (md0): how sysfs and /proc/mdstat disagree on it", "%1: %2", m.name, d) << "\n";
            ++problems;
        }
    }
    for (const Array &a : fromSysfs) {
        const bool inMdstat = std::any_of(mdstat.arrays.begin(), mdstat.arrays.end(), [&](const Array &m) { return m.name == a.name; });
        // md0 appears in sysfs while being created or stopped, before mdstat lists it.
        if (!inMdstat && a.state != ArrayState::Inactive) {
            out << i18nc("%1 is an md array (md0)", "%1: in sysfs but not in /proc/mdstat", a.name) << "\n";
            ++problems;
        }
    }
    out << (problems ? i18np("%1 disagreement", "%1 disagreements", problems)
                     : i18np("sysfs and /proc/mdstat agree on %1 array", "sysfs and /proc/mdstat agree on %1 arrays", int(mdstat.arrays.size())))
        << "\n";
    return problems ? ExitFailure : ExitOk;
}

// Not root, LVM's tools cannot read a group's size, free space or inactive
// volumes; plexus-helper can. Asked briefly, and left out when it does not answer.
SnapshotPtr withHelperVolumeDetails(const SnapshotPtr &snapshot, QTextStream &err)
{
    HelperClient client;
    if (!client.isConnected())
        return snapshot;
    client.proxy()->setTimeout(5000);
    QDBusPendingReply<QList<QVariantMap>> reply = client.proxy()->VolumeGroups();
    reply.waitForFinished();
    if (reply.isError()) {
        err << i18nc("%1 is plexus-helper's error message", "plexusctl: warning: volume groups' sizes and free space unknown (plexus-helper: %1)",
                     reply.error().message())
            << "\n";
        return snapshot;
    }
    return withVolumeDetails(snapshot, volumeGroupsFromRows(reply.value()));
}

} // namespace

int runStatusCommand(const QStringList &args)
{
    QTextStream out(stdout), err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(i18n("Show disks, partitions, md arrays and LVM volumes."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("status"), i18nc("plexusctl status", "Show the machine's storage."));
    const QCommandLineOption json(QStringLiteral("json"), i18nc("keep plexus.status/1 and README", "Print JSON (schema plexus.status/1, see README)."));
    const QCommandLineOption mdstat(QStringLiteral("mdstat"), i18n("Describe an mdstat captured elsewhere (- = standard input)."), QStringLiteral("FILE"));
    const QCommandLineOption root(QStringLiteral("root"), i18nc("keep DIR: the option's placeholder", "Read sys/, proc/ and run/udev/ under DIR instead of / (for captured trees)."), QStringLiteral("DIR"), QStringLiteral("/"));
    const QCommandLineOption check(QStringLiteral("cross-check"), i18n("Compare md sysfs with /proc/mdstat and report every difference."));
    parser.addOptions({json, mdstat, root, check});
    if (const std::optional<int> done = parseCommandOptions(parser, args))
        return *done;
    if (parser.positionalArguments().size() > 1) {
        err << i18nc("keep status", "plexusctl: status takes no arguments besides options (got '%1')", parser.positionalArguments().at(1)) << "\n";
        return ExitUsage;
    }
    if (parser.isSet(check))
        return crossCheck(parser.value(root), out, err);

    SnapshotPtr snapshot;
    SnapshotSource source = SnapshotSource::System;
    if (parser.isSet(mdstat)) {
        QByteArray data;
        QString error;
        MdstatContents contents;
        if (!readInput(parser.value(mdstat), &data, &error)
            || !parseMdstat(QString::fromUtf8(data), &contents, &error)) {
            err << i18nc("an error message of plexusctl", "plexusctl: %1", error) << "\n";
            return ExitFailure;
        }
        snapshot = SnapshotProbe::fromMdstat(contents);
        source = SnapshotSource::Mdstat;
    } else {
        QStringList warnings;
        snapshot = SnapshotProbe(parser.value(root)).take(&warnings);
        for (const QString &w : warnings)
            err << i18nc("a warning of plexusctl", "plexusctl: warning: %1", w) << "\n";
    }
    // Whether plexus-helper holds off shutdown: the live machine's only.
    const bool live = source == SnapshotSource::System && parser.value(root) == QLatin1String("/");
    if (live && geteuid() != 0 && holdsLvm(*snapshot))
        snapshot = withHelperVolumeDetails(snapshot, err);
    const QString hold = live ? readPlexusShutdownHold() : QString();
    if (parser.isSet(json)) {
        QJsonObject status = snapshotToJson(*snapshot, source);
        if (live)
            status.insert(QStringLiteral("shutdown_held_off"), hold.isEmpty() ? QJsonValue() : QJsonValue(hold));
        out << QJsonDocument(status).toJson(QJsonDocument::Indented);
    } else {
        printStatusTree(*snapshot, out);
        if (live && !snapshot->arrays.isEmpty()) {
            const ScrubSchedule schedule = readScrubSchedule();
            out << "\nScheduled check: " << schedule.state() << (schedule.enabled ? QStringLiteral(" (%1)").arg(schedule.source) : QString()) << "\n";
        }
        if (!hold.isEmpty())
            out << "\n" << shutdownHoldText(hold) << "\n";
    }
    return ExitOk;
}

} // namespace plexus

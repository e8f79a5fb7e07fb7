// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "partitionsteps.h"

#include "engine/actions.h"
#include "engine/checks/refusal.h"
#include "engine/textedits.h"

#include <KLocalizedString>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace plexus {

using namespace actions;

namespace {

// Rewriting a table under partitions in use would pull them from under an array.
std::function<Status()> partitionsUnused(const QString &diskName)
{
    return [diskName] {
        const QDir disk(QStringLiteral("/sys/block/") + diskName);
        for (const QString &entry : disk.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (!QFileInfo::exists(disk.filePath(entry) + QStringLiteral("/partition")))
                continue;
            const QStringList holders = QDir(disk.filePath(entry) + QStringLiteral("/holders")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
            if (!holders.isEmpty())
                return Status::failure(ErrorCode::InUse, mi18nc("@info %1 a partition's kernel name, %2 the kernel names of the devices using it",
                                                               "/dev/%1 is in use by %2: its disk's partition table is not rewritten.", entry,
                                                               holders.join(QStringLiteral(", "))));
        }
        return Status();
    };
}

Step rereadStep(const QString &disk)
{
    Step s;
    s.description = i18nc("@info %1 a disk", "Let the kernel read %1's new partitions", disk);
    s.command = {QStringLiteral("blockdev"), QStringLiteral("--rereadpt"), disk};
    const QStringList argv = s.command;
    s.action = [argv](StepContext &ctx) {
        Status st = run(ctx, argv);
        udevSettle(ctx);
        return st;
    };
    s.changesNothing(); // undoing the table write reads the table again
    return s;
}

// Puts back what a disk had before the plan wrote its table: the table saved in
// the journal, or, for a disk that had none, no table at all.
QList<Step> restoreTableSteps(const QString &disk, const QString &diskName, bool hadTable)
{
    Step s;
    s.precondition = partitionsUnused(diskName);
    if (hadTable) {
        s.description = i18nc("@info %1 a disk", "Put back %1's earlier partition table, saved in the journal", disk);
        s.command = {QStringLiteral("sfdisk"), QStringLiteral("--no-reread"), QStringLiteral("--no-tell-kernel"), disk};
        s.commandNote = QStringLiteral("< JOB.d/%1.sfdisk").arg(diskName);
        const QStringList argv = s.command;
        const QString saved = diskName + QStringLiteral(".sfdisk");
        s.action = [argv, saved](StepContext &ctx) {
            QByteArray dump;
            if (Status st = ctx.kept(saved, &dump); !st)
                return toolFailed(mi18nc("@info %1 the reason", "The saved partition table is not there: %1", st.message()));
            return run(ctx, argv, dump);
        };
    } else {
        s.description = i18nc("@info %1 a disk", "Erase the partition table written to %1 (it had none before)", disk);
        s.command = {QStringLiteral("wipefs"), QStringLiteral("--all"), disk};
        const QStringList argv = s.command;
        s.action = [argv](StepContext &ctx) { return run(ctx, argv); };
    }
    return {s, rereadStep(disk)};
}

QString numberWords(const QList<int> &numbers)
{
    QStringList words;
    for (int n : numbers)
        words << QString::number(n);
    return words.join(QStringLiteral(", "));
}

// sfdisk --dump DISK into the job's journal: what a roll back puts back.
Step saveTableStep(const QString &dst, const QString &targetName)
{
    Step save;
    save.description = i18nc("@info %1 a disk", "Save %1's current partition table in the job's journal (to undo: sfdisk %1 < that file)", dst);
    save.command = {QStringLiteral("sfdisk"), QStringLiteral("--dump"), dst};
    save.commandNote = QStringLiteral("> /var/lib/plexus/journal/JOB.d/%1.sfdisk").arg(targetName);
    save.action = [dst, targetName](StepContext &ctx) {
        QByteArray out;
        int code = 0;
        if (Status s = run(ctx, {QStringLiteral("sfdisk"), QStringLiteral("--dump"), dst}, {}, &out, &code); !s)
            return s;
        if (code != 0) {
            ctx.log(QStringLiteral("%1 has no readable partition table: nothing to save").arg(dst));
            return Status();
        }
        QString saved;
        if (Status s = ctx.keep(targetName + QStringLiteral(".sfdisk"), out, &saved); !s)
            return toolFailed(mi18nc("@info %1 a disk, %2 the reason", "Cannot save %1's partition table: %2", dst, s.message()));
        ctx.log(QStringLiteral("saved %1's partition table to %2").arg(dst, saved));
        return Status();
    };
    return save.changesNothing();
}

} // namespace

QList<Step> writeTableSteps(const ResolvedDevice &disk, bool hadTable, const QByteArray &script, const QString &what, const QStringList &partitions)
{
    QList<Step> steps;
    if (hadTable)
        steps << saveTableStep(disk.path, disk.name);
    Step write;
    write.description = i18nc("@info %1 a disk, %2 what the partitions are (sdb2 and sdb3 typed Linux RAID)",
                              "Give %1 new partitions: %2, wiping old signatures where they start", disk.path, what);
    write.command = {QStringLiteral("sfdisk"), QStringLiteral("--no-reread"), QStringLiteral("--no-tell-kernel"), QStringLiteral("--wipe=always"),
                     QStringLiteral("--wipe-partitions=always"), disk.path};
    write.commandNote = QStringLiteral("<<< $'%1'").arg(QString::fromUtf8(script).trimmed().replace(QLatin1Char('\n'), QStringLiteral("\\n")));
    const QStringList argv = write.command;
    write.action = [argv, script](StepContext &ctx) { return run(ctx, argv, script); };
    const QString path = disk.path, name = disk.name;
    write.undo = [path, name, hadTable] { return restoreTableSteps(path, name, hadTable); };
    write.erases = {{disk.path, disk.name}};
    steps << write;
    Step reread = rereadStep(disk.path);
    reread.check = [name, partitions] {
        for (const QString &partition : partitions) {
            if (!waitFor(10000, [&] { return QFileInfo::exists(QStringLiteral("/sys/block/%1/%2").arg(name, partition)); }))
                return toolFailed(mi18nc("@info %1 a partition's kernel name, %2 its disk's", "The kernel does not show /dev/%1 after partitioning /dev/%2.",
                                        partition, name));
        }
        return Status();
    };
    steps << reread;
    return steps;
}

Step partitionWholeDiskStep(const ResolvedDevice &disk, const QString &partition)
{
    Step s;
    s.description = i18nc("@info %1 a disk, %2 a partition's kernel name", "Give %1 a new GPT partition table with one Linux RAID partition, /dev/%2, filling it",
                          disk.path, partition);
    s.command = {QStringLiteral("sfdisk"), QStringLiteral("--wipe=always"), QStringLiteral("--wipe-partitions=always"), disk.path};
    static const QByteArray script = "label: gpt\n,,R\n";
    s.commandNote = QStringLiteral("<<< $'label: gpt\\n,,R'");
    const QStringList argv = s.command;
    s.action = [argv](StepContext &ctx) {
        Status st = run(ctx, argv, script);
        udevSettle(ctx);
        return st;
    };
    const QString diskName = disk.name, diskPath = disk.path;
    s.undo = [diskPath, diskName] { return restoreTableSteps(diskPath, diskName, false); };
    s.erases = {{disk.path, disk.name}};
    s.check = [diskName, partition] {
        const bool there = waitFor(10000, [&] { return QFileInfo::exists(QStringLiteral("/sys/block/%1/%2").arg(diskName, partition)); });
        return there ? Status()
                     : toolFailed(mi18nc("@info %1 a partition's kernel name, %2 its disk's", "The kernel does not show /dev/%1 after partitioning /dev/%2.",
                                        partition, diskName));
    };
    return s;
}

QList<Step> copyTableSteps(const ValidCopyTable &v)
{
    QList<Step> steps;
    const QString src = v.source.path, dst = v.target.path;
    const QString targetName = v.target.name;
    const QString sourceName = v.source.name;

    if (v.targetHadTable)
        steps << saveTableStep(dst, targetName);

    Step read;
    read.description = i18nc("@info %1 a disk", "Read %1's partition table", src);
    read.command = {QStringLiteral("sfdisk"), QStringLiteral("--dump"), src};
    const QList<int> raidNumbers = v.raidNumbers;
    read.action = [src, sourceName, raidNumbers](StepContext &ctx) {
        QByteArray out;
        if (Status s = run(ctx, {QStringLiteral("sfdisk"), QStringLiteral("--dump"), src}, {}, &out); !s)
            return s;
        if (!out.contains("label:"))
            return toolFailed(mi18nc("@info %1 a disk", "sfdisk printed no partition table for %1.", src));
        ctx.keep(sourceName + QStringLiteral(".sfdisk"), out, nullptr); // a copy for the record; the step needs only ctx.data
        ctx.data.insert(QStringLiteral("dump"), raidTypedDump(sanitizeSfdiskDump(out), raidNumbers));
        return Status();
    };
    steps << read.changesNothing();

    Step write;
    // "partitions" for any count in English; other languages may need the number's plural forms.
    write.description = v.raidNumbers.isEmpty()
        ? i18nc("@info follows 'Read /dev/sda's partition table'; %1 a disk",
                "Write it to %1 with new disk and partition identifiers, wiping old signatures where the new partitions start", dst)
        : i18ncp("@info follows 'Read /dev/sda's partition table'; %1 how many partitions are typed Linux RAID, %2 a disk, %3 their numbers (1, 3); "
                 "English says 'partitions' for any count",
                 "Write it to %2 with new disk and partition identifiers, partitions %3 typed Linux RAID, wiping old signatures where the new "
                 "partitions start",
                 "Write it to %2 with new disk and partition identifiers, partitions %3 typed Linux RAID, wiping old signatures where the new "
                 "partitions start",
                 int(v.raidNumbers.size()), dst, numberWords(v.raidNumbers));
    write.command = {QStringLiteral("sfdisk"), QStringLiteral("--no-reread"), QStringLiteral("--no-tell-kernel"), QStringLiteral("--wipe=always"),
                     QStringLiteral("--wipe-partitions=always"), dst};
    write.commandNote = QStringLiteral("< %1.sfdisk").arg(sourceName);
    const QStringList writeArgv = write.command;
    write.action = [writeArgv](StepContext &ctx) {
        const QByteArray dump = ctx.data.value(QStringLiteral("dump")).toByteArray();
        if (dump.isEmpty())
            return toolFailed(mi18n("There is no partition table to write (the previous step did not read one)."));
        return run(ctx, writeArgv, dump);
    };
    const bool hadTable = v.targetHadTable;
    write.undo = [dst, targetName, hadTable] { return restoreTableSteps(dst, targetName, hadTable); };
    // --no-reread turns off sfdisk's own check that the disk is unused: the claim stands in for it.
    write.erases = {{dst, targetName}};
    steps << write;

    Step reread = rereadStep(dst);
    reread.check = [sourceName, targetName, dst, src] {
        auto layout = [](const QString &disk) {
            QStringList parts;
            const QDir dir(QStringLiteral("/sys/block/") + disk);
            for (const QString &entry : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                const QString base = dir.filePath(entry);
                if (!QFileInfo::exists(base + QStringLiteral("/partition")))
                    continue;
                auto read = [&](const char *f) {
                    QFile file(base + QLatin1Char('/') + QLatin1String(f));
                    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
                };
                parts << QStringLiteral("%1:%2+%3").arg(read("partition"), read("start"), read("size"));
            }
            parts.sort();
            return parts;
        };
        QStringList want, got;
        const bool same = waitFor(10000, [&] {
            want = layout(sourceName);
            got = layout(targetName);
            return want == got;
        });
        if (!same)
            return toolFailed(mi18nc("@info %1 and %3 disks, %2 and %4 their partitions' numbers, starts and sizes", "%1's partitions (%2) do not match %3's (%4).",
                                    dst, got.join(QLatin1Char(' ')), src, want.join(QLatin1Char(' '))));
        return Status();
    };
    steps << reread;
    return steps;
}

} // namespace plexus

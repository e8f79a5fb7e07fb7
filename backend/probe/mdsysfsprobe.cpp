// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mdsysfsprobe.h"
#include "textfile.h"
#include "udevdb.h"
#include "model/raidlevel.h"

#include <QFileInfo>
#include <algorithm>

// Formats follow the kernel (Documentation/admin-guide/md.rst, drivers/md/md.c):
// every attribute is one line ending in "\n"; raid_disks and level read as empty
// while an array is not running. The "redundancy" attributes (degraded, sync_*,
// mismatch_cnt) exist only while a personality with resync runs (raid1/4/5/6/10),
// so their absence on raid0, linear or an inactive array is not worth a warning.

namespace plexus {

namespace {

const RaidLevel *rulesFor(const std::optional<QString> &level)
{
    return level ? raidLevel(*level) : nullptr;
}

bool isRedundantLevel(const std::optional<QString> &level)
{
    const RaidLevel *rules = rulesFor(level);
    return rules && rules->redundant;
}

bool hasParityLayout(const std::optional<QString> &level)
{
    const RaidLevel *rules = rulesFor(level);
    return rules && rules->parities > 0;
}

bool hasChunks(const std::optional<QString> &level)
{
    // linear has no stripes, but the kernel rounds its members to chunk_size
    // and mdstat prints that as "Nk rounding".
    const RaidLevel *rules = rulesFor(level);
    return rules && (rules->striped || rules->name == QLatin1String("linear"));
}

// One sysfs directory; reads its attributes and notes in `warnings` what it cannot.
class SysfsDir
{
public:
    enum Need { Required, Optional };

    SysfsDir(QString path, QStringList *warnings) : m_path(std::move(path)), m_warnings(warnings) {}

    const QString &dirPath() const { return m_path; }
    QString path(const QString &name) const { return m_path + QLatin1Char('/') + name; }
    bool exists() const { return QFileInfo(m_path).isDir(); }

    // The attribute's text without its newline; nullopt (and a warning when
    // Required) when it cannot be read.
    std::optional<QString> text(const QString &name, Need need = Required) const
    {
        const auto value = readTrimmed(path(name));
        if (!value && need == Required)
            warn(QStringLiteral("cannot read %1").arg(path(name)));
        return value;
    }

    // The first word as a number: "5 (4)" while reshaping gives 5, "1000 (system)"
    // gives 1000. Words such as "none" give nullopt without a warning.
    std::optional<qint64> number(const QString &name, Need need = Required) const
    {
        const auto value = text(name, need);
        if (!value || value->isEmpty() || *value == QLatin1String("none"))
            return std::nullopt;
        bool ok = false;
        const qint64 n = value->section(QLatin1Char(' '), 0, 0).toLongLong(&ok);
        if (!ok)
            warn(QStringLiteral("%1: unexpected content '%2'").arg(path(name), *value));
        return ok ? std::optional<qint64>(n) : std::nullopt;
    }

    void warn(const QString &message) const
    {
        if (m_warnings)
            m_warnings->append(message);
    }

private:
    QString m_path;
    QStringList *m_warnings;
};

// md/level normally holds the personality's name; before a run it may hold
// the number written by a tool ("5", "-1").
std::optional<QString> levelFromWord(const QString &word)
{
    if (word.isEmpty())
        return std::nullopt;
    bool numeric = false;
    const int n = word.toInt(&numeric);
    if (!numeric)
        return word;
    if (n == -1)
        return QStringLiteral("linear");
    return n >= 0 ? QStringLiteral("raid%1").arg(n) : word;
}

ArrayState arrayStateFromWord(const QString &word)
{
    if (word == QLatin1String("clear") || word == QLatin1String("inactive"))
        return ArrayState::Inactive;
    if (word == QLatin1String("readonly"))
        return ArrayState::ReadOnly;
    if (word == QLatin1String("read-auto"))
        return ArrayState::AutoReadOnly;
    if (word == QLatin1String("broken"))
        return ArrayState::Broken;
    return ArrayState::Active; // clean, active, active-idle, write-pending, suspended
}

std::optional<QString> metadataFromWord(const QString &word)
{
    if (word.isEmpty())
        return std::nullopt;
    return word == QLatin1String("none") ? QStringLiteral("non-persistent") : word;
}

// raid10's layout number packs near copies (bits 0-7), far copies (8-15) and
// "far copies are offset" (bit 16); mdstat prints the same words.
QString raid10LayoutText(qint64 layout)
{
    const int nearCopies = int(layout & 0xff);
    const int farCopies = int((layout >> 8) & 0xff);
    const bool offset = layout & (1 << 16);
    QStringList parts;
    if (nearCopies > 1)
        parts << QStringLiteral("%1 near-copies").arg(nearCopies);
    if (farCopies > 1)
        parts << QStringLiteral("%1 %2-copies").arg(farCopies).arg(offset ? QStringLiteral("offset") : QStringLiteral("far"));
    return parts.join(QLatin1Char(' '));
}

// Kernel names with '/' ("cciss/c0d0") appear in sysfs with '!' instead.
QString memberDeviceName(const QString &entry)
{
    return entry.mid(4).replace(QLatin1Char('!'), QLatin1Char('/'));
}

void applyStateWords(Member *m, const QStringList &words)
{
    m->rawState = words;
    m->faulty = words.contains(QLatin1String("faulty"));
    m->inSync = words.contains(QLatin1String("in_sync"));
    m->journal = words.contains(QLatin1String("journal"));
    m->writeMostly = words.contains(QLatin1String("write_mostly"));
    m->blocked = words.contains(QLatin1String("blocked"));
    m->writeError = words.contains(QLatin1String("write_error"));
    m->wantReplacement = words.contains(QLatin1String("want_replacement"));
    m->replacement = words.contains(QLatin1String("replacement"));
}

std::optional<int> slotFromWord(const std::optional<QString> &word)
{
    bool ok = false;
    const int slot = word ? word->toInt(&ok) : -1;
    return ok ? std::optional<int>(slot) : std::nullopt; // "none", "journal"
}

// One md/dev-* directory; nullopt when it vanished (member removed while we read).
std::optional<Member> readMember(const QString &mdDir, const QString &entry, QStringList *warnings)
{
    QStringList local;
    const SysfsDir dir(mdDir + QLatin1Char('/') + entry, &local);
    Member m;
    m.device = memberDeviceName(entry);
    const auto state = dir.text(QStringLiteral("state"));
    if (state)
        applyStateWords(&m, state->split(QLatin1Char(','), Qt::SkipEmptyParts));
    m.slot = slotFromWord(dir.text(QStringLiteral("slot")));
    m.errors = dir.number(QStringLiteral("errors"));
    if (!dir.exists())
        return std::nullopt; // gone between listing and reading: not an error
    if (warnings)
        warnings->append(local);
    // What mdstat calls a spare (S): a working device without a role. The kernel's
    // own "spare" word also covers a member still being rebuilt into its slot.
    m.spare = !m.faulty && !m.journal && !m.slot;
    // md does not export desc_nr (mdstat's bracketed number); the slot is the
    // nearest stand-in for members that hold one. The snapshot takes mdstat's.
    if (m.slot && (m.inSync || m.replacement))
        m.index = *m.slot;
    return m;
}

// Members in slot order, then those without a slot by name.
QList<Member> readMembers(const QString &mdDir, QStringList *warnings)
{
    QList<Member> members;
    for (const QString &entry : listDir(mdDir)) {
        if (!entry.startsWith(QLatin1String("dev-")))
            continue;
        if (auto m = readMember(mdDir, entry, warnings))
            members.append(*m);
    }
    std::stable_sort(members.begin(), members.end(), [](const Member &a, const Member &b) {
        if (a.slot.has_value() != b.slot.has_value())
            return a.slot.has_value();
        return a.slot && b.slot && *a.slot < *b.slot;
    });
    return members;
}

bool holdsSlot(const Member &m, int slot)
{
    return m.slot == slot && m.inSync && !m.faulty && !m.replacement;
}

// "UU_" as raid1/4/5/6/10 print it: one letter per slot, U when a working
// member (not a replacement still being built) holds it.
QString memberStatusText(int raidDisks, const QList<Member> &members)
{
    QString status;
    for (int slot = 0; slot < raidDisks; ++slot) {
        const bool up = std::any_of(members.begin(), members.end(), [slot](const Member &m) { return holdsSlot(m, slot); });
        status += up ? QLatin1Char('U') : QLatin1Char('_');
    }
    return status;
}

int workingMembers(const QList<Member> &members, std::optional<int> raidDisks)
{
    return int(std::count_if(members.begin(), members.end(), [&](const Member &m) {
        return m.inSync && !m.faulty && !m.replacement && !m.journal && (!raidDisks || !m.slot || *m.slot < *raidDisks);
    }));
}

// The kernel's own per-mille (md.c status_resync), so the percentage matches the
// one /proc/mdstat prints for the same numbers: rounded down, coarse on tiny arrays.
double kernelPercent(qint64 doneSectors, qint64 totalSectors)
{
    const qint64 perMille = ((doneSectors >> 10) * 1000) / ((totalSectors >> 10) + 1);
    return double(qMin<qint64>(perMille, 1000)) / 10.0;
}

// Minutes left at the current rate, truncated to tenths as mdstat prints them.
double minutesLeft(qint64 remainingKib, qint64 kibPerSec)
{
    const qint64 seconds = remainingKib / kibPerSec;
    return double(seconds / 60 * 10 + (seconds % 60) / 6) / 10.0; // one division: same double as "M.T" parsed
}

// "done / total" in 512-byte sectors.
bool parseCompleted(const QString &text, qint64 *done, qint64 *total)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    if (parts.size() != 2)
        return false;
    bool ok1 = false, ok2 = false;
    *done = parts[0].trimmed().toLongLong(&ok1);
    *total = parts[1].trimmed().toLongLong(&ok2);
    return ok1 && ok2 && *total > 0;
}

void readProgressNumbers(const SysfsDir &md, SyncProgress *p)
{
    const auto completed = md.text(QStringLiteral("sync_completed"));
    if (!completed)
        return;
    if (*completed == QLatin1String("delayed")) {
        p->status = SyncStatus::Delayed; // waiting for another array on the same disks
        return;
    }
    if (*completed == QLatin1String("none")) {
        p->status = SyncStatus::Pending; // requested, thread not started yet
        return;
    }
    qint64 done = 0, total = 0;
    if (!parseCompleted(*completed, &done, &total)) {
        md.warn(QStringLiteral("%1: unexpected content '%2'").arg(md.path(QStringLiteral("sync_completed")), *completed));
        return;
    }
    p->doneKib = done / 2;
    p->totalKib = total / 2;
    p->percent = kernelPercent(done, total);
    p->speedKibPerSec = md.number(QStringLiteral("sync_speed"));
    if (p->speedKibPerSec && *p->speedKibPerSec > 0)
        p->finishMinutes = minutesLeft(qMax<qint64>(0, *p->totalKib - *p->doneKib), *p->speedKibPerSec);
}

// Idle, but the array is not known to be in sync (md/resync_start is a sector
// number, not "none"): mdstat prints "resync=PENDING", typically for an
// auto-read-only array that will resync on its first write.
std::optional<SyncProgress> pendingResync(const SysfsDir &md)
{
    const auto start = md.text(QStringLiteral("resync_start"), SysfsDir::Optional);
    bool numeric = false;
    if (start)
        start->toLongLong(&numeric);
    if (!numeric)
        return std::nullopt;
    SyncProgress p;
    p.action = SyncAction::Resync;
    p.status = SyncStatus::Pending;
    return p;
}

std::optional<SyncProgress> readSync(const SysfsDir &md)
{
    const auto word = md.text(QStringLiteral("sync_action"));
    if (!word)
        return std::nullopt;
    if (*word == QLatin1String("idle") || *word == QLatin1String("frozen"))
        return pendingResync(md);
    const auto action = syncActionFromKernelWord(*word);
    if (!action) {
        md.warn(QStringLiteral("%1: unknown action '%2'").arg(md.path(QStringLiteral("sync_action")), *word));
        return std::nullopt;
    }
    SyncProgress p;
    p.action = *action;
    readProgressNumbers(md, &p);
    return p;
}

std::optional<Bitmap> readBitmap(const SysfsDir &md)
{
    // md/bitmap/ is missing on old kernels; location is "none", "file" or "+8".
    const auto location = md.text(QStringLiteral("bitmap/location"), SysfsDir::Optional);
    if (!location || location->isEmpty() || *location == QLatin1String("none"))
        return std::nullopt;
    Bitmap b;
    b.chunkBytes = md.number(QStringLiteral("bitmap/chunksize")).value_or(0);
    return b; // pages and the file's path are only in /proc/mdstat
}

// An all-zero UUID is what md shows before an array has been assembled.
QString uuidFromText(const std::optional<QString> &text)
{
    if (!text || QString(*text).remove(QLatin1Char('0')).remove(QLatin1Char('-')).isEmpty())
        return {};
    return *text;
}

void readGeometry(const SysfsDir &md, Array *a)
{
    if (const auto level = md.text(QStringLiteral("level")))
        a->level = levelFromWord(*level);
    if (const auto disks = md.number(QStringLiteral("raid_disks")))
        a->raidDisks = int(*disks); // "5 (4)" while reshaping: the new count
    const auto chunk = md.number(QStringLiteral("chunk_size"));
    if (chunk && *chunk > 0 && hasChunks(a->level))
        a->chunkKib = int(*chunk / 1024);
    const auto layout = md.number(QStringLiteral("layout"));
    if (layout && hasParityLayout(a->level))
        a->layout = int(*layout);
    if (layout && a->level == QLatin1String("raid10"))
        a->raid10Layout = raid10LayoutText(*layout);
    if (const auto metadata = md.text(QStringLiteral("metadata_version")); metadata && a->arrayStateWord != QLatin1String("clear"))
        a->metadata = metadataFromWord(*metadata);
    a->uuid = uuidFromText(md.text(QStringLiteral("uuid"), SysfsDir::Optional));
}

void readState(const SysfsDir &md, Array *a)
{
    if (const auto word = md.text(QStringLiteral("array_state"))) {
        a->arrayStateWord = *word;
        a->state = arrayStateFromWord(*word);
    }
}

void readSize(const SysfsDir &block, Array *a)
{
    const auto sectors = block.number(QStringLiteral("size"));
    if (!sectors || (*sectors == 0 && a->state == ArrayState::Inactive))
        return;
    a->sizeKib = *sectors / 2;
}

void readRedundancy(const SysfsDir &md, Array *a)
{
    if (const auto degraded = md.number(QStringLiteral("degraded")))
        a->degradedCount = int(*degraded);
    a->mismatchCount = md.number(QStringLiteral("mismatch_cnt"));
    a->syncSpeedMin = md.number(QStringLiteral("sync_speed_min"));
    a->syncSpeedMax = md.number(QStringLiteral("sync_speed_max"));
    a->sync = readSync(md);
}

void deriveCounts(Array *a)
{
    a->degraded = a->degradedCount.value_or(0) > 0;
    if (a->state == ArrayState::Inactive || !a->level)
        return; // nothing runs: no slots to show, nothing active
    if (isRedundantLevel(a->level) && a->raidDisks) {
        a->memberStatus = memberStatusText(*a->raidDisks, a->members);
        a->activeDisks = a->degradedCount ? *a->raidDisks - *a->degradedCount
                                          : workingMembers(a->members, a->raidDisks);
    } else {
        a->activeDisks = workingMembers(a->members, a->raidDisks);
    }
}

} // namespace

MdSysfsProbe::MdSysfsProbe(const QString &root)
    : m_root(root == QLatin1String("/") ? QString() : (root.endsWith(QLatin1Char('/')) ? root.chopped(1) : root))
{
}

QString MdSysfsProbe::mdDir(const QString &name) const
{
    return m_root + QStringLiteral("/sys/block/") + name + QStringLiteral("/md");
}

std::optional<Array> MdSysfsProbe::array(const QString &name, QStringList *warnings) const
{
    QStringList local;
    const SysfsDir md(mdDir(name), &local);
    if (!md.exists())
        return std::nullopt;
    Array a;
    a.name = name;
    readState(md, &a);
    readGeometry(md, &a);
    if (a.arrayStateWord.isEmpty() && !a.level)
        a.state = ArrayState::Inactive; // array_state unreadable: no level, no personality
    readSize(SysfsDir(m_root + QStringLiteral("/sys/block/") + name, &local), &a);
    if (isRedundantLevel(a.level) && a.state != ArrayState::Inactive)
        readRedundancy(md, &a);
    a.bitmap = readBitmap(md);
    a.members = readMembers(md.dirPath(), &local);
    deriveCounts(&a);
    // What the array holds, as udev saw it (world-readable, like the rest).
    const auto udev = udevProperties(m_root, m_root + QStringLiteral("/sys/block/") + name);
    a.fsType = udev.value(QStringLiteral("ID_FS_TYPE"));
    a.fsLabel = udev.value(QStringLiteral("ID_FS_LABEL"));
    if (!md.exists())
        return std::nullopt; // stopped while we read: nothing to report
    if (warnings)
        warnings->append(local);
    return a;
}

// Natural order: md2 before md10, md127 last.
bool MdSysfsProbe::nameLess(const QString &a, const QString &b)
{
    bool okA = false, okB = false;
    const int na = a.mid(2).toInt(&okA);
    const int nb = b.mid(2).toInt(&okB);
    if (okA && okB)
        return na < nb;
    if (okA != okB)
        return okA;
    return a < b;
}

QList<Array> MdSysfsProbe::arrays(QStringList *warnings) const
{
    QStringList names;
    for (const QString &entry : listDir(m_root + QStringLiteral("/sys/block")))
        if (entry.startsWith(QLatin1String("md")) && QFileInfo(mdDir(entry)).isDir())
            names << entry;
    std::sort(names.begin(), names.end(), nameLess);
    QList<Array> result;
    for (const QString &name : names)
        if (auto a = array(name, warnings))
            result.append(*a);
    return result;
}

} // namespace plexus

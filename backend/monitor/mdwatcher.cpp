// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mdwatcher.h"
#include "probe/textfile.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <QSocketNotifier>
#include <Solid/DeviceNotifier>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <optional>
#include <utility>
#include <sys/stat.h>
#include <unistd.h>

namespace plexus {

namespace {

// The md attributes the kernel notifies (Documentation/admin-guide/md.rst).
const char *const notifiedArrayAttributes[] = {"array_state", "degraded", "sync_action", "sync_completed"};
constexpr int progressIntervalMs = 1000;
// Several files fire for one event (mdadm --fail: dev-*/state, degraded,
// mdstat, within a few ms). The first change is reported at once (that is the
// latency a failure notification pays); the rest within this window come
// together in one more report at its end.
constexpr int coalesceMs = 30;

// The whole file from its start; nullopt when reading fails (a removed sysfs
// attribute keeps its fd but reads fail or come back empty).
std::optional<QByteArray> readFromStart(int fd)
{
    if (::lseek(fd, 0, SEEK_SET) < 0)
        return std::nullopt;
    QByteArray data;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n == 0)
            return data;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return std::nullopt;
        }
        data.append(buffer, n);
    }
}

// /proc/mdstat by array: each "mdN : ..." line with the lines under it, and
// under "" the lines that belong to no array (Personalities, unused devices).
QHash<QString, QByteArray> mdstatStanzas(const QByteArray &text)
{
    QHash<QString, QByteArray> stanzas;
    QString current;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith("md") && line.contains(" : "))
            current = QString::fromLatin1(line.left(line.indexOf(' ')));
        else if (line.trimmed().isEmpty() || !line.startsWith(' '))
            current.clear();
        stanzas[current] += line + '\n';
    }
    return stanzas;
}

bool isSyncing(const QByteArray &syncAction)
{
    const QByteArray word = syncAction.trimmed();
    return word != "idle" && word != "frozen";
}

} // namespace

struct MdWatcher::Watch {
    int fd = -1;
    dev_t device = 0;
    ino_t inode = 0;
    QByteArray content;
    QByteArray previous;                  // before the last change: which arrays' lines of mdstat changed
    std::unique_ptr<QSocketNotifier> notifier;

    enum class Read { Same, Changed, Unreadable };

    Read reread()
    {
        const auto now = readFromStart(fd);
        if (!now || now->isEmpty())
            return Read::Unreadable;
        if (*now == content)
            return Read::Same;
        previous = std::exchange(content, *now);
        return Read::Changed;
    }

    ~Watch()
    {
        // Stop polling before the fd goes away. A watch may be dropped from
        // inside its own notifier's activated(): delete that one later.
        if (notifier) {
            notifier->setEnabled(false);
            notifier.release()->deleteLater();
        }
        if (fd >= 0)
            ::close(fd);
    }
};

MdWatcher::MdWatcher(const QString &root, QObject *parent)
    : QObject(parent)
    , m_base(root == QLatin1String("/") ? QString() : (root.endsWith(QLatin1Char('/')) ? root.chopped(1) : root))
{
    setObjectName(QStringLiteral("mdWatcher"));
    m_progressTimer.setInterval(progressIntervalMs);
    m_progressTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_progressTimer, &QTimer::timeout, this, &MdWatcher::progressTick);
    // Zero-time, so that notifications already queued in this event-loop
    // turn join the first report instead of starting the window.
    m_emitSoon.setSingleShot(true);
    m_emitSoon.setInterval(0);
    connect(&m_emitSoon, &QTimer::timeout, this, [this] {
        m_cooldown.start();
        Q_EMIT changed();
    });
    m_cooldown.setSingleShot(true);
    m_cooldown.setInterval(coalesceMs);
    connect(&m_cooldown, &QTimer::timeout, this, &MdWatcher::onCooldownEnded);

    rescan();
    updateProgressTimer();

    // Disks come and go through udev; UDisks (behind Solid) reports it. A
    // fixture tree has no udev: tests call refresh() instead.
    if (m_base.isEmpty()) {
        auto *devices = Solid::DeviceNotifier::instance();
        const auto fromUdi = [this](const QString &udi) {
            if (const QString name = blockDeviceOfUdi(udi); !name.isEmpty())
                deviceCameOrWent(name);
        };
        connect(devices, &Solid::DeviceNotifier::deviceAdded, this, fromUdi);
        connect(devices, &Solid::DeviceNotifier::deviceRemoved, this, fromUdi);
    }
}

MdWatcher::~MdWatcher() = default;

QString MdWatcher::blockDeviceOfUdi(const QString &udi)
{
    const QLatin1String prefix("/org/freedesktop/UDisks2/block_devices/");
    if (!udi.startsWith(prefix))
        return {};
    const QByteArray escaped = udi.mid(prefix.size()).toLatin1();
    QByteArray name;
    for (qsizetype i = 0; i < escaped.size(); ++i) {
        bool ok = false;
        const int byte = escaped[i] == '_' ? escaped.mid(i + 1, 2).toInt(&ok, 16) : 0;
        if (ok && i + 2 < escaped.size()) {
            name += char(byte);
            i += 2;
        } else {
            name += escaped[i];
        }
    }
    return QString::fromLatin1(name);
}

QStringList MdWatcher::watchedPaths() const
{
    QStringList paths;
    for (const auto &[path, watch] : m_watches)
        paths << path;
    return paths; // std::map keeps them sorted
}

bool MdWatcher::isFollowingProgress() const
{
    return m_progressTimer.isActive();
}

namespace {
// What was noted since the last take, and nothing now: nullopt when all was.
std::optional<QSet<QString>> take(bool *all, QSet<QString> *noted)
{
    QSet<QString> names = std::exchange(*noted, {});
    if (std::exchange(*all, false))
        return std::nullopt;
    return names;
}
} // namespace

std::optional<QSet<QString>> MdWatcher::takeChangedDevices()
{
    return take(&m_allDevicesChanged, &m_changedDevices);
}

void MdWatcher::deviceCameOrWent(const QString &name)
{
    m_changedDevices.insert(name);
    afterChange();
}

std::optional<QSet<QString>> MdWatcher::takeChangedArrays()
{
    return take(&m_allArraysChanged, &m_changedArrays);
}

void MdWatcher::noteArrayOf(const QString &path)
{
    const QString sysBlock = m_base + QStringLiteral("/sys/block/");
    if (path.startsWith(sysBlock))
        m_changedArrays.insert(path.mid(sysBlock.size()).section(QLatin1Char('/'), 0, 0));
    else
        m_allArraysChanged = true;
}

void MdWatcher::noteChanged(const QString &path, const Watch &watch)
{
    if (path != m_base + QStringLiteral("/proc/mdstat")) {
        noteArrayOf(path);
        return;
    }
    const QHash<QString, QByteArray> before = mdstatStanzas(watch.previous), after = mdstatStanzas(watch.content);
    QSet<QString> names;
    for (auto it = before.begin(); it != before.end(); ++it)
        if (after.value(it.key()) != it.value())
            names.insert(it.key());
    for (auto it = after.begin(); it != after.end(); ++it)
        if (!before.contains(it.key()))
            names.insert(it.key());
    if (names.remove(QString())) // Personalities, unused devices
        m_allArraysChanged = true;
    m_changedArrays.unite(names);
}

void MdWatcher::refresh()
{
    m_allDevicesChanged = true;
    m_allArraysChanged = true;
    QStringList unreadable;
    for (const auto &[path, watch] : m_watches)
        if (watch->reread() == Watch::Read::Unreadable)
            unreadable << path;
    for (const QString &path : unreadable)
        drop(path);
    rescan();
    updateProgressTimer();
    if (!m_emitSoon.isActive())
        m_emitSoon.start(); // refresh() always reports
}

QStringList MdWatcher::wantedPaths(const std::optional<QSet<QString>> &arrays) const
{
    QStringList paths{m_base + QStringLiteral("/proc/mdstat")};
    const QString sysBlock = m_base + QStringLiteral("/sys/block/");
    for (const QString &name : arrays ? QStringList(arrays->begin(), arrays->end()) : listDir(sysBlock)) {
        if (!name.startsWith(QLatin1String("md")))
            continue;
        const QString md = sysBlock + name + QStringLiteral("/md/");
        for (const char *attribute : notifiedArrayAttributes)
            paths << md + QLatin1String(attribute);
        for (const QString &entry : listDir(md))
            if (entry.startsWith(QLatin1String("dev-")))
                paths << md + entry + QStringLiteral("/state");
    }
    return paths;
}

bool MdWatcher::rescan(const std::optional<QSet<QString>> &arrays)
{
    const QStringList wantedList = wantedPaths(arrays);
    const QSet<QString> wanted(wantedList.begin(), wantedList.end());
    const QString sysBlock = m_base + QStringLiteral("/sys/block/");
    const auto inScope = [&](const QString &path) {
        return !arrays || !path.startsWith(sysBlock) || arrays->contains(path.mid(sysBlock.size()).section(QLatin1Char('/'), 0, 0));
    };
    bool changed = false;

    // A file that is gone or was replaced (a member removed and added again
    // gets a new dev-*/state) needs a fresh fd.
    for (auto it = m_watches.begin(); it != m_watches.end();) {
        if (!inScope(it->first)) {
            ++it;
            continue;
        }
        struct stat st;
        const bool same = wanted.contains(it->first) && ::stat(QFile::encodeName(it->first).constData(), &st) == 0
            && st.st_dev == it->second->device && st.st_ino == it->second->inode;
        if (same) {
            ++it;
        } else {
            noteArrayOf(it->first); // stopped, or a member gone: that array changed
            it = m_watches.erase(it);
            changed = true;
        }
    }

    for (const QString &path : wantedList) {
        if (m_watches.count(path))
            continue;
        auto watch = std::make_unique<Watch>();
        watch->fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        struct stat st;
        if (watch->fd < 0 || ::fstat(watch->fd, &st) != 0 || watch->reread() == Watch::Read::Unreadable)
            continue; // absent (raid0 has no "degraded") or empty: nothing to wait on
        watch->device = st.st_dev;
        watch->inode = st.st_ino;
        watch->notifier = std::make_unique<QSocketNotifier>(watch->fd, QSocketNotifier::Exception);
        connect(watch->notifier.get(), &QSocketNotifier::activated, this, [this, path] { notified(path); });
        m_watches.emplace(path, std::move(watch));
        noteArrayOf(path); // a new array or member
        changed = true;
    }
    return changed;
}

void MdWatcher::notified(const QString &path)
{
    const auto it = m_watches.find(path);
    if (it == m_watches.end())
        return;
    switch (it->second->reread()) {
    case Watch::Read::Same:
        return;
    case Watch::Read::Unreadable:
        // TRAP: a removed attribute's fd keeps firing and reads "": without
        // this the notifier would spin. Drop it; the rescan finds what is left.
        noteArrayOf(path);
        drop(path);
        break;
    case Watch::Read::Changed:
        noteChanged(path, *it->second);
        break;
    }
    afterChange();
}

void MdWatcher::recheck()
{
    rereadWatches([](const QString &) { return true; }, true);
}

void MdWatcher::progressTick()
{
    // Progress moves /proc/mdstat's lines and sync_completed; sync_action says
    // when it ends. Arrays and members come and go with md's own notifications,
    // which look for them; so does work starting on an idle array (md notifies
    // its sync_action, and mdstat changes). A tick reads mdstat and the two
    // files of the arrays at work, and nothing else.
    const QString mdstat = m_base + QStringLiteral("/proc/mdstat");
    const QStringList working = workingArrays();
    rereadWatches(
        [&](const QString &path) {
            if (path == mdstat)
                return true;
            if (!path.endsWith(QLatin1String("/md/sync_completed")) && !path.endsWith(QLatin1String("/md/sync_action")))
                return false;
            return std::any_of(working.begin(), working.end(), [&](const QString &md) { return path.startsWith(md); });
        },
        false);
}

void MdWatcher::rereadWatches(const std::function<bool(const QString &)> &which, bool lookForNew)
{
    QStringList unreadable;
    bool changed = false;
    for (const auto &[path, watch] : m_watches) {
        if (!which(path))
            continue;
        switch (watch->reread()) {
        case Watch::Read::Same: break;
        case Watch::Read::Changed: changed = true; noteChanged(path, *watch); break;
        case Watch::Read::Unreadable: unreadable << path; break;
        }
    }
    for (const QString &path : unreadable) {
        noteArrayOf(path);
        drop(path);
    }
    if (changed || !unreadable.isEmpty())
        afterChange(lookForNew || !unreadable.isEmpty());
}

void MdWatcher::drop(const QString &path)
{
    m_watches.erase(path);
}

void MdWatcher::afterChange(bool lookForNew)
{
    // Arrays and members appear and go with a notification about their
    // array (its lines of mdstat included): look among those arrays only.
    if (lookForNew)
        rescan(m_allArraysChanged ? std::nullopt : std::optional(m_changedArrays));
    updateProgressTimer();
    if (m_emitSoon.isActive())
        return; // the report about to go out covers it
    if (m_cooldown.isActive())
        m_changedInCooldown = true;
    else
        m_emitSoon.start();
}

void MdWatcher::onCooldownEnded()
{
    if (!std::exchange(m_changedInCooldown, false))
        return; // a quiet window: idle again, no timer left
    m_cooldown.start();
    Q_EMIT changed();
}

QStringList MdWatcher::workingArrays() const
{
    QStringList working;
    for (const auto &[path, watch] : m_watches)
        if (path.endsWith(QLatin1String("/md/sync_action")) && isSyncing(watch->content))
            working << path.chopped(int(qstrlen("sync_action")));
    return working;
}

void MdWatcher::updateProgressTimer()
{
    const bool syncing = !workingArrays().isEmpty();
    if (syncing && !m_progressTimer.isActive())
        m_progressTimer.start();
    else if (!syncing)
        m_progressTimer.stop();
}

} // namespace plexus

// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "agreement.h"

#include <QSet>

// Only fields both views really carry are compared, and only when both know
// them (an unset optional or empty text means "this source does not say").
// Numbers that move on their own (progress, speed, bitmap pages) are left out:
// the two files are read at different moments and sysfs only updates progress
// at checkpoints.

namespace plexus {

namespace {

QString says(const QString &field, const QString &sysfs, const QString &mdstat)
{
    return QStringLiteral("%1: sysfs says %2, /proc/mdstat says %3").arg(field, sysfs, mdstat);
}

QString text(const QString &v) { return v; }
QString text(qint64 v) { return QString::number(v); }
QString text(int v) { return QString::number(v); }
QString text(bool v) { return v ? QStringLiteral("yes") : QStringLiteral("no"); }

template<typename T>
void compare(QStringList *out, const QString &field, const std::optional<T> &sysfs, const std::optional<T> &mdstat)
{
    if (sysfs && mdstat && *sysfs != *mdstat)
        out->append(says(field, text(*sysfs), text(*mdstat)));
}

void compareText(QStringList *out, const QString &field, const QString &sysfs, const QString &mdstat)
{
    if (!sysfs.isEmpty() && !mdstat.isEmpty() && sysfs != mdstat)
        out->append(says(field, sysfs, mdstat));
}

// mdstat says "active" for an array sysfs calls "broken" (raid0/linear that lost
// a member); "(read-only)" and "(auto-read-only)" match readonly and read-auto.
ArrayState asMdstatShowsIt(ArrayState s)
{
    return s == ArrayState::Broken ? ArrayState::Active : s;
}

void compareState(QStringList *out, const Array &s, const Array &m)
{
    if (asMdstatShowsIt(s.state) != asMdstatShowsIt(m.state))
        out->append(says(QStringLiteral("state"), toString(s.state), toString(m.state)));
}

// mdstat only shows [n/m] for redundant levels; without it, it says nothing
// about degradation.
void compareDegraded(QStringList *out, const Array &s, const Array &m)
{
    if (s.degradedCount && m.activeDisks && s.degraded != m.degraded)
        out->append(says(QStringLiteral("degraded"), text(s.degraded), text(m.degraded)));
}

// No bitmap from sysfs may mean "none" or "no md/bitmap/ to ask" (old kernels,
// captured trees), so only a bitmap sysfs does see is held against mdstat.
void compareBitmap(QStringList *out, const Array &s, const Array &m)
{
    if (!s.bitmap)
        return;
    if (!m.bitmap) {
        out->append(says(QStringLiteral("bitmap"), QStringLiteral("present"), QStringLiteral("none")));
        return;
    }
    if (s.bitmap->chunkBytes && m.bitmap->chunkBytes && s.bitmap->chunkBytes != m.bitmap->chunkBytes)
        out->append(says(QStringLiteral("bitmap chunk (bytes)"), text(s.bitmap->chunkBytes), text(m.bitmap->chunkBytes)));
}

void compareMemberFlags(QStringList *out, const Member &s, const Member &m)
{
    const std::pair<const char *, bool Member::*> flags[] = {
        {"faulty", &Member::faulty},           {"spare", &Member::spare},
        {"write-mostly", &Member::writeMostly}, {"replacement", &Member::replacement},
        {"journal", &Member::journal},
    };
    for (const auto &[name, flag] : flags)
        if (s.*flag != m.*flag)
            out->append(says(QStringLiteral("member %1 %2").arg(s.device, QLatin1String(name)), text(s.*flag), text(m.*flag)));
}

void compareMembers(QStringList *out, const Array &s, const Array &m)
{
    for (const Member &sm : s.members) {
        if (const Member *mm = m.member(sm.device))
            compareMemberFlags(out, sm, *mm);
        else
            out->append(QStringLiteral("member %1: only in sysfs").arg(sm.device));
    }
    for (const Member &mm : m.members)
        if (!s.member(mm.device))
            out->append(QStringLiteral("member %1: only in /proc/mdstat").arg(mm.device));
}

QString describe(const std::optional<SyncProgress> &p)
{
    return p ? QStringLiteral("%1 (%2)").arg(toString(p->action), toString(p->status)) : QStringLiteral("no sync");
}

// Kernels up to 6.12 print a repair as "resync" in mdstat; only sync_action tells.
bool sameAction(SyncAction sysfs, SyncAction mdstat)
{
    return sysfs == mdstat || (sysfs == SyncAction::Repair && mdstat == SyncAction::Resync);
}

void compareSync(QStringList *out, const Array &s, const Array &m)
{
    if (s.sync.has_value() != m.sync.has_value()) {
        out->append(says(QStringLiteral("sync"), describe(s.sync), describe(m.sync)));
        return;
    }
    if (!s.sync)
        return;
    if (s.sync->status != m.sync->status) {
        out->append(says(QStringLiteral("sync status"), toString(s.sync->status), toString(m.sync->status)));
        return;
    }
    // A waiting sync always reads "resync=DELAYED|PENDING" in mdstat, whatever it will do.
    if (s.sync->status == SyncStatus::Running && !sameAction(s.sync->action, m.sync->action))
        out->append(says(QStringLiteral("sync action"), toString(s.sync->action), toString(m.sync->action)));
}

} // namespace

QStringList disagreements(const Array &fromSysfs, const Array &fromMdstat)
{
    const Array &s = fromSysfs;
    const Array &m = fromMdstat;
    QStringList out;
    compare(&out, QStringLiteral("level"), s.level, m.level);
    compareState(&out, s, m);
    compare(&out, QStringLiteral("raid_disks"), s.raidDisks, m.raidDisks);
    compare(&out, QStringLiteral("active_disks"), s.activeDisks, m.activeDisks);
    compareDegraded(&out, s, m);
    compare(&out, QStringLiteral("size (KiB)"), s.sizeKib, m.sizeKib);
    compare(&out, QStringLiteral("metadata"), s.metadata, m.metadata);
    compare(&out, QStringLiteral("chunk (KiB)"), s.chunkKib, m.chunkKib);
    compare(&out, QStringLiteral("layout"), s.layout, m.layout);
    compareText(&out, QStringLiteral("raid10 layout"), s.raid10Layout, m.raid10Layout);
    compareText(&out, QStringLiteral("member status"), s.memberStatus, m.memberStatus);
    compareBitmap(&out, s, m);
    compareMembers(&out, s, m);
    compareSync(&out, s, m);
    return out;
}

} // namespace plexus

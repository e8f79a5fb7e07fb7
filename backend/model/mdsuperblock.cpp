// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mdsuperblock.h"

#include <KLocalizedString>

#include <QRegularExpression>
#include <QStringList>

namespace plexus {

bool MdSuperblock::seesActive(int otherSlot) const
{
    if (otherSlot < 0 || otherSlot >= arrayState.size())
        return false;
    const QChar c = arrayState.at(otherSlot);
    return c == QLatin1Char('A') || c == QLatin1Char('R');
}

QString MdSuperblock::history() const
{
    QList<int> without;
    for (int i = 0; i < arrayState.size(); ++i)
        if (!seesActive(i))
            without << i;
    const QString members = without.isEmpty()
        ? i18nc("an md member's history", "all members present")
        : i18ncp("an md member's history; %2 is a list of slot numbers", "ran without slot %2", "ran without slots %2", int(without.size()),
                 slotNumbers(without));
    return i18ncp("an md member's history: %2 the member, %3 when its superblock was last written, %1 its event count, %4 which members it saw",
                  "%2: last written %3, %1 event, %4", "%2: last written %3, %1 events, %4", events, device, updateTime, members);
}

QString slotNumbers(const QList<int> &slots)
{
    QStringList words;
    for (int i : slots)
        words << QString::number(i);
    return words.join(i18nc("separator between slot numbers in a list", ", "));
}

const MdSuperblock *newestOf(const QList<MdSuperblock> &members)
{
    const MdSuperblock *newest = nullptr;
    for (const MdSuperblock &m : members)
        if (!newest || m.events > newest->events)
            newest = &m;
    return newest;
}

std::optional<MdSuperblock> parseExamine(const QString &device, const QString &text)
{
    static const QRegularExpression field(QStringLiteral("^\\s*([A-Za-z ]+?)\\s+:\\s(.*)$"), QRegularExpression::MultilineOption);
    MdSuperblock s;
    s.device = device;
    QString version, role, events;
    for (auto it = field.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString key = m.captured(1), value = m.captured(2).trimmed();
        if (key == QLatin1String("Version"))
            version = value;
        else if (key == QLatin1String("Array UUID"))
            s.arrayUuid = value;
        else if (key == QLatin1String("Events"))
            events = value;
        else if (key == QLatin1String("Update Time"))
            s.updateTime = value;
        else if (key == QLatin1String("Device Role"))
            role = value;
        else if (key == QLatin1String("Array State"))
            s.arrayState = value.section(QLatin1Char(' '), 0, 0);
        else if (key == QLatin1String("Device UUID"))
            s.deviceUuid = value;
        else if (key == QLatin1String("Array Size"))
            s.arraySizeBytes = value.section(QLatin1Char(' '), 0, 0).toLongLong() * 1024;
        else if (key == QLatin1String("Data Offset") && value.endsWith(QLatin1String(" sectors")))
            s.dataOffsetBytes = value.section(QLatin1Char(' '), 0, 0).toLongLong() * 512;
    }
    bool ok = false;
    s.events = events.toLongLong(&ok);
    if (!version.startsWith(QLatin1String("1.")) || s.arrayUuid.isEmpty() || !ok || s.arrayState.isEmpty())
        return std::nullopt;
    static const QRegularExpression slotRe(QStringLiteral("^(?:Active|Replacement) device (\\d+)$"));
    if (const auto m = slotRe.match(role); m.hasMatch())
        s.slot = m.captured(1).toInt();
    return s;
}

QList<int> slotsLeftOut(const QList<MdSuperblock> &members)
{
    const MdSuperblock *newest = newestOf(members);
    QList<int> left;
    for (int i = 0; newest && i < newest->arrayState.size(); ++i) {
        bool filled = false;
        for (const MdSuperblock &m : members)
            filled = filled || m.slot == i;
        if (newest->seesActive(i) && !filled)
            left << i;
    }
    return left;
}

QList<MdSuperblock> divergedFrom(const MdSuperblock &a, const QList<MdSuperblock> &members)
{
    QList<MdSuperblock> result;
    if (!a.slot)
        return result;
    for (const MdSuperblock &b : members)
        if (b.device != a.device && b.slot && b.slot != a.slot && !a.seesActive(*b.slot) && !b.seesActive(*a.slot))
            result << b;
    return result;
}

} // namespace plexus

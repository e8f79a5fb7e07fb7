// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "memberslots.h"
#include "model/describe.h"

#include <KLocalizedString>

namespace plexus {

QString slotStateWord(SlotState state)
{
    switch (state) {
    case SlotState::InSync: return i18nc("a member slot's state", "in sync");
    case SlotState::Active: return i18nc("a member slot's state", "active");
    case SlotState::Rebuilding: return i18nc("a member slot's state", "rebuilding");
    case SlotState::Replacement: return i18nc("a member slot's state: a device being built to replace the slot's member", "replacement");
    case SlotState::Spare: return i18nc("a member slot's state", "spare");
    case SlotState::Faulty: return i18nc("a member slot's state", "faulty");
    case SlotState::Journal: return i18nc("a member slot's state: the array's write journal device", "journal");
    case SlotState::Missing: return i18nc("a member slot's state", "missing");
    case SlotState::Stopped: return i18nc("a member slot's state: its array is stopped", "not running");
    }
    return {};
}

SlotState slotStateOf(const Member &m, const Array &a)
{
    if (a.state == ArrayState::Inactive)
        return m.faulty ? SlotState::Faulty : SlotState::Stopped;
    const QString word = memberStateWord(m);
    if (word == QLatin1String("faulty")) return SlotState::Faulty;
    if (word == QLatin1String("journal")) return SlotState::Journal;
    if (word == QLatin1String("spare")) return SlotState::Spare;
    if (word == QLatin1String("replacement")) return SlotState::Replacement;
    if (word == QLatin1String("in_sync")) return SlotState::InSync;
    if (word == QLatin1String("rebuilding")) return SlotState::Rebuilding;
    return SlotState::Active;
}

QString MemberSlot::name() const
{
    return device.isEmpty() ? i18nc("a member slot of an array with no device in it; %1 is its number", "slot %1", slot.value_or(-1)) : device;
}

QString MemberSlot::stateText() const
{
    QString words = slotStateWord(state);
    if (writeMostly)
        words = i18nc("a member's state, then that md reads from it only when needed", "%1, write-mostly", words);
    if (wantReplacement)
        words = i18nc("a member's state, then that it is to be replaced", "%1, replacement requested", words);
    return words;
}

Tone MemberSlot::tone() const
{
    switch (state) {
    case SlotState::InSync:
    case SlotState::Active: return wantReplacement ? Tone::Warning : Tone::Good;
    case SlotState::Rebuilding:
    case SlotState::Replacement:
    case SlotState::Missing: return Tone::Warning;
    case SlotState::Faulty: return Tone::Bad;
    case SlotState::Journal: return Tone::Busy;
    case SlotState::Spare:
    case SlotState::Stopped: return Tone::Neutral;
    }
    return Tone::Neutral;
}

namespace {

MemberSlot slotFor(const Member &m, const Array &a)
{
    MemberSlot s;
    s.slot = m.slot;
    s.device = m.device;
    s.state = slotStateOf(m, a);
    s.writeMostly = m.writeMostly;
    s.wantReplacement = m.wantReplacement;
    s.errors = m.errors;
    return s;
}

} // namespace

QList<MemberSlot> memberSlots(const Array &a)
{
    QList<MemberSlot> slots;
    QList<const Member *> placed;
    const int raidDisks = a.state == ArrayState::Inactive ? 0 : a.raidDisks.value_or(0);
    for (int slot = 0; slot < raidDisks; ++slot) {
        bool held = false;
        // The member holding the slot first, then a replacement being built beside it.
        for (bool replacement : {false, true}) {
            for (const Member &m : a.members) {
                if (m.slot == slot && m.replacement == replacement && !m.journal) {
                    slots << slotFor(m, a);
                    placed << &m;
                    held = true;
                }
            }
        }
        if (!held) {
            MemberSlot missing;
            missing.slot = slot;
            slots << missing;
        }
    }
    for (const Member &m : a.members)
        if (!placed.contains(&m))
            slots << slotFor(m, a);
    return slots;
}

} // namespace plexus

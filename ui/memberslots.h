// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// An array as the row of slots a person pictures: one per raid slot (the
// member holding it, or "missing"), then spares, faulty and journal devices.

#include "model/array.h"
#include "tone.h"

namespace plexus {

enum class SlotState { InSync, Active, Rebuilding, Replacement, Spare, Faulty, Journal, Missing, Stopped };

struct MemberSlot {
    std::optional<int> slot;        // raid slot; none for spares and removed-from-role devices
    QString device;                 // empty for a missing slot
    SlotState state = SlotState::Missing;
    bool writeMostly = false;
    bool wantReplacement = false;
    std::optional<qint64> errors;

    // The device, or "slot 2" for a missing one: what the slot is called on
    // screen, to assistive technology and in a drop's words.
    QString name() const;
    // "in sync", "faulty", "missing", ... plus "write-mostly" and
    // "replacement requested" when they apply: what the slot says on screen.
    QString stateText() const;
    Tone tone() const;
};

QString slotStateWord(SlotState state);
SlotState slotStateOf(const Member &m, const Array &a);
QList<MemberSlot> memberSlots(const Array &a);

} // namespace plexus

#include "changenotes.h"
#include "memberslots.h"
#include "model/describe.h"
#include "words.h"

namespace plexus {

namespace {

Tone toneOfSlot(SlotState state)
{
    MemberSlot slot;
    slot.state = state;
    return slot.tone();
}

void diffDisks(const Snapshot &before, const Snapshot &after, QList<ChangeNote> *notes)
{
    for (const Disk &d : before.disks)
        if (!after.disk(d.name))
            *notes << ChangeNote{QStringLiteral("disk %1 removed (%2)").arg(d.name, d.model), Tone::Warning};
    for (const Disk &d : after.disks) {
        if (before.disk(d.name))
            continue;
        QStringList facts{d.model, humanSize(d.sizeBytes)};
        if (!d.bus.isEmpty())
            facts << busTitle(d.bus);
        facts.removeAll(QString());
        *notes << ChangeNote{QStringLiteral("disk %1 added (%2)").arg(d.name, facts.join(QStringLiteral(", "))), Tone::Neutral};
    }
}

void diffMembers(const Array &was, const Array &now, QList<ChangeNote> *notes)
{
    for (const Member &m : was.members)
        if (!now.member(m.device))
            *notes << ChangeNote{QStringLiteral("%1: %2 removed").arg(now.name, m.device), Tone::Neutral};
    for (const Member &m : now.members) {
        const SlotState state = slotStateOf(m, now);
        const Member *old = was.member(m.device);
        if (!old) {
            *notes << ChangeNote{QStringLiteral("%1: %2 added as %3").arg(now.name, m.device, slotStateWord(state)), toneOfSlot(state)};
            continue;
        }
        if (slotStateOf(*old, was) != state)
            *notes << ChangeNote{QStringLiteral("%1: %2 %3").arg(now.name, m.device, slotStateWord(state)), toneOfSlot(state)};
        if (old->wantReplacement != m.wantReplacement && m.wantReplacement)
            *notes << ChangeNote{QStringLiteral("%1: %2 marked for replacement").arg(now.name, m.device), Tone::Warning};
        if (old->errors && m.errors && *m.errors > *old->errors)
            *notes << ChangeNote{QStringLiteral("%1: %2 had %3 more read errors (corrected)").arg(now.name, m.device).arg(*m.errors - *old->errors),
                                 Tone::Warning};
    }
}

void diffSync(const Array &was, const Array &now, QList<ChangeNote> *notes)
{
    const bool running = now.sync && now.sync->status == SyncStatus::Running;
    const bool wasRunning = was.sync && was.sync->status == SyncStatus::Running;
    if (wasRunning && (!running || now.sync->action != was.sync->action))
        *notes << ChangeNote{QStringLiteral("%1: %2 finished").arg(now.name, toString(was.sync->action)), Tone::Good};
    if (running && (!wasRunning || now.sync->action != was.sync->action))
        *notes << ChangeNote{QStringLiteral("%1: %2 started").arg(now.name, toString(now.sync->action)),
                             now.sync->action == SyncAction::Recovery ? Tone::Warning : Tone::Busy};
    if (now.mismatchCount.value_or(0) > 0 && now.mismatchCount != was.mismatchCount && !running)
        *notes << ChangeNote{QStringLiteral("%1: %2 mismatched sectors found").arg(now.name).arg(*now.mismatchCount), Tone::Warning};
}

void diffArray(const Array &was, const Array &now, QList<ChangeNote> *notes)
{
    diffMembers(was, now, notes);
    const bool failed = arrayFailed(now);
    if (failed && !arrayFailed(was))
        *notes << ChangeNote{QStringLiteral("%1 failed").arg(now.name), Tone::Bad};
    else if (now.degraded && !was.degraded && !failed)
        *notes << ChangeNote{QStringLiteral("%1 degraded").arg(now.name), Tone::Warning};
    else if (!now.degraded && was.degraded)
        *notes << ChangeNote{QStringLiteral("%1 no longer degraded").arg(now.name), Tone::Good};
    if (now.state != was.state && !failed)
        *notes << ChangeNote{QStringLiteral("%1 is now %2").arg(now.name, toString(now.state)),
                             now.state == ArrayState::Active ? Tone::Good : Tone::Neutral};
    diffSync(was, now, notes);
}

} // namespace

QList<ChangeNote> describeChanges(const Snapshot &before, const Snapshot &after)
{
    QList<ChangeNote> notes;
    diffDisks(before, after, &notes);
    for (const Array &a : before.arrays)
        if (!after.array(a.name))
            notes << ChangeNote{QStringLiteral("%1 stopped").arg(a.name), Tone::Neutral};
    for (const Array &a : after.arrays) {
        if (const Array *was = before.array(a.name))
            diffArray(*was, a, &notes);
        else
            notes << ChangeNote{QStringLiteral("%1 appeared (%2, %3)").arg(a.name, levelTitle(a.level), arrayHealth(a)), arrayTone(a)};
    }
    return notes;
}

} // namespace plexus
